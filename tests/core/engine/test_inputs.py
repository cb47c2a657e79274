"""Where a refusal points: the exact path of the refused value, as docs/cli.md promises.

The paths are built only when something is refused (core/engine/inputs.py), so each kind of
place is checked here exactly, not as a substring.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from core.engine import InputError, calc_batch_document, calc_case_document
from tests.core.cli.test_calc_cli import GOOD_CASE


def refused(doc: Any, batch: bool = False) -> InputError:
    with pytest.raises(InputError) as info:
        (calc_batch_document if batch else calc_case_document)(doc)
    return info.value


@pytest.mark.parametrize(
    ("claim", "where"),
    [
        (5, "claims[1]"),
        ({"date": "2024-03-15"}, "claims[1].item"),
        ({"item": "transfer_in"}, "claims[1].date"),
        ({"item": "transfer_in", "date": "2024-02-30"}, "claims[1].date"),
        ({**GOOD_CASE["claims"][0], "patent": "201710601862.4"}, "claims[1].patent"),
        ({**GOOD_CASE["claims"][0], "colour": "red"}, "claims[1].colour"),
        ({"item": "transfer_in", "date": "2024-03-15"}, "claims[1].patent"),
    ],
)
def test_a_refused_claim_names_its_exact_place(claim: Any, where: str) -> None:
    error = refused({**GOOD_CASE, "claims": [GOOD_CASE["claims"][0], claim]})
    assert error.where == where
    assert str(error).startswith(f"{where}：")


def test_a_batch_names_the_application_and_the_claim() -> None:
    app = {k: v for k, v in copy.deepcopy(GOOD_CASE).items() if k != "policy"}
    bad = copy.deepcopy(app)
    bad["claims"][0]["related_party"] = "no"
    doc = {
        "policy": "bishan-2024",
        "applications": [{**app, "id": "A1"}, {**bad, "id": "A2"}],
    }
    assert refused(doc, batch=True).where == "applications[1].claims[0].related_party"
    doc["applications"][1] = {**app, "id": "A2", "claims": ["x"]}
    assert refused(doc, batch=True).where == "applications[1].claims[0]"


# Issue 13 §4: input the engine refuses, with where and what to fix.
REFUSED_LOANS = [
    ({"term_months": 10**18}, "claims[0].term_months", "应不超过360"),
    ({"interest_months": 0}, "claims[0].interest_months", "应不少于1"),
    ({"term_months": 0}, "claims[0].term_months", "应不少于1"),
    (
        {"term_months": 12, "interest_months": 24},
        "claims[0].interest_months",
        "不能多于“贷款期限（月）”12",
    ),
    (
        {"term_months": 60, "interest_months": 48},
        "claims[0].interest_months",
        "超过贴息期限上限36个月",
    ),
    ({"term_months": "12"}, "claims[0].term_months", "不加引号的整数"),
    ({"principal": "10000000000.01"}, "claims[0].principal", "超过录入上限"),
]


def loan_case(**change: Any) -> dict[str, Any]:
    claim = {
        "item": "pledge_interest",
        "date": "2024-03-01",
        "principal": "1000000.00",
        "annual_rate": "0.0345",
        "term_months": 36,
        "interest_months": 12,
        "interest_paid": "30000.00",
    } | change
    return {
        "policy": "bishan-2024",
        "received_on": "2024-11-10",
        "applicant": {
            "name": "示例公司",
            "credit_code": "91500227MA5U00000B",
            "kind": "enterprise",
            "size": "small",
        },
        "claims": [claim],
    }


@pytest.mark.parametrize(("change", "where", "problem"), REFUSED_LOANS)
def test_loans_outside_the_declared_bounds_are_refused(
    change: dict[str, Any], where: str, problem: str
) -> None:
    with pytest.raises(InputError) as info:
        calc_case_document(loan_case(**change))
    assert info.value.where == where and problem in info.value.problem


def test_the_bounds_themselves_are_accepted() -> None:
    # Exactly the amount limit, the longest term, the 36 months: all accepted.
    doc = loan_case(principal="10000000000.00", term_months=360, interest_months=36)
    assert calc_case_document(doc)["total"] == "30000.00"


def test_a_batch_application_naming_a_policy_is_refused() -> None:
    app = {
        "id": "1",
        "policy": "bishan-2024",
        "received_on": "2024-11-10",
        "applicant": {
            "name": "示例公司",
            "credit_code": "91500227MA5U00000B",
            "kind": "enterprise",
            "size": "small",
        },
        "claims": [],
    }
    for policy in ("bishan-2024", "other-2099"):
        with pytest.raises(InputError) as info:
            calc_batch_document(
                {"policy": "bishan-2024", "applications": [app | {"policy": policy}]}
            )
        assert (
            info.value.where == "applications[0].policy"
            and "不能各自指定政策" in info.value.problem
        )


# ---------------------------------------------------------------------------
# Rates as printed on the contract, amounts that say where they go wrong (issue 20 §3)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "rate", "assumed"),
    [
        ("4.35%", "0.0435", False),
        ("4.35 %", "0.0435", False),
        ("４．３５％", "0.0435", False),  # an input method left in full-width mode
        ("0.0435", "0.0435", False),
        ("4.35", "0.0435", True),  # no loan is at 435 %: a percentage, confirmed once
        ("12", "0.12", True),
        ("1", "0.01", True),
        ("0.5", "0.5", False),
    ],
)
def test_a_rate_is_read_as_printed(typed: str, rate: str, assumed: bool) -> None:
    from core.engine.inputs import read_rate

    reading = read_rate(typed)
    assert reading.rate == Decimal(rate) and reading.percent_assumed is assumed
    assert reading.echo == f"即年利率 {(Decimal(rate) * 100).normalize():f}%"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("4.3S%", "第 4 个字符“S”不是数字"),
        ("O.0435", "第 1 个字符“O”不是数字"),
        ("4..35", "小数点多了"),
        ("0", "须大于0"),
        ("100%", "不可能"),
        ("", "请填写年利率"),
    ],
)
def test_a_bad_rate_says_what_is_wrong(typed: str, message: str) -> None:
    from core.engine.inputs import read_rate

    with pytest.raises(InputError, match=message):
        read_rate(typed)


def test_the_case_contract_takes_a_percentage_with_its_sign_but_not_a_bare_one() -> None:
    from core.engine.inputs import parse_rate

    assert parse_rate("3.45%", "r") == Decimal("0.0345")
    assert parse_rate("0.0345", "r") == Decimal("0.0345")
    with pytest.raises(InputError, match=r"3\.45% 写作 0\.0345"):
        parse_rate("3.45", "r")


@pytest.mark.parametrize(
    ("typed", "message"),
    [("15O00.00", "第 3 个字符“O”不是数字"), ("1２3元", "第 4 个字符“元”不是数字")],
)
def test_an_amount_error_names_the_bad_character(typed: str, message: str) -> None:
    from core.engine.inputs import parse_money
    from core.money import parse_yuan

    with pytest.raises(InputError, match=message):
        parse_money(typed, "m")
    with pytest.raises(ValueError, match=message):
        parse_yuan(typed)
    assert parse_money("１２３４.５０", "m") == Decimal("1234.50")
