"""Registering and editing projects, and every step of their life (seed 000)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core.db.audit import history, verify_chain
from core.db.database import Database
from core.db.models import AuditEntry, Project
from core.projects import records, workflow
from core.projects.model import ActualForm, ConditionFinding, ProjectFilters, TargetForm, UnitForm
from core.projects.queries import allowed_project_actions, get_project, list_projects
from core.projects.rules import TRANSITIONS, ProjectAction, ProjectStatus
from core.records.errors import (
    FourEyesViolation,
    IllegalTransition,
    InvalidInput,
    PermissionDenied,
    StaleEdit,
)
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    BEGIN,
    CHECKED,
    END,
    POLICY,
    RECEIVED,
    S,
    acceptance,
    advance,
    all_met,
    approval,
    at,
    code,
    decision,
    evaluation,
    extension,
    midterm,
    progress,
    project_form,
    register,
    termination,
)

A = ProjectAction


def count_projects(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Project)) or 0


def version(db: Database, project_id: int) -> int:
    return get_project(db, project_id).version


# ---------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------


def test_registration_numbers_from_the_policy_and_records_who(db: Database, people: People):
    changes = records.register_project(db, people.clerk, project_form())
    assert changes.note == "已登记 渝高价值培育〔2025〕第01号"
    assert changes.project_list and changes.id is not None
    second = register(db, people, 2)
    detail = get_project(db, changes.id)
    assert detail.number == "渝高价值培育〔2025〕第01号"
    assert get_project(db, second).number == "渝高价值培育〔2025〕第02号"
    assert detail.status is S.APPLIED
    assert detail.funding == Decimal("500000.00")  # 第十条, from the policy, not the form
    assert detail.own_funds == Decimal("600000.00")
    assert [u.lead for u in detail.units] == [True, False]
    assert detail.registered_by == "张晓燕"
    assert [(e.action, e.actor) for e in detail.events] == [("register", "张晓燕")]
    assert [b.budget for b in detail.budget][:2] == [Decimal("50000.00"), Decimal("100000.00")]
    assert [(t.metric, t.target) for t in detail.targets] == [
        ("invention_applications", Decimal("20")),
        ("invention_grants", Decimal("5")),
        ("pledge_financing", Decimal("3000000.00")),
    ]
    with db.read() as session:
        assert [r.action for r in history(session, "project", changes.id)] == [
            "register",
            "create",
        ]


def test_the_lead_unit_is_listed_first_whatever_the_order_typed(db: Database, people: People):
    form = project_form()
    pid = register(db, people, units=list(reversed(list(form.units))))
    assert get_project(db, pid).lead_name == "重庆璧山测试01科技有限公司"


@pytest.mark.parametrize(
    ("changes", "where", "words"),
    [
        (
            {"units": [UnitForm("甲公司", "91500227MA0000101X", "enterprise", True)]},
            "units[0].credit_code",
            "校验不通过",
        ),
        ({"units": [UnitForm("甲公司", code(1), "enterprise")]}, "units", "申报单位"),
        (
            {
                "units": [
                    UnitForm("甲公司", code(1), "enterprise", True),
                    UnitForm("某银行", code(2), "bank"),
                ]
            },
            "units",
            "第四条",
        ),
        ({"units": [UnitForm("服务公司", code(3), "service_org", True)]}, "units", "第四条"),
        (
            {
                "units": [
                    UnitForm("甲公司", code(1), "enterprise", True),
                    UnitForm("乙公司", code(1), "enterprise"),
                ]
            },
            "units[1].credit_code",
            "相同",
        ),
        ({"units": [UnitForm("甲公司", code(1), "factory", True)]}, "units[0].kind", "未知"),
        ({"units": []}, "units", "申报单位"),
        ({"end": dt.date(2027, 1, 30)}, "end", "第六条"),  # one day short of 24 months
        ({"end": dt.date(2028, 2, 1)}, "end", "第六条"),  # 3 years and a day
        ({"budget": {"navigation": "500000.01"}}, "budget", "第十条"),
        ({"budget": {"banquet": "1000"}}, "budget.banquet", "第十一条"),
        ({"budget": {"navigation": "1000.005"}}, "budget.navigation", "两位小数"),
        ({"targets": [TargetForm("papers", 3)]}, "targets[0].metric", "第七条"),
        ({"targets": [TargetForm("invention_grants", 0)]}, "targets[0].target", "大于0"),
        ({"targets": [TargetForm("invention_grants", "2.5")]}, "targets[0].target", "整数"),
        (
            {"targets": [TargetForm("invention_grants", 2), TargetForm("invention_grants", 3)]},
            "targets[1].metric",
            "重复",
        ),
        ({"technology_type": "major_project"}, "linked_project", "名称和编号"),
        ({"technology_type": "ordinary"}, "technology_type", "第三条"),
        ({"received_on": dt.date(2024, 12, 9)}, "received_on", "施行日期"),
        ({"received_on": dt.date(2025, 1, 7)}, "received_on", "晚于今天"),
        ({"title": "  "}, "title", "项目名称"),
        ({"own_funds": "-1"}, "own_funds", "负"),
    ],
)
def test_registration_refuses_bad_forms_and_changes_nothing(
    db: Database, people: People, changes: dict[str, object], where: str, words: str
):
    with pytest.raises(InvalidInput, match=words) as caught:
        records.register_project(db, people.clerk, project_form(**changes))
    assert caught.value.where == where
    assert count_projects(db) == 0
    # A refused registration used no number.
    assert get_project(db, register(db, people)).number.endswith("第01号")


def test_boundaries_of_the_period_are_accepted(db: Database, people: People):
    # 2025-02-01 至 2027-01-31 is exactly 2 years; 至 2028-01-31 exactly 3 (第六条).
    register(db, people, 1, end=dt.date(2027, 1, 31))
    register(db, people, 2, end=dt.date(2028, 1, 31))
    assert count_projects(db) == 2


def test_a_major_project_names_the_linked_project(db: Database, people: People):
    pid = register(db, people, technology_type="major_project", linked_project="市级重大专项X")
    detail = get_project(db, pid)
    assert detail.technology_type.label.startswith("正在实施中的")
    assert detail.linked_project == "市级重大专项X"


def test_only_clerks_and_supervisors_register(db: Database, people: People):
    with pytest.raises(PermissionDenied, match="窗口经办、审核人"):
        records.register_project(db, people.admin, project_form())
    assert count_projects(db) == 0


# ---------------------------------------------------------------------------
# Editing
# ---------------------------------------------------------------------------


def test_editing_before_approval_is_audited_as_a_diff(db: Database, people: People):
    pid = register(db, people)
    loaded = version(db, pid)
    changes = records.edit_project(
        db,
        people.clerk2,
        pid,
        project_form(title="改名后的项目", own_funds="700000"),
        expected_version=loaded,
    )
    assert changes.note.startswith("已修改")
    detail = get_project(db, pid)
    assert detail.title == "改名后的项目" and detail.version > loaded
    assert detail.updated_by == "陈静"
    with db.read() as session:
        update = next(r for r in history(session, "project", pid) if r.action == "update")
    assert set(update.after) == {"title", "own_funds"}
    assert update.before["title"] == "测试高价值专利培育项目01"


def test_an_edit_with_no_change_says_so(db: Database, people: People):
    pid = register(db, people)
    before = version(db, pid)
    changes = records.edit_project(db, people.clerk, pid, project_form())
    assert changes.note == "申报信息没有变化" and not changes.project_list
    assert version(db, pid) == before


def test_editing_from_a_stale_copy_is_refused_naming_who(db: Database, people: People):
    pid = register(db, people)
    loaded = version(db, pid)
    records.edit_project(db, people.clerk2, pid, project_form(title="甲"))
    with pytest.raises(StaleEdit, match="陈静") as caught:
        records.edit_project(
            db, people.clerk, pid, project_form(title="乙"), expected_version=loaded
        )
    assert caught.value.changed_by == "陈静"
    assert get_project(db, pid).title == "甲"


def test_after_approval_the_task_book_fixes_the_application(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.APPROVED)
    with pytest.raises(IllegalTransition, match="任务书"):
        records.edit_project(db, people.clerk, pid, project_form(title="晚了"))
    with pytest.raises(InvalidInput, match="政策"):
        other = register(db, people, 2)
        records.edit_project(db, people.clerk, other, project_form(2, policy_id="bishan-2024"))


# ---------------------------------------------------------------------------
# Eligibility (第五条), evaluation and approval
# ---------------------------------------------------------------------------


def test_eligibility_records_each_condition(db: Database, people: People):
    pid = register(db, people)
    at(db, CHECKED)
    changes = workflow.check_eligibility(db, people.clerk2, pid, all_met(), CHECKED)
    assert "通过" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.ELIGIBILITY_CHECKED
    assert [(c.clause, c.met) for c in detail.conditions] == [
        ("第四条", True),
        ("第五条（一）", True),
        ("第五条（二）", True),
        ("第五条（三）", True),
        ("第五条（四）", True),
    ]


def test_the_registration_finding_names_its_source(db: Database, people: People):
    """Issue 16 §6, 第四条: a credit code cannot prove where a unit is registered today; the
    officer's finding says what the register showed, even when met."""
    pid = register(db, people)
    at(db, CHECKED)
    bare = all_met(registered_in_chongqing=ConditionFinding(True, " "))
    with pytest.raises(InvalidInput, match="第四条：请在说明中写明核查来源") as caught:
        workflow.check_eligibility(db, people.clerk2, pid, bare, CHECKED)
    assert caught.value.where == "conditions.registered_in_chongqing"
    found = "国家企业信用信息公示系统：登记机关重庆市璧山区市场监督管理局"
    workflow.check_eligibility(
        db,
        people.clerk2,
        pid,
        all_met(registered_in_chongqing=ConditionFinding(True, found)),
        CHECKED,
    )
    (registered,) = [c for c in get_project(db, pid).conditions if c.clause == "第四条"]
    assert registered.met and registered.note == found


