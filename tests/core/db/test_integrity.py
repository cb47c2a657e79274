"""`audit verify` covers the data, not only the log (issue 14 §1, "Cover the data"): an
approved amount, a frozen payee, a paid amount or an approved payee change edited directly in
the tables is named; a wiped log no longer reads as intact while cases are on file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import delete

from core.db.audit import HEAD_KEY, verify_chain
from core.db.database import Database
from core.db.integrity import verify_records
from core.db.models import AuditEntry, Setting
from core.records import case_queries
from core.records.payee import PayeeForm, decide_payee_change, request_payee_change
from core.records.states import Status
from core.records.supervisor_queries import check_integrity
from tests.core.db.conftest import (
    People,
    advance,
    case_form,
    clock,
    db,
    db_path,
    people,
    raw_sql,
    register,
    template_db,
    transfer,
)

__all__ = ["clock", "db", "db_path", "people", "template_db"]


@pytest.fixture
def year(db: Database, people: People) -> dict[str, int]:
    """A paid case, an approved one, an open one and an approved payee change."""
    paid = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, paid, Status.PAID)
    cleared = register(db, people, case_form(2, [transfer(2)]))
    advance(db, people, cleared, Status.CLEARED)
    form = PayeeForm("重庆璧山测试002科技有限公司", "中国建设银行璧山支行", "6217003760000000001")
    change = request_payee_change(db, people.clerk2, cleared, form, "原账户销户", "销户证明")
    assert change.id is not None
    decide_payee_change(db, people.supervisor, change.id, True, "核对无误")
    open_case = register(db, people, case_form(3, [transfer(3)]))
    return {"paid": paid, "cleared": cleared, "open": open_case, "change": change.id}


def check(db: Database) -> tuple[bool, tuple[str, ...]]:
    with db.read() as session:
        assert verify_chain(session).ok
        report = verify_records(session)
    return report.ok, report.problems


def test_an_untouched_database_verifies(db: Database, year: dict[str, int]) -> None:
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and report.uncovered == 0
    assert report.checked == 4  # three cases and one payee change
    assert "一致" in report.message


def raw(db: Database, statement: str) -> None:
    """A direct edit of the tables, as an insider with a database tool would make it."""
    raw_sql(db, statement)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda ids: (
                f"UPDATE applications SET approved_amount = approved_amount + 1000000 "
                f"WHERE id = {ids['cleared']}"
            ),
            "第002号 的审核通过金额、收款人或审核快照",
        ),
        (
            lambda ids: (
                # Text, not JSON functions: the same edit on SQLite and PostgreSQL.
                "UPDATE applications SET snapshot_case = replace(snapshot_case, "
                '\'"account_number":"3100021209200012345"\', '
                '\'"account_number":"6222999999999999"\') '
                f"WHERE id = {ids['cleared']}"
            ),
            "第002号 的审核通过金额、收款人或审核快照",
        ),
        (
            lambda ids: (
                f"UPDATE notice_entries SET amount = amount + 100 "
                f"WHERE application_id = {ids['paid']}"
            ),
            "第001号 的兑现金额",
        ),
        (
            lambda ids: (
                "UPDATE payee_changes SET account_number = '6222999999999999' "
                f"WHERE id = {ids['change']}"
            ),
            "收款账户变更 {change}",
        ),
    ],
    ids=["approved-amount", "frozen-payee", "paid-amount", "payee-change"],
)
def test_a_table_edited_directly_is_named(
    db: Database, year: dict[str, int], edit: Callable[[dict[str, int]], str], expected: str
) -> None:
    assert check(db) == (True, ())
    raw(db, edit(year))
    ok, problems = check(db)
    assert not ok
    assert any(expected.format(change=year["change"]) in p for p in problems), problems


def test_a_wiped_log_no_longer_reads_as_intact(db: Database, year: dict[str, int]) -> None:
    with db.write() as session:
        session.execute(delete(AuditEntry))
        session.execute(delete(Setting).where(Setting.key == HEAD_KEY))
    with db.read() as session:
        assert verify_chain(session).ok  # the chain alone: 「共 0 条」
    ok, problems = check(db)
    assert not ok and len(problems) == 4  # three cases, and the payee change's approval
    assert "没有登记的审计记录（审计记录被删除）" in problems[0]
    report = check_integrity(db)
    assert not report.audit.ok and "审计记录被删除" in report.audit.message


def test_approvals_from_before_the_hashes_are_counted_not_condemned(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.records import workflow

    # As an older version approved: its audit entry carries no snapshot hash.
    monkeypatch.setattr(workflow, "snapshot_digest", lambda app: None)
    old = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, old, Status.APPROVED)
    monkeypatch.undo()
    new = register(db, people, case_form(2, [transfer(2)]))
    advance(db, people, new, Status.APPROVED)
    with db.read() as session:
        report = verify_records(session)
    assert report.ok and report.uncovered == 1
    assert "1 件案件在本功能之前审核通过" in report.message
    # The old one is not covered: an edit there goes unseen (said in docs/records.md); the
    # new one is.
    raw(db, f"UPDATE applications SET approved_amount = 1 WHERE id = {new}")
    ok, problems = check(db)
    assert (
        not ok and len(problems) == 1 and case_queries.get_case(db, new).case_number in problems[0]
    )


def test_the_paid_status_spelled_in_core_db_is_the_records_layers():
    from core.db.integrity import PAID_STATUS

    assert Status.PAID.value == PAID_STATUS
