import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from core.policy.loader import load_policy
from core.records import cases, notice, workflow
from core.records.errors import IllegalTransition, InvalidInput, PermissionDenied, RecordsError
from core.records.states import Status
from tests.core.db.conftest import advance, case_form, register, transfer

MON = dt.date(2024, 5, 6)


# ---------------------------------------------------------------------------
# Working days
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (MON, 5, dt.date(2024, 5, 10)),  # Monday to Friday
        (dt.date(2024, 5, 9), 5, dt.date(2024, 5, 15)),  # Thursday to next Wednesday
        (dt.date(2024, 5, 11), 5, dt.date(2024, 5, 17)),  # a Saturday start waits for Monday
        (MON, 1, MON),
        (dt.date(2024, 5, 12), 1, dt.date(2024, 5, 13)),
    ],
)
def test_notice_end_skips_weekends(start, days, end):
    assert notice.notice_end_date(start, days) == end


def test_holidays_are_skipped_and_make_up_days_count():
    # 2024: 5月1日—5日 劳动节 with Saturday 5月11日 a working day.
    holidays = [dt.date(2024, 5, d) for d in range(1, 6)]
    assert notice.notice_end_date(dt.date(2024, 4, 29), 5, holidays) == dt.date(2024, 5, 8)
    assert notice.notice_end_date(MON, 5, [], [dt.date(2024, 5, 11)]) == dt.date(2024, 5, 10)
    # Wed 8, Thu 9, Fri 10, Sat 11 (made a working day), Mon 13.
    assert notice.notice_end_date(dt.date(2024, 5, 8), 5, [], [dt.date(2024, 5, 11)]) == dt.date(
        2024, 5, 13
    )
    with pytest.raises(InvalidInput, match="至少 1 个工作日"):
        notice.notice_end_date(MON, 0)


def test_the_calendar_is_kept_in_the_database(db, people):
    assert notice.notice_calendar(db) == notice.NoticeCalendar()
    notice.set_notice_calendar(db, people.supervisor, [dt.date(2024, 5, 8)], [dt.date(2024, 5, 11)])
    calendar = notice.notice_calendar(db)
    assert calendar.holidays == (dt.date(2024, 5, 8),)
    assert calendar.extra_workdays == (dt.date(2024, 5, 11),)
    with pytest.raises(InvalidInput, match="既是节假日又是调休"):
        notice.set_notice_calendar(db, people.supervisor, [MON], [MON])
    with pytest.raises(PermissionDenied):
        notice.set_notice_calendar(db, people.clerk, [], [])
    case_id = register(db, people)
    advance(db, people, case_id, Status.DECIDED)
    preview = notice.preview_notice_batch(db, people.supervisor, [case_id])
    # Mon 6, Tue 7, (Wed 8 off), Thu 9, Fri 10, Sat 11 (working).
    assert preview.end_date == dt.date(2024, 5, 11)


# ---------------------------------------------------------------------------
# Preview, creation and proration
# ---------------------------------------------------------------------------


@pytest.fixture
def budget(monkeypatch):
    """Run with a smaller programme budget (the policy is otherwise unchanged)."""
    real = load_policy("bishan-2024")

    def set_budget(amount: str) -> None:
        small = dataclasses.replace(real, budget=Decimal(amount))
        monkeypatch.setattr(cases, "load_policy", lambda policy_id: small)

    return set_budget


def decided(db, people, *numbers: int) -> list[int]:
    ids = []
    for n in numbers:
        case_id = register(db, people, case_form(n, [transfer(n)]))
        advance(db, people, case_id, Status.APPROVED)
        ids.append(case_id)
    workflow.record_meeting_decision(db, people.supervisor, ids, MON, "第5次")
    return ids


def test_preview_computes_everything_and_saves_nothing(db, people):
    ids = decided(db, people, 1, 2)
    preview = notice.preview_notice_batch(db, people.supervisor, ids)
    assert preview.budget == Decimal("1000000.00")
    assert preview.used_before == 0
    assert preview.remaining == Decimal("1000000.00")
    assert preview.requested == preview.total == Decimal("20000.00")
    assert preview.ratio == 1 and not preview.prorated
    assert (preview.start_date, preview.end_date) == (MON, dt.date(2024, 5, 10))
    assert [line.after for line in preview.lines] == [Decimal("10000.00")] * 2
    assert any("不作折算" in line for line in preview.explanation)
    assert notice.list_notice_batches(db) == []
    assert {cases.get_case(db, i).status for i in ids} == {Status.DECIDED}


