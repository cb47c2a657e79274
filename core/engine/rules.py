"""The rules: small functions that read an item's policy data and one claim's facts.

Each calculation returns its amount before cumulative caps, with explanation lines that cite
the clause. Eligibility (who may claim, the window, the item's conditions) is checked first
by :func:`eligibility_failures`; caps and best-of are applied across claims in
:mod:`core.engine.calculate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from core.engine.inputs import SIZE_LABELS, Applicant, Claim
from core.engine.results import ClaimStatus
from core.identifiers import (
    IdentifierError,
    PatentText,
    PatentType,
    parse_patent_number,
)
from core.money import format_yuan, quantize_fen
from core.policy.lpr import LprTable
from core.policy.model import CHOICE_LABELS, Condition, Item, Policy, RuleKind

_T = TypeVar("_T")


# The same few amounts (the schedule's rates, caps and thresholds, the budget) are written
# into nearly every explanation; typed so that an int or a float never shares a Decimal's entry.
@lru_cache(maxsize=4096, typed=True)
def yuan(amount: Decimal) -> str:
    return f"{format_yuan(amount)}元"


def percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


@dataclass(frozen=True, slots=True)
class RankDecision:
    """A bank's place in the batch ranking (附件1·知识产权质押融资·第1行)."""

    rank: int
    qualified_banks: int
    # A bank ranks once; a further claim with the same credit code is not paid again.
    duplicate: bool = False


@dataclass(slots=True)
class RuleContext:
    policy: Policy
    lpr: LprTable
    rank: RankDecision | None = None


@dataclass(slots=True)
class Outcome:
    amount: Decimal
    status: ClaimStatus
    lines: list[str] = field(default_factory=list)
    # For interest subsidies: the months this claim asks to be subsidised (checked against
    # the cumulative month limit when caps are applied) and the unrounded subsidy, so that
    # scaling by months rounds to the fen once, not twice.
    months: int = 0
    exact: Decimal | None = None
    # For a bonus paid per contract (``bonus_per``): the bonus included in ``amount``.
    bonus: Decimal = Decimal(0)


