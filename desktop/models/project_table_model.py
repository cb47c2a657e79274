"""Read-only tables over a project's detail (``core.projects.queries.get_project``).

A project is read whole from core as one frozen :class:`~core.projects.model.ProjectDetail`;
each table of the project window shows one of its tuples: the 第五条 conditions, the progress
reports, the written requests, the targets with their actual values, the budget by 第十一条
category with what was spent, the spending entries and the history. The base
:class:`ProjectTableModel` does the Qt plumbing once; each model says its columns and how a
row reads. Flags (an overspent category, a use outside 第十一条, a missed target) are core's
and shown in red with core's sentence as the tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from desktop.models.table_model import (
    CENTER,
    ERROR,
    GOOD,
    KEY_ROLE,
    MUTED,
    RIGHT,
    ROW_ROLE,
    WARN,
    Column,
    RowsTableModel,
)
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, translate

if TYPE_CHECKING:
    from core.projects.model import (
        BudgetLineInfo,
        ConditionInfo,
        EventInfo,
        ReportInfo,
        RequestInfo,
        SpendingInfo,
        TargetInfo,
    )

__all__ = [
    "CENTER",
    "ERROR",
    "GOOD",
    "KEY_ROLE",
    "MUTED",
    "RIGHT",
    "ROW_ROLE",
    "WARN",
    "Column",
    "ProjectTableModel",
]

R = TypeVar("R")


class ProjectTableModel(RowsTableModel[R]):
    """A project window's table: numbered rows, long text readable in the tooltip."""

    CONTEXT = "ProjectTableModel"
    NUMBERED_ROWS = True
    TEXT_AS_TOOLTIP = True


