import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import delete, select

from core.db.clock import CHINA_TZ
from core.db.models import AuditEntry, YearRuling, YearRulingShare
from core.documents.notice_list import render_notice_list
from core.policy.loader import load_policy
from core.records import case_input, case_queries, documents, notice, workflow, year_ruling
from core.records.errors import (
    ConfirmationRequired,
    IllegalTransition,
    InvalidInput,
    PermissionDenied,
    RecordsError,
)
from core.records.states import Status
from tests.core.db.conftest import AFTER_DEADLINE, advance, case_form, register, transfer
from tests.pdf_helpers import pdf_text

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
        monkeypatch.setattr(case_input, "load_policy", lambda policy_id: small)

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
    assert preview.before_deadline and not preview.refusal
    assert "2024-11-22" in preview.warning and "年度核定" in preview.warning
    assert notice.list_notice_batches(db) == []
    assert {case_queries.get_case(db, i).status for i in ids} == {Status.DECIDED}


def _after_deadline(clock) -> None:
    clock.set(dt.datetime.combine(AFTER_DEADLINE, dt.time(9), CHINA_TZ))


def _close_and_clear(db, people, clock, batch_id) -> None:
    clock.advance(dt.timedelta(days=14))
    notice.close_notice_batch(db, people.supervisor, batch_id)


def test_three_batches_over_one_year_end_at_one_ratio_and_the_budget(db, people, budget, clock):
    """Issue 13 §3: two batches before the deadline at full amounts, the 年度核定, a third
    batch after it — every case at the same ratio, the year's total the budget to the fen."""
    budget("50000.00")
    first = decided(db, people, 1, 2)
    _, one = notice.create_notice_batch(
        db, people.supervisor, first, confirmed_before_deadline=True
    )
    second = decided(db, people, 3, 4)
    _, two = notice.create_notice_batch(
        db, people.supervisor, second, confirmed_before_deadline=True
    )
    third = decided(db, people, 5, 6, 7)
    # Before the deadline: 40,000 held at full + 30,000 would pass the 50,000 budget.
    preview = notice.preview_notice_batch(db, people.supervisor, third)
    assert "超过预算50,000.00元，超出20,000.00元" in preview.refusal
    with pytest.raises(RecordsError, match="截止前不能再公示"):
        notice.create_notice_batch(db, people.supervisor, third, confirmed_before_deadline=True)

    _after_deadline(clock)
    with pytest.raises(RecordsError, match="请先进行年度核定"):
        notice.create_notice_batch(db, people.supervisor, third)
    year = year_ruling.preview_year_ruling(db, "bishan-2024")
    assert year.approved_total == Decimal("70000.00") and not year.refusal
    assert year.ratio == Decimal(5000000) / Decimal(7000000)
    _, ruled = year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    assert "1 次年度核定" in ruled.note and "4 件公示金额已按比例调整" in ruled.note

    _, three = notice.create_notice_batch(db, people.supervisor, third)
    everyone = first + second + third
    amounts = [case_queries.get_case(db, i).notice_amount for i in everyone]
    # 10,000 × 5/7 = 7,142.857…: 7,142.85 each and the 5 fen left over to the first five
    # case numbers (equal remainders).
    assert amounts == [Decimal("7142.86")] * 5 + [Decimal("7142.85")] * 2
    assert sum(amounts) == Decimal("50000.00")
    for made in (one, two, three):
        assert notice.get_notice_batch(db, made.id).ratio == year.ratio
    assert notice.budget_status(db, "bishan-2024")[2] == 0

    # Payouts follow the batches; what the year paid is the budget exactly.
    for made in (one, two, three):
        _close_and_clear(db, people, clock, made.id)
    today = clock.now().astimezone(CHINA_TZ).date()
    notice.mark_paid(db, people.supervisor, [notice.Payment(i, f"V{i}") for i in everyone], today)
    paid = [case_queries.get_case(db, i).claims[0].paid_amount for i in everyone]
    assert sum(paid) == Decimal("50000.00")
    lines = [line for made in (one, two, three) for line in notice.payout_list(db, made.id)]
    assert {line.ratio for line in lines} == {year.ratio}
    # Once paid under it, the ratio is fixed for the year.
    again = year_ruling.preview_year_ruling(db, "bishan-2024")
    assert "已有 7 件兑现" in again.refusal
    # ... and the year is shown as that ruling fixed it, not as a new one would.
    assert (again.ratio, again.total, again.paid_before) == (year.ratio, year.total, 0)
    assert [line.amount for line in again.lines] == amounts
    with pytest.raises(RecordsError, match="不能重新核定"):
        year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")


