"""Money: yuan as ``Decimal``, fen as ``int``, and amounts in Chinese capitals (大写金额).

Amounts are never floats: a float cannot hold 0.10 exactly, and one fen off on a payout
form is a real error. Rounding to the fen is ROUND_HALF_UP (四舍五入), as in the bureau's
hand calculations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from core.textwidth import half_width

__all__ = [
    "FEN",
    "MAX_CAPITALS_AMOUNT",
    "format_yuan",
    "from_fen",
    "parse_yuan",
    "quantize_fen",
    "rmb_capitals",
    "to_fen",
]

FEN = Decimal("0.01")


def _require_decimal(d: object, what: str) -> Decimal:
    # mypy stops floats at the call sites it sees; this stops the ones coming from JSON,
    # spreadsheets and Qt widgets at run time.
    if type(d) is Decimal and d.is_finite():  # the common case, first: this runs per amount
        return d
    if isinstance(d, bool) or not isinstance(d, Decimal):
        raise TypeError(f"{what}必须是 Decimal，收到 {type(d).__name__}")
    if not d.is_finite():
        raise ValueError(f"{what}不是有效数字（{d}），请填写具体金额")
    return d


# One context for every amount: 64 digits hold any amount up to 10**60 yuan to the fen, with
# a digit to spare for a carry (9.995 → 10.00). Nothing the input limits allow comes near;
# beyond it an amount is refused rather than rounded on a second path. quantize() changes
# only the context's flags, which nothing reads, so the one context is shared.
_FEN_CONTEXT = Context(prec=64, rounding=ROUND_HALF_UP)
_MAX_ADJUSTED = 60


def _in_range(d: Decimal) -> Decimal:
    if d.adjusted() > _MAX_ADJUSTED:
        raise ValueError(f"金额 {d} 超出可处理的范围，请核对")
    return d


def quantize_fen(d: Decimal) -> Decimal:
    """Round to the fen, half up (四舍五入)."""
    return _in_range(_require_decimal(d, "金额")).quantize(FEN, context=_FEN_CONTEXT)


def _exact_fen(d: Decimal) -> int | None:
    """The amount in whole fen, or None if it has a fraction of a fen."""
    whole = _in_range(d).quantize(FEN, context=_FEN_CONTEXT)
    # By value, so Decimal("1.500") is still a whole number of fen.
    return int(whole.scaleb(2, context=_FEN_CONTEXT)) if whole == d else None


def _has_fraction_of_fen(d: Decimal) -> bool:
    return _exact_fen(d) is None


def to_fen(d: Decimal) -> int:
    """Exact conversion to whole fen; refuses amounts with a fraction of a fen."""
    fen = _exact_fen(_require_decimal(d, "金额"))
    if fen is None:
        raise ValueError(f"金额 {d} 超过两位小数（不足一分），请先按分取整")
    return fen


def from_fen(n: int) -> Decimal:
    """Whole fen back to yuan with exactly two decimal places."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"分必须是整数，收到 {type(n).__name__}")
    sign, digits, _ = Decimal(n).as_tuple()
    return Decimal((sign, digits, -2))


_PLAIN_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def bad_character(text: str, allowed: str = "0123456789.,") -> str | None:
    """Where an amount goes wrong, for the message: 「第 2 个字符“O”不是数字」 (a letter O
    typed for a zero is the usual slip). None when every character may be in an amount."""
    for position, char in enumerate(text, start=1):
        if char not in allowed:
            return f"第 {position} 个字符“{char}”不是数字"
    return None


def parse_yuan(value: str | int | Decimal) -> Decimal:
    """Parse an amount in yuan typed by a user, returning it with two decimal places.

    Strings are plain decimals with optional thousands commas ("15000", "15,000.50");
    units such as 万 or 元 are not understood, so that an amount is never guessed.
    """
    if isinstance(value, float):
        raise TypeError("金额不能用浮点数（float）传入，请用字符串或 Decimal，以免出现分位误差")
    if isinstance(value, bool):
        raise TypeError("金额必须是数字，收到布尔值")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"金额不是有效数字（{value}），请填写具体金额")
        amount = value
    elif isinstance(value, str):
        # Full-width digits and commas come from the input method, not from the user's intent.
        text = half_width("".join(value.split()))
        if not text:
            raise ValueError("金额为空，请填写金额（单位：元），如 15000 或 15,000.00")
        if text.startswith("-"):
            raise ValueError(f"金额“{value.strip()}”为负数，金额不能为负")
        if not _PLAIN_AMOUNT.fullmatch(text):
            where = bad_character(text)
            raise ValueError(
                f"金额“{value.strip()}”无法识别（{where or '格式不对'}）：请只填阿拉伯数字（单位：元），"
                "可用千分位逗号和小数点，如 15000 或 15,000.50，不要写“万”“元”等字"
            )
        amount = Decimal(text.replace(",", ""))
    else:
        raise TypeError(f"金额必须是字符串、整数或 Decimal，收到 {type(value).__name__}")
    if amount < 0:
        raise ValueError(f"金额 {amount} 为负数，金额不能为负")
    if _has_fraction_of_fen(amount):
        raise ValueError(f"金额 {amount} 超过两位小数，金额最多精确到分（两位小数）")
    # copy_abs() turns Decimal("-0") into 0 so it never prints as "-0.00"; unlike abs() it
    # does not round to the context precision.
    return quantize_fen(amount.copy_abs())


