"""系统管理: users, backup and restore, integrity, the audit log, the policy and the LPR table.

Each page is its own controller; this one puts them in tabs, shows the backup reminder (core's
``backup_due``: no backup in seven days) on top and, when asked, once as a message at login.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.controllers.admin_audit import AdminAudit
from desktop.controllers.admin_backup import AdminBackup, backup_reminder, remind_if_due
from desktop.controllers.admin_integrity import AdminIntegrity
from desktop.controllers.admin_lpr import AdminLpr
from desktop.controllers.admin_policy import AdminPolicy
from desktop.controllers.admin_users import AdminUsers
from desktop.qt import QTimer, QWidget, Signal, qconnect
from desktop.views.admin_view import AdminView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class Admin(AdminView):
    """``database_replaced`` after a restore (every screen must read again)."""

    database_replaced = Signal()
    changed = Signal(object)

    def __init__(
        self, context: DeskContext, parent: QWidget | None = None, *, remind: bool = False
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.users = AdminUsers(context)
        self.backup = AdminBackup(context)
        self.integrity = AdminIntegrity(context)
        self.audit = AdminAudit(context)
        self.policy = AdminPolicy(context)
        self.lpr = AdminLpr(context)
        self.tabs.addTab(self.users, self.tr("&1 Users"))
        self.tabs.addTab(self.backup, self.tr("&2 Backup and restore"))
        self.tabs.addTab(self.integrity, self.tr("&3 Integrity"))
        self.tabs.addTab(self.audit, self.tr("&4 Audit log"))
        self.tabs.addTab(self.policy, self.tr("&5 Policy"))
        self.tabs.addTab(self.lpr, self.tr("&6 LPR"))
        for page in (self.users, self.policy, self.lpr):
            qconnect(page.changed, self._changed)
        qconnect(self.backup.backed_up, lambda _: self._changed(None))
        qconnect(self.backup.restored, self._restored)
        qconnect(self.integrity.checked, lambda _: self.audit.refresh())
        self.show_reminder()
        if remind:
            # After the window is up, like the case window's offer of drafts.
            QTimer.singleShot(0, lambda: remind_if_due(self.window(), context))

    def show_reminder(self) -> None:
        text = backup_reminder(self.context)
        self.reminder.setText(text)
        self.reminder.setVisible(bool(text))

    def _changed(self, changes: object) -> None:
        self.show_reminder()
        self.audit.refresh()
        if changes is not None:
            self.changed.emit(changes)

    def _restored(self) -> None:
        self.refresh()
        self.database_replaced.emit()

    def refresh(self) -> None:
        """Everything read again (after a restore, or when the shell asks)."""
        self.users.refresh()
        self.backup.refresh()
        self.audit.refresh()
        self.policy.show_policy()
        self.lpr.refresh()
        self.show_reminder()
