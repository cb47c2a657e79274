"""Batch calculation: bank ranking and budget proration (seed 002 四, 附件1·知识产权质押融资·第1行)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.engine import calc_batch_document, prorate

COMPANY = {
    "name": "重庆璧山示例科技有限公司",
    "credit_code": "91500227MA5U00000B",
    "kind": "enterprise",
    "size": "small",
}
BANKS = [
    ("甲银行璧山支行", "9150022720286917XH"),
    ("乙银行璧山支行", "9150022720286918XJ"),
    ("丙银行璧山支行", "9150022720286919XK"),
    ("丁银行璧山支行", "9150022720286920X0"),
]


def activity_app(app_id: str, cost: str) -> dict[str, Any]:
    return {
        "id": app_id,
        "received_on": "2024-11-10",
        "applicant": {
            "name": "重庆市璧山区知识产权协会",
            "credit_code": "5150000050400123XA",
            "kind": "association",
        },
        "claims": [{"item": "activity", "date": "2024-05-10", "name": "对接会", "cost": cost}],
    }


def bank_app(index: int, enterprises: int, loans: str) -> dict[str, Any]:
    name, code = BANKS[index]
    return {
        "id": f"B{index}",
        "received_on": "2024-11-10",
        "applicant": {"name": name, "credit_code": code, "kind": "bank"},
        "claims": [
            {
                "item": "bank_ranking",
                "date": "2024-10-31",
                "enterprises_served": enterprises,
                "loan_total": loans,
            }
        ],
    }


def test_under_budget_nothing_changes() -> None:
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "applications": [activity_app("A1", "10000"), activity_app("A2", "5000.50")],
        }
    )
    assert result["budget"] == "1000000.00"
    assert result["requested_total"] == "15000.50"
    assert result["ratio"] == "1"
    assert result["total"] == "15000.50"
    assert [(a["before"], a["total"]) for a in result["applications"]] == [
        ("10000.00", "10000.00"),
        ("5000.50", "5000.50"),
    ]


def test_exactly_at_budget_is_not_prorated() -> None:
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "budget": "15000.00",
            "applications": [activity_app("A1", "10000"), activity_app("A2", "5000")],
        }
    )
    assert result["ratio"] == "1"
    assert [a["total"] for a in result["applications"]] == ["10000.00", "5000.00"]


def test_over_budget_prorates_to_exactly_the_budget_by_largest_remainder() -> None:
    # 25,000 ÷ 30,000: each 10,000 becomes 8,333.333…; the one leftover fen goes to the first id.
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "budget": "25000",
            "applications": [activity_app(i, "10000") for i in ("C", "A", "B")],
        }
    )
    totals = {a["id"]: a["total"] for a in result["applications"]}
    assert totals == {"A": "8333.34", "B": "8333.33", "C": "8333.33"}
    assert result["total"] == "25000.00"
    assert result["requested_total"] == "30000.00"
    assert result["ratio"] == "0.833333"
    explanation = " ".join(result["applications"][0]["explanation"])
    assert "按比例资助" in explanation and "四" in explanation


def test_proration_keeps_rejected_applications_at_zero() -> None:
    late = activity_app("L", "10000") | {"received_on": "2024-11-23"}
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "budget": "10000",
            "applications": [late, activity_app("A", "20000"), activity_app("B", "20000")],
        }
    )
    apps = {a["id"]: a for a in result["applications"]}
    assert apps["L"]["before"] == "0.00" and apps["L"]["total"] == "0.00"
    assert apps["L"]["rejection_grounds"] == ["late"]
    assert apps["A"]["total"] == "5000.00" and apps["B"]["total"] == "5000.00"


def test_prorate_function_gives_leftover_fen_to_largest_remainders() -> None:
    amounts = [Decimal("100.00"), Decimal("200.00"), Decimal("0.03")]
    scaled, ratio = prorate(amounts, Decimal("150.00"), ["x", "y", "z"])
    assert sum(scaled) == Decimal("150.00")
    # exact shares: 49.9925…, 99.985…, 0.0149…; floors 49.99, 99.98, 0.01 leave 2 fen
    assert scaled == [Decimal("50.00"), Decimal("99.99"), Decimal("0.01")]
    assert ratio < 1


def test_bank_ranking_top_three_by_enterprises_then_loans() -> None:
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "applications": [
                bank_app(0, 5, "40000000"),
                bank_app(1, 8, "31000000"),
                bank_app(2, 5, "90000000"),
                bank_app(3, 4, "300000000"),
            ],
        }
    )
    amounts = {
        a["id"]: (a["claims"][0]["amount"], a["claims"][0]["status"])
        for a in result["applications"]
    }
    assert amounts == {
        "B1": ("80000.00", "awarded"),  # most enterprises served
        "B2": ("60000.00", "awarded"),  # ties B0 on enterprises, larger loans
        "B0": ("40000.00", "awarded"),
        "B3": ("0.00", "ineligible"),  # fourth place
    }


def test_bank_below_thresholds_does_not_rank_and_others_move_up() -> None:
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "applications": [
                bank_app(0, 2, "90000000"),  # fewer than 3 enterprises
                bank_app(1, 9, "29999999.99"),  # loans below 30,000,000
                bank_app(2, 3, "30000000"),  # exactly at both thresholds: qualifies
            ],
        }
    )
    amounts = {a["id"]: a["claims"][0]["amount"] for a in result["applications"]}
    assert amounts == {"B0": "0.00", "B1": "0.00", "B2": "80000.00"}


def test_same_bank_twice_is_paid_once() -> None:
    twice = bank_app(0, 3, "35000000") | {"id": "B0-again"}
    result = calc_batch_document(
        {
            "policy": "bishan-2024",
            "applications": [bank_app(0, 6, "35000000"), twice],
        }
    )
    statuses = {a["id"]: a["claims"][0]["status"] for a in result["applications"]}
    assert statuses == {"B0": "awarded", "B0-again": "not_stacked"}


def test_sums_beyond_the_capitals_limit_still_give_a_result() -> None:
    # Each approved amount (附件1·知识产权质押融资·第3行, uncapped) is accepted below one
    # trillion yuan, but two of them add up past what capitals can write: the totals in digits
    # must still come out, exactly, with the capitals left out rather than a crash.
    # Each approved amount is accepted up to the policy's input limit (100亿元, reading
    # input_limits); 101 of them add up past what capitals can write (below 1万亿).
    near_limit = "999999999999.99"
    each = "9999999999.99"
    claim = {"item": "cross_region_pledge", "date": "2024-05-01", "approved_amount": each}
    app = {
        "id": "A1",
        "received_on": "2024-11-10",
        "applicant": COMPANY,
        "claims": [claim] * 101,
    }
    result = calc_batch_document(
        {"policy": "bishan-2024", "budget": near_limit, "applications": [app]}
    )
    assert result["applications"][0]["before"] == "1009999999998.99"
    assert result["total"] == near_limit and result["budget"] == near_limit
    assert not any("大写" in line for line in result["applications"][0]["explanation"][:-1])


def test_a_budget_beyond_the_default_decimal_precision_prints_exactly() -> None:
    from core.engine.results import money_text

    # 30 digits: Decimal.quantize in the default 28-digit context raises on these.
    assert money_text(Decimal("9" * 30)) == "9" * 30 + ".00"
