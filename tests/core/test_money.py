"""Money helpers and 大写金额 per 《正确填写票据和结算凭证的基本规定》."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.money import (
    FEN,
    MAX_CAPITALS_AMOUNT,
    format_yuan,
    from_fen,
    parse_yuan,
    quantize_fen,
    rmb_capitals,
    to_fen,
)

D = Decimal


class TestQuantizeFen:
    def test_fen_constant(self) -> None:
        assert D("0.01") == FEN
        assert FEN.as_tuple().exponent == -2

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("0.005", "0.01"),
            ("0.004", "0.00"),
            ("0.0049999", "0.00"),
            ("2.675", "2.68"),  # 2.675 as a float is 2.67499…; as a Decimal it rounds up
            ("1.125", "1.13"),  # half up, not banker's rounding (1.12)
            ("1.135", "1.14"),
            ("-0.005", "-0.01"),  # half away from zero
            ("15000", "15000.00"),
        ],
    )
    def test_rounds_half_up(self, value: str, expected: str) -> None:
        result = quantize_fen(D(value))
        assert result == D(expected)
        assert str(result) == expected

    def test_very_large_amount_does_not_overflow_precision(self) -> None:
        big = D("1" + "0" * 40 + ".005")
        assert quantize_fen(big) == D("1" + "0" * 40 + ".01")

    def test_refuses_float_and_nan(self) -> None:
        with pytest.raises(TypeError):
            quantize_fen(0.1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="不是有效数字"):
            quantize_fen(D("NaN"))


class TestFen:
    @pytest.mark.parametrize(
        ("value", "fen"),
        [("1.50", 150), ("1.5", 150), ("1.500", 150), ("0", 0), ("0.01", 1), ("-3.07", -307)],
    )
    def test_to_fen_is_exact(self, value: str, fen: int) -> None:
        assert to_fen(D(value)) == fen

    @pytest.mark.parametrize("value", ["0.001", "1.505", "-0.009", "0.0001"])
    def test_to_fen_refuses_fractions_of_a_fen(self, value: str) -> None:
        with pytest.raises(ValueError, match="超过两位小数"):
            to_fen(D(value))

    def test_to_fen_refuses_float_and_infinity(self) -> None:
        with pytest.raises(TypeError):
            to_fen(1.5)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            to_fen(D("Infinity"))

    def test_from_fen_has_two_places(self) -> None:
        assert str(from_fen(150)) == "1.50"
        assert str(from_fen(0)) == "0.00"
        assert str(from_fen(1)) == "0.01"
        assert str(from_fen(-307)) == "-3.07"

    def test_from_fen_refuses_non_integers(self) -> None:
        with pytest.raises(TypeError):
            from_fen(D("1.5"))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            from_fen(True)

    def test_beyond_28_digits_stays_exact(self) -> None:
        # Decimal's default context has 28 digits; fen must not be lost above that.
        big = D("-100000000000000000000000000.01")
        assert to_fen(big) == -10000000000000000000000000001
        assert from_fen(to_fen(big)) == big

    @pytest.mark.parametrize("integer_digits", [25, 26, 27, 28, 40, 60])
    def test_exact_up_to_the_largest_amount_taken(self, integer_digits: int) -> None:
        # Decimal's default context has 28 digits; the one money context has 64. A fen must
        # survive on both sides of 28 digits, and so must the refusal of a part fen.
        whole = "9" * integer_digits
        assert to_fen(D(f"{whole}.99")) == int(whole + "99")
        assert quantize_fen(D(f"{whole}.995")) == D(f"1{'0' * integer_digits}.00")
        assert format_yuan(D(f"{whole}.99")).endswith(",999.99")
        with pytest.raises(ValueError, match="超过两位小数"):
            to_fen(D(f"{whole}.991"))

    @pytest.mark.parametrize("text", ["1" + "0" * 61, "-1" + "0" * 61 + ".5"])
    def test_beyond_the_largest_amount_is_refused_not_rounded(self, text: str) -> None:
        with pytest.raises(ValueError, match="超出可处理的范围"):
            quantize_fen(D(text))
        with pytest.raises(ValueError, match="超出可处理的范围"):
            to_fen(D(text))

    @given(st.integers(min_value=-(10**40), max_value=10**40))
    def test_fen_round_trip_from_int(self, n: int) -> None:
        assert to_fen(from_fen(n)) == n

    @given(
        st.decimals(
            places=2, min_value=-(10**40), max_value=10**40, allow_nan=False, allow_infinity=False
        )
    )
    def test_fen_round_trip_from_decimal(self, d: Decimal) -> None:
        assert from_fen(to_fen(d)) == d
        assert from_fen(to_fen(d)).as_tuple().exponent == -2


class TestParseYuan:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("15000", "15000.00"),
            ("15,000.50", "15000.50"),
            ("1,234,567.8", "1234567.80"),
            ("0", "0.00"),
            ("0.07", "0.07"),
            (" 15000 ", "15000.00"),
            ("１５，０００．５０", "15000.50"),  # full-width from the input method
            ("100", "100.00"),
            ("999,999", "999999.00"),
        ],
    )
    def test_plain_amounts(self, text: str, expected: str) -> None:
        result = parse_yuan(text)
        assert str(result) == expected

    def test_int_and_decimal(self) -> None:
        assert str(parse_yuan(15000)) == "15000.00"
        assert str(parse_yuan(D("15000.5"))) == "15000.50"
        assert str(parse_yuan(D("1.500"))) == "1.50"

    def test_negative_zero_becomes_zero(self) -> None:
        assert str(parse_yuan(D("-0"))) == "0.00"
        assert str(parse_yuan(D("-0.00"))) == "0.00"

    def test_refuses_float(self) -> None:
        with pytest.raises(TypeError, match="浮点数"):
            parse_yuan(1.5)  # type: ignore[arg-type]

    def test_refuses_bool(self) -> None:
        with pytest.raises(TypeError):
            parse_yuan(True)

    @pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")])
    def test_refuses_nan_and_infinity_decimals(self, value: Decimal) -> None:
        with pytest.raises(ValueError, match="不是有效数字"):
            parse_yuan(value)

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "inf", "-inf"])
    def test_refuses_nan_and_infinity_strings(self, text: str) -> None:
        with pytest.raises(ValueError, match="金额"):
            parse_yuan(text)

    @pytest.mark.parametrize("value", ["-5", "-0.01", " -1,000 ", -5, D("-0.01")])
    def test_refuses_negative(self, value: str | int | Decimal) -> None:
        with pytest.raises(ValueError, match="负"):
            parse_yuan(value)

    @pytest.mark.parametrize("value", ["1.234", "0.001", D("1.234"), D("0.005")])
    def test_refuses_more_than_two_places(self, value: str | Decimal) -> None:
        with pytest.raises(ValueError, match="两位小数"):
            parse_yuan(value)

    @pytest.mark.parametrize(
        "text",
        ["1.5万", "15000元", "￥15000", "1,5000", ",000", "15,00", "15000.", ".5", "1e5", "+5"],
    )
    def test_refuses_anything_but_plain_decimals(self, text: str) -> None:
        with pytest.raises(ValueError, match="无法识别"):
            parse_yuan(text)

    def test_empty(self) -> None:
        with pytest.raises(ValueError, match="金额为空"):
            parse_yuan("  ")

    @given(st.decimals(min_value=0, max_value=10**12, places=2))
    def test_formatted_amount_parses_back(self, d: Decimal) -> None:
        assert parse_yuan(format_yuan(d)) == d


class TestFormatYuan:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("15000", "15,000.00"),
            ("0", "0.00"),
            ("-0", "0.00"),
            ("-0.001", "0.00"),
            ("0.5", "0.50"),
            ("999.995", "1,000.00"),
            ("1234567.895", "1,234,567.90"),
            ("-1500", "-1,500.00"),
            ("100000000", "100,000,000.00"),
        ],
    )
    def test_format(self, value: str, expected: str) -> None:
        assert format_yuan(D(value)) == expected


# ---------------------------------------------------------------------------
# 大写金额
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        # Values from the brief.
        ("10005.00", "壹万零伍元整"),
        ("100000.50", "壹拾万元零伍角整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("0.07", "柒分"),
        ("0.00", "零元整"),
        ("10.00", "壹拾元整"),
        ("15000.00", "壹万伍仟元整"),
        ("1000000.00", "壹佰万元整"),
        ("105000.00", "壹拾万零伍仟元整"),
        ("1000.07", "壹仟元零柒分"),
        ("100000000.00", "壹亿元整"),
        ("20300.40", "贰万零叁佰元肆角整"),
        # The examples printed in 第四条 of the rules (整 added after 角, see rmb_capitals).
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("107000.53", "壹拾万零柒仟元伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # Further edges.
        ("0.50", "伍角整"),
        ("0.01", "壹分"),
        ("1", "壹元整"),
        ("11", "壹拾壹元整"),
        ("110", "壹佰壹拾元整"),
        ("10000.50", "壹万元零伍角整"),
        ("100000.05", "壹拾万元零伍分"),
        ("1000.50", "壹仟元伍角整"),
        ("100050000", "壹亿零伍万元整"),
        ("1001000000.01", "壹拾亿零壹佰万元零壹分"),
        ("10000001", "壹仟万零壹元整"),
        ("1.5", "壹元伍角整"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_rmb_capitals(amount: str, capitals: str) -> None:
    assert rmb_capitals(D(amount)) == capitals


def test_rmb_capitals_refuses_negative() -> None:
    with pytest.raises(ValueError, match="负数"):
        rmb_capitals(D("-0.01"))


def test_rmb_capitals_refuses_fraction_of_fen() -> None:
    with pytest.raises(ValueError, match="两位小数"):
        rmb_capitals(D("1.005"))


def test_rmb_capitals_limit() -> None:
    assert rmb_capitals(MAX_CAPITALS_AMOUNT).endswith("玖分")
    with pytest.raises(ValueError, match="一万亿"):
        rmb_capitals(D("1000000000000"))


def test_rmb_capitals_refuses_float_and_nan() -> None:
    with pytest.raises(TypeError):
        rmb_capitals(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        rmb_capitals(D("NaN"))


_VALUES = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def parse_capitals(text: str) -> Decimal:
    """An independent reader of 大写金额, used to check rmb_capitals round-trips."""
    if text == "零元整":
        return D(0)
    body = text.removesuffix("整")
    integer_text, _, fraction_text = body.rpartition("元") if "元" in body else ("", "", body)
    total = section = digit = 0
    for ch in integer_text:
        if ch in _VALUES:
            digit = _VALUES[ch]
        elif ch in _UNITS:
            section += digit * _UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {text!r}")
    fen = (total + section + digit) * 100
    fraction_text = fraction_text.removeprefix("零")
    for ch, unit in (("角", 10), ("分", 1)):
        if ch in fraction_text:
            head, _, fraction_text = fraction_text.partition(ch)
            assert len(head) == 1, text
            fen += _VALUES[head] * unit
    assert fraction_text == "", text
    return D(fen) / 100


_amounts = st.decimals(min_value=0, max_value=MAX_CAPITALS_AMOUNT, places=2)


@given(_amounts)
def test_rmb_capitals_round_trips(amount: Decimal) -> None:
    assert parse_capitals(rmb_capitals(amount)) == amount


@given(_amounts)
def test_rmb_capitals_writing_rules(amount: Decimal) -> None:
    text = rmb_capitals(amount)
    assert "零零" not in text  # consecutive zeros are written as one 零
    assert text.endswith(("整", "分"))
    assert not text.endswith("分整")  # nothing after 分
    assert text.count("整") <= 1
    if text != "零元整":
        assert not text.startswith("零")
        for unit in "元万亿拾佰仟角分":
            assert f"零{unit}" not in text
    fen = to_fen(amount)
    if fen >= 100 and fen % 100 < 10 and fen % 10:
        assert "元零" in text  # 角 is 0 and 分 is not: 零 after 元 is required (第四条（四）)
    assert all(ch in "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整" for ch in text)


@given(st.integers(min_value=10, max_value=19))
def test_ten_to_nineteen_start_with_yi_shi(n: int) -> None:
    # Banks require 壹拾, never a bare 拾 at the start.
    assert rmb_capitals(D(n)).startswith("壹拾")
