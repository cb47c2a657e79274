"""Every transition of the table: allowed ones, illegal ones, role violations and four eyes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database, open_database
from core.db.models import Application, AuditEntry, Decision
from core.policy.loader import load_policy
from core.records import case_input, case_model, case_queries, cases, notice, workflow, year_ruling
from core.records.errors import (
    FourEyesViolation,
    IllegalTransition,
    InvalidInput,
    PermissionDenied,
    RecordsError,
)
from core.records.states import (
    CLOSED_STATUSES,
    TRANSITIONS,
    Action,
    Status,
    Transition,
    actions_from,
    find_transition,
)
from core.records.users import Role
from tests.core.db.conftest import (
    AFTER_DEADLINE,
    START,
    People,
    advance,
    applicant_form,
    case_form,
    copy_template,
    make_people,
    register,
    tick_all,
    transfer,
)

TODAY = dt.date(2024, 5, 6)


def perform(db: Database, actor: int, case_id: int, action: Action) -> object:
    """Take ``action`` on one case through its public operation, with valid arguments."""
    if action is Action.REQUEST_CORRECTION:
        return workflow.request_correction(db, actor, case_id, ["营业执照"], dt.date(2030, 1, 1))
    if action is Action.ACCEPT:
        return workflow.accept_case(db, actor, case_id)
    if action is Action.REJECT_AT_INTAKE:
        return workflow.reject_at_intake(db, actor, case_id, "out_of_scope")
    if action is Action.CLERK_REVIEW:
        return workflow.clerk_review(db, actor, case_id, "符合条件")
    if action is Action.SUBMIT:
        return workflow.submit_for_approval(db, actor, case_id)
    if action is Action.APPROVE:
        return workflow.approve_case(db, actor, case_id)
    if action is Action.RETURN:
        return workflow.return_case(db, actor, case_id, "请补充")
    if action is Action.REFUSE:
        return workflow.refuse_case(db, actor, case_id, "不符合")
    if action is Action.DECIDE:
        today = db.clock.now().date()
        return workflow.record_meeting_decision(db, actor, [case_id], today, "第1次")
    if action is Action.PUBLISH:
        return notice.create_notice_batch(db, actor, [case_id], confirmed_before_deadline=True)
    if action is Action.RAISE_OBJECTION:
        return notice.raise_objection(db, actor, case_id, "异议", objector="来信人")
    if action in (Action.DISMISS_OBJECTION, Action.CLEAR) and _status(db, case_id) in (
        Status.OBJECTION.value,
    ):
        return notice.resolve_objection(db, actor, case_id, upheld=False, resolution="不成立")
    if action is Action.DISMISS_OBJECTION:
        return notice.resolve_objection(db, actor, case_id, upheld=False, resolution="不成立")
    if action is Action.UPHOLD_OBJECTION:
        return notice.resolve_objection(db, actor, case_id, upheld=True, resolution="成立")
    if action is Action.CLEAR:
        batch = case_queries.get_case(db, case_id).notice_batch_id
        if batch is None:
            raise IllegalTransition("不在公示中")
        return notice.close_notice_batch(db, actor, batch)
    if action is Action.PAY:
        return notice.mark_paid(db, actor, [notice.Payment(case_id, "V1")], db.clock.now().date())
    raise AssertionError(action)


def _status(db: Database, case_id: int) -> str:
    with db.read() as session:
        return session.scalars(select(Application.status).where(Application.id == case_id)).one()


def fingerprint(db: Database, case_id: int) -> tuple[Any, ...]:
    """Status, version, and the number of decisions and audit rows."""
    with db.read() as session:
        app = session.get(Application, case_id)
        assert app is not None
        return (
            app.status,
            app.version,
            session.scalar(select(func.count()).select_from(Decision)),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


def actor_for(people: People, transition: Transition) -> int:
    if Role.CLERK in transition.roles:
        return people.clerk
    return people.supervisor


def outsider_for(people: People, transition: Transition) -> int:
    """A user holding none of the roles of this row."""
    if transition.roles == {Role.CLERK}:
        return people.supervisor
    if transition.roles == {Role.SUPERVISOR}:
        return people.clerk
    return people.admin


# ---------------------------------------------------------------------------
# The table itself
# ---------------------------------------------------------------------------


def test_every_status_is_reachable_and_every_action_is_used():
    targets = {t.target for t in TRANSITIONS} | {Status.REGISTERED}
    assert targets == set(Status)
    assert {t.action for t in TRANSITIONS} == set(Action)


def test_closed_statuses_have_no_way_out_and_paid_is_final():
    for status in (*CLOSED_STATUSES, Status.PAID):
        assert actions_from(status) == []


def test_labels_are_chinese():
    for status in Status:
        assert status.label and not status.label.isascii()
    for action in Action:
        assert action.label and not action.label.isascii()


# ---------------------------------------------------------------------------
# A database with one case in every status, shared by the refusal tests (refusals change
# nothing, and each test checks that).
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class Zoo:
    db: Database
    people: People
    case_of: dict[Status, int]


@pytest.fixture(scope="module")
def zoo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zoo]:
    path = copy_template(template_db, tmp_path_factory.mktemp("zoo") / "zoo.sqlite3")
    db = open_database(path, clock=FixedClock(START))
    people = make_people(db)
    case_of = {}
    for n, status in enumerate(Status, start=1):
        case_id = register(db, people, case_form(n, [transfer(n)]))
        advance(db, people, case_id, status)
        case_of[status] = case_id
    assert {s: _status(db, c) for s, c in case_of.items()} == {s: s.value for s in Status}
    yield Zoo(db, people, case_of)
    db.close()


ILLEGAL = [
    (status, action)
    for status, action in itertools.product(Status, Action)
    if find_transition(status, action) is None
]


@pytest.mark.parametrize(("status", "action"), ILLEGAL, ids=lambda v: v.value)
def test_an_illegal_transition_is_refused_and_changes_nothing(zoo: Zoo, status, action):
    case_id = zoo.case_of[status]
    before = fingerprint(zoo.db, case_id)
    # Anyone who could take the action somewhere: the refusal must be about the status.
    actor = zoo.people.both if action is not Action.APPROVE else zoo.people.supervisor2
    with pytest.raises(RecordsError) as caught:
        perform(zoo.db, actor, case_id, action)
    if action is Action.CLEAR and status in (Status.CLEARED, Status.PAID):
        # 公示无异议 is taken by closing the batch, which says the batch is closed already.
        assert "公示已结束" in str(caught.value)
    else:
        assert type(caught.value) is IllegalTransition, repr(caught.value)
    assert not isinstance(caught.value, PermissionDenied)
    assert fingerprint(zoo.db, case_id) == before


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
def test_a_user_without_the_role_is_refused(zoo: Zoo, transition: Transition):
    case_id = zoo.case_of[transition.source]
    before = fingerprint(zoo.db, case_id)
    outsider = outsider_for(zoo.people, transition)
    with pytest.raises(PermissionDenied, match="角色"):
        perform(zoo.db, outsider, case_id, transition.action)
    assert fingerprint(zoo.db, case_id) == before


def test_the_illegal_message_names_the_status_and_what_is_possible(zoo: Zoo):
    with pytest.raises(IllegalTransition) as caught:
        workflow.approve_case(zoo.db, zoo.people.supervisor2, zoo.case_of[Status.REGISTERED])
    message = str(caught.value)
    assert "已登记" in message and "审核通过" in message
    assert "「告知补正」" in message and "「受理」" in message


# ---------------------------------------------------------------------------
# Allowed transitions, each from a fresh database
# ---------------------------------------------------------------------------


def _bring(db: Database, people: People, case_id: int, transition: Transition) -> None:
    advance(db, people, case_id, transition.source)
    if transition.source is Status.OBJECTION and transition.action is Action.CLEAR:
        # 公示无异议 from an objection only once the batch has been closed with it held.
        db.clock.advance(dt.timedelta(days=14))
        batch = case_queries.get_case(db, case_id).notice_batch_id
        assert batch is not None
        notice.close_notice_batch(db, people.supervisor, batch)
        assert _status(db, case_id) == Status.OBJECTION.value
    if transition.action is Action.CLEAR and transition.source is Status.ON_NOTICE:
        db.clock.advance(dt.timedelta(days=14))
    if transition.action is Action.PAY:  # payout waits for the 年度核定 (issue 13 §3)
        db.clock.set(dt.datetime.combine(AFTER_DEADLINE, dt.time(9), CHINA_TZ))
        year_ruling.make_year_ruling(db, people.supervisor, "bishan-2024")
    if transition.action is Action.ACCEPT:
        tick_all(db, people.clerk, case_id)


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
def test_every_allowed_transition(db, people, transition: Transition):
    case_id = register(db, people)
    _bring(db, people, case_id, transition)
    before = case_queries.get_case(db, case_id)
    assert before.status is transition.source

    perform(db, actor_for(people, transition), case_id, transition.action)

    after = case_queries.get_case(db, case_id)
    assert after.status is transition.target
    assert after.version > before.version
    last = after.decisions[-1]
    assert (last.action, last.from_status, last.to_status) == (
        transition.action.value,
        transition.source.value,
        transition.target.value,
    )
    assert last.actor_id == actor_for(people, transition)
    with db.read() as session:
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == transition.action.value)
        ).all()
    assert any(a.entity == "application" and a.entity_id == str(case_id) for a in audit)


def test_the_transition_and_its_records_are_one_transaction(db, people, monkeypatch):
    case_id = register(db, people)
    before = fingerprint(db, case_id)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(workflow, "audit", broken)
    with pytest.raises(RuntimeError):
        workflow.reject_at_intake(db, people.clerk, case_id, "out_of_scope")
    assert fingerprint(db, case_id) == before
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 1  # "register"


# ---------------------------------------------------------------------------
# Four eyes
# ---------------------------------------------------------------------------


def _to_awaiting(db: Database, registrar: int, reviewer: int) -> int:
    case_id = cases.register_case(db, registrar, case_form()).id
    assert case_id is not None
    tick_all(db, registrar, case_id)
    workflow.accept_case(db, registrar, case_id)
    workflow.clerk_review(db, reviewer, case_id, "符合条件")
    workflow.submit_for_approval(db, reviewer, case_id)
    return case_id


def test_the_registering_user_cannot_approve(db, people):
    case_id = _to_awaiting(db, people.both, people.clerk)
    before = fingerprint(db, case_id)
    with pytest.raises(FourEyesViolation, match="登记人不能审核通过"):
        workflow.approve_case(db, people.both, case_id)
    assert fingerprint(db, case_id) == before
    assert Action.APPROVE not in workflow.available_actions(db, people.both, case_id)
    assert Action.APPROVE in workflow.available_actions(db, people.supervisor, case_id)
    workflow.approve_case(db, people.supervisor, case_id)


def test_the_reviewing_clerk_cannot_approve_even_after_a_return(db, people):
    case_id = _to_awaiting(db, people.clerk, people.both)
    with pytest.raises(FourEyesViolation, match="初审人不能审核通过"):
        workflow.approve_case(db, people.both, case_id)
    workflow.return_case(db, people.supervisor, case_id, "请补充说明")
    workflow.clerk_review(db, people.clerk2, case_id, "已补充")
    workflow.submit_for_approval(db, people.clerk2, case_id)
    with pytest.raises(FourEyesViolation):
        workflow.approve_case(db, people.both, case_id)
    workflow.approve_case(db, people.supervisor2, case_id)
    assert _status(db, case_id) == Status.APPROVED.value


# ---------------------------------------------------------------------------
# What the steps check and keep
# ---------------------------------------------------------------------------


def test_accepting_needs_every_material_in_two_stamped_copies_with_originals(db, people):
    case_id = register(db, people)
    with pytest.raises(RecordsError, match="材料不齐全") as caught:
        workflow.accept_case(db, people.clerk, case_id)
    assert "申请表" in str(caught.value)
    tick_all(db, people.clerk, case_id)
    cases.update_materials(
        db, people.clerk, case_id, [case_model.MaterialUpdate("business_licence", copies=1)]
    )
    with pytest.raises(RecordsError, match=r"营业执照（盖章复印件1/2份）"):
        workflow.accept_case(db, people.clerk, case_id)
    cases.update_materials(
        db, people.clerk, case_id, [case_model.MaterialUpdate("business_licence", copies=2)]
    )
    workflow.accept_case(db, people.clerk, case_id)


def test_a_correction_request_keeps_the_list_and_the_due_date(db, people):
    case_id = register(db, people)
    missing = workflow.missing_materials(db, case_id)
    assert missing[0].startswith("《重庆市璧山区专利转化运用资助申请表》")
    workflow.request_correction(db, people.clerk, case_id, missing[:2], dt.date(2024, 5, 20))
    detail = case_queries.get_case(db, case_id)
    assert detail.correction_due == dt.date(2024, 5, 20)
    assert detail.decisions[-1].data == {"missing": missing[:2], "due": "2024-05-20"}
    with pytest.raises(InvalidInput, match="不能早于今天"):
        workflow.request_correction(db, people.clerk, case_id, ["x"], dt.date(2024, 5, 1))
    with pytest.raises(InvalidInput, match="补正的材料"):
        workflow.request_correction(db, people.clerk, case_id, ["  "], dt.date(2024, 6, 1))


def _late_case(db: Database, people: People) -> int:
    """A case handed in after the 2024-11-22 deadline of 五(一)1."""
    clock = db.clock
    assert isinstance(clock, FixedClock)
    clock.advance(dt.timedelta(days=210))  # 2024-12-02
    return register(db, people, case_form(received_on=dt.date(2024, 11, 25)))


def test_rejection_names_one_of_the_six_grounds(db, people):
    case_id = register(db, people)
    with pytest.raises(InvalidInput, match="五\\(一\\)2所列情形之一"):
        workflow.reject_at_intake(db, people.clerk, case_id, "bad_weather")
    workflow.reject_at_intake(db, people.clerk, case_id, "out_of_scope")
    detail = case_queries.get_case(db, case_id)
    assert detail.intake_ground == "out_of_scope"
    assert detail.decisions[-1].data["ground_text"] == "不属于资助范围的"
    assert detail.decisions[-1].data["clause"] == "五(一)2(1)"


def test_late_is_a_ground_only_after_the_deadline(db, people):
    # 五(一)2(5) follows from the dates (五(一)1: 申报时间至2024年11月22日).
    on_time = register(db, people, case_form(received_on=dt.date(2024, 5, 6)))
    before = fingerprint(db, on_time)
    with pytest.raises(InvalidInput, match="未超过申报截止日 2024-11-22"):
        workflow.reject_at_intake(db, people.clerk, on_time, "late")
    assert fingerprint(db, on_time) == before

    late = _late_case(db, people)
    workflow.reject_at_intake(db, people.clerk, late, "late")
    detail = case_queries.get_case(db, late)
    assert detail.status is Status.REJECTED_AT_INTAKE
    assert detail.decisions[-1].data["ground_text"] == "逾期未提出资助奖励申请的"


def test_a_late_case_is_never_accepted(db, people):
    # 五(一)1: 「逾期申报的，不再受理」, however complete the materials.
    late = _late_case(db, people)
    tick_all(db, people.clerk, late)
    before = fingerprint(db, late)
    with pytest.raises(RecordsError, match="逾期申报的不再受理"):
        workflow.accept_case(db, people.clerk, late)
    assert fingerprint(db, late) == before


def test_incomplete_materials_needs_a_correction_request_first(db, people):
    # 五(一)2(2) is 「提供材料不齐全的，告知补齐后仍不能提供齐全的」.
    case_id = register(db, people)
    before = fingerprint(db, case_id)
    with pytest.raises(InvalidInput, match="须先「告知补正」"):
        workflow.reject_at_intake(db, people.clerk, case_id, "incomplete_materials")
    assert fingerprint(db, case_id) == before
    workflow.request_correction(db, people.clerk, case_id, ["营业执照"], dt.date(2024, 5, 20))
    workflow.reject_at_intake(db, people.clerk, case_id, "incomplete_materials")
    assert case_queries.get_case(db, case_id).intake_ground == "incomplete_materials"


def test_ground_choices_say_what_reject_at_intake_would_refuse(db, people):
    # The 不予受理 dialog greys out what core would refuse; the two must never disagree.
    on_time = register(db, people, case_form(received_on=dt.date(2024, 5, 6)))
    late = _late_case(db, people)
    workflow.request_correction(db, people.clerk, late, ["营业执照"], dt.date(2024, 12, 20))
    for case_id in (on_time, late):
        choices = workflow.intake_ground_choices(db, case_id)
        grounds = load_policy("bishan-2024").rejection_grounds
        assert [(c.code, c.text, c.clause) for c in choices] == [
            (g.code, g.text, g.clause) for g in grounds
        ]
        for choice in choices:
            if choice.ruled_out is None:
                continue
            before = fingerprint(db, case_id)
            with pytest.raises(InvalidInput) as refused:
                workflow.reject_at_intake(db, people.clerk, case_id, choice.code)
            assert refused.value.problem == choice.ruled_out
            assert fingerprint(db, case_id) == before
    by_code = {c.code: c for c in workflow.intake_ground_choices(db, on_time)}
    assert "未超过申报截止日 2024-11-22" in (by_code["late"].ruled_out or "")
    assert "须先「告知补正」" in (by_code["incomplete_materials"].ruled_out or "")
    assert by_code["out_of_scope"].ruled_out is None
    assert by_code["out_of_scope"].clause == "五(一)2(1)"
    # Late and told to complete the materials: both grounds are open for it.
    late_open = {c.code for c in workflow.intake_ground_choices(db, late) if c.ruled_out is None}
    assert {"late", "incomplete_materials"} <= late_open
    workflow.reject_at_intake(db, people.clerk, late, "late")


def test_reasons_are_required_where_they_matter(db, people):
    case_id = register(db, people)
    advance(db, people, case_id, Status.ACCEPTED)
    with pytest.raises(InvalidInput, match="初审意见"):
        workflow.clerk_review(db, people.clerk, case_id, "  ")
    workflow.clerk_review(db, people.clerk, case_id, "可")
    workflow.submit_for_approval(db, people.clerk, case_id)
    with pytest.raises(InvalidInput, match="退回理由"):
        workflow.return_case(db, people.supervisor, case_id, "")
    with pytest.raises(InvalidInput, match="不予资助的理由"):
        workflow.refuse_case(db, people.supervisor, case_id, "")


def test_approval_freezes_the_policy_and_the_result(db, people, monkeypatch):
    case_id = register(db, people, case_form(1, [transfer(1), license_claim_big()]))
    advance(db, people, case_id, Status.APPROVED)
    detail = case_queries.get_case(db, case_id)
    policy = load_policy("bishan-2024")
    snap = detail.snapshot
    assert snap is not None
    assert (snap.policy_id, snap.policy_version, snap.policy_sha256) == (
        policy.id,
        policy.version,
        policy.sha256,
    )
    assert snap.result["total"] == "17000.00"
    assert snap.amount == detail.approved_amount == Decimal("17000.00")
    assert snap.case["case"]["applicant"]["credit_code"] == detail.applicant.credit_code

    # A later edit of the policy (the rate doubled) changes open cases, never this one.
    item = policy.items["transfer_in"]
    edited = dataclasses.replace(
        policy,
        version="2024.99",
        sha256="0" * 64,
        items={
            **policy.items,
            "transfer_in": dataclasses.replace(
                item, params=dataclasses.replace(item.params, rate=Decimal("20000.00"))
            ),
        },
    )
    monkeypatch.setattr(case_input, "load_policy", lambda policy_id: edited)
    open_case = register(db, people, case_form(2, [transfer(2)]))
    assert case_queries.get_case(db, open_case).computed_total == Decimal("20000.00")
    workflow.record_meeting_decision(db, people.supervisor, [case_id], TODAY, "第2次")
    preview = notice.preview_notice_batch(db, people.supervisor, [case_id])
    assert preview.lines[0].before == Decimal("17000.00")
    again = case_queries.get_case(db, case_id)
    assert again.snapshot == snap
    assert again.approved_amount == Decimal("17000.00")


def license_claim_big() -> dict[str, Any]:
    from tests.core.db.conftest import license_claim

    # 5000 + 0.05% of 4,000,000 = 7000.
    return license_claim(2, "4000000.00")


def test_a_claim_waiting_for_recognition_cannot_be_approved(db, people):
    claim = {"item": "transform_implement", "date": "2024-03-01", "patent": transfer(3)["patent"]}
    case_id = register(db, people, case_form(1, [claim]))
    advance(db, people, case_id, Status.AWAITING_SUPERVISOR)
    before = fingerprint(db, case_id)
    with pytest.raises(RecordsError, match="待认定"):
        workflow.approve_case(db, people.supervisor, case_id)
    assert fingerprint(db, case_id) == before
    # The clerk may not set the reviewer's fact; the supervisor may.
    recognised = {**claim, "recognized": True}
    with pytest.raises(PermissionDenied, match="审核人"):
        cases.update_case(db, people.clerk, case_id, claims=[recognised])
    cases.update_case(db, people.supervisor, case_id, claims=[recognised])
    workflow.approve_case(db, people.supervisor2, case_id)
    assert case_queries.get_case(db, case_id).approved_amount == Decimal("20000.00")


def test_a_flagged_applicant_cannot_be_approved(db, people):
    form = applicant_form(1, dishonest_debtor=True, dishonest_debtor_source="信用中国")
    case_id = register(db, people, case_form(form))
    assert case_queries.get_case(db, case_id).computed_total == 0
    tick_all(db, people.clerk, case_id)
    workflow.accept_case(db, people.clerk, case_id)
    workflow.clerk_review(db, people.clerk, case_id, "经查")
    workflow.submit_for_approval(db, people.clerk, case_id)
    with pytest.raises(RecordsError, match="失信被执行人"):
        workflow.approve_case(db, people.supervisor, case_id)


def test_meeting_decisions_are_recorded_for_many_cases_at_once_or_none(db, people):
    first = register(db, people, case_form(1, [transfer(1)]))
    second = register(db, people, case_form(2, [transfer(2)]))
    third = register(db, people, case_form(3, [transfer(3)]))
    for case_id in (first, second):
        advance(db, people, case_id, Status.APPROVED)
    with pytest.raises(IllegalTransition):
        workflow.record_meeting_decision(db, people.supervisor, [first, third], TODAY, "第3次")
    assert _status(db, first) == Status.APPROVED.value
    with pytest.raises(InvalidInput, match="晚于今天"):
        workflow.record_meeting_decision(
            db, people.supervisor, [first, second], dt.date(2024, 5, 7), "第3次"
        )
    changes = workflow.record_meeting_decision(
        db, people.supervisor, [first, second], TODAY, "第3次"
    )
    assert changes.case_ids == {first, second}
    for case_id in (first, second):
        detail = case_queries.get_case(db, case_id)
        assert detail.status is Status.DECIDED
        assert (detail.meeting_date, detail.meeting_minute) == (TODAY, "第3次")


def test_changes_say_what_to_refresh(db, people):
    changes = cases.register_case(db, people.clerk, case_form())
    assert changes.case_list and changes.applicants and changes.id is not None
    assert "璧市监专转〔2024〕第001号" in changes.note
    step = workflow.reject_at_intake(db, people.clerk, changes.id, "out_of_scope")
    assert step.case_ids == {changes.id} and step.case_list
    assert not step.users and not step.notice


def test_operations_by_an_inactive_user_are_refused(db, people):
    from core.records import users

    case_id = register(db, people)
    users.deactivate_user(db, people.admin, people.clerk2)
    with pytest.raises(PermissionDenied, match="已停用"):
        workflow.reject_at_intake(db, people.clerk2, case_id, "out_of_scope")


def test_the_documented_table_is_the_table_in_the_code():
    doc = (Path(__file__).parents[3] / "docs" / "records.md").read_text(encoding="utf-8")
    documented = set()
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].split(" ")[0] in {s.value for s in Status}:
            source, action, target = (c.split(" ")[0] for c in cells[:3])
            documented.add((source, action, target, cells[3]))
    from core.records.roles import roles_label

    expected = {
        (t.source.value, t.action.value, t.target.value, roles_label(t.roles)) for t in TRANSITIONS
    }
    assert documented == expected


def test_correction_due_is_the_policys_reading_not_a_constant() -> None:
    # 五(一)2(2) sets no period: the default comes from the policy file's [correction].
    from core.policy import load_policy
    from core.records.workflow import correction_basis, default_correction_due

    policy = load_policy("bishan-2024")
    today = dt.date(2024, 11, 1)
    assert default_correction_due(policy, today) == today + dt.timedelta(days=15)
    longer = dataclasses.replace(policy, correction_days=30)
    assert default_correction_due(longer, today) == dt.date(2024, 12, 1)
    basis = correction_basis(policy)
    assert "15 日" in basis and "五(一)2(2)" in basis and "本局解释" in basis


def test_acceptance_gaps_list_unchecked_grounds_and_out_of_scope_items(
    db: Database, people: Any
) -> None:
    from tests.core.db.conftest import patent

    utility = dict(transfer(2), patent=patent(2, kind=2))  # 实用新型: out of scope
    case_id = register(db, people, case_form(applicant_form(1), [transfer(1), utility]))
    gaps = workflow.acceptance_gaps(db, case_id)
    assert len(gaps) == 4
    assert any("失信" in g and "中国执行信息公开网" in g for g in gaps)
    assert any("权属" in g and "专利登记簿" in g for g in gaps)
    assert any("事故" in g and "应急管理" in g for g in gaps)
    assert gaps[-1].startswith("第2项接受高校院所发明专利转让不属于资助范围") and "发明" in gaps[-1]
    # Sources recorded and the item dropped: nothing open; nothing was written by asking.
    sources = {
        f"{flag}_source": "2024-05-06 查询，无记录"
        for flag in ("dishonest_debtor", "ownership_dispute", "major_accident_3y")
    }
    checked = register(db, people, case_form(applicant_form(3, **sources), [transfer(3)]))
    before = case_queries.get_case(db, checked).version
    assert workflow.acceptance_gaps(db, checked) == []
    assert case_queries.get_case(db, checked).version == before
