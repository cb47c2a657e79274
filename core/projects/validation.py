"""Checking what a screen hands in: every field of a project's forms, with a Chinese message
naming what to fix (:class:`~core.records.errors.InvalidInput`, ``where`` = the field).

Pure functions over the policy and the form; the operations in :mod:`core.projects.records`
and :mod:`core.projects.workflow` call them inside their transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from core.identifiers import IdentifierError, validate_credit_code
from core.money import format_yuan, parse_yuan
from core.policy.loader import PolicyError
from core.policy.model import ApplicantKind
from core.projects.model import (
    CUSTOM_METRIC,
    CUSTOM_PREFIX,
    ConditionFinding,
    ProjectForm,
    TargetForm,
    TechnologyType,
)
from core.projects.policy import Coded, ProjectPolicy, TargetMetric, load_project_policy
from core.projects.rules import (
    Unit,
    check_period,
    check_units,
)
from core.records.errors import (
    InvalidInput,
)

# Units of the target catalogue that count whole things (件, 个, 次, 项); 元 allows fen.
_MONEY_UNIT = "元"


# ---------------------------------------------------------------------------
# Small validators (messages say what to fix)
# ---------------------------------------------------------------------------


def project_policy(policy_id: str) -> ProjectPolicy:
    try:
        return load_project_policy(policy_id)
    except PolicyError as exc:
        raise InvalidInput("policy_id", f"没有培育项目政策“{policy_id}”（{exc.problem}）") from None


def text_field(value: str, where: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidInput(where, f"请填写{what}")
    return text


def not_future(day: dt.date, today: dt.date, where: str, what: str) -> None:
    if day > today:
        raise InvalidInput(where, f"{what}{day.isoformat()}晚于今天（{today.isoformat()}），请核对")


def not_before(day: dt.date, earliest: dt.date, where: str, what: str, earlier: str) -> None:
    if day < earliest:
        raise InvalidInput(
            where, f"{what}{day.isoformat()}早于{earlier}（{earliest.isoformat()}），请核对"
        )


def not_before_planned_start(day: dt.date, planned_start: dt.date, where: str) -> None:
    """开始实施 on or after the planned start of the period (issue 16 §5): started earlier, every
    progress report would be refused as 「早于实施开始日期」. Work that truly began early is
    recorded as starting on the planned start, with the fact in the note."""
    if day < planned_start:
        raise InvalidInput(
            where,
            f"开始实施日期{day.isoformat()}早于任务书约定的实施开始日期（{planned_start.isoformat()}）："
            "请在该日期当天或之后登记开始实施；如确已提前开展工作，请在备注中说明",
        )


def finding_problem(condition: Coded, finding: ConditionFinding) -> str | None:
    """Why one recorded 第四/五条 finding is refused, or None."""
    note = finding.note.strip()
    if not finding.met and not note:
        return f"不符合{condition.clause}的，请在说明中写明理由和依据"
    if condition.source and not note:
        return f"{condition.clause}：请在说明中写明核查来源与结果（{condition.source}）"
    return None


def money_field(value: Decimal | int | str, where: str, what: str) -> Decimal:
    try:
        return parse_yuan(value)
    except (ValueError, TypeError) as exc:
        raise InvalidInput(where, f"{what}：{exc}") from None


def catalogue_metric(policy: ProjectPolicy, code: str, where: str) -> TargetMetric:
    metric = policy.target_metrics.get(code)
    if metric is None:
        listed = "、".join(f"{m.code}（{m.label}）" for m in policy.target_metrics.values())
        raise InvalidInput(
            where, f"“{code}”不是量化绩效目标目录中的指标（第七条末），可用：{listed}"
        )
    return metric


def metric_value(metric: TargetMetric, value: Decimal | int | str, where: str) -> Decimal:
    """A target or actual value: not negative; whole for counts (件、个…), to the fen for 元."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InvalidInput(where, f"{metric.label}须填写数字（收到 {type(value).__name__}）")
    text = value.strip().replace(",", "") if isinstance(value, str) else value
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(where, f"{metric.label}“{value}”不是数字，请只填阿拉伯数字") from None
    if not number.is_finite() or number < 0:
        raise InvalidInput(where, f"{metric.label}“{value}”不是有效的非负数")
    if metric.unit == _MONEY_UNIT:
        if number != number.quantize(Decimal("0.01")):
            raise InvalidInput(where, f"{metric.label}最多精确到分（两位小数）")
        return number.quantize(Decimal("0.01"))
    if number != number.to_integral_value():
        raise InvalidInput(where, f"{metric.label}以“{metric.unit}”计，须为整数")
    return number.quantize(Decimal(1))


