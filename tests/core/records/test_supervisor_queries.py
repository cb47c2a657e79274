"""The read-only queries behind the supervisor's and administrator's screens."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database
from core.records import notice, workflow
from core.records.case_queries import get_case
from core.records.states import Status
from core.records.supervisor_queries import (
    AuditFilters,
    audit_actors,
    audit_page,
    case_refs,
    check_integrity,
    find_case_id,
    notice_entries,
    payouts_by_month_and_item,
    review_queue,
)
from tests.core.db.conftest import (
    POLICY,
    People,
    advance,
    applicant_form,
    case_form,
    center,
    raw_sql,
    register,
    transfer,
)


def _at(db: Database, day: dt.date, hour: int = 10) -> None:
    clock = db.clock
    assert isinstance(clock, FixedClock)
    clock.set(dt.datetime.combine(day, dt.time(hour), CHINA_TZ))


def test_the_review_queue_is_oldest_first_with_days_waited(db: Database, people: People) -> None:
    first = register(db, people, case_form(1, [transfer(1)]))
    second = register(db, people, case_form(2, [transfer(2)]))
    _at(db, dt.date(2024, 5, 7))
    advance(db, people, second, Status.AWAITING_SUPERVISOR)  # submitted first
    _at(db, dt.date(2024, 5, 9))
    advance(db, people, first, Status.AWAITING_SUPERVISOR)
    _at(db, dt.date(2024, 5, 20))
    rows = review_queue(db, people.supervisor)
    assert [r.id for r in rows] == [second, first]
    assert [r.days_waited for r in rows] == [13, 11]
    assert rows[0].since is not None and rows[0].since.astimezone(CHINA_TZ).date() == dt.date(
        2024, 5, 7
    )
    # The supervisor had no hand in them; the clerk who registered them did.
    assert not any(r.involved for r in rows)
    assert all(r.involved for r in review_queue(db, people.clerk))
    assert review_queue(db, people.supervisor, (Status.APPROVED,)) == []


def test_involved_follows_the_four_eyes_rule(db: Database, people: People) -> None:
    # Registered by the clerk, reviewed by "both" after a return: both may not approve it.
    case_id = register(db, people, case_form(3, [transfer(3)]))
    advance(db, people, case_id, Status.RETURNED)
    workflow.clerk_review(db, people.both, case_id, "已核对")
    workflow.submit_for_approval(db, people.both, case_id)
    rows = {r.id: r for r in review_queue(db, people.both)}
    assert rows[case_id].involved
    assert not {r.id: r for r in review_queue(db, people.supervisor2)}[case_id].involved
    actions = workflow.available_actions(db, people.both, case_id)
    assert (workflow.Action.APPROVE in actions) is (not rows[case_id].involved)


def test_decided_cases_carry_the_meeting(db: Database, people: People) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, Status.DECIDED)
    (row,) = review_queue(db, people.supervisor, (Status.DECIDED,))
    assert row.id == case_id
    assert row.meeting_minute == "第1次"
    assert row.meeting_date == dt.date(2024, 5, 6)


def test_notice_entries_and_case_refs(db: Database, people: People) -> None:
    a = register(db, people, case_form(1, [transfer(1)]))
    b = register(db, people, case_form(applicant_form(2, kind="institute", size=None), [center()]))
    for case_id in (a, b):
        advance(db, people, case_id, Status.DECIDED)
    _, changes = notice.create_notice_batch(
        db, people.supervisor, [a, b], confirmed_before_deadline=True
    )
    assert changes.id is not None
    notice.raise_objection(db, people.clerk, b, "有人反映", objector="来信人")
    entries = notice_entries(db, changes.id)
    assert [e.case_id for e in entries] == [a, b]
    assert [e.status for e in entries] == [Status.ON_NOTICE, Status.OBJECTION]
    assert entries[1].objection == "有人反映"
    assert entries[0].before == entries[0].amount == Decimal("10000.00")
    refs = case_refs(db, [entries[1].case_number, "不存在", entries[0].case_number])
    assert [r.id for r in refs] == [b, a]
    assert refs[0].paid_amount is None


def test_payouts_by_month_and_item_add_up_to_what_was_paid(db: Database, people: People) -> None:
    a = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, a, Status.PAID)
    cells = payouts_by_month_and_item(db, POLICY)
    assert len(cells) == 1
    assert cells[0].item == "transfer_in"
    assert cells[0].amount == Decimal("10000.00")
    assert cells[0].month == "2024-11"  # paid after the deadline's 年度核定
    assert len(cells[0].references) == 1
    assert case_refs(db, cells[0].references)[0].paid_amount == Decimal("10000.00")


def test_audit_page_filters_by_user_case_and_day(db: Database, people: People) -> None:
    a = register(db, people, case_form(1, [transfer(1)]))
    _at(db, dt.date(2024, 5, 8))
    b = register(db, people, case_form(2, [transfer(2)]))
    everything = audit_page(db)
    assert everything.total == len(everything.rows) > 2
    assert [r.id for r in everything.rows] == sorted((r.id for r in everything.rows), reverse=True)
    mine = audit_page(db, AuditFilters(case_id=a))
    assert mine.total == 1 and mine.rows[0].entity_id == str(a)
    assert mine.rows[0].action == "register"
    # Issue 20 §13: the record by its case number, a user by name, not 「案件 10」.
    assert mine.rows[0].entity_name == get_case(db, a).case_number
    users = [r for r in everything.rows if r.entity == "user"]
    assert users and all(r.entity_name and not r.entity_name.isdigit() for r in users)
    day = audit_page(db, AuditFilters(date_from=dt.date(2024, 5, 8), date_to=dt.date(2024, 5, 8)))
    assert {r.entity_id for r in day.rows if r.entity == "application"} == {str(b)}
    by_admin = audit_page(db, AuditFilters(actor_id=people.admin))
    assert by_admin.total >= 6 and all(r.actor_name == "王管理" for r in by_admin.rows)
    paged = audit_page(db, offset=1, limit=2)
    assert [r.id for r in paged.rows] == [r.id for r in everything.rows[1:3]]
    assert (people.admin, "王管理（admin）") in audit_actors(db)


def test_find_case_id_needs_exactly_one_match(db: Database, people: People) -> None:
    a = register(db, people, case_form(1, [transfer(1)]))
    register(db, people, case_form(2, [transfer(2)]))
    assert find_case_id(db, "1") == a
    assert find_case_id(db, "重庆璧山测试") is None  # both
    assert find_case_id(db, "") is None


def test_integrity_check_reports_a_broken_chain(db: Database, people: People) -> None:
    register(db, people)
    report = check_integrity(db)
    assert report.ok, report.summary()
    if db.is_sqlite:
        assert "integrity_check：ok" in report.summary()
    raw_sql(db, "UPDATE audit_log SET action = 'edited' WHERE id = 2")
    broken = check_integrity(db)
    assert broken.database_ok and not broken.ok
    assert broken.audit.first_broken_id == 2
    assert "第 2 条" in broken.summary()


def test_fact_lines_read_as_a_reviewer_reads_them() -> None:
    from core.policy.loader import load_policy
    from core.records.supervisor_queries import fact_lines

    policy = load_policy(POLICY)
    lines = dict(
        fact_lines(
            policy,
            "license_in",
            {
                "patent": "2017106018623",
                "counterparty_kind": "institute",
                "related_party": False,
                "contract_amount": "1000000.00",
                "extra": 3,
            },
        )
    )
    assert lines["许可方类型"] == "科研院所"
    assert lines["与许可方存在关联关系"] == "否"
    assert lines["许可合同备案金额（元）"] == "1,000,000.00"
    assert lines["extra"] == "3"
    rate = dict(fact_lines(policy, "pledge_interest", {"annual_rate": "0.0345"}))
    assert list(rate.values()) == ["3.45%"]
