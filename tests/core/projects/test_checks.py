"""core.projects.checks: every problem of a typed application at once, and each step's
reason for a user — what the screens show before anything is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.db.database import Database
from core.projects import checks, workflow
from core.projects.model import ConditionFinding, TargetForm, UnitForm
from core.projects.queries import get_project
from core.projects.rules import ProjectAction
from core.records.errors import InvalidInput
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    BEGIN,
    POLICY,
    RECEIVED,
    S,
    advance,
    at,
    code,
    project_form,
    register,
    termination,
)

A = ProjectAction


def test_a_good_application_has_no_problem() -> None:
    assert checks.application_problems(POLICY, project_form(), RECEIVED) == {}


def test_every_problem_of_an_application_is_found_at_once() -> None:
    form = project_form(
        title=" ",
        field="",
        technology_type="major_project",
        linked_project="",
        received_on=dt.date(2024, 12, 1),
        end=dt.date(2026, 1, 31),
        own_funds="五万",
        budget={"navigation": "abc", "layout": "100000"},
        units=[
            UnitForm("重庆璧山测试科技有限公司", "91500227MA0000101X", "enterprise", True),
            UnitForm("", code(900, "12500000MB"), "university"),
        ],
        targets=[TargetForm("invention_grants", "2.5"), TargetForm("unknown", "1")],
    )
    problems = checks.application_problems(POLICY, form, RECEIVED)
    assert problems["title"] == "请填写项目名称"
    assert problems["field"] == "请填写技术领域"
    assert "重大科技攻关项目" in problems["linked_project"]
    assert "施行日期" in problems["received_on"]
    assert "第六条" in problems["end"]
    assert "自筹资金" in problems["own_funds"]
    assert "专利导航" in problems["budget.navigation"]
    assert "budget.layout" not in problems
    assert "units[0].credit_code" in problems
    assert problems["units[1].name"] == "请填写单位名称"
    assert "整数" in problems["targets[0].target"]
    assert "第七条末" in problems["targets[1].metric"]


def test_units_are_checked_together_once_each_is_good() -> None:
    joint_only = project_form(
        units=[UnitForm("重庆璧山知识产权服务有限公司", code(300), "service_org", False)]
    )
    problems = checks.application_problems(POLICY, joint_only, RECEIVED)
    assert "牵头单位" in problems["units"]
    twice = project_form(
        units=[
            UnitForm("甲公司", code(101), "enterprise", True),
            UnitForm("乙公司", code(101), "enterprise", False),
        ]
    )
    assert "相同" in checks.application_problems(POLICY, twice, RECEIVED)["units[1].credit_code"]


def test_a_budget_over_the_funding_is_found() -> None:
    form = project_form(budget={"navigation": "300000", "layout": "300000"})
    assert "第十条" in checks.application_problems(POLICY, form, RECEIVED)["budget"]


def test_small_checks_speak_core_s_words() -> None:
    assert checks.amount_problem("15,000.50", "金额") is None
    assert "不要写“万”" in (checks.amount_problem("1万", "金额") or "")
    assert checks.metric_problem(POLICY, "invention_grants", "3") is None
    assert "整数" in (checks.metric_problem(POLICY, "invention_grants", "3.5") or "")
    refusal, warnings = checks.extension_problems(
        POLICY, dt.date(2025, 2, 1), dt.date(2027, 1, 31), dt.date(2027, 1, 1)
    )
    assert refusal is not None and "须晚于" in refusal
    refusal, warnings = checks.extension_problems(
        POLICY, dt.date(2025, 2, 1), dt.date(2027, 1, 31), dt.date(2028, 7, 31)
    )
    assert refusal is None and "第六条" in warnings[0]
    paid = Decimal("300000.00")
    assert checks.settlement_problem(paid, "200000", "100000") is None
    assert "之和应等于" in (checks.settlement_problem(paid, "200000", "50000") or "")
    assert "金额" in (checks.settlement_problem(paid, "", "50000") or "")
    conditions = {c.code: ConditionFinding(True) for c in POLICY.conditions}
    # 第四条 (registered in Chongqing) is checked against a register: met needs its source.
    assert checks.condition_problems(POLICY, conditions) == {
        "conditions.registered_in_chongqing": "第四条：请在说明中写明核查来源与结果"
        "（国家企业信用信息公示系统或事业单位登记管理网站查询的登记机关与住所）"
    }
    conditions["registered_in_chongqing"] = ConditionFinding(True, "公示系统：登记机关璧山区局")
    assert checks.condition_problems(POLICY, conditions) == {}
    conditions["no_dishonesty"] = ConditionFinding(False, " ")
    assert "理由" in checks.condition_problems(POLICY, conditions)["conditions.no_dishonesty"]
    del conditions["rd_leading"]
    assert "conditions.rd_leading" in checks.condition_problems(POLICY, conditions)


def test_current_project_policy_is_seed_000() -> None:
    assert checks.current_project_policy().id == POLICY.id


def test_step_states_say_why_a_step_is_closed(db: Database, people: People) -> None:
    project = register(db, people)
    advance(db, people, project, S.UNDER_EVALUATION)
    clerk = checks.step_states(db, people.clerk, project)
    assert not clerk[A.APPROVE].allowed and clerk[A.APPROVE].refused_by == "role"
    assert "审核人" in clerk[A.APPROVE].reason
    boss = checks.step_states(db, people.supervisor, project)
    assert boss[A.APPROVE].allowed and boss[A.APPROVE].reason == ""
    # clerk2 checked eligibility; a supervisor who did would be refused by four eyes.
    assert not boss[A.START].allowed and boss[A.START].refused_by == "step"


def test_four_eyes_and_the_closure_instalment_in_step_states(db: Database, people: People) -> None:
    project = register(db, people)
    advance(db, people, project, S.IN_PROGRESS)
    day = dt.date(2025, 9, 1)
    at(db, day)
    workflow.request_termination(db, people.supervisor, project, termination(day))
    own = checks.step_states(db, people.supervisor, project)[A.DECIDE_TERMINATION]
    assert own.refused_by == "four_eyes" and "登记终止申请的人员" in own.reason
    other = checks.step_states(db, people.supervisor2, project)[A.DECIDE_TERMINATION]
    assert other.allowed
    closure = checks.step_states(db, people.supervisor2, project)[A.PAY_CLOSURE]
    assert not closure.allowed and "结题补助须在结题验收通过后拨付" in closure.reason


def test_each_date_field_is_checked_by_its_own_rule() -> None:
    """Issue 16 §1: the new end of an extension is a date to come; 「晚于今天」 is for the day
    something happened. §5: 开始实施 not before the period's planned start."""
    today = dt.date(2026, 12, 5)
    start = dt.date(2025, 4, 1)

    def problem(step: str, key: str, day: dt.date, name: str = "日期") -> str | None:
        return checks.date_problem(step, key, day, today=today, planned_start=start, name=name)

    assert problem("request_extension", "new_end", dt.date(2027, 9, 30)) is None
    refused = problem("request_extension", "submitted_on", dt.date(2026, 12, 6), "申请日期")
    assert refused == "申请日期2026-12-06晚于今天（2026-12-05），请核对"
    assert problem("request_extension", "submitted_on", today) is None
    early = problem("start", "started_on", dt.date(2025, 3, 31), "开始实施日期")
    assert early is not None and "早于任务书约定的实施开始日期（2025-04-01）" in early
    assert problem("start", "started_on", start) is None
    assert problem("start", "started_on", dt.date(2026, 12, 6)) is not None  # still not future
    # Other steps' dates keep "not after today" only.
    assert problem("report_progress", "reported_on", dt.date(2025, 3, 1)) is None


def test_work_cannot_start_before_the_planned_start(db: Database, people: People) -> None:
    """Issue 16 §5: started before the period, every progress report was refused as
    「早于实施开始日期」. The operation refuses it as the dialog does."""
    pid = register(db, people)
    advance(db, people, pid, S.APPROVED)
    at(db, BEGIN)
    day_before = BEGIN - dt.timedelta(days=1)
    with pytest.raises(InvalidInput, match="早于任务书约定的实施开始日期") as caught:
        workflow.start_project(db, people.clerk, pid, day_before)
    assert caught.value.where == "started_on"
    assert get_project(db, pid).status is S.APPROVED
    workflow.start_project(db, people.clerk, pid, BEGIN)
    assert get_project(db, pid).status is S.IN_PROGRESS