def _date(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def _number(value: Any, unit: str = "") -> str:
    if value is None:
        return ""
    from decimal import Decimal

    if unit == "元":
        from core.money import format_yuan

        return format_yuan(Decimal(value))
    return f"{Decimal(value):f}"


# -- 第五条 conditions -------------------------------------------------------------------------


class ProjectConditionModel(ProjectTableModel["ConditionInfo"]):
    CONTEXT = "ProjectConditionModel"
    COLUMNS = (
        Column("clause", QT_TRANSLATE_NOOP("ProjectConditionModel", "Article")),
        Column("text", QT_TRANSLATE_NOOP("ProjectConditionModel", "Condition")),
        Column("met", QT_TRANSLATE_NOOP("ProjectConditionModel", "Found"), CENTER),
        Column("note", QT_TRANSLATE_NOOP("ProjectConditionModel", "Note")),
    )

    def key(self, row: ConditionInfo) -> Any:
        return row.code

    def text(self, row: ConditionInfo, key: str) -> str:
        if key == "met":
            if row.met is None:
                return translate("ProjectConditionModel", "Not checked")
            return (
                translate("ProjectConditionModel", "Met")
                if row.met
                else translate("ProjectConditionModel", "Not met")
            )
        return str(getattr(row, key))

    def foreground(self, row: ConditionInfo, key: str) -> QColor | None:
        if key == "met" and row.met is not None:
            return GOOD if row.met else ERROR
        return MUTED if row.met is None and key == "met" else None

    def tooltip(self, row: ConditionInfo, key: str) -> str | None:
        return f"{row.clause} {row.text}" if key == "text" else None


# -- progress reports and written requests -------------------------------------------------------


class ProjectReportModel(ProjectTableModel["ReportInfo"]):
    CONTEXT = "ProjectReportModel"
    COLUMNS = (
        Column("number", QT_TRANSLATE_NOOP("ProjectReportModel", "No."), CENTER),
        Column("reported_on", QT_TRANSLATE_NOOP("ProjectReportModel", "Date")),
        Column("progress", QT_TRANSLATE_NOOP("ProjectReportModel", "Progress")),
        Column("results", QT_TRANSLATE_NOOP("ProjectReportModel", "Interim results")),
        Column("plan", QT_TRANSLATE_NOOP("ProjectReportModel", "Work plan")),
        Column("recorded_by", QT_TRANSLATE_NOOP("ProjectReportModel", "Recorded by")),
    )

    def text(self, row: ReportInfo, key: str) -> str:
        if key == "reported_on":
            return _date(row.reported_on)
        return str(getattr(row, key))

    def tooltip(self, row: ReportInfo, key: str) -> str | None:
        return str(getattr(row, key)) if key in ("progress", "results", "plan") else None


class ProjectRequestModel(ProjectTableModel["RequestInfo"]):
    CONTEXT = "ProjectRequestModel"
    COLUMNS = (
        Column("kind", QT_TRANSLATE_NOOP("ProjectRequestModel", "Request")),
        Column("submitted_on", QT_TRANSLATE_NOOP("ProjectRequestModel", "Submitted")),
        Column("reason", QT_TRANSLATE_NOOP("ProjectRequestModel", "Reason")),
        Column("asked", QT_TRANSLATE_NOOP("ProjectRequestModel", "New end / follow-up")),
        Column("decision", QT_TRANSLATE_NOOP("ProjectRequestModel", "Decision")),
        Column("decided_on", QT_TRANSLATE_NOOP("ProjectRequestModel", "Decided")),
        Column("opinion", QT_TRANSLATE_NOOP("ProjectRequestModel", "Opinion")),
    )

    def text(self, row: RequestInfo, key: str) -> str:
        if key == "kind":
            return row.kind.label
        if key == "submitted_on":
            return _date(row.submitted_on)
        if key == "decided_on":
            return _date(row.decided_on)
        if key == "asked":
            if row.new_end is not None:
                return f"{_date(row.old_end)} → {_date(row.new_end)}"
            return row.follow_up
        if key == "decision":
            return row.decision_label
        return str(getattr(row, key))

    def foreground(self, row: RequestInfo, key: str) -> QColor | None:
        if key == "decision":
            if row.pending:
                return WARN
            return GOOD if row.approved else ERROR
        if key == "asked" and row.warnings:
            return WARN
        return None

    def tooltip(self, row: RequestInfo, key: str) -> str | None:
        if key == "asked" and row.warnings:
            return "\n".join(row.warnings)
        if key in ("reason", "opinion"):
            return str(getattr(row, key)) or None
        if key == "asked":
            return self.text(row, key) or None
        return None


# -- targets -------------------------------------------------------------------------------------


class ProjectTargetModel(ProjectTableModel["TargetInfo"]):
    CONTEXT = "ProjectTargetModel"
    COLUMNS = (
        Column("label", QT_TRANSLATE_NOOP("ProjectTargetModel", "Target (第七条末)")),
        Column("unit", QT_TRANSLATE_NOOP("ProjectTargetModel", "Unit"), CENTER),
        Column("target", QT_TRANSLATE_NOOP("ProjectTargetModel", "Target value"), RIGHT),
        Column("actual", QT_TRANSLATE_NOOP("ProjectTargetModel", "Actual so far"), RIGHT),
        Column("actual_on", QT_TRANSLATE_NOOP("ProjectTargetModel", "As of")),
        Column("completion", QT_TRANSLATE_NOOP("ProjectTargetModel", "Completion"), RIGHT),
        Column("met", QT_TRANSLATE_NOOP("ProjectTargetModel", "Reached"), CENTER),
    )

    def key(self, row: TargetInfo) -> Any:
        return row.metric

    def text(self, row: TargetInfo, key: str) -> str:
        if key == "target":
            return _number(row.target, row.unit)
        if key == "actual":
            return _number(row.actual, row.unit)
        if key == "actual_on":
            return _date(row.actual_on)
        if key == "completion":
            completion = row.completion
            return "" if completion is None else f"{completion * 100:.0f}%"
        if key == "met":
            if row.actual is None:
                return ""
            return "√" if row.met else "×"
        return str(getattr(row, key))

    def foreground(self, row: TargetInfo, key: str) -> QColor | None:
        if key in ("met", "completion") and row.actual is not None:
            return GOOD if row.met else WARN
        return None

    def tooltip(self, row: TargetInfo, key: str) -> str | None:
        if key == "label":
            return row.goal or None
        if key == "actual" and row.history:
            return "\n".join(
                f"{a.reported_on.isoformat()}  {_number(a.value, row.unit)}"
                + (f"  {a.note}" if a.note else "")
                for a in row.history
            )
        return None


# -- money ---------------------------------------------------------------------------------------


class ProjectBudgetModel(ProjectTableModel["BudgetLineInfo"]):
    """The task book's budget by 第十一条 category against what was spent; over is red."""

    CONTEXT = "ProjectBudgetModel"
    COLUMNS = (
        Column("label", QT_TRANSLATE_NOOP("ProjectBudgetModel", "Use (第十一条)")),
        Column("budget", QT_TRANSLATE_NOOP("ProjectBudgetModel", "Budget (yuan)"), RIGHT),
        Column("spent", QT_TRANSLATE_NOOP("ProjectBudgetModel", "Spent (yuan)"), RIGHT),
        Column("left", QT_TRANSLATE_NOOP("ProjectBudgetModel", "Left (yuan)"), RIGHT),
        Column("flag", QT_TRANSLATE_NOOP("ProjectBudgetModel", "Flag")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issues: dict[str, str] = {}

    def set_issues(self, issues: dict[str, str]) -> None:
        self.issues = issues

    def key(self, row: BudgetLineInfo) -> Any:
        return row.category

    def text(self, row: BudgetLineInfo, key: str) -> str:
        from core.money import format_yuan

        if key in ("budget", "spent", "left"):
            return format_yuan(getattr(row, key))
        if key == "flag":
            return translate("ProjectBudgetModel", "Over budget") if row.over else ""
        return row.label

    def foreground(self, row: BudgetLineInfo, key: str) -> QColor | None:
        return ERROR if row.over and key in ("spent", "left", "flag") else None

    def tooltip(self, row: BudgetLineInfo, key: str) -> str | None:
        return self.issues.get(row.category) if row.over else None


class ProjectSpendingModel(ProjectTableModel["SpendingInfo"]):
    """Each spending entry; a use outside 第十一条 is flagged."""

    CONTEXT = "ProjectSpendingModel"
    COLUMNS = (
        Column("spent_on", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Date")),
        Column("label", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Use")),
        Column("amount", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Amount (yuan)"), RIGHT),
        Column("flag", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Flag")),
        Column("note", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Note")),
        Column("recorded_by", QT_TRANSLATE_NOOP("ProjectSpendingModel", "Recorded by")),
    )

    def text(self, row: SpendingInfo, key: str) -> str:
        from core.money import format_yuan

        if key == "spent_on":
            return _date(row.spent_on)
        if key == "amount":
            return format_yuan(row.amount)
        if key == "flag":
            return "" if row.in_scope else translate("ProjectSpendingModel", "Outside 第十一条")
        return str(getattr(row, key))

    def foreground(self, row: SpendingInfo, key: str) -> QColor | None:
        return None if row.in_scope else ERROR


# -- history ------------------------------------------------------------------------------------


class ProjectEventModel(ProjectTableModel["EventInfo"]):
    CONTEXT = "ProjectEventModel"
    COLUMNS = (
        Column("happened_on", QT_TRANSLATE_NOOP("ProjectEventModel", "Date")),
        Column("label", QT_TRANSLATE_NOOP("ProjectEventModel", "Step")),
        Column("status", QT_TRANSLATE_NOOP("ProjectEventModel", "Status")),
        Column("actor", QT_TRANSLATE_NOOP("ProjectEventModel", "By")),
        Column("at", QT_TRANSLATE_NOOP("ProjectEventModel", "Recorded at")),
        Column("note", QT_TRANSLATE_NOOP("ProjectEventModel", "Note")),
    )

    def key(self, row: EventInfo) -> Any:
        return None

    def text(self, row: EventInfo, key: str) -> str:
        from core.db.clock import CHINA_TZ

        if key == "happened_on":
            return _date(row.happened_on)
        if key == "status":
            if row.from_status == row.to_status:
                return row.to_status.label
            return f"{row.from_status.label} → {row.to_status.label}"
        if key == "at":
            return row.at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        return str(getattr(row, key))

    def tooltip(self, row: EventInfo, key: str) -> str | None:
        return row.note or None if key == "note" else None
