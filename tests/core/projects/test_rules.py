"""Cultivation projects under seed 000: states, four eyes, instalments, spending, reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from core.projects.policy import load_project_policy
from core.projects.rules import (
    TRANSITIONS,
    ProjectAction,
    ProjectFile,
    ProjectRuleError,
    ProjectStatus,
    ReminderKind,
    Role,
    Spending,
    Unit,
    add_months,
    allowed_actions,
    check_extension,
    check_period,
    check_termination_settlement,
    check_transition,
    check_units,
    closure_payable,
    eligibility_outcome,
    instalments,
    months_between,
    reminders,
    spending_issues,
)

POLICY = load_project_policy("chongqing-hvp-2024")
S, A = ProjectStatus, ProjectAction
CLERK, SUPERVISOR = 1, 2


def running(**changes: object) -> ProjectFile:
    base = ProjectFile(
        status=S.IN_PROGRESS,
        registered_by=CLERK,
        start=dt.date(2025, 1, 1),
        end=dt.date(2027, 12, 31),
        approval_paid=Decimal("300000.00"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_policy_holds_seed_000() -> None:
    assert POLICY.amount_per_project == Decimal("500000.00")
    assert [c.clause for c in POLICY.conditions] == [
        "第四条",
        "第五条（一）",
        "第五条（二）",
        "第五条（三）",
        "第五条（四）",
    ]
    assert len(POLICY.tasks) == 7 and len(POLICY.performance_goals) == 4
    assert (POLICY.min_months, POLICY.max_months) == (24, 36)
    assert set(POLICY.acceptance_methods) == {"meeting", "documents", "onsite"}
    assert set(POLICY.fund_categories) == {
        "search_database",
        "navigation",
        "layout",
        "operation",
        "training",
        "other",
    }


def test_every_action_is_refused_outside_its_state() -> None:
    project = ProjectFile(status=S.APPLIED, registered_by=CLERK)
    with pytest.raises(ProjectRuleError, match="不能立项"):
        check_transition(project, A.APPROVE, [Role.SUPERVISOR], SUPERVISOR)
    for _state, action in TRANSITIONS:
        for other in S:
            if (other, action) not in TRANSITIONS:
                with pytest.raises(ProjectRuleError):
                    check_transition(replace(project, status=other), action, list(Role), 99)


def test_roles_and_four_eyes() -> None:
    evaluating = ProjectFile(status=S.UNDER_EVALUATION, registered_by=CLERK)
    with pytest.raises(ProjectRuleError, match="审核人"):
        check_transition(evaluating, A.APPROVE, [Role.CLERK], 7)
    with pytest.raises(ProjectRuleError, match="登记本项目的人员"):
        check_transition(evaluating, A.APPROVE, [Role.SUPERVISOR, Role.CLERK], CLERK)
    assert check_transition(evaluating, A.APPROVE, [Role.SUPERVISOR], SUPERVISOR) == (S.APPROVED,)
    assert A.APPROVE not in allowed_actions(evaluating, [Role.CLERK, Role.SUPERVISOR], CLERK)
    assert set(allowed_actions(evaluating, [Role.SUPERVISOR], SUPERVISOR)) == {A.APPROVE, A.REJECT}


def test_requests_must_exist_before_decisions_and_only_one_at_a_time() -> None:
    with pytest.raises(ProjectRuleError, match="没有待审定的延期申请"):
        check_transition(running(), A.DECIDE_EXTENSION, [Role.SUPERVISOR], SUPERVISOR)
    with pytest.raises(ProjectRuleError, match="已有一份延期申请"):
        check_transition(running(pending_extension=True), A.REQUEST_EXTENSION, [Role.CLERK], CLERK)
    assert check_transition(
        running(pending_termination=True), A.DECIDE_TERMINATION, [Role.SUPERVISOR], SUPERVISOR
    ) == (S.TERMINATED, S.IN_PROGRESS)
    with pytest.raises(ProjectRuleError, match="中期评估"):
        check_transition(
            running(midterm_on=dt.date(2026, 6, 1)), A.MIDTERM, [Role.SUPERVISOR], SUPERVISOR
        )


def test_eligibility_records_every_condition_of_article_5() -> None:
    codes = [c.code for c in POLICY.conditions]
    with pytest.raises(ProjectRuleError, match="第五条（四）"):
        eligibility_outcome(POLICY, dict.fromkeys(codes[:3], True))
    assert eligibility_outcome(POLICY, dict.fromkeys(codes, True)) == (S.ELIGIBILITY_CHECKED, [])
    status, reasons = eligibility_outcome(
        POLICY, dict.fromkeys(codes, True) | {"no_dishonesty": False}
    )
    assert status == S.NOT_APPROVED and "第五条（四）" in reasons[0]


def test_units_of_article_4() -> None:
    lead = Unit("重庆某科技有限公司", "91500227MA5U00000B", "enterprise", lead=True)
    service = Unit("某知识产权服务公司", "91500227MA5U00003L", "service_org")
    assert check_units(POLICY, [lead, service]) == []
    assert "牵头" in check_units(POLICY, [service])[0]
    assert "申报单位" in check_units(POLICY, [replace(service, lead=True)])[0]
    assert check_units(POLICY, [lead, Unit("某银行", "x", "bank")])


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        # The end date is the period's last day, as a task book writes 起止日期.
        ("2025-01-01", "2026-12-31", True),  # exactly 2 years
        ("2025-01-01", "2026-12-30", False),  # one day short of 2 years
        ("2025-04-01", "2027-03-31", True),  # a task book's 2025年4月1日至2027年3月31日
        ("2025-01-01", "2027-01-01", True),  # 2 years and a day
        ("2025-01-01", "2027-12-31", True),  # exactly 3 years
        ("2025-01-01", "2028-01-01", False),  # 3 years and a day
        ("2025-01-01", "2028-02-01", False),  # 37 months
        ("2025-01-31", "2027-02-27", True),  # month ends: 24 whole months and some days
        ("2025-01-01", "2025-01-01", False),  # ends when it starts
    ],
)
def test_period_of_two_to_three_years(start: str, end: str, ok: bool) -> None:
    problems = check_period(POLICY, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert (problems == []) is ok


def test_instalments_split_500000() -> None:
    split = instalments(POLICY)
    assert (split.approval, split.closure) == (Decimal("300000.00"), Decimal("200000.00"))
    assert split.approval + split.closure == POLICY.amount_per_project
    assert any("第十条" in line for line in split.explanation)


def test_no_closure_instalment_without_a_passed_acceptance() -> None:
    for status in (S.IN_PROGRESS, S.ACCEPTANCE_FAILED, S.TERMINATED):
        with pytest.raises(ProjectRuleError, match="结题验收通过"):
            closure_payable(POLICY, running(status=status))
    assert closure_payable(POLICY, running(status=S.ACCEPTED)) == Decimal("200000.00")
    with pytest.raises(ProjectRuleError, match="已拨付"):
        closure_payable(POLICY, running(status=S.ACCEPTED, closure_paid=Decimal("200000.00")))


def test_termination_accounts_for_every_yuan_paid() -> None:
    project = running()
    check_termination_settlement(project, Decimal("100000.00"), Decimal("200000.00"))
    with pytest.raises(ProjectRuleError, match="应等于"):
        check_termination_settlement(project, Decimal("100000.00"), Decimal("100000.00"))


def test_spending_checks_of_articles_11_and_12() -> None:
    project = running(
        category_budget={"navigation": Decimal("100000"), "layout": Decimal("50000")},
        spending=(
            Spending("navigation", Decimal("60000"), dt.date(2025, 3, 1)),
            Spending("navigation", Decimal("50000"), dt.date(2025, 6, 1)),
            Spending("layout", Decimal("50000"), dt.date(2025, 6, 1)),
            Spending("banquet", Decimal("3000"), dt.date(2025, 7, 1)),
        ),
    )
    issues = spending_issues(POLICY, project)
    assert [i.category for i in issues] == ["banquet", "navigation"]
    assert "10,000.00" in issues[1].message  # over by exactly 10,000
    overspent = running(
        approval_paid=Decimal("100000"),
        category_budget={"layout": Decimal("500000")},
        spending=(Spending("layout", Decimal("100000.01"), dt.date(2025, 6, 1)),),
    )
    assert "超过已拨付" in spending_issues(POLICY, overspent)[-1].message


def test_reminders_with_a_controlled_clock() -> None:
    project = running()
    assert reminders(POLICY, project, dt.date(2025, 5, 1)) == []
    first = reminders(POLICY, project, dt.date(2025, 6, 20))
    assert [(r.kind, r.due, r.overdue) for r in first] == [
        (ReminderKind.PROGRESS_REPORT, dt.date(2025, 7, 1), False)
    ]
    late = reminders(POLICY, project, dt.date(2025, 7, 2))
    assert late[0].overdue
    reported = replace(project, progress_reports=(dt.date(2025, 7, 1),))
    assert [r.due for r in reminders(POLICY, reported, dt.date(2025, 7, 2))] == []
    midterm = reminders(
        POLICY, replace(project, progress_reports=(dt.date(2025, 7, 1),) * 3), dt.date(2026, 6, 20)
    )
    assert ReminderKind.MIDTERM in [r.kind for r in midterm]
    near_end = reminders(
        POLICY,
        replace(
            project, midterm_on=dt.date(2026, 6, 1), progress_reports=(dt.date(2025, 7, 1),) * 5
        ),
        dt.date(2027, 11, 5),
    )
    assert [r.kind for r in near_end] == [ReminderKind.END_NEAR]
    passed = reminders(
        POLICY,
        replace(
            project, midterm_on=dt.date(2026, 6, 1), progress_reports=(dt.date(2025, 7, 1),) * 5
        ),
        dt.date(2028, 1, 2),
    )
    assert [r.kind for r in passed] == [ReminderKind.END_PASSED]
    pending = replace(
        project,
        midterm_on=dt.date(2026, 6, 1),
        pending_extension=True,
        progress_reports=(dt.date(2025, 7, 1),) * 5,
    )
    assert reminders(POLICY, pending, dt.date(2028, 1, 2)) == []


def test_extension_must_move_the_end_later_and_warns_beyond_36_months() -> None:
    start, end = dt.date(2025, 1, 1), dt.date(2027, 1, 1)
    with pytest.raises(ProjectRuleError, match="须晚于"):
        check_extension(POLICY, start, end, end)
    assert check_extension(POLICY, start, end, dt.date(2027, 12, 31)) == []
    assert "上限" in check_extension(POLICY, start, end, dt.date(2028, 1, 1))[0]
    assert "上限" in check_extension(POLICY, start, end, dt.date(2028, 3, 1))[0]


def test_month_arithmetic() -> None:
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert months_between(dt.date(2025, 1, 31), dt.date(2025, 2, 28)) == 0
    assert months_between(dt.date(2025, 1, 1), dt.date(2028, 1, 1)) == 36


def test_one_role_in_core() -> None:
    from core.records import roles

    assert Role is roles.Role


def test_refusals_say_which_kind_they_are() -> None:
    from core.projects.rules import FourEyesRefused, RoleNotAllowed, StepNotAllowed

    applied = ProjectFile(status=S.APPLIED, registered_by=CLERK)
    with pytest.raises(StepNotAllowed, match="此状态下可办理：「资格审查（第五条）」"):
        check_transition(applied, A.APPROVE, [Role.SUPERVISOR], SUPERVISOR)
    closed = ProjectFile(status=S.CLOSED, registered_by=CLERK)
    with pytest.raises(StepNotAllowed, match="无（已办结）"):
        check_transition(closed, A.PAY_CLOSURE, [Role.SUPERVISOR], SUPERVISOR)
    with pytest.raises(RoleNotAllowed, match="现有角色：系统管理员"):
        check_transition(applied, A.CHECK_ELIGIBILITY, [Role.ADMIN], 9)
    evaluating = ProjectFile(status=S.UNDER_EVALUATION, registered_by=CLERK, checked_by=7)
    with pytest.raises(FourEyesRefused, match="资格审查"):
        check_transition(evaluating, A.REJECT, [Role.SUPERVISOR], 7)
    assert check_transition(evaluating, A.REJECT, [Role.SUPERVISOR], 8) == (S.NOT_APPROVED,)


def test_four_eyes_on_requests_and_one_request_at_a_time() -> None:
    from core.projects.rules import FourEyesRefused, StepNotAllowed

    extension = running(pending_extension=True, extension_requested_by=7)
    with pytest.raises(FourEyesRefused, match="延期申请"):
        check_transition(extension, A.DECIDE_EXTENSION, [Role.SUPERVISOR], 7)
    with pytest.raises(StepNotAllowed, match="延期申请待审定"):
        check_transition(extension, A.REQUEST_TERMINATION, [Role.CLERK], CLERK)
    with pytest.raises(StepNotAllowed, match="请先审定后再结题验收"):
        check_transition(extension, A.ACCEPT, [Role.SUPERVISOR], SUPERVISOR)
    termination = running(pending_termination=True, termination_requested_by=7)
    with pytest.raises(FourEyesRefused, match="终止申请"):
        check_transition(termination, A.DECIDE_TERMINATION, [Role.SUPERVISOR], 7)
    with pytest.raises(StepNotAllowed, match="终止申请待审定"):
        check_transition(termination, A.REQUEST_EXTENSION, [Role.CLERK], CLERK)
    assert set(allowed_actions(termination, [Role.SUPERVISOR], 7)) == {
        A.REPORT_PROGRESS,
        A.MIDTERM,
    }


def test_period_months_count_the_end_day() -> None:
    from core.projects.rules import period_months

    assert period_months(dt.date(2025, 4, 1), dt.date(2027, 3, 31)) == 24
    assert period_months(dt.date(2025, 4, 1), dt.date(2027, 3, 30)) == 23
    assert period_months(dt.date(2025, 1, 1), dt.date(2027, 12, 31)) == 36
    assert (
        "2026-12-31至2027-12-31"
        in check_period(POLICY, dt.date(2025, 1, 1), dt.date(2026, 6, 30))[0]
    )


def test_reminder_kinds_have_labels() -> None:
    assert [k.label for k in ReminderKind] == [
        "执行进展报告",
        "中期评估",
        "实施期将结束",
        "实施期已结束",
    ]


def test_the_state_table_in_the_docs_is_the_code() -> None:
    from pathlib import Path

    from core.records.roles import roles_label

    docs = (Path(__file__).parents[3] / "docs" / "projects.md").read_text(encoding="utf-8")
    section = docs.split("## States", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    expected = [
        f"| {s.value} {s.label} | {a.value} {a.label} | "
        + "、".join(f"{t.value} {t.label}" for t in targets)
        + f" | {roles_label(roles)} |"
        for (s, a), (targets, roles) in TRANSITIONS.items()
    ]
    assert rows[1:] == expected