def value_text(value: Decimal) -> str:
    """Exact decimal text as stored (no exponent)."""
    return format(value, "f")


@dataclass(frozen=True)
class ValidForm:
    title: str
    field: str
    key_industry: str
    technology_type: TechnologyType
    linked_project: str
    units: tuple[Unit, ...]
    received_on: dt.date
    start: dt.date
    end: dt.date
    own_funds: Decimal
    budget: dict[str, Decimal]
    targets: tuple[ValidTarget, ...]


def validate_units(policy: ProjectPolicy, forms: Sequence[Any]) -> tuple[Unit, ...]:
    if not forms:
        raise InvalidInput("units", "请填写申报单位（第四条）")
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for i, u in enumerate(forms):
        where = f"units[{i}]"
        name = text_field(u.name, f"{where}.name", "单位名称")
        try:
            code = validate_credit_code(u.credit_code)
        except IdentifierError as exc:
            raise InvalidInput(f"{where}.credit_code", f"{name}：{exc}") from None
        try:
            kind = ApplicantKind(u.kind).value
        except ValueError:
            listed = "、".join(f"{k.value}（{k.label}）" for k in ApplicantKind)
            raise InvalidInput(
                f"{where}.kind", f"{name}的单位类型“{u.kind}”未知，可用：{listed}"
            ) from None
        if code in seen:
            raise InvalidInput(
                f"{where}.credit_code", f"{name}与第{seen[code] + 1}个单位的统一社会信用代码相同"
            )
        seen[code] = i
        units.append(Unit(name, code, kind, bool(u.lead)))
    problems = check_units(policy, units)
    if problems:
        raise InvalidInput("units", "；".join(problems))
    # The lead unit first, so that lists and forms read it first.
    return tuple(sorted(units, key=lambda u: not u.lead))


def validate_budget(
    policy: ProjectPolicy, budget: Mapping[str, Decimal | int | str]
) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for code, value in budget.items():
        if code not in policy.fund_categories:
            listed = "、".join(f"{c.code}（{c.text}）" for c in policy.fund_categories.values())
            raise InvalidInput(
                f"budget.{code}",
                f"“{code}”不是第十一条所列的资金用途，预算只能列：{listed}",
            )
        label = policy.fund_categories[code].text
        amount = money_field(value, f"budget.{code}", f"「{label}」预算")
        if amount:
            result[code] = amount
    # In the policy's order, whatever order the form gave.
    return {code: result[code] for code in policy.fund_categories if code in result}


@dataclass(frozen=True)
class ValidTarget:
    """A checked target as stored: a catalogue code, or ``custom:N`` with its own name, unit
    and means of verification."""

    metric: str
    value: Decimal
    label: str = ""
    unit: str = ""
    verification: str = ""


CUSTOM_LIMITS = {"label": 40, "unit": 10, "verification": 200}


def form_metric(policy: ProjectPolicy, t: TargetForm, where: str) -> TargetMetric:
    """The metric a typed target is measured by: the catalogue's, or the project's own."""
    if t.metric != CUSTOM_METRIC:
        return catalogue_metric(policy, t.metric, f"{where}.metric")
    label = text_field(t.label, f"{where}.label", "自定目标名称")
    unit = text_field(t.unit, f"{where}.unit", f"「{label}」的计量单位")
    verification = text_field(t.verification, f"{where}.verification", f"「{label}」的考核方式")
    for key, name, text in (
        ("label", "名称", label),
        ("unit", "计量单位", unit),
        ("verification", "考核方式", verification),
    ):
        if len(text) > CUSTOM_LIMITS[key]:
            raise InvalidInput(
                f"{where}.{key}", f"自定目标的{name}不超过{CUSTOM_LIMITS[key]}个字，请精简"
            )
    if any(m.label == label for m in policy.target_metrics.values()):
        raise InvalidInput(
            f"{where}.label", f"「{label}」是目录中的指标，请直接填写在目录一栏，不要另设"
        )
    return TargetMetric(CUSTOM_METRIC, label, unit, verification)