def test_an_unmet_condition_ends_the_application_with_its_reason(db: Database, people: People):
    pid = register(db, people)
    at(db, CHECKED)
    unmet = all_met(no_dishonesty=ConditionFinding(False, "列入严重失信名单"))
    changes = workflow.check_eligibility(db, people.clerk2, pid, unmet, CHECKED)
    assert "第五条（四）" in changes.note
    detail = get_project(db, pid)
    assert detail.status is S.NOT_APPROVED
    (dishonesty,) = [c for c in detail.conditions if c.code == "no_dishonesty"]
    assert dishonesty.met is False and dishonesty.note == "列入严重失信名单"
    assert allowed_project_actions(db, people.supervisor, pid).actions == ()


@pytest.mark.parametrize(
    ("findings", "day", "where"),
    [
        ({"rd_leading": ConditionFinding(True)}, CHECKED, "conditions"),  # three missing
        (all_met(ip_management=ConditionFinding(False, "  ")), CHECKED, "conditions.ip_management"),
        (all_met(), dt.date(2025, 1, 5), "checked_on"),  # before it was received
        (all_met(), dt.date(2025, 1, 9), "checked_on"),  # after today
    ],
)
def test_eligibility_refusals(db: Database, people: People, findings, day, where):
    pid = register(db, people)
    at(db, CHECKED)
    with pytest.raises(InvalidInput) as caught:
        workflow.check_eligibility(db, people.clerk2, pid, findings, day)
    assert caught.value.where == where
    assert get_project(db, pid).status is S.APPLIED


