"""Money of a project: the two instalments (第十条), termination settlement, spending checks
(第十一条、第十二条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.db.database import Database
from core.projects import records, workflow
from core.projects.model import PaymentKind, SettlementForm
from core.projects.queries import get_project, list_projects
from core.projects.rules import ClosureDecision
from core.records.errors import IllegalTransition, InvalidInput
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    BEGIN,
    PAID,
    S,
    acceptance,
    advance,
    approval,
    at,
    decision,
    register,
    spending,
    termination,
)


def test_the_closed_path_pays_both_instalments_once(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.CLOSED)
    detail = get_project(db, pid)
    assert detail.status is S.CLOSED
    assert [(p.kind, p.amount) for p in detail.payments] == [
        (PaymentKind.APPROVAL, Decimal("300000.00")),
        (PaymentKind.CLOSURE, Decimal("200000.00")),
    ]
    assert detail.paid() == detail.funding == Decimal("500000.00")
    assert detail.payments[1].voucher == "渝知财拨〔2027〕9号"


def test_the_first_instalment_follows_the_years_budget(db: Database, people: People):
    """Issue 16 §3, 第十条 「立项首期款拨付比例根据当年度预算安排确定」: the share is asked at
    立项 with the policy's as default; another amount needs its basis; the closure instalment
    is the remainder."""
    pid = register(db, people)
    advance(db, people, pid, S.UNDER_EVALUATION)
    at(db, PAID)
    number = "渝知培任〔2025〕01号"
    too_much = approval(task_book_number=number, approval_amount="500000.01")
    with pytest.raises(InvalidInput, match=r"不超过项目资助额500,000\.00元") as caught:
        workflow.approve_project(db, people.supervisor, pid, too_much)
    assert caught.value.where == "approval_amount"
    no_basis = approval(task_book_number=number, approval_amount="200000")
    with pytest.raises(InvalidInput, match="请写明依据") as caught:
        workflow.approve_project(db, people.supervisor, pid, no_basis)
    assert caught.value.where == "approval_basis"
    assert get_project(db, pid).status is S.UNDER_EVALUATION
    workflow.approve_project(
        db,
        people.supervisor,
        pid,
        approval(
            task_book_number=number,
            approval_amount="200000",
            approval_basis="渝财教〔2025〕3号：当年度预算安排首期40%",
        ),
    )
    detail = get_project(db, pid)
    assert detail.paid(PaymentKind.APPROVAL) == Decimal("200000.00")
    assert (detail.instalments.approval, detail.instalments.closure) == (
        Decimal("200000.00"),
        Decimal("300000.00"),
    )
    assert "立项补助（首期40%）200,000.00元" in detail.instalments.explanation[1]
    advance_from_approved(db, people, pid)
    assert get_project(db, pid).paid(PaymentKind.CLOSURE) == Decimal("300000.00")


def advance_from_approved(db: Database, people: People, pid: int) -> None:
    """On from 已立项 to 已结题 as the helper does, without approving again."""
    at(db, BEGIN)
    workflow.start_project(db, people.clerk, pid, BEGIN)
    day = dt.date(2027, 2, 10)
    at(db, day)
    workflow.accept_project(db, people.supervisor, pid, acceptance(day, True))
    at(db, dt.date(2027, 3, 1))
    workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 3, 1))


@pytest.mark.parametrize("status", [S.IN_PROGRESS, S.ACCEPTANCE_FAILED, S.TERMINATED, S.APPROVED])
def test_no_closure_instalment_without_a_passed_acceptance(db: Database, people: People, status):
    pid = register(db, people)
    advance(db, people, pid, status)
    at(db, dt.date(2027, 4, 1))
    with pytest.raises(IllegalTransition, match="不能拨付结题补助"):
        workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 4, 1))
    assert get_project(db, pid).paid(PaymentKind.CLOSURE) == 0


def test_a_failed_acceptance_ends_without_the_closure_instalment(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2027, 2, 10)
    at(db, day)
    changes = workflow.accept_project(db, people.supervisor, pid, acceptance(day, False))
    assert "不拨付结题补助" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.ACCEPTANCE_FAILED
    assert detail.acceptance is not None and detail.acceptance.result_label == "不通过"
    assert detail.paid() == Decimal("300000.00")


def test_the_closure_instalment_is_paid_after_the_acceptance_date(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.ACCEPTED)
    with pytest.raises(InvalidInput, match="早于验收日期"):
        workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 2, 9))
    with pytest.raises(InvalidInput, match="晚于今天"):
        workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 2, 11))
    changes = workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 2, 10))
    assert "200,000.00" in changes.note and changes.money
    with pytest.raises(IllegalTransition, match="已结题"):
        workflow.pay_closure(db, people.supervisor, pid, dt.date(2027, 2, 10))


def test_acceptance_checks_method_and_notes_early_or_unmet(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 10, 8)  # before the planned end (2027-01-31)
    at(db, day)
    with pytest.raises(InvalidInput, match="会议验收") as caught:
        workflow.accept_project(db, people.supervisor, pid, acceptance(day, method="online"))
    assert caught.value.where == "method"
    changes = workflow.accept_project(
        db, people.supervisor, pid, acceptance(day, method="onsite", actuals=[])
    )
    assert any("提前结题验收" in w for w in changes.warnings)
    assert any("尚未达到" in w and "发明专利申请量" in w for w in changes.warnings)
    detail = get_project(db, pid)
    assert detail.accepted_early
    assert detail.acceptance is not None and detail.acceptance.method_label == "现场验收"


# ---------------------------------------------------------------------------
# Termination
# ---------------------------------------------------------------------------


def _pending_termination(db: Database, people: People) -> int:
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 9, 1)
    at(db, day)
    workflow.request_termination(db, people.clerk, pid, termination(day))
    return pid


@pytest.mark.parametrize(
    ("settlement", "words"),
    [
        (None, "追回金额和留用金额"),
        (SettlementForm("200000", "99999.99"), "应等于"),
        (SettlementForm("300000", "0.01"), "应等于"),
        (SettlementForm("-1", "300001"), "负"),
    ],
)
def test_an_approved_termination_accounts_for_every_yuan_paid(
    db: Database, people: People, settlement, words
):
    pid = _pending_termination(db, people)
    day = dt.date(2025, 9, 1)
    with pytest.raises(InvalidInput, match=words):
        workflow.decide_termination(db, people.supervisor, pid, decision(day), settlement)
    detail = get_project(db, pid)
    assert detail.status is S.IN_PROGRESS and detail.pending_request is not None


def test_termination_with_settlement(db: Database, people: People):
    pid = _pending_termination(db, people)
    day = dt.date(2025, 9, 1)
    # Keeping it all (recovered 0) is a settlement too.
    changes = workflow.decide_termination(
        db, people.supervisor, pid, decision(day), SettlementForm("0", "300000")
    )
    assert changes.money and "留用300,000.00元" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.TERMINATED
    assert detail.settlement is not None
    assert detail.settlement.recovered + detail.settlement.kept == detail.paid()
    row = list_projects(db).rows[0]
    assert row.recovered == 0 and row.paid == Decimal("300000.00")


def test_a_refused_termination_keeps_the_project_going_without_settlement(
    db: Database, people: People
):
    pid = _pending_termination(db, people)
    day = dt.date(2025, 9, 1)
    with pytest.raises(InvalidInput, match="不登记追回"):
        workflow.decide_termination(
            db, people.supervisor, pid, decision(day, False), SettlementForm("0", "300000")
        )
    changes = workflow.decide_termination(db, people.supervisor, pid, decision(day, False))
    assert "继续实施" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.IN_PROGRESS and detail.settlement is None
    assert detail.requests[0].approved is False


def test_the_terminated_path_of_the_helper(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.TERMINATED)
    detail = get_project(db, pid)
    assert detail.settlement is not None
    assert (detail.settlement.recovered, detail.settlement.kept) == (
        Decimal("200000.00"),
        Decimal("100000.00"),
    )


# ---------------------------------------------------------------------------
# Spending (第十一条、第十二条)
# ---------------------------------------------------------------------------


def test_spending_within_budget_raises_no_flag(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 3, 1)
    at(db, day)
    changes = records.record_spending(
        db, people.clerk2, pid, spending(day, "navigation", "100000.00", "导航")
    )
    assert changes.money and changes.warnings == ()
    detail = get_project(db, pid)
    line = next(b for b in detail.budget if b.category == "navigation")
    assert (line.spent, line.left, line.over) == (Decimal("100000.00"), 0, False)
    assert detail.spending_issues == ()
    assert detail.spending[0].recorded_by == "陈静"


def test_spending_over_a_category_budget_is_recorded_and_flagged(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 3, 1)
    at(db, day)
    records.record_spending(db, people.clerk, pid, spending(day, "navigation", "100000"))
    changes = records.record_spending(db, people.clerk, pid, spending(day, "navigation", "0.01"))
    assert changes.warnings == (
        "「专利导航」已支出100,000.01元，超过该类预算100,000.00元，超出0.01元",
    )
    # The same issue is not repeated as new on the next entry of another category.
    again = records.record_spending(db, people.clerk, pid, spending(day, "training", "10"))
    assert again.warnings == ()
    detail = get_project(db, pid)
    assert [i.category for i in detail.spending_issues] == ["navigation"]
    assert list_projects(db).rows[0].spending_flagged


def test_a_use_outside_article_11_is_kept_as_described_and_flagged(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 3, 1)
    at(db, day)
    changes = records.record_spending(db, people.clerk, pid, spending(day, "业务招待费", "800"))
    assert any("不在第十一条所列范围内" in w for w in changes.warnings)
    entry = get_project(db, pid).spending[0]
    assert (entry.category, entry.label, entry.in_scope) == ("业务招待费", "业务招待费", False)


def test_spending_beyond_what_was_paid_is_flagged(db: Database, people: People):
    pid = register(db, people, budget={"layout": "500000"})
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 3, 1)
    at(db, day)
    records.record_spending(db, people.clerk, pid, spending(day, "layout", "300000"))
    changes = records.record_spending(db, people.clerk, pid, spending(day, "layout", "0.01"))
    assert any("超过已拨付的300,000.00元" in w for w in changes.warnings)


@pytest.mark.parametrize(
    ("form", "where"),
    [
        (spending(dt.date(2025, 3, 1), "layout", "0"), "amount"),
        (spending(dt.date(2025, 3, 1), "layout", "1.001"), "amount"),
        (spending(dt.date(2025, 3, 1), " ", "10"), "category"),
        (spending(dt.date(2025, 1, 21), "layout", "10"), "spent_on"),  # before the money came
        (spending(dt.date(2025, 3, 2), "layout", "10"), "spent_on"),  # after today
    ],
)
def test_spending_refusals(db: Database, people: People, form, where):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    at(db, dt.date(2025, 3, 1))
    with pytest.raises(InvalidInput) as caught:
        records.record_spending(db, people.clerk, pid, form)
    assert caught.value.where == where
    assert get_project(db, pid).spending == ()


def test_no_spending_before_approval(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.UNDER_EVALUATION)
    with pytest.raises(IllegalTransition, match="立项后才有财政资金"):
        records.record_spending(db, people.clerk, pid, spending(dt.date(2025, 1, 9), "layout", "1"))


def test_spending_may_be_booked_after_the_end(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.TERMINATED)
    records.record_spending(db, people.clerk, pid, spending(PAID, "navigation", "1000"))
    assert get_project(db, pid).spent == Decimal("1000.00")


# -- the closure decision at a passed acceptance (issue 16 §4; reading "closure_money") ----------

ACCEPTED_ON = dt.date(2027, 2, 10)


def _accept(db: Database, people: People, pid: int, **closure: object) -> str:
    at(db, ACCEPTED_ON)
    form = acceptance(ACCEPTED_ON, **{"closure": None, "closure_reason": "", **closure})
    return workflow.accept_project(db, people.supervisor, pid, form).note


def _in_progress(db: Database, people: People) -> int:
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    return pid


def test_a_passed_acceptance_must_decide_the_money_when_funds_are_unspent(
    db: Database, people: People
):
    pid = _in_progress(db, people)
    # Nothing spent: the whole 500,000 is unspent, so paying in full is a decision too.
    with pytest.raises(InvalidInput, match=r"结余500,000\.00元") as caught:
        _accept(db, people, pid)
    assert caught.value.where == "closure"
    with pytest.raises(InvalidInput, match="须写明理由"):
        _accept(db, people, pid, closure=ClosureDecision.FULL)
    assert get_project(db, pid).status is S.IN_PROGRESS


def test_a_clean_project_may_be_paid_in_full_without_a_reason(db: Database, people: People):
    pid = _in_progress(db, people)
    categories = ("search_database", "navigation", "layout", "operation", "training", "other")
    budget = {b.category: b.budget for b in get_project(db, pid).budget}
    at(db, dt.date(2026, 6, 1))
    for code in categories:
        if budget.get(code):
            records.record_spending(
                db, people.clerk, pid, spending(dt.date(2026, 6, 1), code, str(budget[code]))
            )
    assert sum(budget.values()) == Decimal("500000.00")
    note = _accept(db, people, pid)
    assert "应拨付结题补助200,000.00元" in note
    acc = get_project(db, pid).acceptance
    assert acc is not None and acc.closure is ClosureDecision.FULL


@pytest.mark.parametrize(
    ("amount", "accepted"),
    [("0.01", True), ("199999.99", True), ("200000.00", False), ("0", False), ("-1", False)],
)
def test_a_reduction_is_more_than_nothing_and_less_than_the_instalment(
    db: Database, people: People, amount: str, accepted: bool
):
    pid = _in_progress(db, people)
    reduce = {"closure": ClosureDecision.REDUCE, "closure_amount": amount}
    if not accepted:
        with pytest.raises(InvalidInput):
            _accept(db, people, pid, closure_reason="超预算", **reduce)
        return
    note = _accept(db, people, pid, closure_reason="宣传培训超预算", **reduce)
    assert f"核减{amount}" in note.replace(",", "")
    changes = workflow.pay_closure(db, people.supervisor, pid, ACCEPTED_ON)
    paid = Decimal("200000.00") - Decimal(amount)
    detail = get_project(db, pid)
    assert detail.status is S.CLOSED and detail.paid(PaymentKind.CLOSURE) == paid
    assert changes.money


def test_withheld_the_project_closes_with_no_closure_payment(db: Database, people: People):
    pid = _in_progress(db, people)
    with pytest.raises(InvalidInput, match="不填金额"):
        _accept(
            db,
            people,
            pid,
            closure=ClosureDecision.WITHHOLD,
            closure_amount="1",
            closure_reason="x",
        )
    _accept(
        db, people, pid, closure=ClosureDecision.WITHHOLD, closure_reason="资金未按第十一条使用"
    )
    changes = workflow.pay_closure(db, people.supervisor, pid, ACCEPTED_ON)
    assert "不予拨付结题补助" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.CLOSED
    assert detail.paid(PaymentKind.CLOSURE) == 0 and detail.paid() == Decimal("300000.00")


@pytest.mark.parametrize(("amount", "accepted"), [("300000.00", True), ("300000.01", False)])
def test_a_refund_is_at_most_what_was_paid(
    db: Database, people: People, amount: str, accepted: bool
):
    pid = _in_progress(db, people)
    recover = {"closure": ClosureDecision.RECOVER, "closure_amount": amount}
    if not accepted:
        with pytest.raises(InvalidInput, match=r"不超过已拨付的300,000\.00元"):
            _accept(db, people, pid, closure_reason="虚列支出", **recover)
        return
    _accept(db, people, pid, closure_reason="虚列支出", **recover)
    changes = workflow.pay_closure(db, people.supervisor, pid, ACCEPTED_ON)
    assert "追回300,000.00元" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.CLOSED and detail.paid(PaymentKind.CLOSURE) == 0


def test_the_acceptance_form_prints_the_decision_and_its_reason(db: Database, people: People):
    from core.projects.documents import render_acceptance
    from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

    pid = _in_progress(db, people)
    _accept(
        db,
        people,
        pid,
        closure=ClosureDecision.REDUCE,
        closure_amount="4200",
        closure_reason="业务招待费4,200元不属第十一条用途",
    )
    pdf = render_acceptance(get_project(db, pid))
    assert_all_fonts_embedded(pdf)
    text = "".join(pdf_text(pdf).split())
    assert "结题补助200,000.00元核减4,200.00元" in text
    assert "业务招待费4,200元不属第十一条用途" in text