def test_a_batch_before_the_deadline_needs_an_audited_confirmation(db, people):
    ids = decided(db, people, 1)
    with pytest.raises(ConfirmationRequired, match="全年统一的折算比例尚未确定"):
        notice.create_notice_batch(db, people.supervisor, ids)
    assert notice.list_notice_batches(db) == []
    preview, _ = notice.create_notice_batch(
        db, people.supervisor, ids, confirmed_before_deadline=True
    )
    with db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "notice_batch", AuditEntry.action == "create"
            )
        ).one()
        assert json.loads(entry.after)["confirmed_before_deadline"] == preview.warning


def test_the_deadline_day_itself_is_still_before_the_deadline(db, people, clock):
    ids = decided(db, people, 1)
    clock.set(dt.datetime(2024, 11, 22, 17, 0, tzinfo=CHINA_TZ))
    assert notice.preview_notice_batch(db, people.supervisor, ids).warning
    assert "截止日之后" in year_ruling.preview_year_ruling(db, "bishan-2024").refusal
    with pytest.raises(RecordsError, match="截止日之后进行年度核定"):
        year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    clock.set(dt.datetime(2024, 11, 23, 9, 0, tzinfo=CHINA_TZ))
    assert notice.preview_notice_batch(db, people.supervisor, ids).refusal
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    assert not notice.preview_notice_batch(db, people.supervisor, ids).refusal


def test_payout_waits_for_the_year_ruling(db, people, clock):
    ids = decided(db, people, 1)
    _, made = notice.create_notice_batch(db, people.supervisor, ids, confirmed_before_deadline=True)
    _close_and_clear(db, people, clock, made.id)
    today = clock.now().astimezone(CHINA_TZ).date()
    with pytest.raises(RecordsError, match="兑现前须完成 2024 年度核定"):
        notice.mark_paid(db, people.supervisor, [notice.Payment(ids[0], "V1")], today)
    assert case_queries.get_case(db, ids[0]).status is Status.CLEARED


def test_a_case_decided_after_the_ruling_gets_the_same_ratio_or_the_shortfall(
    db, people, budget, clock
):
    budget("20000.00")
    ids = decided(db, people, 1, 2, 3)
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    notice.create_notice_batch(db, people.supervisor, ids)
    assert [case_queries.get_case(db, i).notice_amount for i in ids] == [
        Decimal("6666.67"),
        Decimal("6666.67"),
        Decimal("6666.66"),
    ]
    late = decided(db, people, 4)
    preview = notice.preview_notice_batch(db, people.supervisor, late)
    # 10,000 × 2/3 = 6,666.666… → 6,666.67, and nothing is left of the budget.
    assert preview.lines[0].after == Decimal("6666.67")
    assert "缺口6,666.67元" in preview.refusal and "余额0.00元" in preview.refusal
    # An upheld objection gives back 6,666.66: still one fen short, said exactly.
    notice.raise_objection(db, people.clerk, ids[2], "来信反映权属争议", objector="来信人")
    notice.resolve_objection(db, people.supervisor, ids[2], upheld=True, resolution="成立")
    preview = notice.preview_notice_batch(db, people.supervisor, late)
    assert "余额6,666.66元，缺口0.01元" in preview.refusal
    # Nothing paid yet: a new 年度核定 takes the late case in, at one ratio for all.
    _, changes = year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    assert "第 2 次" in changes.note
    notice.create_notice_batch(db, people.supervisor, late)
    held = [case_queries.get_case(db, i).notice_amount for i in (ids[0], ids[1], late[0])]
    assert sum(held) == Decimal("20000.00")
    assert held == [Decimal("6666.67"), Decimal("6666.67"), Decimal("6666.66")]


