"""The 培育项目 list and the reminders beside it (``core.projects.queries``).

A district follows a few dozen projects, so core hands over the whole filtered list at once
(``list_projects``) with each row's reminders as of the database clock's date, and every
reminder due (``project_reminders``). Overdue reminders and flagged spending are red.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.models.project_table_model import (
    ERROR,
    MUTED,
    RIGHT,
    WARN,
    Column,
    ProjectTableModel,
)
from desktop.qt import QT_TRANSLATE_NOOP, QColor, translate

if TYPE_CHECKING:
    from core.projects.model import ProjectReminder, ProjectRow

FINAL = ("not_approved", "terminated", "acceptance_failed", "closed")


def _reminder_label(label: str, overdue: bool) -> str:
    if not overdue:
        return label
    return translate("ProjectListModel", "%1 (overdue)").replace("%1", label)


class ProjectListModel(ProjectTableModel["ProjectRow"]):
    CONTEXT = "ProjectListModel"
    COLUMNS = (
        Column("number", QT_TRANSLATE_NOOP("ProjectListModel", "Project number")),
        Column("title", QT_TRANSLATE_NOOP("ProjectListModel", "Title")),
        Column("lead_unit", QT_TRANSLATE_NOOP("ProjectListModel", "Lead unit")),
        Column("status", QT_TRANSLATE_NOOP("ProjectListModel", "Status")),
        Column("attention", QT_TRANSLATE_NOOP("ProjectListModel", "Reminders")),
        Column("period", QT_TRANSLATE_NOOP("ProjectListModel", "Period")),
        Column("paid", QT_TRANSLATE_NOOP("ProjectListModel", "Paid (yuan)"), RIGHT),
        Column("spent", QT_TRANSLATE_NOOP("ProjectListModel", "Spent (yuan)"), RIGHT),
    )

    def key(self, row: ProjectRow) -> Any:
        return row.id

    def text(self, row: ProjectRow, key: str) -> str:
        from core.money import format_yuan

        if key == "status":
            return row.status_label
        if key == "period":
            return (
                translate("ProjectListModel", "%1 to %2")
                .replace("%1", row.start.isoformat())
                .replace("%2", row.end.isoformat())
            )
        if key in ("paid", "spent"):
            return format_yuan(getattr(row, key))
        if key == "attention":
            parts = [_reminder_label(r.kind.label, r.overdue) for r in row.reminders]
            if row.pending_request is not None:
                parts.append(
                    translate("ProjectListModel", "%1 request awaiting decision").replace(
                        "%1", row.pending_request.label
                    )
                )
            if row.spending_flagged:
                parts.append(translate("ProjectListModel", "Spending flagged"))
            return "；".join(parts)
        return str(getattr(row, key))

    def foreground(self, row: ProjectRow, key: str) -> QColor | None:
        if key == "attention":
            if row.overdue or row.spending_flagged:
                return ERROR
            return WARN
        if key == "status" and row.status.value in FINAL:
            return MUTED
        return None

    def tooltip(self, row: ProjectRow, key: str) -> str | None:
        if key == "attention" and row.reminders:
            return "\n".join(r.message for r in row.reminders)
        if key == "title":
            return row.title
        return None


class ProjectReminderModel(ProjectTableModel["ProjectReminder"]):
    """Every reminder due or overdue, earliest first."""

    CONTEXT = "ProjectReminderModel"
    COLUMNS = (
        Column("due", QT_TRANSLATE_NOOP("ProjectReminderModel", "Due")),
        Column("kind", QT_TRANSLATE_NOOP("ProjectReminderModel", "Reminder")),
        Column("number", QT_TRANSLATE_NOOP("ProjectReminderModel", "Project number")),
        Column("lead_unit", QT_TRANSLATE_NOOP("ProjectReminderModel", "Lead unit")),
        Column("message", QT_TRANSLATE_NOOP("ProjectReminderModel", "What to do")),
    )

    def key(self, row: ProjectReminder) -> Any:
        return row.project_id

    def text(self, row: ProjectReminder, key: str) -> str:
        reminder = row.reminder
        if key == "due":
            return reminder.due.isoformat()
        if key == "kind":
            return _reminder_label(reminder.kind.label, reminder.overdue)
        if key == "message":
            return reminder.message
        return str(getattr(row, key))

    def foreground(self, row: ProjectReminder, key: str) -> QColor | None:
        return ERROR if row.reminder.overdue else WARN

    def tooltip(self, row: ProjectReminder, key: str) -> str | None:
        return f"{row.number} {row.title}\n{row.reminder.message}"
