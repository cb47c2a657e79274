"""Banks rank among every live bank application of the programme (附件1·知识产权质押融资·第1行)."""

from __future__ import annotations

from decimal import Decimal

from core.records import case_queries, workflow
from tests.core.db.conftest import applicant_form, case_form, register


def bank_case(db, people, n: int, enterprises: int, loans: str) -> int:
    form = applicant_form(n, name=f"测试银行{n}璧山支行", kind="bank", size="large")
    claim = {
        "item": "bank_ranking",
        "date": "2024-10-31",
        "enterprises_served": enterprises,
        "loan_total": loans,
    }
    return register(db, people, case_form(form, [claim]))


def amounts(db, ids):
    return [case_queries.recalculate(db, i).claims[0].amount for i in ids]


def test_places_follow_enterprises_then_loans_and_change_as_banks_apply(db, people):
    first = bank_case(db, people, 1, 5, "40000000")
    assert amounts(db, [first]) == [Decimal("80000.00")]  # alone, it is first
    second = bank_case(db, people, 2, 8, "31000000")
    third = bank_case(db, people, 3, 5, "90000000")
    fourth = bank_case(db, people, 4, 4, "300000000")
    assert amounts(db, [first, second, third, fourth]) == [
        Decimal("40000.00"),
        Decimal("80000.00"),
        Decimal("60000.00"),
        Decimal("0.00"),
    ]
    result = case_queries.recalculate(db, fourth)
    assert (
        result.claims[0].status.value == "ineligible"
        and "排名第4" in result.claims[0].explanation[0]
    )


def test_a_rejected_bank_takes_no_place(db, people):
    strong = bank_case(db, people, 1, 9, "90000000")
    weak = bank_case(db, people, 2, 3, "30000000")
    assert amounts(db, [weak]) == [Decimal("60000.00")]
    workflow.reject_at_intake(db, people.clerk, strong, "out_of_scope")
    assert amounts(db, [weak]) == [Decimal("80000.00")]
