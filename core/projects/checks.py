"""Checks for the screens, before anything is written: every problem of a typed application
at once (field by field), and why each step is or is not open to a user now.

The operations check the same things inside their transaction and raise the first problem;
a screen wants all of them while the clerk types, each next to its field, and a reason for
every greyed-out step. Both come from the same validators and rules, so the screen and the
operation never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from core.db.database import Database
from core.identifiers import IdentifierError, validate_credit_code
from core.money import format_yuan
from core.paths import policies_dir
from core.policy.loader import available_policies, policy_kind
from core.policy.model import ApplicantKind
from core.projects.model import ConditionFinding, ProjectForm, TechnologyType
from core.projects.policy import CULTIVATION_PROJECT, ProjectPolicy, load_project_policy
from core.projects.records import load_project, project_file
from core.projects.rules import (
    ClosureDecision,
    ClosureMoney,
    FourEyesRefused,
    ProjectAction,
    ProjectFile,
    ProjectRuleError,
    ProjectStatus,
    RoleNotAllowed,
    check_closure_decision,
    check_extension,
    check_period,
    check_termination_settlement,
    check_transition,
    closure_money,
    closure_payable,
)
from core.projects.validation import (
    budget_total,
    finding_problem,
    form_metric,
    metric_value,
    money_field,
    not_before,
    not_before_planned_start,
    not_future,
    project_policy,
    stored_metric,
    text_field,
    validate_budget,
    validate_targets,
    validate_units,
)
from core.records.base import load_user
from core.records.errors import InvalidInput
from core.records.roles import parse_roles


def _collect(problems: dict[str, str], check: Callable[[], object]) -> None:
    try:
        check()
    except InvalidInput as exc:
        problems.setdefault(exc.where, exc.problem)


def _budget_check(
    policy: ProjectPolicy, code: str, value: Decimal | int | str
) -> Callable[[], object]:
    return lambda: validate_budget(policy, {code: value})


def application_problems(
    policy: ProjectPolicy, form: ProjectForm, today: dt.date
) -> dict[str, str]:
    """Every problem of an application as typed, keyed by field (the ``where`` of the
    operation's InvalidInput: ``title``, ``units[1].credit_code``, ``budget.navigation``,
    ``end``, ``targets[0].target`` …). Empty when ``register_project`` / ``edit_project``
    would accept the form's fields."""
    problems: dict[str, str] = {}
    _collect(problems, lambda: text_field(form.title, "title", "项目名称"))
    _collect(problems, lambda: text_field(form.field, "field", "技术领域"))
    _collect(
        problems, lambda: text_field(form.key_industry, "key_industry", "所属重点产业（第三条）")
    )
    try:
        technology: TechnologyType | None = TechnologyType(form.technology_type)
    except ValueError:
        technology = None
        problems["technology_type"] = f"技术类型“{form.technology_type}”未知（第三条）"
    if technology is TechnologyType.MAJOR_PROJECT and not form.linked_project.strip():
        problems["linked_project"] = (
            "属正在实施中的国家或市级重大科技攻关项目的，请填写该项目的名称和编号"
        )
    _collect(problems, lambda: not_future(form.received_on, today, "received_on", "申报日期"))
    _collect(
        problems,
        lambda: not_before(
            form.received_on,
            policy.effective,
            "received_on",
            "申报日期",
            f"{policy.source}施行日期",
        ),
    )
    period = check_period(policy, form.start, form.end)
    if period:
        problems["end"] = "；".join(period)
    _collect(problems, lambda: money_field(form.own_funds, "own_funds", "自筹资金"))
    budget_ok = True
    for code, value in form.budget.items():
        before = len(problems)
        _collect(problems, _budget_check(policy, code, value))
        budget_ok = budget_ok and len(problems) == before
    if budget_ok:
        total = budget_total(validate_budget(policy, form.budget))
        if total > policy.amount_per_project:
            problems["budget"] = (
                f"财政资金预算合计{format_yuan(total)}元，超过{policy.amount_clause}的"
                f"{format_yuan(policy.amount_per_project)}元"
            )
    # Units: each one's own fields first, then the 第四条 checks over all of them.
    units_before = len(problems)
    seen: dict[str, int] = {}
    for i, unit in enumerate(form.units):
        where = f"units[{i}]"
        name = unit.name.strip()
        if not name:
            problems[f"{where}.name"] = "请填写单位名称"
        try:
            code = validate_credit_code(unit.credit_code)
        except IdentifierError as exc:
            problems[f"{where}.credit_code"] = f"{name}：{exc}" if name else str(exc)
        else:
            if code in seen:
                problems[f"{where}.credit_code"] = (
                    f"{name}与第{seen[code] + 1}个单位的统一社会信用代码相同"
                )
            seen.setdefault(code, i)
        if unit.kind not in {k.value for k in ApplicantKind}:
            problems[f"{where}.kind"] = f"{name}的单位类型“{unit.kind}”未知"
    if len(problems) == units_before:
        _collect(problems, lambda: validate_units(policy, form.units))
    for i, target in enumerate(form.targets):
        where = f"targets[{i}]"
        try:
            metric = form_metric(policy, target, where)
            value = metric_value(metric, target.target, f"{where}.target")
            if not value:
                problems[f"{where}.target"] = f"「{metric.label}」的目标值须大于0"
        except InvalidInput as exc:
            problems.setdefault(exc.where, exc.problem)
    if not any(k.startswith("targets[") for k in problems):
        _collect(problems, lambda: validate_targets(policy, form.targets))
    return problems


