"""Statistics against the programme targets (seed 002 二、工作目标) and the budget.

Pure functions over plain data: the records layer (or a test) hands in :class:`StatCase`
rows — the applicant, the claims' facts, the frozen result snapshot and the payout — and gets
a :class:`StatisticsReport` back. Every figure keeps the case references behind it, so the
GUI can list them on a double-click.

What is counted (see docs/documents.md, "统计口径"):

* only **paid** cases (a payout date and amount recorded): a target counts what was
  delivered, not what was applied for;
* within them, claims the review found eligible: status 予以资助, 核减资助, or 不叠加 (eligible,
  but paid under another item for the same patent or product — the transfer, licence or
  filing still happened). 不予资助 and 待认定 claims are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from core.policy.model import Policy, Target

__all__ = [
    "COUNTED_STATUSES",
    "MEASURES",
    "BudgetUse",
    "ItemFigure",
    "MonthFigure",
    "StatCase",
    "StatClaim",
    "StatisticsReport",
    "TargetFigure",
    "compute_statistics",
]

COUNTED_STATUSES = frozenset({"awarded", "reduced", "not_stacked"})
SME_SIZES = frozenset({"micro", "small", "medium"})
UNIVERSITY_KINDS = frozenset({"university", "institute"})
TRANSFER_LICENSE_ITEMS = ("transfer_in", "license_in")
# Financing by the enterprise itself; the bank ranking item is the lender's award, not a loan.
PLEDGE_ITEMS = ("pledge_interest", "pledge_fees", "cross_region_pledge")


@dataclass(frozen=True)
class StatClaim:
    """One claim as applied for: the item, its date and its facts (JSON values or parsed)."""

    item: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    date: dt.date | None = None


@dataclass(frozen=True)
class StatCase:
    reference: str  # the case number shown to the user
    applicant_name: str
    credit_code: str
    kind: str  # ApplicantKind value
    size: str | None
    claims: tuple[StatClaim, ...]
    result: Mapping[str, Any]  # the frozen ApplicationResult.to_json() snapshot
    paid_amount: Decimal | None = None
    paid_on: dt.date | None = None

    @property
    def paid(self) -> bool:
        return self.paid_on is not None and self.paid_amount is not None

    @property
    def is_sme(self) -> bool:
        return self.size in SME_SIZES


@dataclass(frozen=True)
class TargetFigure:
    """One target of 二、工作目标 with what was achieved and the cases behind it."""

    code: str
    label: str
    unit: str
    comparison: str
    clause: str
    required: Decimal
    achieved: Decimal | None  # None: cannot be computed (see missing_reason)
    references: tuple[str, ...]
    measure: str  # how it is counted, in Chinese
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    missing_reason: str = ""  # 未填报, 暂无数据, …

    @property
    def is_ratio(self) -> bool:
        return self.unit == "比例"

    @property
    def share(self) -> Decimal | None:
        """Achieved ÷ required (1 = exactly on target)."""
        if self.achieved is None or not self.required:
            return None
        return self.achieved / self.required

    @property
    def gap(self) -> Decimal | None:
        """What is still missing to reach the required value (0 once reached)."""
        if self.achieved is None:
            return None
        return max(self.required - self.achieved, Decimal(0))

    @property
    def met(self) -> bool | None:
        if self.achieved is None:
            return None
        # 「高于」 is strict (>); 「以上」 includes the number (>=), 民法典第一千二百五十九条.
        if self.comparison == ">":
            return self.achieved > self.required
        return self.achieved >= self.required


@dataclass(frozen=True)
class ItemFigure:
    item: str
    name: str
    form_row: str
    claims: int
    amount: Decimal  # awarded amounts of the result snapshots (before any proration)
    references: tuple[str, ...]


@dataclass(frozen=True)
class MonthFigure:
    month: str  # "2024-12"
    cases: int
    paid: Decimal
    references: tuple[str, ...]


@dataclass(frozen=True)
class BudgetUse:
    budget: Decimal
    awarded: Decimal  # result totals of the paid cases, before proration
    paid: Decimal
    references: tuple[str, ...]

    @property
    def share(self) -> Decimal | None:
        return self.paid / self.budget if self.budget else None

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.paid


@dataclass(frozen=True)
class StatisticsReport:
    policy_id: str
    policy_title: str
    targets: tuple[TargetFigure, ...]
    items: tuple[ItemFigure, ...]
    months: tuple[MonthFigure, ...]
    budget: BudgetUse
    paid_cases: int
    university_effective_patents: int | None

    def target(self, code: str) -> TargetFigure:
        for t in self.targets:
            if t.code == code:
                return t
        raise KeyError(code)


# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Counted:
    """A counted claim of a paid case, with what the measures need."""

    case: StatCase
    item: str
    facts: Mapping[str, Any]
    date: dt.date | None
    status: str
    amount: Decimal


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.replace(",", "").strip())
        except InvalidOperation:
            return None
    return None


def _counted_claims(cases: Iterable[StatCase]) -> list[_Counted]:
    out: list[_Counted] = []
    for case in cases:
        if not case.paid or not case.result.get("accepted", False):
            continue
        snapshots = {c.get("index", i): c for i, c in enumerate(case.result.get("claims", []))}
        for index, claim in enumerate(case.claims):
            snap = snapshots.get(index)
            if snap is None or snap.get("status") not in COUNTED_STATUSES:
                continue
            out.append(
                _Counted(
                    case=case,
                    item=claim.item,
                    facts=claim.facts,
                    date=claim.date,
                    status=str(snap.get("status")),
                    amount=_decimal(snap.get("amount")) or Decimal(0),
                )
            )
    return out


def _refs(counted: Iterable[_Counted]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.case.reference for c in counted))


def _university_to_sme(c: _Counted) -> bool:
    return (
        c.item in TRANSFER_LICENSE_ITEMS
        and c.facts.get("counterparty_kind") in UNIVERSITY_KINDS
        and c.case.is_sme
    )


_Measure = Callable[
    [list[_Counted], int | None], tuple[Decimal | None, list[_Counted], dict[str, Any]]
]


def _transfer_license_count(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if _university_to_sme(c)]
    return Decimal(len(hits)), hits, {}


def _sme_recipients(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if _university_to_sme(c)]
    return Decimal(len({c.case.credit_code for c in hits})), hits, {}


def _pledge(counted: list[_Counted]) -> list[_Counted]:
    return [c for c in counted if c.item in PLEDGE_ITEMS]


def _pledge_smes(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in _pledge(counted) if c.case.is_sme]
    return Decimal(len({c.case.credit_code for c in hits})), hits, {}


def _open_licenses(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if c.item == "open_license"]
    patents = {
        str(c.facts.get("patent", "")) or f"{c.case.reference}#{i}" for i, c in enumerate(hits)
    }
    return Decimal(len(patents)), hits, {}


def _university_transfer_ratio(
    counted: list[_Counted], effective: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if _university_to_sme(c)]
    patents = Decimal(len({str(c.facts.get("patent", "")) for c in hits}))
    extra: dict[str, Any] = {"numerator": patents}
    if effective is None:
        extra["missing_reason"] = "未填报"
        return None, hits, extra
    if effective <= 0:
        extra["missing_reason"] = "有效专利数须大于0"
        return None, hits, extra
    extra["denominator"] = Decimal(effective)
    return patents / Decimal(effective), hits, extra


def _pledge_sme_ratio(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = _pledge(counted)
    applicants = {c.case.credit_code for c in hits}
    smes = {c.case.credit_code for c in hits if c.case.is_sme}
    extra: dict[str, Any] = {
        "numerator": Decimal(len(smes)),
        "denominator": Decimal(len(applicants)),
    }
    if not applicants:
        extra["missing_reason"] = "暂无质押融资资助"
        return None, hits, extra
    return Decimal(len(smes)) / Decimal(len(applicants)), hits, extra


def _pledge_amount(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if c.item == "pledge_interest"]
    # One loan may be subsidised in two applications (interest paid in two periods): a loan
    # is its borrower, date and principal, and is counted once.
    loans: dict[tuple[str, str, str], Decimal] = {}
    for c in hits:
        principal = _decimal(c.facts.get("principal"))
        if principal is None:
            continue
        key = (c.case.credit_code, str(c.date), str(principal))
        loans[key] = principal
    return sum(loans.values(), Decimal(0)), hits, {}


def _license_filed_amount(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if c.item == "license_in"]
    total = sum((_decimal(c.facts.get("contract_amount")) or Decimal(0) for c in hits), Decimal(0))
    return total, hits, {}


def _product_filings(
    counted: list[_Counted], _: int | None
) -> tuple[Decimal | None, list[_Counted], dict[str, Any]]:
    hits = [c for c in counted if c.item == "product_filing"]
    return Decimal(len(hits)), hits, {}


#: Each target code of bishan-2024 → (how it is measured, in Chinese; the measure).
MEASURES: dict[str, tuple[str, _Measure]] = {
    "transfer_license_count": (
        "已兑现申请中，经审核认定的「接受高校院所发明专利转让」「接受高校院所发明专利许可」事项"
        "中转让（许可）方为高校院所、申请人为中小微企业的件数",
        _transfer_license_count,
    ),
    "sme_recipients": (
        "上述转让许可事项涉及的中小微企业家数（按统一社会信用代码去重）",
        _sme_recipients,
    ),
    "pledge_smes": (
        "已兑现申请中，经审核认定的质押融资类事项（贴息、评估担保保险费、异地质押）的中小微企业"
        "家数（按统一社会信用代码去重）",
        _pledge_smes,
    ),
    "open_licenses": (
        "已兑现申请中，经审核认定的「发明专利开放许可」事项的专利件数（按专利号去重）",
        _open_licenses,
    ),
    "university_transfer_ratio": (
        "高校院所向中小微企业转让许可的专利件数（按专利号去重）÷ 管理员填报的辖区高校院所有效专利数",
        _university_transfer_ratio,
    ),
    "pledge_sme_ratio": (
        "质押融资类事项惠及的中小微企业家数 ÷ 质押融资类事项惠及的企业家数",
        _pledge_sme_ratio,
    ),
    "pledge_amount": (
        "已兑现申请中，经审核认定的「专利质押融资贴息」事项的贷款本金合计（同一企业同日同额贷款只计一次）",
        _pledge_amount,
    ),
    "license_filed_amount": (
        "已兑现申请中，经审核认定的「接受高校院所发明专利许可」事项的许可合同备案金额合计",
        _license_filed_amount,
    ),
    "product_filings": (
        "已兑现申请中，经审核认定的「专利密集型产品备案」事项的件数",
        _product_filings,
    ),
}


def _target_figure(target: Target, counted: list[_Counted], effective: int | None) -> TargetFigure:
    known = MEASURES.get(target.code)
    if known is None:
        return TargetFigure(
            code=target.code,
            label=target.label,
            unit=target.unit,
            comparison=target.comparison,
            clause=target.clause,
            required=target.value,
            achieved=None,
            references=(),
            measure="",
            missing_reason="本系统未定义此目标的统计口径",
        )
    measure_text, measure = known
    achieved, hits, extra = measure(counted, effective)
    return TargetFigure(
        code=target.code,
        label=target.label,
        unit=target.unit,
        comparison=target.comparison,
        clause=target.clause,
        required=target.value,
        achieved=achieved,
        references=_refs(hits),
        measure=measure_text,
        numerator=extra.get("numerator"),
        denominator=extra.get("denominator"),
        missing_reason=extra.get("missing_reason", ""),
    )


def compute_statistics(
    policy: Policy,
    cases: Iterable[StatCase],
    university_effective_patents: int | None,
) -> StatisticsReport:
    """Targets, amounts by item and by month, and budget use, from the paid cases."""
    all_cases = list(cases)
    paid = [c for c in all_cases if c.paid]
    counted = _counted_claims(paid)
    targets = tuple(
        _target_figure(t, counted, university_effective_patents) for t in policy.targets
    )

    by_item: dict[str, list[_Counted]] = defaultdict(list)
    for c in counted:
        if c.status != "not_stacked":
            by_item[c.item].append(c)
    items = tuple(
        ItemFigure(
            item=code,
            name=item.name,
            form_row=item.form_row,
            claims=len(by_item[code]),
            amount=sum((c.amount for c in by_item[code]), Decimal(0)),
            references=_refs(by_item[code]),
        )
        for code, item in policy.items.items()
    )

    by_month: dict[str, list[StatCase]] = defaultdict(list)
    for case in paid:
        assert case.paid_on is not None
        by_month[f"{case.paid_on.year:04d}-{case.paid_on.month:02d}"].append(case)
    months = tuple(
        MonthFigure(
            month=month,
            cases=len(group),
            paid=sum((c.paid_amount or Decimal(0) for c in group), Decimal(0)),
            references=tuple(c.reference for c in group),
        )
        for month, group in sorted(by_month.items())
    )

    budget = BudgetUse(
        budget=policy.budget,
        awarded=sum((_decimal(c.result.get("total")) or Decimal(0) for c in paid), Decimal(0)),
        paid=sum((c.paid_amount or Decimal(0) for c in paid), Decimal(0)),
        references=tuple(c.reference for c in paid),
    )
    return StatisticsReport(
        policy_id=policy.id,
        policy_title=policy.title,
        targets=targets,
        items=items,
        months=months,
        budget=budget,
        paid_cases=len(paid),
        university_effective_patents=university_effective_patents,
    )
