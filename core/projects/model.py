"""Plain data of the cultivation projects: the choices, the forms the screens fill in, and
the read-only views the screens, the printed forms and the command line show.

Nothing here touches the database or Qt; :mod:`core.projects.records` turns forms into rows
and :mod:`core.projects.queries` turns rows into these views.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from enum import StrEnum

from core.projects.rules import (
    ClosureDecision,
    Instalments,
    ProjectAction,
    ProjectStatus,
    Reminder,
    SpendingIssue,
)

# A target outside the catalogue (issue 16 §7): stored as "custom:1", "custom:2" … in order.
CUSTOM_METRIC = "custom"
CUSTOM_PREFIX = "custom:"

# The two recordings that are not steps of the rules' table (spending, measured targets).
RECORD_SPENDING = "record_spending"
RECORD_ACTUALS = "record_actuals"


class TechnologyType(StrEnum):
    """第三条: what the project's technology is, in the order of priority the article gives."""

    KEY_CORE = "key_core"
    BOTTLENECK = "bottleneck"
    FRONTIER = "frontier"
    MAJOR_PROJECT = "major_project"

    @property
    def label(self) -> str:
        return _TECHNOLOGY_LABELS[self]


_TECHNOLOGY_LABELS = {
    TechnologyType.KEY_CORE: "重大关键核心技术",
    TechnologyType.BOTTLENECK: "“卡脖子”技术",
    TechnologyType.FRONTIER: "产业前瞻性技术",
    TechnologyType.MAJOR_PROJECT: "正在实施中的国家或市级重大科技攻关项目",
}
TECHNOLOGY_CLAUSE = "第三条"


class MidtermResult(StrEnum):
    """第九条 only says 「开展项目中期评估」; the four grades are what expert panels of the
    municipal IP fund give (reading "midterm" in docs/projects.md). 不合格 is the only fail."""

    EXCELLENT = "excellent"
    GOOD = "good"
    PASS = "pass"
    FAIL = "fail"

    @property
    def label(self) -> str:
        return _MIDTERM_LABELS[self]

    @property
    def passed(self) -> bool:
        return self is not MidtermResult.FAIL


_MIDTERM_LABELS = {
    MidtermResult.EXCELLENT: "优秀",
    MidtermResult.GOOD: "良好",
    MidtermResult.PASS: "合格",
    MidtermResult.FAIL: "不合格",
}


class ReviewKind(StrEnum):
    EVALUATION = "evaluation"
    MIDTERM = "midterm"
    ACCEPTANCE = "acceptance"

    @property
    def label(self) -> str:
        return {"evaluation": "立项评审", "midterm": "中期评估", "acceptance": "结题验收"}[self]


class RequestKind(StrEnum):
    EXTENSION = "extension"
    TERMINATION = "termination"

    @property
    def label(self) -> str:
        return "延期" if self is RequestKind.EXTENSION else "终止"


class PaymentKind(StrEnum):
    APPROVAL = "approval"
    CLOSURE = "closure"

    @property
    def label(self) -> str:
        return "立项补助" if self is PaymentKind.APPROVAL else "结题补助"


# ---------------------------------------------------------------------------
# Forms (what a screen or the demo hands to an operation)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitForm:
    """A lead unit (``lead=True``) or a joint applicant; ``kind`` is an ApplicantKind code."""

    name: str
    credit_code: str
    kind: str
    lead: bool = False


@dataclass(frozen=True)
class TargetForm:
    """A quantified target: a metric code of the policy's catalogue and the value to reach.

    A target of the project's own (第七条「明确的任务目标和考核指标」, issue 16 §7) has the
    metric ``CUSTOM_METRIC`` and says its name, unit and how it is verified."""

    metric: str
    target: Decimal | int | str
    label: str = ""
    unit: str = ""
    verification: str = ""


@dataclass(frozen=True)
class ProjectForm:
    """The application as registered (and edited until approval)."""

    policy_id: str
    title: str
    field: str
    key_industry: str
    technology_type: TechnologyType | str
    units: Sequence[UnitForm]
    received_on: dt.date
    start: dt.date
    end: dt.date
    own_funds: Decimal | int | str
    # Fiscal funds by 第十一条 category (code → yuan), as applied for.
    budget: Mapping[str, Decimal | int | str] = dataclass_field(default_factory=dict)
    targets: Sequence[TargetForm] = ()
    linked_project: str = ""


@dataclass(frozen=True)
class ConditionFinding:
    """One 第五条 condition as found: met or not; an unmet one must say why."""

    met: bool
    note: str = ""


@dataclass(frozen=True)
class EvaluationForm:
    """The expert evaluation before the decision on approval (第八条「评审」)."""

    held_on: dt.date
    experts: str
    opinion: str
    score: str = ""