def test_approval_records_evaluation_task_book_and_approval_instalment(
    db: Database, people: People
):
    pid = register(db, people)
    advance(db, people, pid, S.APPROVED)
    detail = get_project(db, pid)
    assert detail.status is S.APPROVED
    assert detail.task_book_number == "渝知培任〔2025〕01号"
    assert detail.evaluation is not None and detail.evaluation.passed
    assert detail.evaluation.score == "88"
    assert [(p.kind.value, p.amount, p.paid_on) for p in detail.payments] == [
        ("approval", Decimal("300000.00"), dt.date(2025, 1, 22))
    ]
    assert detail.approved_end == END


@pytest.mark.parametrize(
    ("changes", "where", "words"),
    [
        ({"budget": {"navigation": "400000"}}, "budget", "应等于"),
        ({"targets": []}, "targets", "第七条末"),
        ({"end": dt.date(2026, 12, 31)}, "end", "第六条"),
        ({"task_book_number": " "}, "task_book_number", "任务书编号"),
        ({"paid_on": dt.date(2025, 1, 19)}, "paid_on", "任务书签订日期"),
        ({"task_book_date": dt.date(2025, 1, 14)}, "task_book_date", "评审日期"),
    ],
)
def test_approval_refusals(db: Database, people: People, changes, where, words):
    pid = register(db, people)
    advance(db, people, pid, S.UNDER_EVALUATION)
    at(db, dt.date(2025, 1, 22))
    with pytest.raises(InvalidInput, match=words) as caught:
        workflow.approve_project(db, people.supervisor, pid, approval(**changes))
    assert caught.value.where == where
    detail = get_project(db, pid)
    assert detail.status is S.UNDER_EVALUATION and detail.payments == ()