def test_a_batch_is_prorated_against_what_earlier_batches_hold(db, people, budget, clock):
    budget("23333.34")
    first = decided(db, people, 1, 2)
    _, made = notice.create_notice_batch(db, people.supervisor, first)
    assert made.id is not None and made.budget

    later = decided(db, people, 3, 4, 5)
    preview = notice.preview_notice_batch(db, people.supervisor, later)
    assert preview.used_before == Decimal("20000.00")
    assert preview.remaining == Decimal("3333.34")
    assert preview.requested == Decimal("30000.00")
    assert preview.prorated
    # 3333.34 ÷ 30000 of each 10000 is 1111.113…; the fen left over goes by largest remainder
    # (all equal: the first case number).
    assert [line.after for line in preview.lines] == [
        Decimal("1111.12"),
        Decimal("1111.11"),
        Decimal("1111.11"),
    ]
    assert preview.total == preview.remaining
    assert any("最大余数法" in line for line in preview.explanation)

    saved, changes = notice.create_notice_batch(db, people.supervisor, later)
    assert saved == preview
    info = notice.get_notice_batch(db, changes.id)
    assert (info.number, info.used_before, info.remaining, info.total, info.ratio) == (
        2,
        Decimal("20000.00"),
        Decimal("3333.34"),
        Decimal("3333.34"),
        preview.ratio,
    )
    assert [cases.get_case(db, i).notice_amount for i in later] == [
        line.after for line in preview.lines
    ]
    assert notice.budget_status(db, "bishan-2024") == (
        Decimal("23333.34"),
        Decimal("23333.34"),
        Decimal("0.00"),
    )
    # Nothing left: a further batch is refused.
    more = decided(db, people, 6)
    with pytest.raises(RecordsError, match="预算已全部占用"):
        notice.create_notice_batch(db, people.supervisor, more)


def test_an_upheld_objection_gives_the_money_back(db, people, budget):
    budget("20000.00")
    ids = decided(db, people, 1, 2)
    notice.create_notice_batch(db, people.supervisor, ids)
    notice.raise_objection(db, people.clerk, ids[0], "来信反映该专利权属有争议")
    notice.resolve_objection(db, people.supervisor, ids[0], upheld=True, resolution="经核实成立")
    assert cases.get_case(db, ids[0]).status is Status.REFUSED
    later = decided(db, people, 3)
    preview = notice.preview_notice_batch(db, people.supervisor, later)
    assert preview.used_before == Decimal("10000.00")
    assert preview.remaining == Decimal("10000.00")


def test_only_decided_cases_of_one_programme_go_on_notice(db, people):
    approved = register(db, people)
    advance(db, people, approved, Status.APPROVED)
    with pytest.raises(IllegalTransition, match="办公会审定"):
        notice.preview_notice_batch(db, people.supervisor, [approved])
    with pytest.raises(InvalidInput, match="请选择"):
        notice.preview_notice_batch(db, people.supervisor, [])
    with pytest.raises(InvalidInput, match="重复"):
        notice.preview_notice_batch(db, people.supervisor, [approved, approved])
    with pytest.raises(PermissionDenied):
        notice.preview_notice_batch(db, people.clerk, [approved])


# ---------------------------------------------------------------------------
# Objections, closing, payout
# ---------------------------------------------------------------------------


