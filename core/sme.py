"""Enterprise size under 《中小企业划型标准规定》(工信部联企业〔2011〕300号).

The table of 第四条 is kept as data (``SME_ROWS``) in the regulation's own units — persons and
万元 — so that each row can be read side by side with the text. Amounts passed in are yuan.

Reading of the thresholds. The regulation writes the upper bound of SMEs as "X以下" and the
lower limits of medium and small enterprises as "X及以上", and micro enterprises as
"20人以下或营业收入300万元以下" right next to small enterprises' "20人及以上": if 「以下」
included the number, 20 persons would be both small and micro. So within this regulation
「以下」 means strictly below and 「及以上」 includes the number, even though 民法典第一千二百五
十九条 makes 「以下」 inclusive by default. 国家统计局《统计上大中小微型企业划分办法（2017）》
writes the same table with explicit < and ≥, which agrees. Hence for 工业 1000 persons is not
below 1000, and a firm with 1000 persons and 40000万元 revenue is large.

How a row is applied (第四条 text and the 2017 statistical note "大型、中型和小型企业须同时满足
所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可"):

* SME when below EITHER upper bound ("或"); large only when at or above every upper bound;
* medium when at or above BOTH medium lower limits ("且"), otherwise small when at or above
  both small lower limits, otherwise micro (below one small limit is enough).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from types import MappingProxyType

from core.money import format_yuan

__all__ = [
    "REGULATION",
    "SME_ROWS",
    "SME_TABLE",
    "Indicator",
    "Industry",
    "SmeResult",
    "SmeRow",
    "SmeSize",
    "classify_sme",
]

REGULATION = "工信部联企业〔2011〕300号"
_TEN_THOUSAND = Decimal(10000)


class Industry(Enum):
    """The 16 industry rows of 第四条. 工业 covers 采矿业, 制造业 and 电力、热力、燃气及水生产和
    供应业 (第三条); 交通运输业 excludes 铁路运输业; 信息传输业 covers 电信、广播电视和卫星传输服务
    and 互联网和相关服务."""

    AGRICULTURE = "agriculture"
    INDUSTRY = "industry"
    CONSTRUCTION = "construction"
    WHOLESALE = "wholesale"
    RETAIL = "retail"
    TRANSPORT = "transport"
    WAREHOUSING = "warehousing"
    POSTAL = "postal"
    ACCOMMODATION = "accommodation"
    CATERING = "catering"
    INFORMATION_TRANSMISSION = "information_transmission"
    SOFTWARE_IT = "software_it"
    REAL_ESTATE_DEVELOPMENT = "real_estate_development"
    PROPERTY_MANAGEMENT = "property_management"
    LEASING_BUSINESS_SERVICES = "leasing_business_services"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _INDUSTRY_LABELS[self]


_INDUSTRY_LABELS = {
    Industry.AGRICULTURE: "农、林、牧、渔业",
    Industry.INDUSTRY: "工业",
    Industry.CONSTRUCTION: "建筑业",
    Industry.WHOLESALE: "批发业",
    Industry.RETAIL: "零售业",
    Industry.TRANSPORT: "交通运输业",
    Industry.WAREHOUSING: "仓储业",
    Industry.POSTAL: "邮政业",
    Industry.ACCOMMODATION: "住宿业",
    Industry.CATERING: "餐饮业",
    Industry.INFORMATION_TRANSMISSION: "信息传输业",
    Industry.SOFTWARE_IT: "软件和信息技术服务业",
    Industry.REAL_ESTATE_DEVELOPMENT: "房地产开发经营",
    Industry.PROPERTY_MANAGEMENT: "物业管理",
    Industry.LEASING_BUSINESS_SERVICES: "租赁和商务服务业",
    Industry.OTHER: "其他未列明行业",
}


class SmeSize(Enum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"

    @property
    def label(self) -> str:
        return _SIZE_LABELS[self]

    @property
    def is_sme(self) -> bool:
        return self is not SmeSize.LARGE


_SIZE_LABELS = {
    SmeSize.MICRO: "微型",
    SmeSize.SMALL: "小型",
    SmeSize.MEDIUM: "中型",
    SmeSize.LARGE: "大型",
}


class Indicator(Enum):
    EMPLOYEES = "employees"
    REVENUE = "revenue"
    TOTAL_ASSETS = "total_assets"

    @property
    def label(self) -> str:
        return _INDICATOR_LABELS[self]

    @property
    def unit(self) -> str:
        """The unit the regulation states this indicator's thresholds in."""
        return "人" if self is Indicator.EMPLOYEES else "万元"