def test_approval_may_set_the_task_books_own_budget_and_targets(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.UNDER_EVALUATION)
    at(db, dt.date(2025, 1, 22))
    changes = workflow.approve_project(
        db,
        people.supervisor,
        pid,
        approval(
            budget={"navigation": "250000", "layout": "250000"},
            targets=[TargetForm("standards", 2)],
            start=dt.date(2025, 3, 1),
            end=dt.date(2028, 2, 29),
        ),
    )
    assert changes.money and changes.targets
    detail = get_project(db, pid)
    assert [(b.category, b.budget) for b in detail.budget if b.budget] == [
        ("navigation", Decimal("250000.00")),
        ("layout", Decimal("250000.00")),
    ]
    assert [t.metric for t in detail.targets] == ["standards"]
    assert (detail.start, detail.end) == (dt.date(2025, 3, 1), dt.date(2028, 2, 29))


def test_approval_warns_without_own_funds(db: Database, people: People):
    pid = register(db, people, own_funds="0")
    advance(db, people, pid, S.UNDER_EVALUATION)
    at(db, dt.date(2025, 1, 22))
    changes = workflow.approve_project(db, people.supervisor, pid, approval())
    assert any("第十二条" in w for w in changes.warnings)


def test_a_task_book_number_is_used_once(db: Database, people: People):
    first, second = register(db, people, 1), register(db, people, 2)
    advance(db, people, first, S.APPROVED)
    advance(db, people, second, S.UNDER_EVALUATION)
    with pytest.raises(InvalidInput, match="已用于项目"):
        workflow.approve_project(db, people.supervisor, second, approval())


def test_rejection_keeps_the_evaluation_and_needs_an_opinion(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.UNDER_EVALUATION)
    at(db, dt.date(2025, 1, 22))
    with pytest.raises(InvalidInput, match="评审意见"):
        workflow.reject_project(db, people.supervisor, pid, replace(evaluation(), opinion=" "))
    workflow.reject_project(db, people.supervisor, pid, evaluation())
    detail = get_project(db, pid)
    assert detail.status is S.NOT_APPROVED
    assert detail.evaluation is not None and not detail.evaluation.passed


# ---------------------------------------------------------------------------
# The transitions table: every status, every step
# ---------------------------------------------------------------------------


