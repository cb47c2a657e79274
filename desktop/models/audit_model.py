"""系统管理 · 审计日志: one page of the hash-chained audit log at a time
(``core.records.supervisor_queries.audit_page``), newest first."""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import RIGHT, Column, RowsTableModel
from desktop.qt import QT_TRANSLATE_NOOP, QObject, translate

if TYPE_CHECKING:
    from core.db.database import Database
    from core.records.supervisor_queries import AuditFilters, AuditRow

# What a record is about (the log's entity names), as a reader calls it.
ENTITIES = {
    "application": QT_TRANSLATE_NOOP("AuditModel", "Case"),
    "applicant": QT_TRANSLATE_NOOP("AuditModel", "Applicant"),
    "user": QT_TRANSLATE_NOOP("AuditModel", "User"),
    "notice_batch": QT_TRANSLATE_NOOP("AuditModel", "Notice batch"),
    "settings": QT_TRANSLATE_NOOP("AuditModel", "Setting"),
    "lpr_rate": QT_TRANSLATE_NOOP("AuditModel", "LPR"),
    "database": QT_TRANSLATE_NOOP("AuditModel", "Database"),
    "project": QT_TRANSLATE_NOOP("AuditModel", "Cultivation project"),
    "payee_change": QT_TRANSLATE_NOOP("AuditModel", "Payee change"),
    "year_ruling": QT_TRANSLATE_NOOP("AuditModel", "Year ruling"),
}
# Actions that are not workflow steps (those are named by core: Action.label).
ACTIONS = {
    "register": QT_TRANSLATE_NOOP("AuditModel", "Registered"),
    "update": QT_TRANSLATE_NOOP("AuditModel", "Changed"),
    "materials": QT_TRANSLATE_NOOP("AuditModel", "Materials checked"),
    "create": QT_TRANSLATE_NOOP("AuditModel", "Created"),
    "close": QT_TRANSLATE_NOOP("AuditModel", "Notice closed"),
    "backup": QT_TRANSLATE_NOOP("AuditModel", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("AuditModel", "Restored"),
    "login": QT_TRANSLATE_NOOP("AuditModel", "Logged in"),
    "set_roles": QT_TRANSLATE_NOOP("AuditModel", "Roles changed"),
    "reset_password": QT_TRANSLATE_NOOP("AuditModel", "Password reset"),
    "change_password": QT_TRANSLATE_NOOP("AuditModel", "Password changed"),
    "deactivate": QT_TRANSLATE_NOOP("AuditModel", "Deactivated"),
    "reactivate": QT_TRANSLATE_NOOP("AuditModel", "Reactivated"),
    "create_first_admin": QT_TRANSLATE_NOOP("AuditModel", "First administrator created"),
    "locked": QT_TRANSLATE_NOOP("AuditModel", "Locked after failed logins"),
    "login_failed": QT_TRANSLATE_NOOP("AuditModel", "Login failed"),
    "save_rule_case": QT_TRANSLATE_NOOP("AuditModel", "Saved as a test case"),
}
# A payee change's own steps (core.records.payee): 「批准」 there is not a case's 审核通过.
PAYEE_ACTIONS = {
    "request": QT_TRANSLATE_NOOP("AuditModel", "Payee change recorded"),
    "approve": QT_TRANSLATE_NOOP("AuditModel", "Payee change approved"),
    "reject": QT_TRANSLATE_NOOP("AuditModel", "Payee change rejected"),
}


def action_text(action: str, entity: str = "") -> str:
    from core.records.states import Action

    if entity == "project":
        # The cultivation projects name their own steps (core.projects.records).
        try:
            from core.projects.records import EVENT_LABELS as labels
        except ImportError:  # a build without the projects module
            labels = {}
        if action in labels:
            return labels[action]
    if entity == "payee_change" and action in PAYEE_ACTIONS:
        return translate("AuditModel", PAYEE_ACTIONS[action])
    if action in ACTIONS:
        return translate("AuditModel", ACTIONS[action])
    try:
        return Action(action).label
    except ValueError:
        return action


def entity_text(entity: str, entity_id: str, entity_name: str = "") -> str:
    name = translate("AuditModel", ENTITIES[entity]) if entity in ENTITIES else entity
    # A case or project by its number, a person by name; the bare id only when that is gone.
    return f"{name} {entity_name or entity_id}"


def change_summary(row: AuditRow) -> list[str]:
    """The record's change in words, one line a field (core.audit_text)."""
    from core.audit_text import change_lines

    return change_lines(row.entity, row.before, row.after)


def change_text(value: Any) -> str:
    """A record's before or after as stored: indented JSON with the hanzi kept readable."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)


class AuditModel(RowsTableModel["AuditRow"]):
    CONTEXT = "AuditModel"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("AuditModel", "No."), RIGHT),
        Column("at", QT_TRANSLATE_NOOP("AuditModel", "Time")),
        Column("actor", QT_TRANSLATE_NOOP("AuditModel", "By")),
        Column("entity", QT_TRANSLATE_NOOP("AuditModel", "Record")),
        Column("action", QT_TRANSLATE_NOOP("AuditModel", "What")),
        Column("after", QT_TRANSLATE_NOOP("AuditModel", "Change")),
    )

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from core.records.supervisor_queries import AUDIT_PAGE, AuditFilters

        self.db = db
        self.filters = AuditFilters()
        self.offset = 0
        self.page_size = AUDIT_PAGE
        self.total = 0

    def key(self, row: AuditRow) -> Hashable:
        return row.id

    def load(self, filters: AuditFilters | None = None, offset: int | None = None) -> None:
        """Read a page from core (the same filters, or new ones from the first page)."""
        from core.records.supervisor_queries import audit_page

        if filters is not None:
            self.filters = filters
            self.offset = 0
        if offset is not None:
            self.offset = max(0, offset)
        page = audit_page(self.db, self.filters, self.offset, self.page_size)
        self.total = page.total
        self.set_rows(page.rows)

    def text(self, row: AuditRow, key: str) -> str:
        from core.db.clock import CHINA_TZ

        if key == "id":
            return str(row.id)
        if key == "at":
            return row.at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
        if key == "actor":
            return row.actor_name
        if key == "entity":
            return entity_text(row.entity, row.entity_id, row.entity_name)
        if key == "action":
            return action_text(row.action, row.entity)
        if key == "after":
            return "；".join(change_summary(row))[:160]
        return ""

    def tooltip(self, row: AuditRow, key: str) -> str | None:
        return "\n".join(change_summary(row))[:2000] if key == "after" else None