@lru_cache(maxsize=1024)  # a batch's dates are a year's worth of days, written again and again
def _date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _fact_text(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_yuan(value) if value == value.quantize(Decimal("0.01")) else str(value)
    if isinstance(value, str):
        return CHOICE_LABELS.get(value, value)
    return str(value)


def _patent_type(value: object) -> PatentType | None:
    # A claim's patent fact was parsed and checked once, by parse_fact, and knows its type.
    if isinstance(value, PatentText):
        return value.patent_type
    if not isinstance(value, str):
        return None
    try:
        return parse_patent_number(value).patent_type
    except IdentifierError:
        return None


def _condition_holds(condition: Condition, value: object) -> bool:
    if condition.op == "invention":
        patent_type = _patent_type(value)
        return patent_type is not None and patent_type.is_invention
    if condition.op == "in":
        return isinstance(condition.value, tuple) and value in condition.value
    if condition.op == "eq":
        return value == condition.value
    # ge: numeric facts only (the loader guarantees it)
    return (
        isinstance(value, int | Decimal)
        and isinstance(condition.value, Decimal)
        and Decimal(value) >= condition.value
    )


def _shown_value(condition: Condition, value: object) -> str:
    if condition.op == "invention" and isinstance(value, str):
        patent_type = _patent_type(value)
        return value if patent_type is None else f"{value}为{patent_type.label}专利"
    return f"本项为{_fact_text(value)}"


def eligibility_failures(
    item: Item, claim: Claim, applicant: Applicant, policy: Policy
) -> list[str]:
    """Every reason this claim cannot be paid, each citing its clause (empty when eligible)."""
    failures: list[str] = []
    if applicant.kind not in item.applicant_kinds:
        allowed = "、".join(k.label for k in item.applicant_kinds)
        failures.append(
            f"申请人类型为{applicant.kind.label}，本项仅限{allowed}（{item.applicant_kinds_clause}）"
        )
    if item.requires_sme and not applicant.is_sme:
        size = SIZE_LABELS.get(applicant.size or "", "未认定")
        failures.append(
            f"本项仅限中小微企业，申请人规模为{size}（{item.clause}；"
            "《中小企业划型标准规定》工信部联企业〔2011〕300号）"
        )
    if not policy.window_start <= claim.date <= policy.window_end:
        failures.append(
            f"{item.date_label}{_date(claim.date)}不在{_date(policy.window_start)}至"
            f"{_date(policy.window_end)}期间（{policy.window_clause}）"
        )
    for condition in item.conditions:
        value = claim.fact(condition.fact)
        if not _condition_holds(condition, value):
            failures.append(
                f"{condition.message}，{_shown_value(condition, value)}（{condition.clause}）"
            )
    return failures


def _standard_line(item: Item) -> str:
    return f"依据{item.clause}「{item.standard}」"


def per_unit(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    rate = _need(item.params.rate)
    return Outcome(
        rate,
        ClaimStatus.AWARDED,
        [f"{_standard_line(item)}：{yuan(rate)}/{item.unit} × 1{item.unit} = {yuan(rate)}"],
    )


def per_unit_with_bonus(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    p = item.params
    rate, threshold = _need(p.rate), _need(p.bonus_threshold)
    bonus_rate, bonus_cap = _need(p.bonus_rate), _need(p.bonus_cap)
    basis = claim.fact(_need(p.bonus_fact))
    lines = [f"{_standard_line(item)}：基础资助{yuan(rate)}/{item.unit}"]
    status = ClaimStatus.AWARDED
    bonus = Decimal(0)
    if isinstance(basis, Decimal) and basis >= threshold:
        raw = quantize_fen(basis * bonus_rate)
        bonus = min(raw, bonus_cap)
        lines.append(
            f"许可合同备案金额{yuan(basis)}达到{yuan(threshold)}及以上（含本数，《民法典》第一千二百五十九条），"
            f"额外资助 {yuan(basis)} × {percent(bonus_rate)} = {yuan(raw)}"
        )
        if raw > bonus_cap:
            status = ClaimStatus.REDUCED
            lines.append(f"额外资助最高不超过{yuan(bonus_cap)}，核减为{yuan(bonus)}")
    else:
        shown = yuan(basis) if isinstance(basis, Decimal) else "未填"
        lines.append(f"许可合同备案金额{shown}不足{yuan(threshold)}，无额外资助")
    total = rate + bonus
    lines.append(f"本项 {yuan(rate)} + {yuan(bonus)} = {yuan(total)}")
    if p.bonus_per is not None and bonus > 0 and claim.fact(p.bonus_per) in (None, ""):
        lines.append(
            f"未填{item.fact(p.bonus_per).label}：按本项单独为一份合同计算额外资助（假定）"
        )
    return Outcome(total, status, lines, bonus=bonus)


def interest_subsidy(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    p = item.params
    rate = claim.fact("annual_rate")
    term = claim.fact("term_months")
    months = claim.fact("interest_months")
    paid = claim.fact("interest_paid")
    assert isinstance(rate, Decimal) and isinstance(paid, Decimal)
    assert isinstance(term, int) and isinstance(months, int)
    lpr = ctx.lpr.in_force(claim.date)
    if lpr is None:
        return Outcome(
            Decimal(0),
            ClaimStatus.PENDING,
            [f"LPR表中没有{_date(claim.date)}适用的报价，请管理员补录后重新测算"],
        )
    long_term = term > _need(p.long_term_after_months)
    lpr_rate = lpr.over_five_years if long_term else lpr.one_year
    lpr_name = "5年期以上LPR" if long_term else "1年期LPR"
    lines = [
        f"{_standard_line(item)}",
        f"贷款发放日{_date(claim.date)}适用{_date(lpr.effective)}起执行的{lpr_name} {percent(lpr_rate)}"
        f"（贷款期限{term}个月，{'超过' if long_term else '不超过'}{p.long_term_after_months}个月）",
    ]
    if rate <= lpr_rate:
        exact = amount = paid
        lines.append(f"贷款年利率{percent(rate)}不高于LPR，按已付利息全额贴息：{yuan(paid)}")
    else:
        exact = paid * lpr_rate / rate
        amount = quantize_fen(exact)
        lines.append(
            f"贷款年利率{percent(rate)}高于LPR，贴息利率以LPR为限："
            f"{yuan(paid)} × {percent(lpr_rate)} ÷ {percent(rate)} = {yuan(amount)}"
        )
    lines.append(f"本次申请贴息{months}个月")
    return Outcome(amount, ClaimStatus.AWARDED, lines, months=months, exact=exact)


def fee_share(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    share = _need(item.params.share)
    fees = [(name, claim.fact(name)) for name in item.params.fee_facts]
    total = sum((v for _, v in fees if isinstance(v, Decimal)), Decimal(0))
    amount = quantize_fen(total * share)
    parts = " + ".join(
        f"{item.fact(name).label.split('（')[0]}{yuan(v)}"
        for name, v in fees
        if isinstance(v, Decimal)
    )
    return Outcome(
        amount,
        ClaimStatus.AWARDED,
        [f"{_standard_line(item)}：({parts}) × {percent(share)} = {yuan(amount)}"],
    )


def approved_amount(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    amount = claim.fact(_need(item.params.amount_fact))
    if not isinstance(amount, Decimal):
        return Outcome(
            Decimal(0),
            ClaimStatus.PENDING,
            [f"{item.clause}「{item.remark}」本方案未定资助标准，待审核人员核定金额"],
        )
    return Outcome(
        amount,
        ClaimStatus.AWARDED,
        [f"{item.clause}「{item.remark}」，按审核核定金额资助{yuan(amount)}"],
    )


def ranking(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    p = item.params
    if ctx.rank is None:
        return Outcome(
            Decimal(0),
            ClaimStatus.PENDING,
            [f"{_standard_line(item)}：名次须在全部银行申请的批量测算中确定"],
        )
    if ctx.rank.duplicate:
        return Outcome(
            Decimal(0),
            ClaimStatus.NOT_STACKED,
            [f"{_standard_line(item)}：同一银行在本批已有排名申请，不重复资助"],
        )
    rank = ctx.rank.rank
    basis = "、".join(item.fact(name).label.split("（")[0] for name in p.rank_by)
    if rank <= len(p.rank_awards):
        amount = p.rank_awards[rank - 1]
        return Outcome(
            amount,
            ClaimStatus.AWARDED,
            [
                f"{_standard_line(item)}：符合条件的银行共{ctx.rank.qualified_banks}家，"
                f"按{basis}排名第{rank}，资助{yuan(amount)}"
            ],
        )
    return Outcome(
        Decimal(0),
        ClaimStatus.INELIGIBLE,
        [f"{_standard_line(item)}：按{basis}排名第{rank}，未进入前{len(p.rank_awards)}名"],
    )


def tiers(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    p = item.params
    value = claim.fact(_need(p.tier_fact))
    assert isinstance(value, Decimal)
    reached = [t for t in p.tiers if value >= t.lower_bound]
    label = item.fact(_need(p.tier_fact)).label.split("（")[0]
    if not reached:
        lowest = p.tiers[0].lower_bound
        return Outcome(
            Decimal(0),
            ClaimStatus.INELIGIBLE,
            [f"{_standard_line(item)}：{label}{yuan(value)}不足最低档{yuan(lowest)}"],
        )
    tier = reached[-1]  # 从优: at a shared boundary the higher tier applies
    return Outcome(
        tier.amount,
        ClaimStatus.AWARDED,
        [
            f"{_standard_line(item)}：{label}{yuan(value)}，适用「{tier.text}」，资助{yuan(tier.amount)}"
        ],
    )


def actual_cost(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    cap = _need(item.params.per_event_cap)
    cost = claim.fact(_need(item.params.cost_fact))
    assert isinstance(cost, Decimal)
    if cost > cap:
        return Outcome(
            cap,
            ClaimStatus.REDUCED,
            [
                f"{_standard_line(item)}：实际费用{yuan(cost)}，单次最高不超过{yuan(cap)}，核减为{yuan(cap)}"
            ],
        )
    return Outcome(
        cost,
        ClaimStatus.AWARDED,
        [f"{_standard_line(item)}：据实资助实际费用{yuan(cost)}"],
    )


RULES: dict[RuleKind, Callable[[Item, Claim, RuleContext], Outcome]] = {
    "per_unit": per_unit,
    "per_unit_with_bonus": per_unit_with_bonus,
    "interest_subsidy": interest_subsidy,
    "fee_share": fee_share,
    "approved_amount": approved_amount,
    "ranking": ranking,
    "tiers": tiers,
    "actual_cost": actual_cost,
}


def evaluate_claim(item: Item, claim: Claim, ctx: RuleContext) -> Outcome:
    """The claim's amount before cumulative caps, or why it is pending."""
    if item.needs_recognition and claim.fact("recognized") is not True:
        return Outcome(
            Decimal(0),
            ClaimStatus.PENDING,
            [f"{item.clause}须「经认定符合资助条件」，尚未认定；认定后按「{item.standard}」资助"],
        )
    return RULES[item.rule](item, claim, ctx)


def _need(value: _T | None) -> _T:
    # The loader guarantees each rule's parameters; this narrows the type for mypy.
    assert value is not None
    return value


# ---------------------------------------------------------------------------
# Warnings at the field, as the value is typed (issue 20 §4): the same rules the engine
# applies when the claim is complete, asked of one value.
# ---------------------------------------------------------------------------


def received_warning(policy: Policy, received: dt.date) -> str | None:
    """A 受理日期 after the deadline: the application will be refused as late."""
    if received <= policy.deadline:
        return None
    return (
        f"受理日期{_date(received)}晚于申报截止日{_date(policy.deadline)}，"
        f"将以逾期申报不予受理（{policy.deadline_clause}）"
    )


def completion_warning(policy: Policy, item: Item, day: dt.date) -> str | None:
    """A completion date outside the programme's window: this item will not be funded."""
    if policy.window_start <= day <= policy.window_end:
        return None
    return (
        f"{item.date_label}{_date(day)}不在{_date(policy.window_start)}至"
        f"{_date(policy.window_end)}期间，本项将不予资助（{policy.window_clause}）"
    )


def fact_warning(item: Item, fact: str, value: object) -> str | None:
    """The first of the item's conditions on ``fact`` that ``value`` fails (a 实用新型 on an
    invention-only item), in the engine's own words."""
    for condition in item.conditions:
        if condition.fact == fact and value is not None and not _condition_holds(condition, value):
            return f"{condition.message}，{_shown_value(condition, value)}（{condition.clause}）"
    return None
