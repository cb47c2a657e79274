# ruff: noqa: F811 - pytest fixtures imported from tests/core/db/conftest.py
"""No workbook the program makes runs user text as a formula (issue 14 §3)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from core.db.database import Database
from core.documents.cells import FORMULA_TRIGGERS, Formula, put
from core.documents.intake_import import intake_workbook
from core.documents.workbooks import notice_list_workbook, statistics_workbook
from core.policy import load_policy
from core.records.documents import find_notice_batch, notice_list, payout_workbook_for_batch
from core.records.states import Status
from core.records.statistics_source import statistics_report
from tests.core.db.conftest import (  # noqa: F401 - fixtures
    People,
    advance,
    applicant_form,
    case_form,
    cheap_passwords,
    clock,
    db,
    db_path,
    people,
    register,
    template_db,
    transfer,
)

HOSTILE_NAME = "=1+1"
HOSTILE_ACCOUNT = '=HYPERLINK("http://x","a")'


def cells(data: bytes) -> list[Any]:
    book = load_workbook(io.BytesIO(data))
    return [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]


def formulas(data: bytes) -> list[str]:
    return [str(c.value) for c in cells(data) if c.data_type == "f"]


@pytest.mark.parametrize("start", FORMULA_TRIGGERS)
def test_text_that_starts_like_a_formula_is_stored_as_text(start: str) -> None:
    wb = Workbook()
    text = f"{start}SUM(A1)"
    put(wb.active, 1, 1, text)
    put(wb.active, 1, 2, Formula("=SUM(C1:C2)"))
    data = io.BytesIO()
    wb.save(data)
    first, second = load_workbook(io.BytesIO(data.getvalue())).active[1][:2]
    assert first.data_type == "s"
    # XML keeps a carriage return as a line feed; the text is otherwise what was typed.
    assert first.value == text.replace("\r", "\n")
    assert second.data_type == "f"  # the program's own total stays live


def test_every_case_workbook_keeps_hostile_text_as_text(db: Database, people: People) -> None:
    form = applicant_form(1, name=HOSTILE_NAME, account_name=HOSTILE_ACCOUNT)
    case_id = register(db, people, case_form(form, [transfer(1)]))
    advance(db, people, case_id, Status.PAID)
    batch = find_notice_batch(db, "1").id
    exports = {
        "拨付清单": payout_workbook_for_batch(db, batch, include_paid=True),
        "公示名单": notice_list_workbook(notice_list(db, batch)),
        "统计": statistics_workbook(
            statistics_report(db, "bishan-2024"), prepared_on=db.clock.now().date()
        ),
        "受理登记表": intake_workbook(
            load_policy("bishan-2024"),
            [
                {
                    "policy": "bishan-2024",
                    "received_on": "2024-05-06",
                    "applicant": {
                        "name": HOSTILE_NAME,
                        "credit_code": form.credit_code,
                        "kind": "enterprise",
                        "size": "small",
                    },
                    "claims": [transfer(1)],
                    "form": {"account_name": HOSTILE_ACCOUNT},
                }
            ],
        ),
    }
    for name, data in exports.items():
        assert formulas(data) == [], name
        values = [c.value for c in cells(data)]
        if name != "统计":  # the statistics sheet shows no names
            assert HOSTILE_NAME in values or any(
                isinstance(v, str) and HOSTILE_NAME in v for v in values
            ), name
    payout_values = [c.value for c in cells(exports["拨付清单"])]
    assert HOSTILE_ACCOUNT in payout_values