def test_objections_hold_a_case_until_a_supervisor_resolves_them(db, people, clock):
    a, b, c = decided(db, people, 1, 2, 3)
    _, made = notice.create_notice_batch(db, people.supervisor, [a, b, c])
    notice.raise_objection(db, people.clerk, a, "甲反映数据不实")
    notice.raise_objection(db, people.clerk, b, "乙反映专利已失效")
    assert cases.get_case(db, a).objection == "甲反映数据不实"
    # Dismissed while the notice runs: back on notice.
    notice.resolve_objection(db, people.supervisor, b, upheld=False, resolution="经核实不成立")
    assert cases.get_case(db, b).status is Status.ON_NOTICE

    with pytest.raises(RecordsError, match="期满后才能结束公示"):
        notice.close_notice_batch(db, people.supervisor, made.id)
    clock.set(dt.datetime(2024, 5, 11, 9, 0))
    changes = notice.close_notice_batch(db, people.supervisor, made.id)
    assert "2 件无异议" in changes.note and "1 件有异议待处理" in changes.note
    assert cases.get_case(db, a).status is Status.OBJECTION
    assert {line.case_id for line in notice.payout_list(db, made.id)} == {b, c}
    with pytest.raises(RecordsError, match="已结束"):
        notice.close_notice_batch(db, people.supervisor, made.id)

    # Dismissed after the notice closed: cleared for payout.
    with pytest.raises(PermissionDenied):
        notice.resolve_objection(db, people.clerk, a, upheld=False, resolution="x")
    notice.resolve_objection(db, people.supervisor, a, upheld=False, resolution="经核实不成立")
    assert cases.get_case(db, a).status is Status.CLEARED
    payout = notice.payout_list(db, made.id)
    assert [line.case_id for line in payout] == [a, b, c]
    assert payout[0].amount_capitals == "壹万元整"
    assert payout[0].account_number == "3100021209200012345"


def test_payouts_are_marked_in_bulk_all_or_nothing(db, people, clock):
    a, b = decided(db, people, 1, 2)
    _, made = notice.create_notice_batch(db, people.supervisor, [a, b])
    clock.set(dt.datetime(2024, 5, 13, 9, 0))
    notice.close_notice_batch(db, people.supervisor, made.id)

    with pytest.raises(InvalidInput, match="凭证号"):
        notice.mark_paid(
            db,
            people.supervisor,
            [notice.Payment(a, "V-1"), notice.Payment(b, " ")],
            clock.now().date(),
        )
    assert {cases.get_case(db, i).status for i in (a, b)} == {Status.CLEARED}
    with pytest.raises(InvalidInput, match="晚于今天"):
        notice.mark_paid(db, people.supervisor, [notice.Payment(a, "V-1")], dt.date(2024, 5, 14))

    notice.mark_paid(
        db,
        people.supervisor,
        [notice.Payment(a, "璧财拨〔2024〕1号"), notice.Payment(b, "璧财拨〔2024〕2号")],
        dt.date(2024, 5, 13),
    )
    paid = cases.get_case(db, a)
    assert paid.status is Status.PAID
    assert (paid.paid_on, paid.voucher_no) == (dt.date(2024, 5, 13), "璧财拨〔2024〕1号")
    assert paid.claims[0].paid_amount == Decimal("10000.00")
    assert [line.status for line in notice.payout_list(db, made.id)] == [Status.PAID] * 2
    with pytest.raises(IllegalTransition):
        notice.mark_paid(db, people.supervisor, [notice.Payment(a, "again")], dt.date(2024, 5, 13))


def test_prorated_payouts_are_shared_out_over_the_claims(db, people, budget, clock):
    budget("10000.00")
    case_id = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    other = register(db, people, case_form(2, [transfer(3)]))
    for i in (case_id, other):
        advance(db, people, i, Status.APPROVED)
    workflow.record_meeting_decision(db, people.supervisor, [case_id, other], MON, "第6次")
    _, made = notice.create_notice_batch(db, people.supervisor, [case_id, other])
    # 30,000 asked of 10,000: one third each, to the fen.
    assert cases.get_case(db, case_id).notice_amount == Decimal("6666.67")
    clock.set(dt.datetime(2024, 5, 13, 9, 0))
    notice.close_notice_batch(db, people.supervisor, made.id)
    notice.mark_paid(db, people.supervisor, [notice.Payment(case_id, "V1")], dt.date(2024, 5, 13))
    claims = cases.get_case(db, case_id).claims
    assert [c.paid_amount for c in claims] == [Decimal("3333.34"), Decimal("3333.33")]
    assert sum(c.paid_amount for c in claims) == Decimal("6666.67")
