"""The payee is part of the decision (issue 13 §1): frozen at approval, changed only by a
second person through a payee change request, never by a later registration or edit."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from core.db.database import Database, open_database
from core.db.models import AuditEntry
from core.records import case_queries, cases
from core.records.documents import find_notice_batch, payout_rows
from core.records.errors import PermissionDenied, RecordsError
from core.records.payee import (
    PayeeForm,
    decide_payee_change,
    payee_changes,
    request_payee_change,
)
from core.records.states import Status
from tests.core.db.conftest import People, advance, applicant_form, case_form, register, transfer

OLD = "3100021209200012345"
NEW = "6222020200112233445"
THIEF = "6212260200099887766"


def payout_account(db: Database) -> str:
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    return row.account_number


def cleared_case(db: Database, people: People) -> int:
    case_id = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, case_id, Status.CLEARED)
    assert payout_account(db) == OLD
    return case_id


def test_a_new_registration_for_the_credit_code_leaves_the_payout_alone(
    db: Database, people: People
) -> None:
    cleared_case(db, people)
    changes = cases.register_case(
        db, people.clerk, case_form(applicant_form(1, account_number=THIEF), [transfer(2)])
    )
    assert payout_account(db) == OLD
    assert "同一申请人的在办案件" not in changes.note  # no other open case was touched


def test_a_registration_names_the_open_cases_it_updated(db: Database, people: People) -> None:
    first = register(db, people, case_form(1, [transfer(1)]))
    changes = cases.register_case(
        db, people.clerk, case_form(applicant_form(1, account_number=NEW), [transfer(2)])
    )
    number = case_queries.get_case(db, first).case_number
    assert f"同一申请人的在办案件 {number}" in changes.note
    assert first in changes.case_ids


def test_editing_the_applicant_does_not_move_an_approved_payout(
    db: Database, people: People
) -> None:
    case_id = cleared_case(db, people)
    detail = case_queries.get_case(db, case_id)
    cases.update_applicant(
        db, people.clerk, detail.applicant.id, applicant_form(1, account_number=THIEF)
    )
    assert payout_account(db) == OLD


def test_a_payee_change_needs_a_second_person_and_is_audited(db: Database, people: People) -> None:
    case_id = cleared_case(db, people)  # registered by people.clerk
    form = PayeeForm("重庆璧山测试001科技有限公司", "中国建设银行璧山支行", NEW)
    with pytest.raises(PermissionDenied):  # a supervisor does not record it
        request_payee_change(db, people.supervisor, case_id, form, "原账户销户", "销户证明")
    change = request_payee_change(
        db, people.clerk2, case_id, form, "原账户已销户", "销户证明及新开户许可证原件"
    )
    assert change.id is not None
    assert payout_account(db) == OLD  # nothing changes before the decision
    with pytest.raises(RecordsError, match="待审核"):
        request_payee_change(db, people.clerk, case_id, form, "再次", "同上")
    with pytest.raises(PermissionDenied):  # a clerk does not decide
        decide_payee_change(db, people.clerk, change.id, True)
    (pending,) = payee_changes(db, pending_only=True)
    assert pending.before["account_number"] == OLD and pending.after["account_number"] == NEW

    decide_payee_change(db, people.supervisor, change.id, True, "核对原件无误")
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert row.account_number == NEW and row.bank == "中国建设银行璧山支行"
    assert "经李建国批准变更（变更申请第" in row.note
    with db.read() as session:
        actions = [
            (e.action, e.before, e.after)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "payee_change"))
        ]
    assert [a for a, _, _ in actions] == ["request", "approve"]
    before, after = json.loads(actions[1][1] or "{}"), json.loads(actions[1][2] or "{}")
    assert before["account_number"] == OLD and after["account_number"] == NEW


def test_the_registrar_holding_both_roles_cannot_approve(db: Database, people: People) -> None:
    case_id = cases.register_case(db, people.both, case_form(1, [transfer(1)])).id
    assert case_id is not None
    advance(db, people, case_id, Status.CLEARED)
    form = PayeeForm("户名", "中国银行璧山支行", NEW)
    change = request_payee_change(db, people.clerk, case_id, form, "更正", "证明")
    assert change.id is not None
    with pytest.raises(PermissionDenied, match="本案的受理人"):
        decide_payee_change(db, people.both, change.id, True)
    with pytest.raises(RecordsError, match="驳回时请写明理由"):
        decide_payee_change(db, people.supervisor, change.id, False)
    decide_payee_change(db, people.supervisor, change.id, False, "证明材料不符")
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert row.account_number == OLD


def test_a_paid_or_open_case_has_no_payee_change(db: Database, people: People) -> None:
    paid = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, paid, Status.PAID)
    form = PayeeForm("户名", "中国银行璧山支行", NEW)
    with pytest.raises(RecordsError, match="已兑现"):
        request_payee_change(db, people.clerk, paid, form, "更正", "证明")
    still_open = register(db, people, case_form(2, [transfer(2)]))
    with pytest.raises(RecordsError, match="尚未审核通过"):
        request_payee_change(db, people.clerk, still_open, form, "更正", "证明")


def test_an_approved_case_keeps_its_payee_in_the_snapshot(db: Database, people: People) -> None:
    case_id = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, case_id, Status.APPROVED)
    snapshot = case_queries.get_case(db, case_id).snapshot
    assert snapshot is not None
    assert snapshot.case["payee"]["account_number"] == OLD


@pytest.mark.sqlite_only("rebuilds an older version's SQLite file by hand")
def test_an_older_database_freezes_the_payee_of_its_approved_cases(
    db: Database, people: People, tmp_path: Path
) -> None:
    case_id = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, case_id, Status.APPROVED)
    path = db.path
    assert path is not None
    db.close()
    # As an older version left it: no payee in the snapshot, revision 0004.
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE applications SET snapshot_case = json_remove(snapshot_case, '$.payee')"
        )
        conn.execute("DROP TABLE payee_changes")
        conn.execute("DROP TABLE policy_texts")
        conn.execute("DROP TABLE year_ruling_shares")
        conn.execute("DROP TABLE year_rulings")
        conn.execute("ALTER TABLE applications DROP COLUMN policy_version")
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    reopened = open_database(path)
    try:
        assert reopened.upgraded_from == "0004"
        snapshot = case_queries.get_case(reopened, case_id).snapshot
        assert snapshot is not None and snapshot.case["payee"]["account_number"] == OLD
        assert snapshot.case["payee"]["frozen"] == "upgrade"
    finally:
        reopened.close()


def test_the_person_who_recorded_the_change_cannot_approve_it(db: Database, people: People) -> None:
    case_id = register(db, people, case_form(1, [transfer(1)]))  # registered by people.clerk
    advance(db, people, case_id, Status.CLEARED)
    form = PayeeForm("户名", "中国银行璧山支行", NEW)
    change = request_payee_change(db, people.both, case_id, form, "更正", "证明")
    assert change.id is not None
    with pytest.raises(PermissionDenied, match="本次变更的登记人"):
        decide_payee_change(db, people.both, change.id, True)


def test_the_bank_code_rides_with_the_payee_and_changes_only_through_a_change(
    db: Database, people: People
) -> None:
    from core.records.errors import InvalidInput

    with pytest.raises(InvalidInput, match="12位数字"):
        register(db, people, case_form(applicant_form(1, bank_code="10265300001"), [transfer(1)]))
    form = case_form(applicant_form(1, bank_code="102653000011"), [transfer(1)])
    case_id = register(db, people, form)
    advance(db, people, case_id, Status.CLEARED)
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert row.bank_code == "102653000011"  # frozen at approval with the account
    # Editing the applicant afterwards does not move it; an approved change does.
    with pytest.raises(InvalidInput, match="12位数字"):
        request_payee_change(
            db, people.clerk2, case_id, PayeeForm("户名", "建行", NEW, "1026X"), "换行", "证明"
        )
    change = request_payee_change(
        db,
        people.clerk2,
        case_id,
        PayeeForm("户名", "中国建设银行璧山支行", NEW, "105653000022"),
        "原账户已销户",
        "新开户许可证",
    )
    assert change.id is not None
    decide_payee_change(db, people.supervisor, change.id, True, "核对原件无误")
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert (row.bank_code, row.account_number) == ("105653000022", NEW)