def _operations(db: Database, actor: int, pid: int) -> dict[ProjectAction, Callable[[], object]]:
    day = dt.date(2027, 3, 10)
    return {
        A.CHECK_ELIGIBILITY: lambda: workflow.check_eligibility(db, actor, pid, all_met(), day),
        A.EVALUATE: lambda: workflow.submit_for_evaluation(db, actor, pid, day),
        A.APPROVE: lambda: workflow.approve_project(db, actor, pid, approval()),
        A.REJECT: lambda: workflow.reject_project(db, actor, pid, evaluation()),
        A.START: lambda: workflow.start_project(db, actor, pid, day),
        A.REPORT_PROGRESS: lambda: workflow.report_progress(db, actor, pid, progress(day)),
        A.MIDTERM: lambda: workflow.record_midterm(db, actor, pid, midterm(day)),
        A.REQUEST_EXTENSION: lambda: workflow.request_extension(db, actor, pid, extension(day)),
        A.DECIDE_EXTENSION: lambda: workflow.decide_extension(db, actor, pid, decision(day)),
        A.REQUEST_TERMINATION: lambda: workflow.request_termination(
            db, actor, pid, termination(day)
        ),
        A.DECIDE_TERMINATION: lambda: workflow.decide_termination(
            db, actor, pid, decision(day, False)
        ),
        A.ACCEPT: lambda: workflow.accept_project(db, actor, pid, acceptance(day)),
        A.PAY_CLOSURE: lambda: workflow.pay_closure(db, actor, pid, day),
    }


@pytest.mark.parametrize("status", list(ProjectStatus))
def test_every_step_outside_the_table_is_refused_and_changes_nothing(
    db: Database, people: People, status: ProjectStatus
):
    pid = register(db, people)
    advance(db, people, pid, status)
    at(db, dt.date(2027, 3, 10))
    before = get_project(db, pid)
    for action, run in _operations(db, people.supervisor2, pid).items():
        if (status, action) in TRANSITIONS:
            continue
        with pytest.raises(IllegalTransition, match=f"「{status.label}」"):
            run()
    after = get_project(db, pid)
    assert (after.status, after.version, len(after.events)) == (
        before.status,
        before.version,
        len(before.events),
    )


def test_allowed_actions_follow_the_table_for_a_supervisor_who_did_nothing_before(
    db: Database, people: People
):
    for n, status in enumerate(ProjectStatus, start=1):
        pid = register(db, people, n)
        advance(db, people, pid, status)
        allowed = set(allowed_project_actions(db, people.supervisor2, pid).actions)
        # Decisions need something pending; the mid-term is taken once.
        expected = {a for (s, a) in TRANSITIONS if s is status} - {
            A.DECIDE_EXTENSION,
            A.DECIDE_TERMINATION,
        }
        assert allowed == expected, status


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.UNDER_EVALUATION, A.APPROVE),
        (S.UNDER_EVALUATION, A.REJECT),
        (S.IN_PROGRESS, A.MIDTERM),
        (S.IN_PROGRESS, A.ACCEPT),
        (S.ACCEPTED, A.PAY_CLOSURE),
    ],
)
def test_a_clerk_cannot_take_a_supervisors_step(
    db: Database, people: People, status: ProjectStatus, action: ProjectAction
):
    pid = register(db, people)
    advance(db, people, pid, status)
    at(db, dt.date(2027, 3, 10))
    with pytest.raises(PermissionDenied, match="审核人") as caught:
        _operations(db, people.clerk2, pid)[action]()
    assert not isinstance(caught.value, FourEyesViolation)
    assert action not in allowed_project_actions(db, people.clerk2, pid)


def test_an_admin_records_nothing(db: Database, people: People):
    pid = register(db, people)
    at(db, CHECKED)
    with pytest.raises(PermissionDenied):
        workflow.check_eligibility(db, people.admin, pid, all_met(), CHECKED)
    assert allowed_project_actions(db, people.admin, pid).actions == ()
    assert not allowed_project_actions(db, people.admin, pid).edit