_INDICATOR_LABELS = {
    Indicator.EMPLOYEES: "从业人员",
    Indicator.REVENUE: "营业收入",
    Indicator.TOTAL_ASSETS: "资产总额",
}


@dataclass(frozen=True)
class SmeRow:
    """One row of 第四条. Each threshold tuple is parallel to ``indicators``, in persons or
    万元 as printed in the regulation."""

    industry: Industry
    clause: str
    indicators: tuple[Indicator, ...]
    sme_upper: tuple[Decimal, ...]
    medium_lower: tuple[Decimal, ...]
    small_lower: tuple[Decimal, ...]

    @property
    def citation(self) -> str:
        return f"{REGULATION} 第四条{self.clause}"


_E, _R, _A = Indicator.EMPLOYEES, Indicator.REVENUE, Indicator.TOTAL_ASSETS


def _row(
    industry: Industry,
    clause: str,
    indicators: tuple[Indicator, ...],
    sme_upper: tuple[int, ...],
    medium_lower: tuple[int, ...],
    small_lower: tuple[int, ...],
) -> SmeRow:
    def dec(values: tuple[int, ...]) -> tuple[Decimal, ...]:
        return tuple(Decimal(v) for v in values)

    return SmeRow(industry, clause, indicators, dec(sme_upper), dec(medium_lower), dec(small_lower))


# fmt: off
SME_ROWS: tuple[SmeRow, ...] = (
    # (一) 营业收入20000万元以下；中型 500万元及以上；小型 50万元及以上
    _row(Industry.AGRICULTURE, "（一）", (_R,), (20000,), (500,), (50,)),
    # (二) 从业人员1000人以下或营业收入40000万元以下；中型 300人且2000万元；小型 20人且300万元
    _row(Industry.INDUSTRY, "（二）", (_E, _R), (1000, 40000), (300, 2000), (20, 300)),
    # (三) 营业收入80000万元以下或资产总额80000万元以下；中型 6000万元且5000万元；小型 300且300
    _row(Industry.CONSTRUCTION, "（三）", (_R, _A), (80000, 80000), (6000, 5000), (300, 300)),
    # (四) 从业人员200人以下或营业收入40000万元以下；中型 20人且5000万元；小型 5人且1000万元
    _row(Industry.WHOLESALE, "（四）", (_E, _R), (200, 40000), (20, 5000), (5, 1000)),
    # (五) 从业人员300人以下或营业收入20000万元以下；中型 50人且500万元；小型 10人且100万元
    _row(Industry.RETAIL, "（五）", (_E, _R), (300, 20000), (50, 500), (10, 100)),
    # (六) 从业人员1000人以下或营业收入30000万元以下；中型 300人且3000万元；小型 20人且200万元
    _row(Industry.TRANSPORT, "（六）", (_E, _R), (1000, 30000), (300, 3000), (20, 200)),
    # (七) 从业人员200人以下或营业收入30000万元以下；中型 100人且1000万元；小型 20人且100万元
    _row(Industry.WAREHOUSING, "（七）", (_E, _R), (200, 30000), (100, 1000), (20, 100)),
    # (八) 从业人员1000人以下或营业收入30000万元以下；中型 300人且2000万元；小型 20人且100万元
    _row(Industry.POSTAL, "（八）", (_E, _R), (1000, 30000), (300, 2000), (20, 100)),
    # (九) 从业人员300人以下或营业收入10000万元以下；中型 100人且2000万元；小型 10人且100万元
    _row(Industry.ACCOMMODATION, "（九）", (_E, _R), (300, 10000), (100, 2000), (10, 100)),
    # (十) 从业人员300人以下或营业收入10000万元以下；中型 100人且2000万元；小型 10人且100万元
    _row(Industry.CATERING, "（十）", (_E, _R), (300, 10000), (100, 2000), (10, 100)),
    # (十一) 从业人员2000人以下或营业收入100000万元以下；中型 100人且1000万元；小型 10人且100万元
    _row(Industry.INFORMATION_TRANSMISSION, "（十一）", (_E, _R),
         (2000, 100000), (100, 1000), (10, 100)),
    # (十二) 从业人员300人以下或营业收入10000万元以下；中型 100人且1000万元；小型 10人且50万元
    _row(Industry.SOFTWARE_IT, "（十二）", (_E, _R), (300, 10000), (100, 1000), (10, 50)),
    # (十三) 营业收入200000万元以下或资产总额10000万元以下；中型 1000万元且5000万元；
    # 小型 100万元且2000万元. The medium asset floor (5000) is below the SME asset bound
    # (10000) as printed; that is the regulation's wording, not a typo here.
    _row(Industry.REAL_ESTATE_DEVELOPMENT, "（十三）", (_R, _A),
         (200000, 10000), (1000, 5000), (100, 2000)),
    # (十四) 从业人员1000人以下或营业收入5000万元以下；中型 300人且1000万元；小型 100人且500万元
    _row(Industry.PROPERTY_MANAGEMENT, "（十四）", (_E, _R), (1000, 5000), (300, 1000), (100, 500)),
    # (十五) 从业人员300人以下或资产总额120000万元以下；中型 100人且8000万元；小型 10人且100万元
    _row(Industry.LEASING_BUSINESS_SERVICES, "（十五）", (_E, _A),
         (300, 120000), (100, 8000), (10, 100)),
    # (十六) 从业人员300人以下；中型 100人及以上；小型 10人及以上
    _row(Industry.OTHER, "（十六）", (_E,), (300,), (100,), (10,)),
)
# fmt: on

