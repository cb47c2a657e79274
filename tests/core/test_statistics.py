"""Statistics against 二、工作目标: each target's measure, with the cases behind it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from core.documents.samples import credit_code, patent
from core.engine import calc_case_document
from core.policy import load_policy
from core.policy.model import Policy
from core.statistics import StatCase, StatClaim, StatisticsReport, compute_statistics


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy("bishan-2024")


def transfer(n: int, counterparty: str = "university", item: str = "transfer_in") -> dict[str, Any]:
    claim: dict[str, Any] = {
        "item": item,
        "date": "2024-03-01",
        "patent": patent(n),
        "counterparty_kind": counterparty,
        "related_party": False,
    }
    if item == "license_in":
        claim["contract_amount"] = "4000000.00"
    return claim


def pledge(principal: str = "5000000.00", date: str = "2024-02-25") -> dict[str, Any]:
    return {
        "item": "pledge_interest",
        "date": date,
        "principal": principal,
        "annual_rate": "0.03",
        "term_months": 12,
        "interest_months": 6,
        "interest_paid": "10000.00",
    }


def stat_case(
    ref: str,
    n: int,
    claims: list[dict[str, Any]],
    *,
    size: str | None = "small",
    paid_on: dt.date | None = dt.date(2024, 12, 20),
    paid: str | None = None,
    received_on: str = "2024-11-10",
) -> StatCase:
    doc = {
        "policy": "bishan-2024",
        "received_on": received_on,
        "applicant": {
            "name": f"企业{n}",
            "credit_code": credit_code(n),
            "kind": "enterprise",
            "size": size,
        },
        "claims": claims,
    }
    result = calc_case_document(doc)
    amount = None if paid_on is None else Decimal(paid or result["total"])
    return StatCase(
        reference=ref,
        applicant_name=f"企业{n}",
        credit_code=credit_code(n),
        kind="enterprise",
        size=size,
        claims=tuple(
            StatClaim(
                c["item"],
                {k: v for k, v in c.items() if k not in ("item", "date")},
                dt.date.fromisoformat(c["date"]),
            )
            for c in claims
        ),
        result=result,
        paid_amount=amount,
        paid_on=paid_on,
    )


@pytest.fixture(scope="module")
def report(policy: Policy) -> StatisticsReport:
    cases = [
        # two transfers + a licence from universities/institutes to an SME
        stat_case("A1", 1, [transfer(1), transfer(2, "institute"), transfer(3, item="license_in")]),
        # an SME licensed from a university, and pledged a loan
        stat_case("A2", 2, [transfer(4, item="license_in"), pledge()]),
        # a large enterprise: its pledge counts in the ratio's denominator only
        stat_case("A3", 3, [pledge("20000000.00")], size="large"),
        # the same loan of A2's borrower subsidised again in another case: counted once
        stat_case("A4", 2, [pledge()], paid_on=dt.date(2025, 1, 5)),
        # not paid yet: counts nowhere
        stat_case("A5", 5, [transfer(5), pledge()], paid_on=None),
        # late, so rejected: nothing counted even though "paid" were recorded
        stat_case("A6", 6, [transfer(6)], received_on="2024-11-25"),
        # filing and certification of one product: the filing is not stacked but happened
        stat_case(
            "A7",
            7,
            [
                {"item": "product_filing", "date": "2024-05-01", "product": "电机"},
                {"item": "product_certified", "date": "2024-06-01", "product": "电机"},
                {"item": "product_filing", "date": "2024-05-02", "product": "泵"},
                {"item": "open_license", "date": "2024-05-03", "patent": patent(7)},
            ],
        ),
        # prorated payout
        stat_case("A8", 8, [transfer(8)], paid="8000.00"),
    ]
    return compute_statistics(policy, cases, university_effective_patents=200)


def test_every_target_of_the_policy_is_reported(report: StatisticsReport, policy: Policy) -> None:
    assert [t.code for t in report.targets] == [t.code for t in policy.targets]
    assert all(t.measure for t in report.targets)
    assert report.paid_cases == 7


def test_transfer_and_licence_counts(report: StatisticsReport) -> None:
    count = report.target("transfer_license_count")
    assert count.achieved == 5  # A1 ×3, A2 ×1, A8 ×1
    assert count.references == ("A1", "A2", "A8")
    assert count.required == 30 and count.gap == 25 and count.met is False
    assert count.share == Decimal(5) / Decimal(30)
    smes = report.target("sme_recipients")
    assert smes.achieved == 3 and smes.references == ("A1", "A2", "A8")


def test_university_ratio_uses_the_admins_denominator(
    report: StatisticsReport, policy: Policy
) -> None:
    ratio = report.target("university_transfer_ratio")
    assert ratio.numerator == 5 and ratio.denominator == 200
    assert ratio.achieved == Decimal("0.025")
    assert ratio.met is True  # 2.5% > 2%
    missing = compute_statistics(policy, [], university_effective_patents=None)
    unfilled = missing.target("university_transfer_ratio")
    assert unfilled.achieved is None and unfilled.missing_reason == "未填报"
    assert unfilled.met is None and unfilled.gap is None and unfilled.share is None


def test_pledge_targets(report: StatisticsReport) -> None:
    smes = report.target("pledge_smes")
    assert smes.achieved == 1 and smes.references == ("A2", "A4")
    ratio = report.target("pledge_sme_ratio")
    assert (ratio.numerator, ratio.denominator) == (1, 2)
    assert ratio.achieved == Decimal("0.5") and ratio.met is False  # not above 60%
    amount = report.target("pledge_amount")
    assert amount.achieved == Decimal("25000000.00")  # A2's loan once + A3's
    assert amount.references == ("A2", "A3", "A4")


def test_licence_amount_products_and_open_licences(report: StatisticsReport) -> None:
    assert report.target("license_filed_amount").achieved == Decimal("8000000.00")
    filings = report.target("product_filings")
    assert filings.achieved == 2 and filings.references == ("A7",)
    assert report.target("open_licenses").achieved == 1


def test_strict_and_inclusive_comparisons(policy: Policy) -> None:
    cases = [stat_case(f"P{i}", 100 + i, [transfer(100 + i)]) for i in range(4)]
    report = compute_statistics(policy, cases, university_effective_patents=200)
    exactly = report.target("university_transfer_ratio")
    assert exactly.achieved == Decimal("0.02")
    assert exactly.gap == 0 and exactly.met is False  # 「高于2%」 excludes 2% itself


def test_amounts_by_item_month_and_budget(report: StatisticsReport) -> None:
    by_item = {f.item: f for f in report.items}
    assert by_item["transfer_in"].claims == 3  # A1 ×2, A8 (before its proration)
    assert by_item["transfer_in"].amount == Decimal("30000.00")
    assert by_item["license_in"].references == ("A1", "A2")
    assert by_item["product_filing"].claims == 1  # the not-stacked filing is not paid
    assert by_item["product_certified"].amount == Decimal("5000.00")
    assert [(m.month, m.cases) for m in report.months] == [("2024-12", 6), ("2025-01", 1)]
    assert report.months[1].references == ("A4",)
    b = report.budget
    assert b.budget == Decimal("1000000.00")
    assert b.paid == sum(m.paid for m in report.months)
    assert b.awarded - b.paid == Decimal("2000.00")  # A8 paid 8,000 of 10,000
    assert b.remaining == b.budget - b.paid
    assert b.share == b.paid / b.budget