# ---------------------------------------------------------------------------
# Four eyes
# ---------------------------------------------------------------------------


def test_who_registered_never_decides_even_holding_both_roles(db: Database, people: People):
    changes = records.register_project(db, people.both, project_form())
    pid = changes.id
    assert pid is not None
    at(db, CHECKED)
    workflow.check_eligibility(db, people.clerk2, pid, all_met(), CHECKED)
    workflow.submit_for_evaluation(db, people.clerk2, pid, CHECKED)
    at(db, dt.date(2025, 1, 22))
    assert A.APPROVE not in allowed_project_actions(db, people.both, pid)
    with pytest.raises(FourEyesViolation, match="登记本项目的人员"):
        workflow.approve_project(db, people.both, pid, approval())
    with pytest.raises(FourEyesViolation):
        workflow.reject_project(db, people.both, pid, evaluation())
    workflow.approve_project(db, people.supervisor, pid, approval())


def test_who_checked_eligibility_does_not_approve(db: Database, people: People):
    pid = register(db, people)
    at(db, CHECKED)
    workflow.check_eligibility(db, people.both, pid, all_met(), CHECKED)
    workflow.submit_for_evaluation(db, people.clerk, pid, CHECKED)
    at(db, dt.date(2025, 1, 22))
    with pytest.raises(FourEyesViolation, match="资格审查"):
        workflow.approve_project(db, people.both, pid, approval())
    assert A.APPROVE in allowed_project_actions(db, people.supervisor, pid)


def test_who_recorded_a_request_does_not_decide_it(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 6, 1)
    at(db, day)
    workflow.request_extension(db, people.both, pid, extension(day))
    with pytest.raises(FourEyesViolation, match="延期申请"):
        workflow.decide_extension(db, people.both, pid, decision(day))
    assert A.DECIDE_EXTENSION not in allowed_project_actions(db, people.both, pid)
    assert A.DECIDE_EXTENSION in allowed_project_actions(db, people.supervisor, pid)
    workflow.decide_extension(db, people.supervisor, pid, decision(day, False))
    workflow.request_termination(db, people.both, pid, termination(day))
    with pytest.raises(FourEyesViolation, match="终止申请"):
        workflow.decide_termination(db, people.both, pid, decision(day, False))


# ---------------------------------------------------------------------------
# Implementation
# ---------------------------------------------------------------------------


def test_progress_reports_carry_actual_values(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 7, 30)
    at(db, day)
    changes = workflow.report_progress(
        db,
        people.clerk,
        pid,
        progress(day, ActualForm("invention_applications", 8), ActualForm("pledge_financing", "0")),
    )
    assert changes.targets and "第1次" in changes.note
    later = dt.date(2026, 1, 20)
    at(db, later)
    changes = workflow.report_progress(
        db, people.clerk, pid, progress(later, ActualForm("invention_applications", 7))
    )
    assert "第2次" in changes.note
    assert any("低于上次" in w for w in changes.warnings)  # cumulative values should not fall
    detail = get_project(db, pid)
    apps = detail.targets[0]
    assert (apps.actual, apps.actual_on) == (Decimal("7"), later)
    assert [a.value for a in apps.history] == [Decimal("8"), Decimal("7")]
    assert [r.number for r in detail.reports] == [1, 2]


@pytest.mark.parametrize(
    ("form", "where"),
    [
        (lambda d: progress(d, ActualForm("standards", 1)), "actuals[0].metric"),
        (lambda d: progress(d, ActualForm("invention_grants", "1.5")), "actuals[0].value"),
        (lambda d: progress(d, ActualForm("invention_grants", "x")), "actuals[0].value"),
        (lambda d: progress(dt.date(2025, 1, 31)), "reported_on"),  # before the start
        (lambda d: replace(progress(d), progress=" "), "progress"),
        (lambda d: replace(progress(d), plan=""), "plan"),
    ],
)
def test_progress_report_refusals(db: Database, people: People, form, where):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 7, 30)
    at(db, day)
    with pytest.raises(InvalidInput) as caught:
        workflow.report_progress(db, people.clerk, pid, form(day))
    assert caught.value.where == where
    assert get_project(db, pid).reports == ()