def test_a_ruling_in_an_old_database_leaves_earlier_payments_standing(db, people, budget, clock):
    """Before version 0007 batches were prorated first come, first served and paid without a
    年度核定; such payments stand and the ruling shares what is left."""
    budget("25000.00")
    paid = decided(db, people, 1)
    _, made = notice.create_notice_batch(
        db, people.supervisor, paid, confirmed_before_deadline=True
    )
    _close_and_clear(db, people, clock, made.id)
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    notice.mark_paid(db, people.supervisor, [notice.Payment(paid[0], "V1")], AFTER_DEADLINE)
    waiting = decided(db, people, 2, 3)
    with db.write() as session:  # as an old database would have it
        session.execute(delete(YearRulingShare))
        session.execute(delete(YearRuling))
    year = year_ruling.preview_year_ruling(db, "bishan-2024")
    assert year.paid_before == Decimal("10000.00") and not year.refusal
    assert any("已兑现 1 件" in line for line in year.explanation)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    notice.create_notice_batch(db, people.supervisor, waiting)
    assert [case_queries.get_case(db, i).notice_amount for i in waiting] == [Decimal("7500.00")] * 2


def test_an_upheld_objection_gives_the_money_back(db, people, budget):
    budget("20000.00")
    ids = decided(db, people, 1, 2)
    notice.create_notice_batch(db, people.supervisor, ids, confirmed_before_deadline=True)
    notice.raise_objection(db, people.clerk, ids[0], "来信反映该专利权属有争议", objector="来信人")
    notice.resolve_objection(db, people.supervisor, ids[0], upheld=True, resolution="经核实成立")
    assert case_queries.get_case(db, ids[0]).status is Status.REFUSED
    # Its 审核意见表 says so beside the amount first approved, which the frozen result holds.
    from core.records.documents import render_case_form
    from tests.core.documents.pdf_checks import check_pdf

    text = check_pdf(render_case_form(db, ids[0], "review-opinion"))
    assert "资助合计10,000.00元" in text
    assert "异议复核后0.00元（大写：零元整）" in text and "异议成立，不予资助" in text
    later = decided(db, people, 3)
    preview = notice.preview_notice_batch(db, people.supervisor, later)
    assert preview.used_before == Decimal("10000.00")
    assert preview.remaining == Decimal("10000.00")
    assert not preview.refusal


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
    _, made = notice.create_notice_batch(
        db, people.supervisor, [a, b, c], confirmed_before_deadline=True
    )
    notice.raise_objection(db, people.clerk, a, "甲反映数据不实", objector="来信人")
    notice.raise_objection(db, people.clerk, b, "乙反映专利已失效", objector="来信人")
    assert case_queries.get_case(db, a).objection == "甲反映数据不实"
    # Dismissed while the notice runs: back on notice.
    notice.resolve_objection(db, people.supervisor, b, upheld=False, resolution="经核实不成立")
    assert case_queries.get_case(db, b).status is Status.ON_NOTICE

    with pytest.raises(RecordsError, match="期满后才能结束公示"):
        notice.close_notice_batch(db, people.supervisor, made.id)
    clock.set(dt.datetime(2024, 5, 11, 9, 0))
    changes = notice.close_notice_batch(db, people.supervisor, made.id)
    assert "2 件无异议" in changes.note and "1 件有异议待处理" in changes.note
    assert case_queries.get_case(db, a).status is Status.OBJECTION
    assert {line.case_id for line in notice.payout_list(db, made.id)} == {b, c}
    with pytest.raises(RecordsError, match="已结束"):
        notice.close_notice_batch(db, people.supervisor, made.id)

    # Dismissed after the notice closed: cleared for payout.
    with pytest.raises(PermissionDenied):
        notice.resolve_objection(db, people.clerk, a, upheld=False, resolution="x")
    notice.resolve_objection(db, people.supervisor, a, upheld=False, resolution="经核实不成立")
    assert case_queries.get_case(db, a).status is Status.CLEARED
    payout = notice.payout_list(db, made.id)
    assert [line.case_id for line in payout] == [a, b, c]
    assert payout[0].amount_capitals == "壹万元整"
    assert payout[0].account_number == "3100021209200012345"


