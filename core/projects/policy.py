"""The municipal high-value patent cultivation rules (seed 000) as validated data."""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import cast

from core.paths import policies_dir
from core.policy.loader import SCHEMA_VERSION, PolicyError, TableReader, policy_kind
from core.policy.model import ApplicantKind, Reading

CULTIVATION_PROJECT = "cultivation_project"


@dataclass(frozen=True)
class Coded:
    """A numbered provision: a condition (第五条), task (第六条), goal (第七条) or category."""

    code: str
    text: str
    clause: str
    # A condition checked against a register: where to look. Its finding must then say what
    # was found there, even when met (第四条's registration, issue 16 §6).
    source: str = ""


@dataclass(frozen=True)
class TargetMetric:
    code: str
    label: str
    unit: str
    goal: str


@dataclass(frozen=True)
class ProjectPolicy:
    id: str
    version: str
    title: str
    issuer: str
    source: str
    effective: dt.date
    clause: str
    case_number_format: str
    year: int
    lead_unit_kinds: tuple[ApplicantKind, ...]
    lead_unit_clause: str
    joint_unit_kinds: tuple[ApplicantKind, ...]
    joint_unit_clause: str
    region: str
    conditions: tuple[Coded, ...]
    min_months: int
    max_months: int
    period_clause: str
    tasks: tuple[Coded, ...]
    performance_goals: tuple[Coded, ...]
    target_metrics: dict[str, TargetMetric]
    amount_per_project: Decimal
    amount_clause: str
    approval_share: Decimal
    approval_share_clause: str
    earmark_clause: str
    fund_categories: dict[str, Coded]
    acceptance_methods: dict[str, Coded]
    progress_every_months: int
    progress_clause: str
    midterm_at_fraction: Decimal
    midterm_clause: str
    end_warning_days: int
    end_clause: str
    readings: dict[str, Reading]
    sha256: str = ""

    def project_number(self, seq: int, year: int | None = None) -> str:
        return self.case_number_format.format(year=year or self.year, seq=seq)


def _coded(reader: TableReader, name: str, text_key: str = "text") -> tuple[Coded, ...]:
    entries = []
    for t in reader.tables(name):
        entries.append(
            Coded(
                code=t.text("code"),
                text=t.text(text_key),
                clause=t.text("clause"),
                source=t.text("source", required=False),
            )
        )
        t.done()
    codes = [e.code for e in entries]
    if len(set(codes)) != len(codes):
        raise reader.error(name, "代码重复")
    return tuple(entries)


def _kinds(t: TableReader, name: str) -> tuple[ApplicantKind, ...]:
    kinds = []
    for value in t.str_list(name):
        try:
            kinds.append(ApplicantKind(value))
        except ValueError:
            raise t.error(name, f"未知单位类型“{value}”") from None
    return tuple(kinds)


def parse_project_policy(text: str, file: str) -> ProjectPolicy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(file, "", f"TOML 格式错误：{exc}") from None
    root = TableReader(file, "", data)
    if root.integer("schema") != SCHEMA_VERSION:
        raise root.error("schema", f"本程序只读第 {SCHEMA_VERSION} 版格式")
    prog = root.table("programme")
    if prog.text("kind") != CULTIVATION_PROJECT:
        raise prog.error("kind", f"应为 {CULTIVATION_PROJECT}")
    eligibility = root.table("eligibility")
    period = root.table("period")
    funding = root.table("funding")
    reporting = root.table("reporting")

    metrics: dict[str, TargetMetric] = {}
    goals = _coded(root, "performance_goals")
    goal_codes = {g.code for g in goals}
    for t in root.tables("target_metrics"):
        metric = TargetMetric(t.text("code"), t.text("label"), t.text("unit"), t.text("goal"))
        if metric.goal not in goal_codes:
            raise t.error("goal", f"“{metric.goal}”不是第七条的绩效目标")
        t.done()
        metrics[metric.code] = metric

    categories = {}
    for t in root.tables("fund_categories"):
        categories[t.text("code")] = Coded(t.text("code"), t.text("label"), t.text("clause"))
        t.done()
    methods = {}
    for t in root.tables("acceptance_methods"):
        methods[t.text("code")] = Coded(t.text("code"), t.text("label"), t.text("clause"))
        t.done()
    readings = {}
    for t in root.tables("readings", required=False):
        reading = Reading(code=t.text("code"), clause=t.text("clause"), text=t.text("text"))
        t.done()
        readings[reading.code] = reading

    share = cast(Decimal, funding.decimal("approval_share"))
    if not Decimal(0) < share <= Decimal(1):
        raise funding.error("approval_share", "首期比例应在0到1之间")
    min_months = cast(int, period.integer("min_months"))
    max_months = cast(int, period.integer("max_months"))
    if min_months > max_months:
        raise period.error("max_months", "上限小于下限")
    fraction = cast(Decimal, reporting.decimal("midterm_at_fraction"))
    if not Decimal(0) < fraction < Decimal(1):
        raise reporting.error("midterm_at_fraction", "应在0到1之间")

    policy = ProjectPolicy(
        id=prog.text("id"),
        version=prog.text("version"),
        title=prog.text("title"),
        issuer=prog.text("issuer"),
        source=prog.text("source"),
        effective=prog.date("effective"),
        clause=prog.text("clause"),
        case_number_format=prog.text("case_number_format"),
        year=cast(int, prog.integer("year")),
        lead_unit_kinds=_kinds(eligibility, "lead_unit_kinds"),
        lead_unit_clause=eligibility.text("lead_unit_clause"),
        joint_unit_kinds=_kinds(eligibility, "joint_unit_kinds"),
        joint_unit_clause=eligibility.text("joint_unit_clause"),
        region=eligibility.text("region"),
        conditions=_coded(root, "conditions"),
        min_months=min_months,
        max_months=max_months,
        period_clause=period.text("clause"),
        tasks=_coded(root, "tasks"),
        performance_goals=goals,
        target_metrics=metrics,
        amount_per_project=cast(Decimal, funding.decimal("amount_per_project")),
        amount_clause=funding.text("amount_clause"),
        approval_share=share,
        approval_share_clause=funding.text("approval_share_clause"),
        earmark_clause=funding.text("earmark_clause"),
        fund_categories=categories,
        acceptance_methods=methods,
        progress_every_months=cast(int, reporting.integer("progress_every_months")),
        progress_clause=reporting.text("progress_clause"),
        midterm_at_fraction=fraction,
        midterm_clause=reporting.text("midterm_clause"),
        end_warning_days=cast(int, reporting.integer("end_warning_days")),
        end_clause=reporting.text("end_clause"),
        readings=readings,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    for reader in (prog, eligibility, period, funding, reporting, root):
        reader.done()
    return policy


def load_project_policy_file(path: Path) -> ProjectPolicy:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PolicyError(str(path), "", f"无法读取：{exc.strerror}") from None
    policy = parse_project_policy(text, str(path))
    if policy.id != path.stem:
        raise PolicyError(str(path), "programme.id", f"“{policy.id}”须与文件名“{path.stem}”一致")
    return policy


@cache
def load_project_policy(policy_id: str) -> ProjectPolicy:
    path = policies_dir() / f"{policy_id}.toml"
    if not path.is_file() or policy_kind(path) != CULTIVATION_PROJECT:
        raise PolicyError(str(path), "", f"没有培育项目政策“{policy_id}”")
    return load_project_policy_file(path)
