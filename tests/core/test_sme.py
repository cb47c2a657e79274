"""Enterprise size under 《中小企业划型标准规定》(工信部联企业〔2011〕300号) 第四条."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.sme import (
    SME_ROWS,
    SME_TABLE,
    Indicator,
    Industry,
    SmeRow,
    SmeSize,
    classify_sme,
)

D = Decimal
WAN = D(10000)

# 第四条 as published, one clause per industry. The thresholds the tests expect are read out
# of these sentences, so the table in core/sme.py is checked against the wording itself.
ARTICLE_4 = {
    Industry.AGRICULTURE: (
        "（一）",
        "农、林、牧、渔业。营业收入20000万元以下的为中小微型企业。其中，营业收入500万元及以上的"
        "为中型企业，营业收入50万元及以上的为小型企业，营业收入50万元以下的为微型企业。",
    ),
    Industry.INDUSTRY: (
        "（二）",
        "工业。从业人员1000人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员300人及"
        "以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入300万元及以上"
        "的为小型企业；从业人员20人以下或营业收入300万元以下的为微型企业。",
    ),
    Industry.CONSTRUCTION: (
        "（三）",
        "建筑业。营业收入80000万元以下或资产总额80000万元以下的为中小微型企业。其中，营业收入6000"
        "万元及以上，且资产总额5000万元及以上的为中型企业；营业收入300万元及以上，且资产总额300"
        "万元及以上的为小型企业；营业收入300万元以下或资产总额300万元以下的为微型企业。",
    ),
    Industry.WHOLESALE: (
        "（四）",
        "批发业。从业人员200人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员20人及"
        "以上，且营业收入5000万元及以上的为中型企业；从业人员5人及以上，且营业收入1000万元及以上"
        "的为小型企业；从业人员5人以下或营业收入1000万元以下的为微型企业。",
    ),
    Industry.RETAIL: (
        "（五）",
        "零售业。从业人员300人以下或营业收入20000万元以下的为中小微型企业。其中，从业人员50人及"
        "以上，且营业收入500万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上"
        "的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.TRANSPORT: (
        "（六）",
        "交通运输业。从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300"
        "人及以上，且营业收入3000万元及以上的为中型企业；从业人员20人及以上，且营业收入200万元及"
        "以上的为小型企业；从业人员20人以下或营业收入200万元以下的为微型企业。",
    ),
    Industry.WAREHOUSING: (
        "（七）",
        "仓储业。从业人员200人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员100人及"
        "以上，且营业收入1000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上"
        "的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.POSTAL: (
        "（八）",
        "邮政业。从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及"
        "以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上"
        "的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.ACCOMMODATION: (
        "（九）",
        "住宿业。从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及"
        "以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上"
        "的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.CATERING: (
        "（十）",
        "餐饮业。从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及"
        "以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上"
        "的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.INFORMATION_TRANSMISSION: (
        "（十一）",
        "信息传输业。从业人员2000人以下或营业收入100000万元以下的为中小微型企业。其中，从业人员100"
        "人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及"
        "以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。",
    ),
    Industry.SOFTWARE_IT: (
        "（十二）",
        "软件和信息技术服务业。从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业"
        "人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入50"
        "万元及以上的为小型企业；从业人员10人以下或营业收入50万元以下的为微型企业。",
    ),
    Industry.REAL_ESTATE_DEVELOPMENT: (
        "（十三）",
        "房地产开发经营。营业收入200000万元以下或资产总额10000万元以下的为中小微型企业。其中，营业"
        "收入1000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入100万元及以上，且资产"
        "总额2000万元及以上的为小型企业；营业收入100万元以下或资产总额2000万元以下的为微型企业。",
    ),
    Industry.PROPERTY_MANAGEMENT: (
        "（十四）",
        "物业管理。从业人员1000人以下或营业收入5000万元以下的为中小微型企业。其中，从业人员300人及"
        "以上，且营业收入1000万元及以上的为中型企业；从业人员100人及以上，且营业收入500万元及以上"
        "的为小型企业；从业人员100人以下或营业收入500万元以下的为微型企业。",
    ),
    Industry.LEASING_BUSINESS_SERVICES: (
        "（十五）",
        "租赁和商务服务业。从业人员300人以下或资产总额120000万元以下的为中小微型企业。其中，从业人员"
        "100人及以上，且资产总额8000万元及以上的为中型企业；从业人员10人及以上，且资产总额100万元"
        "及以上的为小型企业；从业人员10人以下或资产总额100万元以下的为微型企业。",
    ),
    Industry.OTHER: (
        "（十六）",
        "其他未列明行业。从业人员300人以下的为中小微型企业。其中，从业人员100人及以上的为中型企业；"
        "从业人员10人及以上的为小型企业；从业人员10人以下的为微型企业。",
    ),
}

_INDICATOR_NAMES = {"从业人员": Indicator.EMPLOYEES, "营业收入": Indicator.REVENUE}
_INDICATOR_NAMES["资产总额"] = Indicator.TOTAL_ASSETS
_CLAUSE = re.compile(r"(.*?)的为(中小微型|中型|小型|微型)企业")
_LIMIT = re.compile(r"(从业人员|营业收入|资产总额)(\d+)(人|万元)(以下|及以上)")


@dataclass(frozen=True)
class TextRow:
    """Thresholds as read from the clause text; money in yuan."""

    indicators: tuple[Indicator, ...]
    upper: tuple[Decimal, ...]
    medium: tuple[Decimal, ...]
    small: tuple[Decimal, ...]


def read_clause(text: str) -> TextRow:
    parts: dict[str, list[tuple[Indicator, Decimal, str]]] = {}
    for clause in _CLAUSE.finditer(text):
        limits = []
        for name, number, unit, word in _LIMIT.findall(clause.group(1)):
            value = D(number) * (WAN if unit == "万元" else 1)
            limits.append((_INDICATOR_NAMES[name], value, word))
        parts[clause.group(2)] = limits
    assert set(parts) == {"中小微型", "中型", "小型", "微型"}
    assert all(word == "以下" for _, _, word in parts["中小微型"] + parts["微型"])
    assert all(word == "及以上" for _, _, word in parts["中型"] + parts["小型"])
    # The micro sentence restates the small limits with 以下.
    assert [(i, v) for i, v, _ in parts["微型"]] == [(i, v) for i, v, _ in parts["小型"]]
    indicators = tuple(i for i, _, _ in parts["中小微型"])
    for key in ("中型", "小型"):
        assert tuple(i for i, _, _ in parts[key]) == indicators
    return TextRow(
        indicators=indicators,
        upper=tuple(v for _, v, _ in parts["中小微型"]),
        medium=tuple(v for _, v, _ in parts["中型"]),
        small=tuple(v for _, v, _ in parts["小型"]),
    )


TEXT_ROWS = {industry: read_clause(text) for industry, (_, text) in ARTICLE_4.items()}


def classify(industry: Industry, values: dict[Indicator, Decimal]) -> SmeSize:
    employees = values.get(Indicator.EMPLOYEES)
    return classify_sme(
        industry,
        None if employees is None else int(employees),
        values.get(Indicator.REVENUE),
        values.get(Indicator.TOTAL_ASSETS),
    ).size


def just_below(indicator: Indicator, value: Decimal) -> Decimal:
    # The smallest step each indicator can take: one person, one fen.
    return value - (1 if indicator is Indicator.EMPLOYEES else D("0.01"))


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


def test_all_sixteen_rows_in_order() -> None:
    assert [row.industry for row in SME_ROWS] == list(ARTICLE_4)
    assert len(SME_ROWS) == 16
    assert set(SME_TABLE) == set(Industry)


@pytest.mark.parametrize("industry", list(Industry))
def test_row_matches_the_regulation_text(industry: Industry) -> None:
    clause, text = ARTICLE_4[industry]
    row = SME_TABLE[industry]
    expected = TEXT_ROWS[industry]

    def in_yuan(row: SmeRow, values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
        return tuple(
            v if i is Indicator.EMPLOYEES else v * WAN
            for i, v in zip(row.indicators, values, strict=True)
        )

    assert row.indicators == expected.indicators
    assert in_yuan(row, row.sme_upper) == expected.upper
    assert in_yuan(row, row.medium_lower) == expected.medium
    assert in_yuan(row, row.small_lower) == expected.small
    assert row.clause == clause
    assert row.citation == f"工信部联企业〔2011〕300号 第四条{clause}"
    assert text.startswith(industry.label + "。")


def test_indicator_choice_per_row() -> None:
    e, r, a = Indicator.EMPLOYEES, Indicator.REVENUE, Indicator.TOTAL_ASSETS
    assert SME_TABLE[Industry.AGRICULTURE].indicators == (r,)
    assert SME_TABLE[Industry.CONSTRUCTION].indicators == (r, a)
    assert SME_TABLE[Industry.REAL_ESTATE_DEVELOPMENT].indicators == (r, a)
    assert SME_TABLE[Industry.LEASING_BUSINESS_SERVICES].indicators == (e, a)
    assert SME_TABLE[Industry.PROPERTY_MANAGEMENT].indicators == (e, r)
    assert SME_TABLE[Industry.OTHER].indicators == (e,)


def test_labels() -> None:
    assert [s.label for s in SmeSize] == ["微型", "小型", "中型", "大型"]
    assert [s.value for s in SmeSize] == ["micro", "small", "medium", "large"]
    assert Industry.SOFTWARE_IT.label == "软件和信息技术服务业"
    assert Indicator.TOTAL_ASSETS.label == "资产总额"
    assert not SmeSize.LARGE.is_sme
    assert SmeSize.MICRO.is_sme


# ---------------------------------------------------------------------------
# Boundaries, for every row, from the text
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("industry", list(Industry))
class TestBoundariesOfEveryRow:
    def test_at_medium_lower_limits_is_medium(self, industry: Industry) -> None:
        row = TEXT_ROWS[industry]
        assert classify(industry, dict(zip(row.indicators, row.medium, strict=True))) == (
            SmeSize.MEDIUM
        )

    def test_just_below_one_medium_limit_is_small(self, industry: Industry) -> None:
        row = TEXT_ROWS[industry]
        for indicator in row.indicators:
            values = dict(zip(row.indicators, row.medium, strict=True))
            values[indicator] = just_below(indicator, values[indicator])
            assert classify(industry, values) == SmeSize.SMALL, indicator

    def test_at_small_lower_limits_is_small(self, industry: Industry) -> None:
        row = TEXT_ROWS[industry]
        assert classify(industry, dict(zip(row.indicators, row.small, strict=True))) == (
            SmeSize.SMALL
        )

    def test_just_below_one_small_limit_is_micro(self, industry: Industry) -> None:
        # Micro needs only one indicator below the small limit, even if the other is huge.
        row = TEXT_ROWS[industry]
        for indicator in row.indicators:
            values = dict(zip(row.indicators, row.medium, strict=True))
            small = dict(zip(row.indicators, row.small, strict=True))
            values[indicator] = just_below(indicator, small[indicator])
            assert classify(industry, values) == SmeSize.MICRO, indicator

    def test_at_every_upper_bound_is_large(self, industry: Industry) -> None:
        row = TEXT_ROWS[industry]
        assert classify(industry, dict(zip(row.indicators, row.upper, strict=True))) == (
            SmeSize.LARGE
        )

    def test_below_either_upper_bound_is_sme(self, industry: Industry) -> None:
        # "X以下或Y以下的为中小微型企业": one indicator below its bound is enough.
        row = TEXT_ROWS[industry]
        for indicator in row.indicators:
            upper = dict(zip(row.indicators, row.upper, strict=True))
            values = {i: v * 10 for i, v in upper.items()}
            values[indicator] = just_below(indicator, upper[indicator])
            assert classify(industry, values) == SmeSize.MEDIUM, indicator

    def test_zero_is_micro(self, industry: Industry) -> None:
        row = TEXT_ROWS[industry]
        assert classify(industry, dict.fromkeys(row.indicators, D(0))) == SmeSize.MICRO


# ---------------------------------------------------------------------------
# Worked examples
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employees", "revenue_wan", "size"),
    [
        (299, "2000", SmeSize.SMALL),
        (300, "2000", SmeSize.MEDIUM),
        (300, "1999.9999", SmeSize.SMALL),
        (1000, "40000", SmeSize.LARGE),
        (1000, "39999", SmeSize.MEDIUM),
        (999, "40000", SmeSize.MEDIUM),
        (5000, "100", SmeSize.MICRO),  # 1000+ persons but revenue below 300万元
        (20, "300", SmeSize.SMALL),
        (19, "300", SmeSize.MICRO),
        (20, "299.99", SmeSize.MICRO),
    ],
)
def test_industry_examples(employees: int, revenue_wan: str, size: SmeSize) -> None:
    result = classify_sme(Industry.INDUSTRY, employees, D(revenue_wan) * WAN, None)
    assert result.size is size


@pytest.mark.parametrize(
    ("employees", "revenue_wan", "size"),
    [
        (100, "1000", SmeSize.MEDIUM),
        (99, "1000", SmeSize.SMALL),
        (10, "50", SmeSize.SMALL),
        (9, "10000", SmeSize.MICRO),
        (10, "49.99", SmeSize.MICRO),
        (300, "10000", SmeSize.LARGE),
        (300, "9999.99", SmeSize.MEDIUM),
    ],
)
def test_software_examples(employees: int, revenue_wan: str, size: SmeSize) -> None:
    result = classify_sme(Industry.SOFTWARE_IT, employees, D(revenue_wan) * WAN, None)
    assert result.size is size


def test_real_estate_assets_between_medium_floor_and_sme_bound() -> None:
    # 房地产开发经营: SME when assets are below 10000万元 even with huge revenue.
    result = classify_sme(Industry.REAL_ESTATE_DEVELOPMENT, None, D(300000) * WAN, D(9999) * WAN)
    assert result.size is SmeSize.MEDIUM
    result = classify_sme(Industry.REAL_ESTATE_DEVELOPMENT, None, D(300000) * WAN, D(10000) * WAN)
    assert result.size is SmeSize.LARGE


def test_other_industries_use_employees_only() -> None:
    assert classify_sme(Industry.OTHER, 300, None, None).size is SmeSize.LARGE
    assert classify_sme(Industry.OTHER, 299, None, None).size is SmeSize.MEDIUM
    assert classify_sme(Industry.OTHER, 99, None, None).size is SmeSize.SMALL
    assert classify_sme(Industry.OTHER, 9, None, None).size is SmeSize.MICRO


def test_agriculture_uses_revenue_only() -> None:
    assert classify_sme(Industry.AGRICULTURE, None, D(500) * WAN, None).size is SmeSize.MEDIUM
    assert classify_sme(Industry.AGRICULTURE, None, D("499999.99"), None).size is SmeSize.MICRO
    assert classify_sme(Industry.AGRICULTURE, None, D(20000) * WAN, None).size is SmeSize.LARGE


# ---------------------------------------------------------------------------
# Errors and explanation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("industry", "employees", "revenue", "assets", "missing"),
    [
        (Industry.INDUSTRY, None, D(1), None, "从业人员"),
        (Industry.INDUSTRY, 10, None, D(1), "营业收入"),
        (Industry.CONSTRUCTION, 10, D(1), None, "资产总额"),
        (Industry.LEASING_BUSINESS_SERVICES, 10, D(1), None, "资产总额"),
        (Industry.AGRICULTURE, 10, None, D(1), "营业收入"),
        (Industry.OTHER, None, D(1), D(1), "从业人员"),
        (Industry.REAL_ESTATE_DEVELOPMENT, None, None, None, "营业收入、资产总额"),
    ],
)
def test_missing_indicator_is_named(
    industry: Industry,
    employees: int | None,
    revenue: Decimal | None,
    assets: Decimal | None,
    missing: str,
) -> None:
    with pytest.raises(ValueError, match=f"缺少{missing}") as info:
        classify_sme(industry, employees, revenue, assets)
    assert SME_TABLE[industry].citation in str(info.value)


def test_negative_values_are_refused() -> None:
    with pytest.raises(ValueError, match="从业人员不能为负数"):
        classify_sme(Industry.INDUSTRY, -1, D(1), None)
    with pytest.raises(ValueError, match="营业收入不能为负数"):
        classify_sme(Industry.INDUSTRY, 1, D("-0.01"), None)


def test_wrong_types_are_refused() -> None:
    with pytest.raises(TypeError):
        classify_sme(Industry.INDUSTRY, 10, 1.5, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        classify_sme(Industry.INDUSTRY, True, D(1), None)
    with pytest.raises(ValueError, match="不是有效数字"):
        classify_sme(Industry.INDUSTRY, 10, D("NaN"), None)


def test_explanation_cites_the_row_and_shows_comparisons() -> None:
    result = classify_sme(Industry.INDUSTRY, 299, D(2000) * WAN, None)
    text = "\n".join(result.explanation)
    assert "工信部联企业〔2011〕300号 第四条（二）" in text
    assert "从业人员 1000 人以下或营业收入 40000 万元以下" in text
    assert "从业人员 299 人，未达到 300 人" in text
    assert "营业收入 2000 万元（20,000,000.00 元），达到 2000 万元" in text
    assert "从业人员 299 人，达到 20 人" in text
    assert result.explanation[-1] == "结论：小型企业。"
    assert result.is_sme
    assert result.row is SME_TABLE[Industry.INDUSTRY]


def test_explanation_for_large() -> None:
    result = classify_sme(Industry.INDUSTRY, 1000, D(40000) * WAN, None)
    text = "\n".join(result.explanation)
    assert "从业人员 1000 人，不低于 1000 人" in text
    assert "不属于中小微型企业" in text
    assert result.explanation[-1] == "结论：大型企业。"
    assert not result.is_sme


def test_unused_indicator_is_mentioned_and_ignored() -> None:
    with_assets = classify_sme(Industry.INDUSTRY, 300, D(2000) * WAN, D(1))
    assert with_assets.size is SmeSize.MEDIUM
    assert any("不以资产总额划型" in line for line in with_assets.explanation)


_count = st.integers(min_value=0, max_value=5000)
_money = st.decimals(min_value=0, max_value=D(3) * 10**9, places=2)


@given(st.sampled_from(list(Industry)), _count, _money, _money)
def test_size_is_monotonic(
    industry: Industry, employees: int, revenue: Decimal, assets: Decimal
) -> None:
    # Growing never makes an enterprise smaller.
    order = [SmeSize.MICRO, SmeSize.SMALL, SmeSize.MEDIUM, SmeSize.LARGE]
    before = classify_sme(industry, employees, revenue, assets).size
    after = classify_sme(industry, employees + 1, revenue + 1, assets + 1).size
    assert order.index(after) >= order.index(before)