def amount_problem(value: str, what: str) -> str | None:
    """Why a typed amount of money is refused (None when it reads as yuan)."""
    try:
        money_field(value, "", what)
    except InvalidInput as exc:
        return exc.problem
    return None


def metric_problem(
    policy: ProjectPolicy, metric: str, value: str, *, label: str = "", unit: str = ""
) -> str | None:
    """Why a typed target or actual value is refused (None when it is good). A project's own
    target (``custom:N``) is measured in its own ``unit``."""
    try:
        metric_value(stored_metric(policy, metric, label, unit, ""), value, "")
    except InvalidInput as exc:
        return exc.problem
    return None


def extension_problems(
    policy: ProjectPolicy, start: dt.date, old_end: dt.date, new_end: dt.date
) -> tuple[str | None, list[str]]:
    """An extension's new end: (the refusal, or None; the warnings it would carry)."""
    try:
        return None, check_extension(policy, start, old_end, new_end)
    except ProjectRuleError as exc:
        return str(exc), []


# Date fields whose value is a date to come, not the day something happened: each is checked
# by its own rule (issue 16 §1), never by "not after today".
FUTURE_DATE_FIELDS = frozenset({("request_extension", "new_end")})


def date_problem(
    step: str,
    key: str,
    day: dt.date,
    *,
    today: dt.date,
    planned_start: dt.date,
    name: str,
) -> str | None:
    """Why a step's date field is refused as typed, or None: the check its operation makes.

    A day something happened (submitted, evaluated, paid, started) cannot be after today; the
    day work starts cannot be before the planned start of the period (第八条 and the task book:
    progress is reported against that period, issue 16 §5); a new end date asked for is a date
    to come, checked by :func:`extension_problems`.
    """
    if (step, key) in FUTURE_DATE_FIELDS:
        return None
    try:
        not_future(day, today, key, name)
        if (step, key) == ("start", "started_on"):
            not_before_planned_start(day, planned_start, key)
    except InvalidInput as exc:
        return exc.problem
    return None


def settlement_problem(paid: Decimal, recovered: str, kept: str) -> str | None:
    """Why a termination's settlement is refused: recovered + kept must equal what was paid
    (None when it balances; the amounts' own problems first)."""

    amounts = []
    for value, what in ((recovered, "追回金额"), (kept, "留用金额")):
        problem = amount_problem(value, what)
        if problem:
            return problem
        amounts.append(money_field(value, "", what))
    file = ProjectFile(status=ProjectStatus.IN_PROGRESS, registered_by=0, approval_paid=paid)
    try:
        check_termination_settlement(file, amounts[0], amounts[1])
    except ProjectRuleError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class StepState:
    """One step of the project's life for one user now: open, or the reason it is not."""

    action: ProjectAction
    allowed: bool
    # "" when allowed; else the rules' Chinese sentence (status, role, four eyes, pending).
    reason: str = ""
    # Why not, as a word: "step" (status or nothing pending), "role", "four_eyes".
    refused_by: str = ""

    @property
    def label(self) -> str:
        return self.action.label