def test_actuals_outside_a_report_only_while_in_progress(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.APPROVED)
    with pytest.raises(IllegalTransition, match="实施期间"):
        records.record_target_actuals(
            db, people.clerk, pid, dt.date(2025, 1, 22), [ActualForm("invention_grants", 1)]
        )
    at(db, BEGIN)
    workflow.start_project(db, people.clerk, pid, BEGIN)
    day = dt.date(2025, 5, 5)
    at(db, day)
    changes = records.record_target_actuals(
        db, people.clerk, pid, day, [ActualForm("invention_grants", 1, "首件授权")]
    )
    assert changes.targets
    target = get_project(db, pid).targets[1]
    assert target.actual == 1 and target.history[0].note == "首件授权"
    with pytest.raises(InvalidInput, match="至少"):
        records.record_target_actuals(db, people.clerk, pid, day, [])


def test_the_midterm_is_recorded_once_and_a_fail_is_flagged(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 2, 5)
    at(db, day)
    with pytest.raises(InvalidInput, match="优秀"):
        workflow.record_midterm(db, people.supervisor, pid, midterm(day, "so-so"))
    changes = workflow.record_midterm(db, people.supervisor, pid, midterm(day, "fail"))
    assert "不合格" in changes.note and any("第八条" in w for w in changes.warnings)
    detail = get_project(db, pid)
    assert detail.midterm is not None and not detail.midterm.passed
    assert detail.status is S.IN_PROGRESS
    with pytest.raises(IllegalTransition, match="已登记中期评估"):
        workflow.record_midterm(db, people.supervisor, pid, midterm(day, "good"))


# ---------------------------------------------------------------------------
# Extension and termination (第八条)
# ---------------------------------------------------------------------------


