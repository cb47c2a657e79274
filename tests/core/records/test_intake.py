"""The intake workbook import: through register_case, all or nothing, cancellable."""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from core.db.audit import verify_chain
from core.db.database import Database, open_database
from core.documents.intake_import import intake_template, intake_workbook
from core.records.case_queries import count_cases, get_case
from core.records.documents import (
    case_document_with_form,
)
from core.records.errors import PermissionDenied
from core.records.intake import import_intake
from tests.core.db.conftest import (
    People,
    applicant_form,
    case_form,
    copy_template,
    credit_code,
    license_claim,
    make_people,
    register,
    transfer,
)
from tests.core.records.test_documents import POLICY, rich_applicant


@pytest.fixture
def other_db(template_db: Path, tmp_path: Path, clock: Any) -> Iterator[Database]:
    """A second, empty database (the office's other machine) with its own users."""
    database = open_database(copy_template(template_db, tmp_path / "other.sqlite3"), clock=clock)
    yield database
    database.close()


def facts_of(db: Database, case_id: int) -> dict[str, Any]:
    d = get_case(db, case_id)
    return {
        "received_on": d.received_on,
        "applicant_name": d.applicant_name,
        "applicant": d.applicant.form,
        "claims": [(c.item, c.date, dict(c.facts)) for c in d.claims],
        "total": d.computed_total,
        "status": d.status,
    }


def snapshot_db(db: Database) -> dict[str, Any]:
    with db.engine.connect() as conn:
        return {
            table: conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("applications", "applicants", "claims", "counters", "audit_log")
        }


def test_import_round_trip_from_one_database_into_another(
    db: Database, people: People, other_db: Database
) -> None:
    originals = [
        register(db, people, case_form(rich_applicant(1), [transfer(1), license_claim(2)])),
        register(db, people, case_form(applicant_form(3, size="micro"), [transfer(4)])),
        register(db, people, case_form(rich_applicant(1), [license_claim(5, "500000.00")])),
    ]
    workbook = intake_workbook(POLICY, [case_document_with_form(db, i) for i in originals])
    other_people = make_people(other_db)
    report = import_intake(other_db, other_people.clerk2, workbook, POLICY)
    assert report.ok and len(report.case_ids) == 3
    assert report.case_numbers == tuple(POLICY.case_number(n) for n in (1, 2, 3))
    for old, new in zip(originals, report.case_ids, strict=True):
        assert facts_of(other_db, new) == facts_of(db, old)
        assert get_case(other_db, new).clerk_name == "陈静"
    with other_db.read() as session:
        assert verify_chain(session).ok


def test_import_from_the_template(db: Database, people: People) -> None:
    wb = load_workbook(io.BytesIO(intake_template(POLICY)))
    ws = wb["申请事项"]
    values = {
        "group": "A-1",
        "received_on": "2024-05-06",
        "applicant.name": "重庆璧山模板导入科技有限公司",
        "applicant.credit_code": credit_code(77),
        "applicant.kind": "企业",
        "applicant.size": "小型",
        "form.attorney": "周代理",
        "form.account_number": "6222021234567890123",
        "item": "transfer_in",
        "date": "2024-03-01",
        "fact.patent": transfer(9)["patent"],
        "fact.counterparty_kind": "university",
        "fact.related_party": "否",
    }
    for key, value in values.items():
        ws[f"{column_of(key)}2"] = value
    buffer = io.BytesIO()
    wb.save(buffer)
    report = import_intake(db, people.clerk, buffer.getvalue(), POLICY)
    assert report.ok, [str(e) for e in report.errors]
    (case_id,) = report.case_ids
    d = get_case(db, case_id)
    assert d.applicant_name == "重庆璧山模板导入科技有限公司" and d.applicant.size == "small"
    assert d.applicant.form.patent_attorney == "周代理"
    assert d.applicant.form.account_number == "6222021234567890123"
    assert d.claims[0].facts["patent"] == transfer(9)["patent"]
    assert d.computed_total == Decimal("10000.00")