def test_payouts_are_marked_in_bulk_all_or_nothing(db, people, clock):
    a, b = decided(db, people, 1, 2)
    _, made = notice.create_notice_batch(
        db, people.supervisor, [a, b], confirmed_before_deadline=True
    )
    clock.set(dt.datetime(2024, 5, 13, 9, 0))
    notice.close_notice_batch(db, people.supervisor, made.id)
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")

    with pytest.raises(InvalidInput, match="凭证号"):
        notice.mark_paid(
            db,
            people.supervisor,
            [notice.Payment(a, "V-1"), notice.Payment(b, " ")],
            AFTER_DEADLINE,
        )
    assert {case_queries.get_case(db, i).status for i in (a, b)} == {Status.CLEARED}
    with pytest.raises(InvalidInput, match="晚于今天"):
        notice.mark_paid(
            db, people.supervisor, [notice.Payment(a, "V-1")], AFTER_DEADLINE + dt.timedelta(1)
        )

    notice.mark_paid(
        db,
        people.supervisor,
        [notice.Payment(a, "璧财拨〔2024〕1号"), notice.Payment(b, "璧财拨〔2024〕2号")],
        AFTER_DEADLINE,
    )
    paid = case_queries.get_case(db, a)
    assert paid.status is Status.PAID
    assert (paid.paid_on, paid.voucher_no) == (AFTER_DEADLINE, "璧财拨〔2024〕1号")
    assert paid.claims[0].paid_amount == Decimal("10000.00")
    assert [line.status for line in notice.payout_list(db, made.id)] == [Status.PAID] * 2
    with pytest.raises(IllegalTransition):
        notice.mark_paid(db, people.supervisor, [notice.Payment(a, "again")], AFTER_DEADLINE)


def test_prorated_payouts_are_shared_out_over_the_claims(db, people, budget, clock):
    budget("10000.00")
    case_id = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    other = register(db, people, case_form(2, [transfer(3)]))
    for i in (case_id, other):
        advance(db, people, i, Status.APPROVED)
    workflow.record_meeting_decision(db, people.supervisor, [case_id, other], MON, "第6次")
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    _, made = notice.create_notice_batch(db, people.supervisor, [case_id, other])
    # 30,000 asked of 10,000: one third each, to the fen.
    assert case_queries.get_case(db, case_id).notice_amount == Decimal("6666.67")
    _close_and_clear(db, people, clock, made.id)
    notice.mark_paid(db, people.supervisor, [notice.Payment(case_id, "V1")], AFTER_DEADLINE)
    claims = case_queries.get_case(db, case_id).claims
    assert [c.paid_amount for c in claims] == [Decimal("3333.34"), Decimal("3333.33")]
    assert sum(c.paid_amount for c in claims) == Decimal("6666.67")


def test_the_notice_list_and_payout_list_show_approved_ratio_and_amount(db, people, budget, clock):
    budget("25000.00")
    ids = decided(db, people, 1, 2, 3)
    _, made = notice.create_notice_batch(
        db, people.supervisor, ids[:2], confirmed_before_deadline=True
    )
    early = documents.notice_list(db, made.id)
    assert [e.ratio for e in early.entries] == ["待核定", "待核定"]
    assert "年度核定" in early.ratio_note and "按审核金额公示" in early.ratio_note
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    ruled = documents.notice_list(db, made.id)
    assert [(e.approved, e.ratio, e.amount) for e in ruled.entries] == [
        (Decimal("10000.00"), "0.833333", Decimal("8333.34")),
        (Decimal("10000.00"), "0.833333", Decimal("8333.33")),
    ]
    assert "全年统一比例 0.833333" in ruled.ratio_note
    text = pdf_text(render_notice_list(ruled))
    assert "0.833333" in text and "8,333.34" in text
    _close_and_clear(db, people, clock, made.id)
    rows = documents.payout_rows(db, made.id)
    assert [(r.approved, r.ratio, r.amount) for r in rows] == [
        (e.approved, e.ratio, e.amount) for e in ruled.entries
    ]