def stored_metric(
    policy: ProjectPolicy, metric: str, label: str, unit: str, how: str
) -> TargetMetric:
    """The metric of a stored target (a catalogue code, or a project's own)."""
    if metric.startswith(CUSTOM_PREFIX):
        return TargetMetric(metric, label, unit, how)
    found = policy.target_metrics.get(metric)
    return found if found is not None else TargetMetric(metric, label or metric, unit, how)


def validate_targets(policy: ProjectPolicy, forms: Sequence[TargetForm]) -> tuple[ValidTarget, ...]:
    result: list[ValidTarget] = []
    customs = 0
    for i, t in enumerate(forms):
        where = f"targets[{i}]"
        metric = form_metric(policy, t, where)
        if any(
            (r.metric == t.metric and t.metric != CUSTOM_METRIC)
            or (r.label and r.label == metric.label)
            for r in result
        ):
            raise InvalidInput(f"{where}.metric", f"「{metric.label}」重复填写，请合并为一项")
        value = metric_value(metric, t.target, f"{where}.target")
        if not value:
            raise InvalidInput(f"{where}.target", f"「{metric.label}」的目标值须大于0")
        if t.metric == CUSTOM_METRIC:
            customs += 1
            result.append(
                ValidTarget(
                    f"{CUSTOM_PREFIX}{customs}", value, metric.label, metric.unit, metric.goal
                )
            )
        else:
            result.append(ValidTarget(t.metric, value))
    return tuple(result)


def budget_total(budget: Mapping[str, Decimal]) -> Decimal:
    return sum(budget.values(), Decimal(0))


def validate_form(policy: ProjectPolicy, form: ProjectForm, today: dt.date) -> ValidForm:
    title = text_field(form.title, "title", "项目名称")
    try:
        technology = TechnologyType(form.technology_type)
    except ValueError:
        listed = "、".join(f"{t.value}（{t.label}）" for t in TechnologyType)
        raise InvalidInput(
            "technology_type", f"技术类型“{form.technology_type}”未知（第三条），可用：{listed}"
        ) from None
    linked = form.linked_project.strip()
    if technology is TechnologyType.MAJOR_PROJECT and not linked:
        raise InvalidInput(
            "linked_project", "属正在实施中的国家或市级重大科技攻关项目的，请填写该项目的名称和编号"
        )
    not_future(form.received_on, today, "received_on", "申报日期")
    not_before(
        form.received_on, policy.effective, "received_on", "申报日期", f"{policy.source}施行日期"
    )
    problems = check_period(policy, form.start, form.end)
    if problems:
        raise InvalidInput("end", "；".join(problems))
    budget = validate_budget(policy, form.budget)
    total = budget_total(budget)
    if total > policy.amount_per_project:
        raise InvalidInput(
            "budget",
            f"财政资金预算合计{format_yuan(total)}元，超过{policy.amount_clause}的"
            f"{format_yuan(policy.amount_per_project)}元",
        )
    return ValidForm(
        title=title,
        field=text_field(form.field, "field", "技术领域"),
        key_industry=text_field(form.key_industry, "key_industry", "所属重点产业（第三条）"),
        technology_type=technology,
        linked_project=linked,
        units=validate_units(policy, form.units),
        received_on=form.received_on,
        start=form.start,
        end=form.end,
        own_funds=money_field(form.own_funds, "own_funds", "自筹资金"),
        budget=budget,
        targets=validate_targets(policy, form.targets),
    )
