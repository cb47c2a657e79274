"""统一社会信用代码 (GB 32100-2015) and 专利申请号 checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from core.identifiers import (
    IdentifierError,
    PatentNumber,
    PatentText,
    PatentType,
    credit_code_check_char,
    is_valid_credit_code,
    is_valid_patent_number,
    normalize_credit_code,
    normalize_patent_number,
    parse_patent_number,
    patent_check_char,
    validate_credit_code,
)

# GB 32100 character set and weights, written out again here so that the check character
# used to build test data does not come from the code under test.
GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
GB32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def reference_credit_check(body: str) -> str:
    total = sum(GB32100_ALPHABET.index(c) * w for c, w in zip(body, GB32100_WEIGHTS, strict=True))
    return GB32100_ALPHABET[(31 - total % 31) % 31]


VALID_CODE = "91110000600037341L"


# ---------------------------------------------------------------------------
# 统一社会信用代码
# ---------------------------------------------------------------------------


class TestNormalizeCreditCode:
    def test_strips_ascii_and_full_width_spaces_and_upper_cases(self) -> None:
        assert normalize_credit_code(" 9111 0000\t6000\u3000373 41l\n") == VALID_CODE

    def test_converts_full_width_letters_and_digits(self) -> None:
        assert normalize_credit_code("９１１１００００６０００３７３４１Ｌ") == VALID_CODE
        assert normalize_credit_code("９１１１００００６０００３７３４１ｌ") == VALID_CODE

    def test_removes_zero_width_characters_from_pasted_text(self) -> None:
        assert normalize_credit_code("\ufeff91110000\u200b600037341L") == VALID_CODE


class TestValidateCreditCode:
    def test_valid_example(self) -> None:
        assert validate_credit_code(VALID_CODE) == VALID_CODE
        assert is_valid_credit_code(VALID_CODE)

    def test_returns_normalised_form(self) -> None:
        assert validate_credit_code("9111 0000 6000 3734 1l") == VALID_CODE

    @pytest.mark.parametrize(
        "code", ["N2500227MA5U1234X0", "Y1500000MJ01234569", "A1100000MB1X2Y3Q4X"]
    )
    def test_letter_registration_authorities_a_n_y_are_accepted(self, code: str) -> None:
        # stdnum refuses these although GB 32100 allows them.
        assert not uscc.is_valid(code)
        assert validate_credit_code(code) == code

    def test_letter_authority_code_with_wrong_check_is_refused(self) -> None:
        with pytest.raises(IdentifierError, match="校验不通过，请逐位核对原件"):
            validate_credit_code("N2500227MA5U1234X1")

    def test_wrong_check_character_never_gives_the_right_one_away(self) -> None:
        # A hurried clerk told 「应为 L」 changes the last character and a transposed code
        # passes (issue 20, 1): the message sends them back to the paper instead.
        with pytest.raises(IdentifierError) as info:
            validate_credit_code("91110000600037341K")
        message = str(info.value)
        assert message == "统一社会信用代码“91110000600037341K”校验不通过，请逐位核对原件"
        assert "L" not in message.replace("91110000600037341K", "")

    @pytest.mark.parametrize("length", [17, 19, 1])
    def test_wrong_length_reports_actual_length(self, length: int) -> None:
        code = (VALID_CODE * 2)[:length]
        with pytest.raises(IdentifierError, match=f"应为 18 位，实为 {length} 位"):
            validate_credit_code(code)

    def test_empty(self) -> None:
        with pytest.raises(IdentifierError, match="为空"):
            validate_credit_code(" \u3000 ")

    @pytest.mark.parametrize(
        ("letter", "hint"),
        [("I", "数字 1"), ("O", "数字 0"), ("Z", "数字 2"), ("S", "数字 5"), ("V", "字母 U")],
    )
    def test_excluded_letters_are_named_with_position(self, letter: str, hint: str) -> None:
        code = VALID_CODE[:11] + letter + VALID_CODE[12:]
        with pytest.raises(IdentifierError) as info:
            validate_credit_code(code)
        message = str(info.value)
        assert f"第 12 位“{letter}”不合法" in message
        assert "I、O、Z、S、V" in message
        assert hint in message

    def test_lower_case_excluded_letter_is_still_refused(self) -> None:
        with pytest.raises(IdentifierError, match="第 12 位“O”"):
            validate_credit_code("91110000600o37341L")

    def test_other_illegal_character_is_named_before_length(self) -> None:
        with pytest.raises(IdentifierError, match="第 5 位“-”不合法"):
            validate_credit_code("9111-0000600037341L")
        with pytest.raises(IdentifierError, match="第 3 位“京”不合法"):
            validate_credit_code("91京0000600037341L")

    @pytest.mark.parametrize("first", ["0", "B", "M", "X"])
    def test_unknown_registration_authority(self, first: str) -> None:
        body = first + VALID_CODE[1:17]
        with pytest.raises(IdentifierError, match=rf"第 1 位“{first}”不合法.*A、N、Y"):
            validate_credit_code(body + reference_credit_check(body))

    @pytest.mark.parametrize("pos", range(2, 9))
    def test_positions_2_to_8_must_be_digits(self, pos: int) -> None:
        body = VALID_CODE[: pos - 1] + "A" + VALID_CODE[pos:17]
        code = body + reference_credit_check(body)
        with pytest.raises(IdentifierError, match=rf"第 {pos} 位“A”不合法.*数字"):
            validate_credit_code(code)

    def test_is_valid_false_on_errors(self) -> None:
        assert not is_valid_credit_code("91110000600037341K")
        assert not is_valid_credit_code("")
        assert not is_valid_credit_code("abc")


_digit_first_body = st.builds(
    lambda a, b, c: a + b + c,
    st.sampled_from("123456789"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
    st.text(alphabet=GB32100_ALPHABET, min_size=9, max_size=9),
)
_letter_first_body = st.builds(
    lambda a, b, c: a + b + c,
    st.sampled_from("ANY"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
    st.text(alphabet=GB32100_ALPHABET, min_size=9, max_size=9),
)


@given(_digit_first_body)
def test_credit_check_char_agrees_with_stdnum(body: str) -> None:
    check = uscc.calc_check_digit(body)
    assert credit_code_check_char(body) == check
    assert validate_credit_code(body + check) == body + check


@given(_digit_first_body, st.sampled_from(GB32100_ALPHABET))
def test_validation_agrees_with_stdnum_on_every_check_character(body: str, check: str) -> None:
    # Core checks the code on its own; stdnum is the independent reference it must agree with.
    assert is_valid_credit_code(body + check) == uscc.is_valid(body + check)


@given(st.one_of(_digit_first_body, _letter_first_body))
def test_exactly_one_check_character_is_accepted(body: str) -> None:
    accepted = [c for c in GB32100_ALPHABET if is_valid_credit_code(body + c)]
    assert accepted == [reference_credit_check(body)]


@given(st.one_of(_digit_first_body, _letter_first_body), st.data())
def test_any_single_character_change_is_caught(body: str, data: st.DataObject) -> None:
    code = body + reference_credit_check(body)
    pos = data.draw(st.integers(min_value=0, max_value=17))
    allowed = "123456789ANY" if pos == 0 else "0123456789" if pos < 8 else GB32100_ALPHABET
    replacement = data.draw(st.sampled_from(allowed).filter(lambda c: c != code[pos]))
    assert not is_valid_credit_code(code[:pos] + replacement + code[pos + 1 :])


# ---------------------------------------------------------------------------
# 专利申请号
# ---------------------------------------------------------------------------

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "normalized", "year", "serial"),
    [
        ("201710601862.3", "201710601862.3", 2017, "0601862"),
        ("ZL2013106997442", "201310699744.2", 2013, "0699744"),
        ("ZL202010566088.9", "202010566088.9", 2020, "0566088"),
        ("ZL2015 1 0958772.0", "201510958772.0", 2015, "0958772"),
        ("ZL201811564288.X", "201811564288.X", 2018, "1564288"),
        ("ZL95115608.X", "95115608.X", 1995, "15608"),
    ],
)
def test_real_numbers_validate(text: str, normalized: str, year: int, serial: str) -> None:
    number = parse_patent_number(text)
    assert number.normalized == normalized
    assert str(number) == normalized
    assert number.year == year
    assert number.serial == serial
    assert number.type_code == 1
    assert number.patent_type is PatentType.INVENTION
    assert number.is_invention
    assert is_valid_patent_number(text)
    assert normalize_patent_number(text) == normalized


def test_old_format_flag() -> None:
    assert parse_patent_number("ZL95115608.X").is_old_format
    assert not parse_patent_number("201710601862.3").is_old_format


@pytest.mark.parametrize(
    "text",
    [
        "zl201811564288.x",
        "cn201811564288X",
        "CN 2018 1156 4288 .X",
        "ＺＬ２０１８１１５６４２８８．Ｘ",
        "ZL２０１８１１５６４２８８。X",
        "ZL\u3000201811564288.X",
        "2018.11564288X",
        "\ufeffZL201811564288.X\u200b",
    ],
)
def test_prefixes_case_spaces_full_width_and_dots_are_forgiven(text: str) -> None:
    assert normalize_patent_number(text) == "201811564288.X"


def test_bad_check_character_never_gives_the_right_one_away() -> None:
    with pytest.raises(IdentifierError) as info:
        parse_patent_number("202310123456.7")
    message = str(info.value)
    assert message == "专利号“202310123456.7”校验不通过，请逐位核对原件"
    assert "6" not in message.replace("202310123456.7", "")
    assert not is_valid_patent_number("202310123456.7")
    assert is_valid_patent_number("202310123456.6")


def test_a_check_character_x_is_not_given_away_either() -> None:
    with pytest.raises(IdentifierError) as info:
        parse_patent_number("ZL201811564288.0")
    assert "X" not in str(info.value) and "校验不通过" in str(info.value)


@pytest.mark.parametrize(("text", "digits"), [("201710601862", 12), ("ZL95115608.", 8)])
def test_missing_check_character(text: str, digits: int) -> None:
    with pytest.raises(IdentifierError, match=f"缺少校验位：{digits} 位申请号"):
        parse_patent_number(text)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("20171060186.3", 12),
        ("2017106018623X", 14),
        ("1234567", 7),
        ("ZL9511560.X", 8),
        ("9511560.8", 8),
    ],
)
def test_wrong_length(text: str, length: int) -> None:
    # 12 or 8 characters after a dot or ending in X: the check is there, a body digit is lost.
    with pytest.raises(IdentifierError, match=rf"位数不对.*实为 {length} 位"):
        parse_patent_number(text)


def test_empty() -> None:
    with pytest.raises(IdentifierError, match="专利号为空"):
        parse_patent_number("ZL ")


def test_illegal_character_is_named() -> None:
    with pytest.raises(IdentifierError, match="“A”不合法"):
        parse_patent_number("ZL2017A06018623")
    with pytest.raises(IdentifierError, match="“-”不合法"):
        parse_patent_number("2017-10601862.3")


def test_x_only_as_last_character() -> None:
    with pytest.raises(IdentifierError, match="X 只能出现在最后一位"):
        parse_patent_number("20171X601862.3")


def _with_check(body: str) -> str:
    return f"{body}.{patent_check_char(body)}"


@pytest.mark.parametrize(
    ("digit", "patent_type", "label", "invention"),
    [
        (1, PatentType.INVENTION, "发明", True),
        (2, PatentType.UTILITY_MODEL, "实用新型", False),
        (3, PatentType.DESIGN, "外观设计", False),
        (8, PatentType.PCT_INVENTION, "PCT发明", True),
        (9, PatentType.PCT_UTILITY_MODEL, "PCT实用新型", False),
    ],
)
def test_type_digits(digit: int, patent_type: PatentType, label: str, invention: bool) -> None:
    for body in (f"2021{digit}0012345", f"97{digit}12345"):
        number = parse_patent_number(_with_check(body))
        assert number.type_code == digit
        assert number.patent_type is patent_type
        assert number.patent_type.label == label
        assert number.is_invention is invention


@pytest.mark.parametrize("digit", [0, 4, 5, 6, 7])
def test_unknown_type_digit_is_refused(digit: int) -> None:
    with pytest.raises(IdentifierError, match=f"第 5 位类型码“{digit}”不是有效的专利类型"):
        parse_patent_number(_with_check(f"2021{digit}0012345"))
    with pytest.raises(IdentifierError, match=f"第 3 位类型码“{digit}”"):
        parse_patent_number(_with_check(f"97{digit}12345"))


def test_new_format_year_range_is_2003_to_next_year() -> None:
    assert parse_patent_number(_with_check("200310012345"), today=TODAY).year == 2003
    assert parse_patent_number(_with_check("202610012345"), today=TODAY).year == 2026
    with pytest.raises(IdentifierError, match=r"申请年份 2027.*2003—2026"):
        parse_patent_number(_with_check("202710012345"), today=TODAY)
    with pytest.raises(IdentifierError, match="申请年份 2002"):
        parse_patent_number(_with_check("200210012345"), today=TODAY)


def test_year_limit_follows_the_calendar_by_default() -> None:
    next_year = date.today().year + 1
    assert is_valid_patent_number(_with_check(f"{next_year}10012345"))
    assert not is_valid_patent_number(_with_check(f"{next_year + 1}10012345"))


@pytest.mark.parametrize(("yy", "year"), [("85", 1985), ("99", 1999), ("00", 2000), ("03", 2003)])
def test_old_format_years(yy: str, year: int) -> None:
    assert parse_patent_number(_with_check(f"{yy}212345")).year == year


@pytest.mark.parametrize("yy", ["04", "50", "84"])
def test_old_format_years_outside_1985_2003_are_refused(yy: str) -> None:
    with pytest.raises(IdentifierError, match=rf"年份“{yy}”不对.*85—99 或 00—03"):
        parse_patent_number(_with_check(f"{yy}212345"))


def test_patent_number_is_frozen() -> None:
    number = parse_patent_number("201710601862.3")
    with pytest.raises(AttributeError):
        number.year = 2018  # type: ignore[misc]
    assert number == PatentNumber("201710601862.3", 2017, 1, "0601862", "3")


_new_bodies = st.builds(
    lambda year, kind, serial: f"{year}{kind}{serial}",
    st.integers(min_value=2003, max_value=TODAY.year),
    st.sampled_from("12389"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
_old_bodies = st.builds(
    lambda yy, kind, serial: f"{yy}{kind}{serial}",
    st.sampled_from([f"{y:02d}" for y in (*range(85, 100), *range(4))]),
    st.sampled_from("12389"),
    st.text(alphabet="0123456789", min_size=5, max_size=5),
)


def reference_patent_check(body: str) -> str:
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    remainder = sum(int(d) * w for d, w in zip(body, weights, strict=False)) % 11
    return "X" if remainder == 10 else str(remainder)


@given(st.one_of(_new_bodies, _old_bodies))
def test_exactly_one_patent_check_character_is_accepted(body: str) -> None:
    accepted = [c for c in "0123456789X" if is_valid_patent_number(body + c)]
    assert accepted == [reference_patent_check(body)]
    number = parse_patent_number("ZL" + body + accepted[0])
    assert number.normalized == f"{body}.{accepted[0]}"
    assert parse_patent_number(number.normalized) == number


@given(_new_bodies, st.data())
def test_single_digit_change_is_caught(body: str, data: st.DataObject) -> None:
    number = body + patent_check_char(body)
    # Only the serial and the check character: changing the year or type digit may fail on
    # the year or type rule, which would not exercise the check character.
    pos = data.draw(st.integers(min_value=5, max_value=12))
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != number[pos]))
    assert not is_valid_patent_number(number[:pos] + digit + number[pos + 1 :])


@given(_new_bodies, st.data())
def test_adjacent_transposition_is_caught(body: str, data: st.DataObject) -> None:
    number = body + patent_check_char(body)
    pos = data.draw(st.integers(min_value=5, max_value=11))
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    assert is_valid_patent_number(swapped) == (swapped == number)


# normalize_patent_number takes a short cut for well-formed 13-digit numbers; whatever the
# text, it must say exactly what the full parse says.
_patent_texts = st.builds(
    lambda prefix, year, type_digit, serial, dot, check: (
        f"{prefix}{year}{type_digit}{serial}{dot}{check}"
    ),
    st.sampled_from(["", "ZL", "CN", "zl", "ＺＬ", " "]),
    st.integers(min_value=2000, max_value=date.today().year + 3).map(str),
    st.sampled_from("0123456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=8),
    st.sampled_from(["", ".", "。", " . "]),
    st.sampled_from("0123456789Xx"),
)


@given(_patent_texts)
def test_normalize_patent_number_agrees_with_the_full_parse(text: str) -> None:
    try:
        expected = parse_patent_number(text).normalized
    except IdentifierError as exc:
        with pytest.raises(IdentifierError) as info:
            normalize_patent_number(text)
        assert str(info.value) == str(exc)
    else:
        assert normalize_patent_number(text) == expected


def test_normalize_patent_number_short_cut_still_checks_everything() -> None:
    good = _with_check("201710601862")
    assert normalize_patent_number(f"ZL{good}") == good == "201710601862.3"
    wrong_check = "201710601862.4"
    with pytest.raises(IdentifierError, match="校验不通过"):
        normalize_patent_number(wrong_check)
    with pytest.raises(IdentifierError, match="类型码“4”"):
        normalize_patent_number(_with_check("201740601862"))
    next_year = date.today().year + 1
    assert normalize_patent_number(_with_check(f"{next_year}10012345")).startswith(str(next_year))
    with pytest.raises(IdentifierError, match=f"申请年份 {next_year + 1}"):
        normalize_patent_number(_with_check(f"{next_year + 1}10012345"))


@pytest.mark.parametrize(
    ("body", "patent_type"),
    [
        ("201710601862", PatentType.INVENTION),
        ("202120012345", PatentType.UTILITY_MODEL),
        ("202180012345", PatentType.PCT_INVENTION),
        ("95115608", PatentType.INVENTION),
        ("97312345", PatentType.DESIGN),
    ],
)
def test_a_normalised_patent_knows_its_type(body: str, patent_type: PatentType) -> None:
    import copy
    import json
    import pickle

    text = _with_check(body)
    for typed in (normalize_patent_number(text), normalize_patent_number("ZL " + text)):
        assert isinstance(typed, PatentText) and typed == text
        assert typed.patent_type is patent_type is parse_patent_number(text).patent_type
        # Stored, shown and compared as the text itself.
        assert json.dumps({"patent": typed}) == json.dumps({"patent": text})
        assert {typed: 1} == {text: 1}
        for again in (copy.copy(typed), copy.deepcopy(typed), pickle.loads(pickle.dumps(typed))):
            assert again == text and again.patent_type is patent_type