@dataclass(frozen=True)
class ApprovalForm:
    """立项: the evaluation, the task book, and the approval instalment paid (第十条).

    The period, budget and targets default to those applied for; the task book may change
    them (then they are checked again: 第六条 period, 第十一条 budget = funding, 第七条末 targets).
    """

    evaluation: EvaluationForm
    task_book_number: str
    task_book_date: dt.date
    paid_on: dt.date
    voucher: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    budget: Mapping[str, Decimal | int | str] | None = None
    targets: Sequence[TargetForm] | None = None
    # 第十条 leaves the first instalment's share to each year's budget (issue 16 §3): blank is
    # the policy file's share; another amount needs its basis (the budget document).
    approval_amount: Decimal | int | str | None = None
    approval_basis: str = ""


@dataclass(frozen=True)
class ActualForm:
    """What has been achieved for one target so far (cumulative, as of the report's date)."""

    metric: str
    value: Decimal | int | str
    note: str = ""


@dataclass(frozen=True)
class ProgressForm:
    """第八条「项目执行进展、阶段性成果和工作计划」, with the targets' actual values if given."""

    reported_on: dt.date
    progress: str
    results: str
    plan: str
    actuals: Sequence[ActualForm] = ()


@dataclass(frozen=True)
class MidtermForm:
    held_on: dt.date
    experts: str
    result: MidtermResult | str
    opinion: str


@dataclass(frozen=True)
class ExtensionRequestForm:
    submitted_on: dt.date
    reason: str
    progress: str
    new_end: dt.date


@dataclass(frozen=True)
class TerminationRequestForm:
    submitted_on: dt.date
    reason: str
    progress: str
    follow_up: str


@dataclass(frozen=True)
class DecisionForm:
    """The bureau's decision on a written request (the opinion box of the form)."""

    decided_on: dt.date
    approved: bool
    opinion: str


@dataclass(frozen=True)
class SettlementForm:
    """What happens to the money paid when a project is terminated: recovered + kept = paid."""

    recovered: Decimal | int | str
    kept: Decimal | int | str


@dataclass(frozen=True)
class AcceptanceForm:
    """结题验收 (第八条): method, date, experts or panel, pass/fail, opinion; final actuals."""

    held_on: dt.date
    method: str
    experts: str
    passed: bool
    opinion: str
    actuals: Sequence[ActualForm] = ()
    # A passed acceptance decides the closure instalment (issue 16 §4): in full, reduced by
    # ``closure_amount``, withheld, or withheld with ``closure_amount`` recovered; with a reason.
    closure: ClosureDecision | None = None
    closure_amount: Decimal | int | str | None = None
    closure_reason: str = ""


@dataclass(frozen=True)
class SpendingForm:
    """Fiscal funds spent. ``category`` is a 第十一条 code; any other text is recorded as
    described and flagged as a use outside 第十一条."""

    spent_on: dt.date
    category: str
    amount: Decimal | int | str
    note: str = ""


# ---------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitInfo:
    name: str
    credit_code: str
    kind: str
    kind_label: str
    lead: bool


@dataclass(frozen=True)
class BudgetLineInfo:
    category: str
    label: str
    budget: Decimal
    spent: Decimal

    @property
    def left(self) -> Decimal:
        return self.budget - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.budget


@dataclass(frozen=True)
class ActualInfo:
    reported_on: dt.date
    value: Decimal
    note: str
    recorded_by: str


@dataclass(frozen=True)
class TargetInfo:
    metric: str
    label: str
    unit: str
    goal: str  # the catalogue's goal; for a project's own target, how it is verified
    target: Decimal
    # The latest report (values are cumulative); None until something is reported.
    actual: Decimal | None
    actual_on: dt.date | None
    history: tuple[ActualInfo, ...]

    @property
    def met(self) -> bool:
        return self.actual is not None and self.actual >= self.target

    @property
    def completion(self) -> Decimal | None:
        """Actual ÷ target (1 = 100 %); None without an actual or with a zero target."""
        if self.actual is None or not self.target:
            return None
        return self.actual / self.target


@dataclass(frozen=True)
class ConditionInfo:
    code: str
    clause: str
    text: str
    met: bool | None  # None: not checked yet
    note: str
    source: str = ""  # where it is checked (第四条's register); then the note is required


@dataclass(frozen=True)
class ReviewInfo:
    kind: ReviewKind
    held_on: dt.date
    method: str
    method_label: str
    experts: str
    result: str
    result_label: str
    passed: bool
    score: str
    opinion: str
    recorded_by: str
    recorded_at: dt.datetime
    # The closure decision of a passed acceptance (None for other reviews, and for
    # acceptances recorded before the decision was asked for: paid in full).
    closure: ClosureDecision | None = None
    closure_amount: Decimal | None = None
    closure_reason: str = ""


@dataclass(frozen=True)
class ReportInfo:
    id: int
    number: int  # 第 n 次 (in date order)
    reported_on: dt.date
    progress: str
    results: str
    plan: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class RequestInfo:
    id: int
    kind: RequestKind
    submitted_on: dt.date
    reason: str
    progress: str
    old_end: dt.date | None
    new_end: dt.date | None
    follow_up: str
    requested_by: str
    recorded_at: dt.datetime
    # None while pending; then True (approved) or False (refused).
    approved: bool | None
    decided_on: dt.date | None
    opinion: str
    decided_by: str
    warnings: tuple[str, ...]

    @property
    def pending(self) -> bool:
        return self.approved is None

    @property
    def decision_label(self) -> str:
        if self.approved is None:
            return "待审定"
        return "同意" if self.approved else "不同意"


