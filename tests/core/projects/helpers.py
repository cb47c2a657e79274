"""Forms and a walk through the real operations to put a project in any status.

The timeline (the clock moves forward to each step's date):

    2025-01-06 registered · 01-08 eligibility · 01-09 evaluation · 01-15 evaluated
    01-20 task book · 01-22 approval instalment · 02-01 start; period 2025-02-01 至 2027-01-31
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from core.db.clock import CHINA_TZ, FixedClock, local_today
from core.db.database import Database
from core.identifiers import credit_code_check_char
from core.projects import records, workflow
from core.projects.model import (
    AcceptanceForm,
    ActualForm,
    ApprovalForm,
    ConditionFinding,
    DecisionForm,
    EvaluationForm,
    ExtensionRequestForm,
    MidtermForm,
    ProgressForm,
    ProjectForm,
    SettlementForm,
    SpendingForm,
    TargetForm,
    TerminationRequestForm,
    UnitForm,
)
from core.projects.policy import load_project_policy
from core.projects.rules import ClosureDecision, ProjectStatus
from tests.core.db.conftest import People

POLICY_ID = "chongqing-hvp-2024"
POLICY = load_project_policy(POLICY_ID)
START = dt.datetime(2025, 1, 6, 9, 0, tzinfo=CHINA_TZ)
S = ProjectStatus

RECEIVED = dt.date(2025, 1, 6)
CHECKED = dt.date(2025, 1, 8)
SENT = dt.date(2025, 1, 9)
EVALUATED = dt.date(2025, 1, 15)
TASK_BOOK = dt.date(2025, 1, 20)
PAID = dt.date(2025, 1, 22)
BEGIN = dt.date(2025, 2, 1)
END = dt.date(2027, 1, 31)

BUDGET = {
    "search_database": "50000",
    "navigation": "100000",
    "layout": "200000",
    "operation": "100000",
    "training": "30000",
    "other": "20000",
}


def code(n: int, prefix: str = "91500227MA") -> str:
    body = f"{prefix}{n:07d}"
    return body + credit_code_check_char(body)


def project_form(n: int = 1, **changes: Any) -> ProjectForm:
    values: dict[str, Any] = {
        "policy_id": POLICY_ID,
        "title": f"测试高价值专利培育项目{n:02d}",
        "field": "智能装备",
        "key_industry": "高端装备",
        "technology_type": "key_core",
        "units": [
            UnitForm(f"重庆璧山测试{n:02d}科技有限公司", code(100 + n), "enterprise", True),
            UnitForm("重庆璧山理工学院", code(900, "12500000MB"), "university"),
        ],
        "received_on": RECEIVED,
        "start": BEGIN,
        "end": END,
        "own_funds": "600000",
        "budget": BUDGET,
        "targets": [
            TargetForm("invention_applications", 20),
            TargetForm("invention_grants", 5),
            TargetForm("pledge_financing", "3000000"),
        ],
    }
    values.update(changes)
    return ProjectForm(**values)


def all_met(**changes: ConditionFinding) -> dict[str, ConditionFinding]:
    return {c.code: ConditionFinding(True, "经核查符合") for c in POLICY.conditions} | changes


def evaluation(held_on: dt.date = EVALUATED) -> EvaluationForm:
    return EvaluationForm(held_on, "专家评审组（5人）", "同意立项", "88")


def approval(**changes: Any) -> ApprovalForm:
    values: dict[str, Any] = {
        "evaluation": evaluation(),
        "task_book_number": "渝知培任〔2025〕01号",
        "task_book_date": TASK_BOOK,
        "paid_on": PAID,
        "voucher": "渝知财拨〔2025〕1号",
    }
    values.update(changes)
    return ApprovalForm(**values)


def at(db: Database, day: dt.date, hour: int = 10) -> None:
    """Move the clock forward to ``day`` (never back)."""
    clock = db.clock
    assert isinstance(clock, FixedClock)
    if local_today(clock) < day:
        clock.set(dt.datetime.combine(day, dt.time(hour, 0), tzinfo=CHINA_TZ))


def register(db: Database, people: People, n: int = 1, **changes: Any) -> int:
    changes_ = records.register_project(db, people.clerk, project_form(n, **changes))
    assert changes_.id is not None
    return changes_.id


def progress(day: dt.date, *actuals: ActualForm) -> ProgressForm:
    return ProgressForm(day, "按计划推进", "新增发明专利申请", "继续布局", actuals)


def acceptance(day: dt.date, passed: bool = True, **changes: Any) -> AcceptanceForm:
    values: dict[str, Any] = {
        "held_on": day,
        "method": "meeting",
        "experts": "验收专家组（5人）",
        "passed": passed,
        "opinion": "完成任务书目标，验收通过" if passed else "目标未完成，验收不通过",
        "actuals": [
            ActualForm("invention_applications", 22),
            ActualForm("invention_grants", 6),
            ActualForm("pledge_financing", "3200000"),
        ],
    }
    if passed:
        values["closure"] = ClosureDecision.FULL
        values["closure_reason"] = "支出在第十一条用途内，结余资金继续用于项目，全额拨付"
    values.update(changes)
    return AcceptanceForm(**values)


def extension(day: dt.date, new_end: dt.date = dt.date(2027, 7, 31)) -> ExtensionRequestForm:
    return ExtensionRequestForm(day, "中试推迟", "已完成专利导航", new_end)


def termination(day: dt.date) -> TerminationRequestForm:
    return TerminationRequestForm(day, "研发团队离职", "申请发明专利4件", "退回未使用资金")


def decision(day: dt.date, approved: bool = True) -> DecisionForm:
    return DecisionForm(day, approved, "同意" if approved else "不同意")


def spending(day: dt.date, category: str, amount: str, note: str = "") -> SpendingForm:
    return SpendingForm(day, category, amount, note)


def midterm(day: dt.date, result: str = "good") -> MidtermForm:
    return MidtermForm(day, "中期评估组（3人）", result, "进展正常")


def advance(db: Database, people: People, project_id: int, target: ProjectStatus) -> None:
    """Take a registered project to ``target`` through the real operations: the clerk records,
    clerk2 checks eligibility, the supervisor decides."""
    if target is S.APPLIED:
        return
    at(db, CHECKED)
    if target is S.NOT_APPROVED:
        findings = all_met(no_dishonesty=ConditionFinding(False, "列入严重失信名单"))
        workflow.check_eligibility(db, people.clerk2, project_id, findings, CHECKED)
        return
    workflow.check_eligibility(db, people.clerk2, project_id, all_met(), CHECKED)
    if target is S.ELIGIBILITY_CHECKED:
        return
    at(db, SENT)
    workflow.submit_for_evaluation(db, people.clerk2, project_id, SENT)
    if target is S.UNDER_EVALUATION:
        return
    at(db, PAID)
    number = f"渝知培任〔2025〕{project_id:02d}号"
    workflow.approve_project(db, people.supervisor, project_id, approval(task_book_number=number))
    if target is S.APPROVED:
        return
    at(db, BEGIN)
    workflow.start_project(db, people.clerk, project_id, BEGIN)
    if target is S.IN_PROGRESS:
        return
    if target is S.TERMINATED:
        day = dt.date(2025, 9, 1)
        at(db, day)
        workflow.request_termination(db, people.clerk, project_id, termination(day))
        workflow.decide_termination(
            db,
            people.supervisor,
            project_id,
            decision(day),
            SettlementForm("200000", "100000"),
        )
        return
    day = dt.date(2027, 2, 10)
    at(db, day)
    passed = target is not S.ACCEPTANCE_FAILED
    workflow.accept_project(db, people.supervisor, project_id, acceptance(day, passed))
    if target in (S.ACCEPTED, S.ACCEPTANCE_FAILED):
        return
    paid_on = dt.date(2027, 3, 1)
    at(db, paid_on)
    workflow.pay_closure(db, people.supervisor, project_id, paid_on, voucher="渝知财拨〔2027〕9号")
    assert target is S.CLOSED


def money(text: str) -> Decimal:
    return Decimal(text)