def test_an_import_keeps_what_the_workbook_leaves_empty(db: Database, people: People) -> None:
    register(db, people, case_form(rich_applicant(6), [transfer(6)]))
    doc = {
        "policy": "bishan-2024",
        "id": "1",
        "received_on": "2024-05-06",
        "applicant": {
            "name": "重庆璧山测试006科技有限公司",
            "credit_code": credit_code(6),
            "kind": "enterprise",
        },
        "claims": [license_claim(7)],
        "form": {"handler": "新经办"},
    }
    report = import_intake(db, people.clerk, intake_workbook(POLICY, [doc]), POLICY)
    assert report.ok
    form = get_case(db, report.case_ids[0]).applicant.form
    assert form.handler == "新经办"  # filled in: replaced
    assert form.bank == "中国工商银行重庆璧山支行" and form.patent_attorney == "马艳强"  # kept
    assert form.size == "small"


def test_a_failing_import_reports_every_error_and_changes_nothing(
    db: Database, people: People
) -> None:
    register(db, people)  # something already there, to see it untouched
    before = snapshot_db(db)
    good = case_document_with_form(db, 1) | {"id": "1"}
    late = dict(good, id="2", received_on="2024-06-01")  # after the test clock's today
    reviewer = dict(
        good,
        id="3",
        claims=[
            {
                "item": "transform_implement",
                "date": "2024-04-01",
                "patent": transfer(8)["patent"],
                "recognized": True,
            }
        ],
    )
    workbook = intake_workbook(POLICY, [good, late, reviewer])
    report = import_intake(db, people.clerk, workbook, POLICY)
    assert not report.ok and report.case_ids == ()
    assert [(e.row, e.column, e.header) for e in report.errors] == [
        (3, "B", "受理日期"),
        (4, column_of("fact.recognized"), header_of("fact.recognized")),
    ]
    assert "晚于今天" in report.errors[0].message
    assert "由审核人填写" in report.errors[1].message
    assert str(report.errors[0]).startswith("工作表「申请事项」第3行 B列（受理日期）：")
    assert snapshot_db(db) == before  # not one case, applicant, number or audit row


def test_a_workbook_with_a_bad_cell_registers_nothing(db: Database, people: People) -> None:
    before = snapshot_db(db)
    doc = {
        "policy": "bishan-2024",
        "id": "1",
        "received_on": "2024-05-06",
        "applicant": {"name": "甲", "credit_code": credit_code(1), "kind": "enterprise"},
        "claims": [transfer(1)],
    }
    wb = load_workbook(io.BytesIO(intake_workbook(POLICY, [doc, dict(doc, id="2")])))
    wb["申请事项"][f"{column_of('applicant.credit_code')}3"] = "91500227MA00000110"
    buffer = io.BytesIO()
    wb.save(buffer)
    report = import_intake(db, people.clerk, buffer.getvalue(), POLICY)
    assert [(e.row, e.column) for e in report.errors] == [(3, column_of("applicant.credit_code"))]
    assert snapshot_db(db) == before


def test_only_a_clerk_imports(db: Database, people: People) -> None:
    with pytest.raises(PermissionDenied, match="窗口经办"):
        import_intake(db, people.supervisor, intake_template(POLICY), POLICY)


def test_import_of_a_missing_file(db: Database, people: People, tmp_path: Path) -> None:
    report = import_intake(db, people.clerk, tmp_path / "nowhere.xlsx", POLICY)
    assert not report.ok and "找不到文件" in str(report.errors[0])


def column_of(key: str) -> str:
    from openpyxl.utils import get_column_letter

    from core.documents.intake_import import intake_columns

    return next(
        get_column_letter(i) for i, c in enumerate(intake_columns(POLICY), start=1) if c.key == key
    )


def header_of(key: str) -> str:
    from core.documents.intake_import import intake_columns

    return next(c.title for c in intake_columns(POLICY) if c.key == key)


def test_a_cancel_while_registering_rolls_everything_back(db: Database, people: People) -> None:
    """Issue 14 §4: 取消 is asked before each application; the ones already registered in
    this import are undone with the rest."""
    from core.documents.intake_import import ImportCancelled

    docs = [
        {
            "policy": "bishan-2024",
            "id": str(n),
            "received_on": "2024-05-06",
            "applicant": {
                "name": f"重庆璧山测试{n:03d}科技有限公司",
                "credit_code": credit_code(n),
                "kind": "enterprise",
                "size": "small",
            },
            "claims": [license_claim(n)],
        }
        for n in (11, 12, 13)
    ]
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) >= 3  # after two applications were registered

    before = count_cases(db)
    with pytest.raises(ImportCancelled):
        import_intake(db, people.clerk, intake_workbook(POLICY, docs), POLICY, should_stop=stop)
    assert count_cases(db) == before
    assert len(asked) == 3