def test_an_approved_extension_moves_the_end_and_keeps_the_old_one(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    workflow.request_extension(db, people.clerk, pid, extension(day, dt.date(2027, 7, 31)))
    detail = get_project(db, pid)
    assert detail.pending_request is not None and detail.end == END
    with pytest.raises(IllegalTransition, match="已有一份延期申请"):
        workflow.request_termination(db, people.clerk, pid, termination(day))
    with pytest.raises(IllegalTransition, match="请先审定"):
        workflow.accept_project(db, people.supervisor, pid, acceptance(day))
    with pytest.raises(InvalidInput, match="审定意见"):
        workflow.decide_extension(db, people.supervisor, pid, replace(decision(day), opinion=""))
    changes = workflow.decide_extension(db, people.supervisor, pid, decision(day))
    assert "2027-07-31" in changes.note
    detail = get_project(db, pid)
    assert detail.end == dt.date(2027, 7, 31) and detail.approved_end == END
    assert detail.requests[0].approved is True and detail.requests[0].decided_by == "李建国"
    assert detail.pending_request is None


def test_a_refused_extension_leaves_the_end(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    workflow.request_extension(db, people.clerk, pid, extension(day))
    workflow.decide_extension(db, people.supervisor, pid, decision(day, False))
    detail = get_project(db, pid)
    assert detail.end == END and detail.requests[0].decision_label == "不同意"


def test_an_extension_must_move_the_end_later_and_beyond_36_months_is_warned(
    db: Database, people: People
):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    with pytest.raises(InvalidInput, match="须晚于原结束日期"):
        workflow.request_extension(db, people.clerk, pid, extension(day, END))
    # 2025-02-01 至 2028-01-31 is exactly 36 months: no warning; a day more is warned.
    assert (
        workflow.request_extension(
            db, people.clerk, pid, extension(day, dt.date(2028, 1, 31))
        ).warnings
        == ()
    )
    workflow.decide_extension(db, people.supervisor, pid, decision(day, False))
    changes = workflow.request_extension(db, people.clerk, pid, extension(day, dt.date(2028, 2, 1)))
    assert any("上限" in w for w in changes.warnings)
    changes = workflow.decide_extension(db, people.supervisor, pid, decision(day))
    assert any("审定意见中说明" in w for w in changes.warnings)
    assert get_project(db, pid).requests[-1].warnings


def test_a_decision_cannot_predate_the_request(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    workflow.request_termination(db, people.clerk, pid, termination(day))
    with pytest.raises(InvalidInput, match="早于申请日期") as caught:
        workflow.decide_termination(
            db, people.supervisor, pid, decision(dt.date(2026, 11, 30), False)
        )
    assert caught.value.where == "decided_on"


def test_a_termination_request_needs_the_follow_up(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    with pytest.raises(InvalidInput, match="后续处理事项"):
        workflow.request_termination(db, people.clerk, pid, replace(termination(day), follow_up=""))


# ---------------------------------------------------------------------------
# History and audit
# ---------------------------------------------------------------------------


def test_each_step_is_an_event_with_actor_and_date_and_the_chain_verifies(
    db: Database, people: People
):
    pid = register(db, people)
    advance(db, people, pid, S.CLOSED)
    detail = get_project(db, pid)
    assert [e.action for e in detail.events] == [
        "register",
        "check_eligibility",
        "evaluate",
        "approve",
        "start",
        "accept",
        "pay_closure",
    ]
    assert [e.actor for e in detail.events] == [
        "张晓燕",
        "陈静",
        "陈静",
        "李建国",
        "张晓燕",
        "李建国",
        "李建国",
    ]
    assert detail.events[3].happened_on == dt.date(2025, 1, 20)  # the task book's date
    assert detail.events[3].label == "立项"
    with db.read() as session:
        assert verify_chain(session).ok
        entries = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "project")
        ).all()
    assert {"approve", "accept", "pay_closure"} <= set(entries)


def test_unknown_project_and_inactive_user(db: Database, people: People):
    from core.records import users
    from core.records.errors import NotFound

    with pytest.raises(NotFound, match="培育项目"):
        workflow.submit_for_evaluation(db, people.clerk, 999, RECEIVED)
    pid = register(db, people)
    users.deactivate_user(db, people.admin, people.clerk2)
    at(db, CHECKED)
    with pytest.raises(PermissionDenied, match="已停用"):
        workflow.check_eligibility(db, people.clerk2, pid, all_met(), CHECKED)


def test_policy_constants_used_by_the_records() -> None:
    assert POLICY.project_number(1) == "渝高价值培育〔2024〕第01号"  # the policy's own year
    assert POLICY.project_number(3, 2026) == "渝高价值培育〔2026〕第03号"
    assert BEGIN < END


def test_the_number_follows_the_year_of_application(db: Database, people: People):
    """Issue 16 §3: a project applied for in 2026 was numbered 〔2024〕 (the policy's first
    cohort). Numbers follow the 申报日期's year, one counter a year; the policy's own year keeps
    its counter, so numbers already issued never repeat."""
    at(db, dt.date(2026, 3, 2))
    first = register(db, people, 1, received_on=dt.date(2026, 3, 2))
    second = register(db, people, 2, received_on=dt.date(2026, 3, 2))
    assert get_project(db, first).number == "渝高价值培育〔2026〕第01号"
    assert get_project(db, second).number == "渝高价值培育〔2026〕第02号"
    at(db, dt.date(2027, 1, 4))
    later = register(db, people, 3, received_on=dt.date(2027, 1, 4))
    assert get_project(db, later).number == "渝高价值培育〔2027〕第01号"
    assert list_projects(db, ProjectFilters(year=2026)).total == 2