def total_yuan(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of amounts in yuan, to the fen: the one place the desk adds money up (its
    screens show totals of what core computed; no screen does money arithmetic itself)."""
    return quantize_fen(sum(amounts, Decimal("0.00")))


def format_yuan(d: Decimal) -> str:
    """Thousands commas and two decimals, e.g. ``15,000.00`` (rounded half up to the fen)."""
    q = quantize_fen(d)
    if q.is_zero():
        q = q.copy_abs()
    return f"{q:,.2f}"


# ---------------------------------------------------------------------------
# 大写金额
# ---------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_SECTION_UNITS = ("", "万", "亿")
# 壹万亿 and above would need the 万亿 compound unit; no subsidy comes near it.
MAX_CAPITALS_AMOUNT = Decimal("999999999999.99")


# Prorated awards are small and totals repeat (so many claims of one rate), so the yuan parts
# written in capitals repeat too: a batch writes two per application.
@lru_cache(maxsize=4096)
def _integer_capitals(n: int) -> str:
    """Yuan part, positive: every run of zeros between two non-zero digits is one 零."""
    digits = str(n)
    out: list[str] = []
    pending_zero = False
    section_has_digit = False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        d = int(ch)
        if d == 0:
            pending_zero = True
        else:
            if pending_zero:
                out.append("零")
                pending_zero = False
            # 壹拾 even at the head of the number, as banks require (10 → 壹拾元整).
            out.append(_DIGITS[d] + _SMALL_UNITS[pos % 4])
            section_has_digit = True
        if pos % 4 == 0:
            if section_has_digit:
                out.append(_SECTION_UNITS[pos // 4])
            section_has_digit = False
    return "".join(out)


def rmb_capitals(d: Decimal) -> str:
    """The amount in Chinese capitals, e.g. 15000 → 壹万伍仟元整.

    Follows 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》. Where the rules
    allow either form (第四条（三）) the readings taken are:

    * a 0 in the 万 (or 亿) position followed by a non-zero 仟: write one 零
      (105000 → 壹拾万零伍仟元整), the form bank printers use;
    * 元 position 0 with 角 non-zero: no 零 when the 拾/佰/仟 before it is non-zero, since that
      unit already fixes the position (1680.32 → 壹仟陆佰捌拾元叁角贰分, 20300.40 →
      贰万零叁佰元肆角整); but one 零 when the whole 仟佰拾元 group is 0, so no unit is skipped
      silently, just as 100005 is 壹拾万零伍 (100000.50 → 壹拾万元零伍角整);
    * 角 0 with 分 non-zero: 零 after 元 is required (第四条（四）: 1000.07 → 壹仟元零柒分);
    * 整 after 角 when there is no 分 (第三条 says it may be left out there; writing it
      leaves no room to append a 分), never after 分;
    * below one yuan no 零元 is written (0.07 → 柒分); zero is 零元整.

    Refuses negative amounts, more than two decimal places (round with quantize_fen first)
    and amounts of 壹万亿 or more.
    """
    _require_decimal(d, "大写金额")
    if d < 0:
        raise ValueError(f"金额 {d} 为负数，大写金额不能为负")
    if d > MAX_CAPITALS_AMOUNT:
        raise ValueError(f"金额 {d} 过大，大写金额只支持一万亿元以下")
    fen_total = to_fen(d)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)

    if yuan == 0 and rest == 0:
        return "零元整"
    out = ""
    if yuan:
        out = _integer_capitals(yuan) + "元"
        # 零 before 分 is required when 角 is 0; before 角 only when 仟佰拾元 are all 0.
        if (jiao == 0 and fen) or (jiao and yuan % 10000 == 0):
            out += "零"
    if jiao:
        out += _DIGITS[jiao] + "角"
    if fen:
        out += _DIGITS[fen] + "分"
    else:
        out += "整"
    return out
