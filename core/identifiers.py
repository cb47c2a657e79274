"""Identifiers typed in at the counter: 统一社会信用代码 and 专利申请号.

Both are copied by hand from paper certificates or pasted from web pages and PDFs, so the
normalisers forgive what the eye cannot see (spaces, full-width characters, zero-width
characters, lower case) and the validators explain in Chinese exactly what to correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from operator import mul

from core.textwidth import HALF_WIDTH

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "IdentifierError",
    "PatentNumber",
    "PatentText",
    "PatentType",
    "credit_code_check_char",
    "is_valid_credit_code",
    "is_valid_patent_number",
    "normalize_credit_code",
    "normalize_patent_number",
    "parse_patent_number",
    "patent_check_char",
    "validate_credit_code",
]


class IdentifierError(ValueError):
    """An identifier is malformed; ``str()`` is a Chinese message saying what to fix."""


# Pasted text from web pages and Word documents often carries these; they are not
# whitespace to str.isspace() but are just as invisible to the clerk.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_CLEAN_TABLE: dict[int, int | None] = {**_INVISIBLE, **HALF_WIDTH}


def _clean(text: str) -> str:
    text = "".join(text.split()).translate(_CLEAN_TABLE)
    return text.upper()


# ---------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100-2015)
# ---------------------------------------------------------------------------

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Excluded because they are easily misread; the hint names what was probably meant.
_CREDIT_EXCLUDED = {"I": "数字 1", "O": "数字 0", "Z": "数字 2", "S": "数字 5", "V": "字母 U 或 Y"}
# 登记管理部门代码: digits, plus the letter codes A (军队), N (农业) and Y (其他) that
# GB 32100 allows (python-stdnum, the tests' cross-check, only knows the digits).
_CREDIT_LETTER_AUTHORITIES = "ANY"
_CREDIT_AUTHORITIES = "123456789" + _CREDIT_LETTER_AUTHORITIES


def normalize_credit_code(text: str) -> str:
    """Strip all whitespace (also full-width), convert full-width characters, upper-case."""
    return _clean(text)


def credit_code_check_char(body: str) -> str:
    """The GB 32100 mod-31 check character for the first 17 characters of a code."""
    if len(body) != 17 or not _CREDIT_VALUES.keys() >= set(body):
        raise IdentifierError(f"计算校验位需要 17 位合法字符，实为“{body}”")
    total = sum(map(mul, map(_CREDIT_VALUES.__getitem__, body), _CREDIT_WEIGHTS))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(text: str) -> str:
    """Return the normalised 18-character code, or raise IdentifierError saying what is wrong."""
    code = normalize_credit_code(text)
    if not code:
        raise IdentifierError("统一社会信用代码为空，请填写营业执照上的 18 位代码")
    # Characters first: a stray hyphen or Chinese character also makes the length wrong, and
    # naming the character is the more useful message.
    if not _CREDIT_VALUES.keys() >= set(code):
        for pos, char in enumerate(code, start=1):
            if char in _CREDIT_EXCLUDED:
                raise IdentifierError(
                    f"统一社会信用代码第 {pos} 位“{char}”不合法：代码中不使用字母 I、O、Z、S、V，"
                    f"请核对是否应为{_CREDIT_EXCLUDED[char]}"
                )
            if char not in CREDIT_CODE_ALPHABET:
                raise IdentifierError(
                    f"统一社会信用代码第 {pos} 位“{char}”不合法：只能是数字或大写英文字母"
                    "（不含 I、O、Z、S、V）"
                )
    if len(code) != 18:
        raise IdentifierError(
            f"统一社会信用代码应为 18 位，实为 {len(code)} 位（“{code}”），请核对是否多输或漏输"
        )
    if code[0] not in _CREDIT_AUTHORITIES:
        raise IdentifierError(
            f"统一社会信用代码第 1 位“{code[0]}”不合法：第 1 位是登记管理部门代码，"
            "应为数字 1—9 或字母 A、N、Y"
        )
    for pos in range(2, 9):
        char = code[pos - 1]
        if not char.isdigit():
            raise IdentifierError(
                f"统一社会信用代码第 {pos} 位“{char}”不合法：第 2 位机构类别代码和"
                "第 3—8 位登记管理机关行政区划码都应是数字"
            )
    # Our own mod-31 alone: python-stdnum computes the same digit (the tests check that it
    # agrees) and checking twice cost a fifth of parsing a batch (docs/PERFORMANCE.md).
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        # Never name the expected character: a hurried clerk would change the last one and
        # a transposed code would pass (issue 20, 1). The clerk checks against the paper.
        raise IdentifierError(f"统一社会信用代码“{code}”校验不通过，请逐位核对原件")
    return code


def is_valid_credit_code(text: str) -> bool:
    try:
        validate_credit_code(text)
    except IdentifierError:
        return False
    return True


# ---------------------------------------------------------------------------
# 专利申请号
# ---------------------------------------------------------------------------


class PatentType(Enum):
    """The type digit of an application number (the 5th digit, 3rd in the old format)."""

    INVENTION = 1
    UTILITY_MODEL = 2
    DESIGN = 3
    PCT_INVENTION = 8
    PCT_UTILITY_MODEL = 9

    @property
    def label(self) -> str:
        return _PATENT_TYPE_LABELS[self]

    @property
    def is_invention(self) -> bool:
        return self in (PatentType.INVENTION, PatentType.PCT_INVENTION)


_PATENT_TYPE_LABELS = {
    PatentType.INVENTION: "发明",
    PatentType.UTILITY_MODEL: "实用新型",
    PatentType.DESIGN: "外观设计",
    PatentType.PCT_INVENTION: "PCT发明",
    PatentType.PCT_UTILITY_MODEL: "PCT实用新型",
}
_PATENT_TYPE_CODES = frozenset(t.value for t in PatentType)
_TYPE_HINT = "1 发明、2 实用新型、3 外观设计、8 PCT发明、9 PCT实用新型"

_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
# The 12-digit numbering started on 2003-10-01; earlier applications keep 8 digits.
_NEW_FORMAT_FIRST_YEAR = 2003


@dataclass(frozen=True)
class PatentNumber:
    """A checked application number.

    ``normalized`` is the body, a dot and the check character: ``201710601862.3`` or, for
    applications filed before October 2003, ``95115608.X``. ``serial`` keeps its leading
    zeros because it is part of the number as printed.
    """

    normalized: str
    year: int
    type_code: int
    serial: str
    check_char: str

    @property
    def patent_type(self) -> PatentType:
        return PatentType(self.type_code)

    @property
    def is_invention(self) -> bool:
        return self.patent_type.is_invention

    @property
    def is_old_format(self) -> bool:
        return len(self.normalized) == 10

    def __str__(self) -> str:
        return self.normalized


class PatentText(str):
    """A checked number in ``PatentNumber.normalized`` form that knows its type.

    A claim's patent fact is this: text everywhere it is stored, shown or compared (JSON,
    the database, the forms), and typed for the rules, which read ``patent_type`` instead of
    parsing the number again for each rule that looks at it.
    """

    patent_type: PatentType

    def __new__(cls, normalized: str, patent_type: PatentType) -> PatentText:
        text = super().__new__(cls, normalized)
        text.patent_type = patent_type
        return text

    def __getnewargs__(self) -> tuple[str, PatentType]:  # type: ignore[override]
        # copy, deepcopy and pickle rebuild it with its type.
        return (str(self), self.patent_type)


def patent_check_char(body: str) -> str:
    """The mod-11 check character for a 12-digit (or old 8-digit) body; 10 is written X."""
    if len(body) not in (8, 12) or not body.isascii() or not body.isdigit():
        raise IdentifierError(f"计算校验位需要 12 位（旧格式 8 位）数字，实为“{body}”")
    # The old 8-digit form uses the first 8 weights, 2..9.
    weights = _PATENT_WEIGHTS[: len(body)]
    remainder = sum(map(mul, map(int, body), weights)) % 11
    return "X" if remainder == 10 else str(remainder)


def parse_patent_number(text: str, *, today: date | None = None) -> PatentNumber:
    """Parse and check a patent application number (专利申请号 / 专利号).

    Accepts an optional ``ZL`` or ``CN`` prefix, spaces and the dot anywhere. ``today`` only
    exists so tests can pin the latest acceptable year (current year + 1).
    """
    shown = "".join(text.split())
    cleaned = _clean(text).replace("。", ".")
    if cleaned.startswith(("ZL", "CN")):
        cleaned = cleaned[2:]
    digits = cleaned.replace(".", "")
    if not digits:
        raise IdentifierError("专利号为空，请填写专利申请号，如 201710601862.3")
    body_digits = digits[:-1] if digits[-1] == "X" else digits
    # Looking for the character to name only when there is one: most numbers are fine.
    if not (body_digits.isascii() and (body_digits.isdigit() or not body_digits)):
        for pos, char in enumerate(digits, start=1):
            if char == "X" and pos != len(digits):
                raise IdentifierError(f"专利号“{shown}”中的 X 只能出现在最后一位（校验位），请核对")
            if not (char == "X" or ("0" <= char <= "9")):
                raise IdentifierError(
                    f"专利号“{shown}”中的“{char}”不合法：专利号只能由数字和最后一位校验位"
                    "（数字或 X）组成，可带 ZL 前缀"
                )
    # "20171060186.3" lost a body digit; the dot shows the last character is the check.
    check_given = digits[-1] == "X" or cleaned[-2:-1] == "."
    if len(digits) in (8, 12) and not check_given:
        example = "201710601862.3" if len(digits) == 12 else "95115608.X"
        raise IdentifierError(
            f"专利号“{shown}”缺少校验位：{len(digits)} 位申请号后面还应有一位校验位"
            f"（数字或 X），如 {example} 中点号后的 {example[-1]}，请照证书补全"
        )
    if len(digits) not in (9, 13):
        raise IdentifierError(
            f"专利号“{shown}”位数不对：去掉 ZL 前缀和点号后应为 13 位（如 201710601862.3），"
            f"2003 年 10 月以前的旧申请号为 9 位（如 95115608.X），实为 {len(digits)} 位"
        )
    body, check = digits[:-1], digits[-1]
    if len(body) == 12:
        year = int(body[:4])
        type_digit, serial = body[4], body[5:]
        last_year = (today or date.today()).year + 1
        if not _NEW_FORMAT_FIRST_YEAR <= year <= last_year:
            raise IdentifierError(
                f"专利号“{shown}”的申请年份 {year} 不对：13 位申请号的前 4 位是申请年份，"
                f"应在 {_NEW_FORMAT_FIRST_YEAR}—{last_year} 年之间"
                "（2003 年 10 月以前的申请号为 9 位旧格式）"
            )
    else:
        short_year = int(body[:2])
        type_digit, serial = body[2], body[3:]
        if 85 <= short_year <= 99:
            year = 1900 + short_year
        elif short_year <= 3:
            year = 2000 + short_year
        else:
            raise IdentifierError(
                f"专利号“{shown}”的年份“{body[:2]}”不对：9 位旧格式申请号只用于 1985—2003 年的"
                "申请，前两位应为 85—99 或 00—03"
            )
    type_pos = 5 if len(body) == 12 else 3
    try:
        patent_type = PatentType(int(type_digit))
    except ValueError:
        raise IdentifierError(
            f"专利号“{shown}”第 {type_pos} 位类型码“{type_digit}”不是有效的专利类型，"
            f"应为 {_TYPE_HINT}"
        ) from None
    expected = patent_check_char(body)
    if check != expected:
        # As for credit codes: the computed character is never shown (issue 20, 1).
        raise IdentifierError(f"专利号“{body}.{check}”校验不通过，请逐位核对原件")
    return PatentNumber(
        normalized=f"{body}.{check}",
        year=year,
        type_code=patent_type.value,
        serial=serial,
        check_char=check,
    )


# A 13-digit number as certificates print it: optional ZL/CN, the 12-digit body, an optional
# dot, the check character; the year and type are checked below.
_PLAIN_PATENT = re.compile(r"(?:ZL|CN)?(\d{12})\.?([0-9X])")


def normalize_patent_number(text: str) -> PatentText:
    """The checked number as ``201710601862.3`` (raises IdentifierError if invalid)."""
    # The common, well-formed case without building a PatentNumber: every claim's patent
    # goes through here when a batch is parsed. Anything else gets the full parse and its
    # precise message.
    plain = _PLAIN_PATENT.fullmatch(text) if text.isascii() else None
    if plain is not None:
        body, check = plain.groups()
        if (
            _NEW_FORMAT_FIRST_YEAR <= int(body[:4]) <= date.today().year + 1
            and int(body[4]) in _PATENT_TYPE_CODES
            and patent_check_char(body) == check
        ):
            return PatentText(f"{body}.{check}", PatentType(int(body[4])))
    number = parse_patent_number(text)
    return PatentText(number.normalized, number.patent_type)


def is_valid_patent_number(text: str) -> bool:
    try:
        parse_patent_number(text)
    except IdentifierError:
        return False
    return True