def step_states(db: Database, user_id: int, project_id: int) -> dict[ProjectAction, StepState]:
    """Every step, in the rules' order, with core's reason when this user may not take it now
    (the project's status, the user's roles, four eyes, nothing pending) — for buttons that
    say why they are greyed out. Each step is checked again when taken. The closure
    instalment before a passed acceptance gets 第十条's sentence rather than the status one."""
    with db.read() as session:
        user = load_user(session, user_id)
        project = load_project(session, project_id)
        file = project_file(project)
        policy = project_policy(project.policy_id)
        roles = parse_roles(user.roles)
    states: dict[ProjectAction, StepState] = {}
    for action in ProjectAction:
        try:
            check_transition(file, action, roles, user.id)
        except FourEyesRefused as exc:
            states[action] = StepState(action, False, str(exc), "four_eyes")
        except RoleNotAllowed as exc:
            states[action] = StepState(action, False, str(exc), "role")
        except ProjectRuleError as exc:
            reason = str(exc)
            if action is ProjectAction.PAY_CLOSURE:
                try:
                    closure_payable(policy, file)
                except ProjectRuleError as closure:
                    reason = str(closure)
            states[action] = StepState(action, False, reason, "step")
        else:
            states[action] = StepState(action, True)
    return states


def condition_problems(
    policy: ProjectPolicy, findings: Mapping[str, ConditionFinding]
) -> dict[str, str]:
    """第五条 as typed: every condition recorded, and an unmet one saying why (keyed
    ``conditions.<code>`` as ``check_eligibility`` refuses them)."""
    problems: dict[str, str] = {}
    for c in policy.conditions:
        finding = findings.get(c.code)
        if finding is None:
            problems[f"conditions.{c.code}"] = f"请记录{c.clause}的审查结果"
        else:
            problem = finding_problem(c, finding)
            if problem:
                problems[f"conditions.{c.code}"] = problem
    return problems


def current_project_policy() -> ProjectPolicy:
    """The cultivation rules a new application is registered under: the shipped project
    policy of the latest cohort year (seed 000's ``chongqing-hvp-2024`` today)."""

    ids = [
        policy_id
        for policy_id in available_policies(kind=CULTIVATION_PROJECT)
        if policy_kind(policies_dir() / f"{policy_id}.toml") == CULTIVATION_PROJECT
    ]
    if not ids:
        raise InvalidInput("policy_id", "没有找到培育项目政策文件（resources/policies）")
    return max((load_project_policy(i) for i in ids), key=lambda p: (p.year, p.effective))


def closure_summary(db: Database, project_id: int) -> ClosureMoney:
    """What a closure decision weighs (第十一条 spending against budget, flagged items,
    the unspent balance), for the acceptance step's screen."""
    with db.read() as session:
        project = load_project(session, project_id)
        return closure_money(load_project_policy(project.policy_id), project_file(project))


def closure_problem(
    db: Database, project_id: int, decision: str | None, amount: str, reason: str
) -> str | None:
    """Why the closure decision as typed is refused (None when core takes it)."""
    typed: Decimal | None = None
    if amount.strip():
        try:
            typed = money_field(amount, "", "核减或追回金额")
        except InvalidInput as exc:
            return exc.problem
    with db.read() as session:
        project = load_project(session, project_id)
        try:
            check_closure_decision(
                load_project_policy(project.policy_id),
                project_file(project),
                ClosureDecision(decision) if decision else None,
                typed,
                reason,
            )
        except ProjectRuleError as exc:
            return str(exc)
    return None
