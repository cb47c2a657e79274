"""The desk's live 资助测算 is core's preview_calculation, and it equals what saving computes
(issue 15: the preview ignored the administrator's LPR rates)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database
from core.policy import load_policy
from core.records import calculation, case_queries
from core.records.lpr import add_lpr_rate
from tests.core.db.conftest import People, applicant_form, case_form, register, transfer

LOAN = {
    "item": "pledge_interest",
    "date": "2024-10-28",
    "principal": "1000000.00",
    "annual_rate": "0.0500",
    "term_months": 12,
    "interest_months": 12,
    "interest_paid": "50000.00",
}


def document(claims: list[dict[str, Any]], n: int = 1) -> dict[str, Any]:
    form = applicant_form(n)
    return {
        "policy": "bishan-2024",
        "received_on": "2024-11-05",
        "applicant": {
            "name": form.name,
            "credit_code": form.credit_code,
            "kind": "enterprise",
            "size": "small",
        },
        "claims": claims,
    }


def test_preview_equals_save_after_an_administrator_adds_an_lpr(
    db: Database, people: People
) -> None:
    policy = load_policy("bishan-2024")
    assert isinstance(db.clock, FixedClock)
    db.clock.set(dt.datetime(2024, 11, 5, 9, 0, tzinfo=CHINA_TZ))
    shipped = calculation.preview_calculation(db, policy, document([LOAN]), None).total
    # A rate published after the shipped table: 4.00 % from 2024-10-25.
    add_lpr_rate(db, people.admin, dt.date(2024, 10, 25), "0.0400", "0.0450")
    preview = calculation.preview_calculation(db, policy, document([LOAN]), None)
    assert preview.total != shipped
    assert preview.total == Decimal("40000.00")  # 50,000 × 4.00 % ÷ 5.00 %
    case_id = register(db, people, case_form(1, [LOAN], received_on=dt.date(2024, 11, 5)))
    assert case_queries.get_case(db, case_id).computed_total == preview.total
    again = calculation.preview_calculation(db, policy, document([LOAN]), case_id)
    assert again.total == preview.total


def test_preview_counts_other_live_applications_as_saving_does(
    db: Database, people: People
) -> None:
    policy = load_policy("bishan-2024")
    register(db, people, case_form(1, [transfer(1), transfer(2)]))
    preview = calculation.preview_calculation(
        db, policy, document([transfer(3), transfer(4)]), None
    )
    assert preview.total == Decimal("10000.00")  # 30,000 per enterprise, 20,000 held
    # The same patent as the open case: best-of across applications, not paid twice.
    same = calculation.preview_calculation(db, policy, document([transfer(1)]), None)
    assert same.total == Decimal("0.00")