# ---------------------------------------------------------------------------
# Objection facts and partial outcomes (issue 20 §11)
# ---------------------------------------------------------------------------


def test_an_objection_records_who_when_and_what(db, people, clock):
    (a,) = decided(db, people, 1)
    notice.create_notice_batch(db, people.supervisor, [a], confirmed_before_deadline=True)
    with pytest.raises(InvalidInput, match="异议人"):
        notice.raise_objection(db, people.clerk, a, "产值不实")
    today = case_queries.get_case(db, a).updated_at.date()
    with pytest.raises(InvalidInput, match="晚于今天"):
        notice.raise_objection(
            db, people.clerk, a, "产值不实", objector="王某", received_on=today.replace(year=2030)
        )
    notice.raise_objection(
        db, people.clerk, a, "反映产值不实", objector=" 王某 ", contact="13800001111"
    )
    record = notice.objection_record(db, a)
    assert (record.objector, record.contact, record.substance) == (
        "王某",
        "13800001111",
        "反映产值不实",
    )
    assert record.received_on is not None and record.outcome == "" and record.finding == ""
    history = case_queries.get_case(db, a).decisions[-1]
    assert history.reason == "王某：反映产值不实" and history.data["contact"] == "13800001111"


def test_an_objection_may_change_the_amount_downwards_only_with_a_reason(db, people, budget, clock):
    budget("15000.00")
    a, b = decided(db, people, 1, 2)  # 10,000 each: prorated to 7,500 by the year's ruling
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    notice.create_notice_batch(db, people.supervisor, [a, b])
    before = case_queries.get_case(db, a)
    notice.raise_objection(db, people.clerk, a, "部分费用重复计算", objector="某协会")
    for wrong in (Decimal("10000.00"), Decimal("0"), Decimal("5000.001"), None):
        with pytest.raises(InvalidInput, match="低于原审核金额"):
            notice.resolve_objection(
                db, people.supervisor, a, outcome="amount_changed", amount=wrong, resolution="x"
            )
    with pytest.raises(InvalidInput, match="处理意见"):
        notice.resolve_objection(
            db, people.supervisor, a, outcome="amount_changed", amount=Decimal(6000), resolution=""
        )
    notice.resolve_objection(
        db,
        people.supervisor,
        a,
        outcome="amount_changed",
        amount=Decimal("6000"),
        resolution="经核实重复计算4000元，核减",
    )
    after = case_queries.get_case(db, a)
    assert after.status is Status.ON_NOTICE
    assert after.approved_amount == Decimal("6000.00")
    # The batch's proportion kept, floored to the fen: 6000 × 7500 / 10000.
    assert before.notice_amount == Decimal("7500.00") and after.notice_amount == Decimal("4500.00")
    last = after.decisions[-1]
    assert last.action_label == "异议部分成立，调整资助金额"
    assert "10,000.00元调整为6,000.00元" in last.reason and last.data["before"] == "10000.00"
    # A decided change, not a tampered row: the integrity check still agrees.
    from core.db.integrity import verify_records

    with db.read() as session:
        assert verify_records(session).ok
    record = notice.objection_record(db, a)
    assert record.outcome == "amount_changed" and record.decided_amount == Decimal("6000.00")
    assert record.approved == Decimal("10000.00") and record.decided_notice_amount == Decimal(
        "4500.00"
    )
    # The 审核意见 printed afterwards shows the decided amount beside the one first approved.
    from core.records.documents import render_case_form
    from tests.core.documents.pdf_checks import check_pdf

    text = check_pdf(render_case_form(db, a, "review-opinion"))
    assert "资助合计10,000.00元" in text
    assert "异议复核后6,000.00元（大写：陆仟元整）" in text
    assert "审核金额由10,000.00元调整为6,000.00元，详见公示异议处理记录" in text
    assert "按比例资助后4,500.00元" in text
    other = check_pdf(render_case_form(db, b, "review-opinion"))
    assert "异议复核后" not in other and "按比例资助后7,500.00元" in other
    # A later objection found groundless keeps the amount the first one decided.
    notice.raise_objection(db, people.clerk, a, "再次反映", objector="某协会")
    notice.resolve_objection(db, people.supervisor, a, upheld=False, resolution="查无实据")
    again = check_pdf(render_case_form(db, a, "review-opinion"))
    assert "异议复核后6,000.00元（大写：陆仟元整）" in again