@dataclass(frozen=True)
class PaymentInfo:
    kind: PaymentKind
    amount: Decimal
    paid_on: dt.date
    voucher: str
    recorded_by: str


@dataclass(frozen=True)
class SpendingInfo:
    id: int
    spent_on: dt.date
    category: str
    label: str
    amount: Decimal
    note: str
    in_scope: bool  # a 第十一条 category
    recorded_by: str


@dataclass(frozen=True)
class EventInfo:
    action: str
    label: str
    from_status: ProjectStatus
    to_status: ProjectStatus
    actor: str
    at: dt.datetime
    happened_on: dt.date
    note: str


@dataclass(frozen=True)
class Settlement:
    recovered: Decimal
    kept: Decimal


@dataclass(frozen=True)
class ProjectDetail:
    """Everything about one project, as of ``today`` (the reminders' date)."""

    id: int
    number: str
    policy_id: str
    policy_title: str
    year: int
    title: str
    field: str
    key_industry: str
    technology_type: TechnologyType
    linked_project: str
    received_on: dt.date
    status: ProjectStatus
    start: dt.date
    end: dt.date
    # The end as the task book fixed it (before any extension); None before approval.
    approved_end: dt.date | None
    funding: Decimal
    own_funds: Decimal
    task_book_number: str | None
    task_book_date: dt.date | None
    units: tuple[UnitInfo, ...]
    budget: tuple[BudgetLineInfo, ...]
    targets: tuple[TargetInfo, ...]
    conditions: tuple[ConditionInfo, ...]
    evaluation: ReviewInfo | None
    midterm: ReviewInfo | None
    acceptance: ReviewInfo | None
    reports: tuple[ReportInfo, ...]
    requests: tuple[RequestInfo, ...]
    payments: tuple[PaymentInfo, ...]
    instalments: Instalments
    settlement: Settlement | None
    spending: tuple[SpendingInfo, ...]
    spending_issues: tuple[SpendingIssue, ...]
    reminders: tuple[Reminder, ...]
    events: tuple[EventInfo, ...]
    registered_by: str
    updated_by: str
    updated_at: dt.datetime
    version: int
    today: dt.date

    @property
    def lead_unit(self) -> UnitInfo | None:
        return next((u for u in self.units if u.lead), None)

    @property
    def joint_units(self) -> tuple[UnitInfo, ...]:
        return tuple(u for u in self.units if not u.lead)

    @property
    def lead_name(self) -> str:
        lead = self.lead_unit
        return lead.name if lead else ""

    def paid(self, kind: PaymentKind | None = None) -> Decimal:
        return sum(
            (p.amount for p in self.payments if kind is None or p.kind is kind), Decimal("0.00")
        )

    @property
    def spent(self) -> Decimal:
        return sum((s.amount for s in self.spending), Decimal("0.00"))

    def spent_by_category(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for s in self.spending:
            totals[s.category] = totals.get(s.category, Decimal("0.00")) + s.amount
        return totals

    @property
    def pending_request(self) -> RequestInfo | None:
        return next((r for r in self.requests if r.pending), None)

    @property
    def latest_request(self) -> RequestInfo | None:
        return self.requests[-1] if self.requests else None

    @property
    def accepted_early(self) -> bool:
        """Acceptance held before the planned end (the unit finished early)."""
        return self.acceptance is not None and self.acceptance.held_on < self.end


@dataclass(frozen=True)
class ProjectRow:
    """One line of the project list."""

    id: int
    number: str
    year: int
    title: str
    lead_unit: str
    status: ProjectStatus
    start: dt.date
    end: dt.date
    funding: Decimal
    paid: Decimal
    recovered: Decimal
    spent: Decimal
    reminders: tuple[Reminder, ...]
    pending_request: RequestKind | None
    spending_flagged: bool
    version: int

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def overdue(self) -> bool:
        return any(r.overdue for r in self.reminders)


@dataclass(frozen=True)
class ProjectFilters:
    statuses: tuple[ProjectStatus, ...] = ()
    year: int | None = None
    # Project number, title, unit name (substring) or credit code (prefix).
    search: str | None = None
    # Only projects with a reminder (due soon or overdue) or a request waiting for a decision.
    needs_attention: bool = False


@dataclass(frozen=True)
class ProjectPage:
    rows: tuple[ProjectRow, ...]
    # Counts per status under the other filters (for the status tabs).
    counts_by_status: dict[ProjectStatus, int]
    today: dt.date

    @property
    def total(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class ProjectReminder:
    project_id: int
    number: str
    title: str
    lead_unit: str
    reminder: Reminder


@dataclass(frozen=True)
class AllowedProjectActions:
    """What a user may do on a project now (for enabling buttons; each is checked again)."""

    actions: tuple[ProjectAction, ...]
    edit: bool
    record_spending: bool
    record_actuals: bool

    def __contains__(self, action: object) -> bool:
        return action in self.actions