SME_TABLE: Mapping[Industry, SmeRow] = MappingProxyType({row.industry: row for row in SME_ROWS})


@dataclass(frozen=True)
class SmeResult:
    industry: Industry
    size: SmeSize
    explanation: list[str]

    @property
    def is_sme(self) -> bool:
        return self.size.is_sme

    @property
    def row(self) -> SmeRow:
        return SME_TABLE[self.industry]


def _plain(d: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 40000, 12.345678."""
    return format(d.normalize(), "f")


def _show_value(indicator: Indicator, value: Decimal) -> str:
    if indicator is Indicator.EMPLOYEES:
        return f"{_plain(value)} 人"
    return f"{_plain(value / _TEN_THOUSAND)} 万元（{format_yuan(value)} 元）"


def _show_limit(indicator: Indicator, limit: Decimal) -> str:
    return f"{indicator.label} {_plain(limit)} {indicator.unit}"


def _limit_as_value(indicator: Indicator, limit: Decimal) -> Decimal:
    # Scale the limit up rather than the amount down, so the comparison stays exact.
    return limit if indicator is Indicator.EMPLOYEES else limit * _TEN_THOUSAND


def _compare_lower(
    row: SmeRow, values: dict[Indicator, Decimal], limits: tuple[Decimal, ...]
) -> tuple[bool, str]:
    parts: list[str] = []
    all_met = True
    for indicator, limit in zip(row.indicators, limits, strict=True):
        value = values[indicator]
        met = value >= _limit_as_value(indicator, limit)
        all_met = all_met and met
        verdict = "达到" if met else "未达到"
        parts.append(
            f"{indicator.label} {_show_value(indicator, value)}，{verdict} "
            f"{_plain(limit)} {indicator.unit}"
        )
    return all_met, "；".join(parts)


def _read_inputs(
    row: SmeRow,
    employees: int | None,
    revenue: Decimal | None,
    total_assets: Decimal | None,
) -> tuple[dict[Indicator, Decimal], list[str]]:
    given: dict[Indicator, Decimal | None] = {}
    if employees is not None:
        if isinstance(employees, bool) or not isinstance(employees, int):
            raise TypeError(f"从业人员必须是整数（人），收到 {type(employees).__name__}")
        given[Indicator.EMPLOYEES] = Decimal(employees)
    for indicator, amount in ((Indicator.REVENUE, revenue), (Indicator.TOTAL_ASSETS, total_assets)):
        if amount is None:
            continue
        if not isinstance(amount, Decimal):
            raise TypeError(f"{indicator.label}必须是 Decimal（元），收到 {type(amount).__name__}")
        if not amount.is_finite():
            raise ValueError(f"{indicator.label}不是有效数字（{amount}），请填写具体金额（元）")
        given[indicator] = amount

    missing = [i for i in row.indicators if given.get(i) is None]
    if missing:
        names = "、".join(i.label for i in missing)
        needed = "、".join(i.label for i in row.indicators)
        raise ValueError(
            f"缺少{names}：{row.industry.label}按{needed}划型（{row.citation}），请填写{names}后再判断"
        )
    values: dict[Indicator, Decimal] = {}
    for indicator in row.indicators:
        value = given[indicator]
        assert value is not None  # checked just above
        if value < 0:
            raise ValueError(f"{indicator.label}不能为负数（填写的是 {_plain(value)}），请核对")
        values[indicator] = value

    notes = [
        f"本行业不以{indicator.label}划型，填写的{indicator.label}未参与判断。"
        for indicator in Indicator
        if indicator in given and indicator not in row.indicators
    ]
    return values, notes


def classify_sme(
    industry: Industry,
    employees: int | None,
    revenue: Decimal | None,
    total_assets: Decimal | None,
) -> SmeResult:
    """Classify an enterprise; revenue and total assets are in yuan.

    Raises ValueError (Chinese message naming the 指标) when an indicator the industry's row
    needs is missing or negative.
    """
    row = SME_TABLE[industry]
    values, notes = _read_inputs(row, employees, revenue, total_assets)
    needed = "、".join(i.label for i in row.indicators)
    lines = [
        f"依据《中小企业划型标准规定》（{row.citation}），{industry.label}按{needed}划型；"
        "条文中“以下”不含本数，“及以上”含本数。",
        *notes,
    ]

    upper_text = "或".join(
        f"{_show_limit(i, limit)}以下"
        for i, limit in zip(row.indicators, row.sme_upper, strict=True)
    )
    below_parts = []
    is_sme = False
    for indicator, limit in zip(row.indicators, row.sme_upper, strict=True):
        value = values[indicator]
        below = value < _limit_as_value(indicator, limit)
        is_sme = is_sme or below
        verdict = "低于" if below else "不低于"
        below_parts.append(
            f"{indicator.label} {_show_value(indicator, value)}，{verdict} "
            f"{_plain(limit)} {indicator.unit}"
        )
    if is_sme:
        sme_verdict = "属于中小微型企业"
    elif len(row.indicators) > 1:
        sme_verdict = "各项指标均不低于上限，为大型企业（不属于中小微型企业）"
    else:
        sme_verdict = "不低于上限，为大型企业（不属于中小微型企业）"
    lines.append(f"中小微型企业上限：{upper_text}。{'；'.join(below_parts)} → {sme_verdict}。")
    if not is_sme:
        lines.append(f"结论：{SmeSize.LARGE.label}企业。")
        return SmeResult(industry, SmeSize.LARGE, lines)

    size = SmeSize.MICRO
    for candidate, limits in ((SmeSize.MEDIUM, row.medium_lower), (SmeSize.SMALL, row.small_lower)):
        rule = "且".join(
            f"{_show_limit(i, limit)}及以上"
            for i, limit in zip(row.indicators, limits, strict=True)
        )
        met, detail = _compare_lower(row, values, limits)
        if met:
            verdict = f"为{candidate.label}企业"
        elif len(row.indicators) > 1:
            verdict = f"未同时达到{candidate.label}企业下限"
        else:
            verdict = f"未达到{candidate.label}企业下限"
        lines.append(f"{candidate.label}企业下限：{rule}。{detail} → {verdict}。")
        if met:
            size = candidate
            break
    if size is SmeSize.MICRO:
        if len(row.indicators) > 1:
            lines.append("微型企业：只要有一项指标低于小型企业下限即为微型企业。")
        else:
            lines.append("微型企业：低于小型企业下限即为微型企业。")
    lines.append(f"结论：{size.label}企业。")
    return SmeResult(industry, size, lines)