def test_the_objection_handling_record_prints_its_facts(db, people):
    from tests.core.documents.pdf_checks import check_pdf

    (a,) = decided(db, people, 1)
    notice.create_notice_batch(db, people.supervisor, [a], confirmed_before_deadline=True)
    notice.raise_objection(
        db, people.clerk, a, "反映𠀀活动并非申请人组织", objector="重庆某协会", contact="023-1234"
    )
    pending = check_pdf(notice.render_objection(db, a))
    assert "公示异议处理记录" in pending and "重庆某协会" in pending and "（待处理）" in pending
    assert "反映𠀀活动并非申请人组织" in pending
    notice.resolve_objection(db, people.supervisor, a, upheld=False, resolution="经核实属实")
    done = check_pdf(notice.render_objection(db, a))
    assert "异议不成立，维持原审核结果" in done and "经核实属实" in done
    assert case_queries.get_case(db, a).case_number in done


# ---------------------------------------------------------------------------
# 区财政局拨款 and payouts against it (issue 20 §12, 五(三)2)
# ---------------------------------------------------------------------------


def test_payouts_are_held_to_the_money_received_once_receipts_are_kept(db, people, clock):
    from core.records import funds

    first = decided(db, people, 1, 2)
    _, made = notice.create_notice_batch(
        db, people.supervisor, first, confirmed_before_deadline=True
    )
    _after_deadline(clock)
    year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    _close_and_clear(db, people, clock, made.id)
    today = clock.now().astimezone(CHINA_TZ).date()
    # No receipt recorded: as before, payouts are not held (older databases).
    assert not funds.fund_position(db, "bishan-2024").tracked
    with pytest.raises(PermissionDenied):
        funds.record_fund_receipt(db, people.clerk, "bishan-2024", today, "5000", "璧财〔2024〕1号")
    for bad, message in (("0", "大于0"), ("5O00", "第 2 个字符"), ("-1", "负")):
        with pytest.raises(InvalidInput, match=message):
            funds.record_fund_receipt(db, people.supervisor, "bishan-2024", today, bad, "x")
    with pytest.raises(InvalidInput, match="文号"):
        funds.record_fund_receipt(db, people.supervisor, "bishan-2024", today, "5000", " ")
    changes = funds.record_fund_receipt(
        db, people.supervisor, "bishan-2024", today, "15000", "璧财行〔2024〕88号"
    )
    assert "可兑现15,000.00元" in changes.note
    # Two cases of 10,000 each: one fits in 15,000, both do not, and nothing is kept.
    pay = [notice.Payment(i, f"V{i}") for i in first]
    with pytest.raises(RecordsError, match=r"超出5,000\.00元"):
        notice.mark_paid(db, people.supervisor, pay, today)
    assert all(case_queries.get_case(db, i).status is Status.CLEARED for i in first)
    notice.mark_paid(db, people.supervisor, pay[:1], today)
    position = funds.fund_position(db, "bishan-2024")
    assert (position.received, position.paid, position.available) == (
        Decimal("15000.00"),
        Decimal("10000.00"),
        Decimal("5000.00"),
    )
    funds.record_fund_receipt(
        db, people.supervisor, "bishan-2024", today, "5000", "璧财行〔2024〕95号"
    )
    notice.mark_paid(db, people.supervisor, pay[1:], today)
    assert [r.reference for r in funds.fund_receipts(db, "bishan-2024")] == [
        "璧财行〔2024〕88号",
        "璧财行〔2024〕95号",
    ]
