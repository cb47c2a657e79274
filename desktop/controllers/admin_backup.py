"""系统管理 · 备份与恢复: back up to a folder, restore a checked backup, and the reminder when
the last backup is older than seven days (core's ``backup_due``).

The copy, the check and the restore are core's (``core.db.backup``); they run on a worker
thread behind a progress dialog that can cancel them, and core undoes a cancelled step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import messages
from desktop.qt import QFileDialog, QWidget, Signal, translate
from desktop.views.admin_backup_view import AdminBackupView
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.db.backup import BackupReport
    from desktop.context import DeskContext

BACKUP_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


def backup_reminder(context: DeskContext) -> str:
    """The reminder to show an administrator, or '' when a backup is recent enough."""
    from core.db.backup import BACKUP_REMINDER_DAYS, backup_due, last_backup
    from core.db.clock import local_text

    if not context.has_role("admin") or context.db.path is None:
        return ""
    if not backup_due(context.db):
        return ""
    last = last_backup(context.db)
    if last is None:
        return translate(
            "AdminBackup",
            "The database has never been backed up. Back it up now to a USB stick "
            "(Administration → Backup and restore).",
        )
    return (
        translate(
            "AdminBackup",
            "The last backup was made %1, more than %2 days ago. Back up now to a USB stick "
            "(Administration → Backup and restore).",
        )
        .replace("%1", local_text(last.at))
        .replace("%2", str(BACKUP_REMINDER_DAYS))
    )


def remind_if_due(parent: QWidget | None, context: DeskContext) -> bool:
    """At login: tell an administrator when the last backup is older than seven days."""
    text = backup_reminder(context)
    if text:
        messages.warn(parent, translate("AdminBackup", "Backup reminder"), text)
    return bool(text)


class AdminBackup(AdminBackupView):
    """``backed_up(path)`` after a backup; ``restored`` after the database was replaced."""

    backed_up = Signal(object)
    restored = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.qt import qconnect

        self.context = context
        self.jobs: list[Job[Any]] = []
        # Asked before a restore replaces everything: the shell closes its case windows (False:
        # the user kept one open, so nothing is restored).
        self.before_restore: Callable[[], bool] | None = None
        qconnect(self.backup_button.clicked, self.backup)
        qconnect(self.restore_button.clicked, self.restore)
        self.refresh()

    def refresh(self) -> None:
        from core.db.backup import last_backup
        from core.db.clock import local_text

        db = self.context.db
        last = last_backup(db)
        if last is None:
            self.last.setText(self.tr("No backup has been made yet."))
        else:
            self.last.setText(
                self.tr("Last backup: %1, to %2")
                .replace("%1", local_text(last.at))
                .replace("%2", last.file)
            )
        reminder = backup_reminder(self.context)
        self.due.setText(reminder)
        self.due.setStyleSheet(ERROR_STYLE)
        self.due.setVisible(bool(reminder))
        self.current.setText(
            self.tr("Database in use: %1 — %2")
            .replace("%1", db.label)
            .replace("%2", self.describe_current())
        )

    def describe_current(self) -> str:
        """How many cases the database in use holds and when it last changed."""
        from core.db.clock import local_text
        from core.projects.queries import count_projects
        from core.records.case_queries import count_cases
        from core.records.supervisor_queries import audit_page

        db = self.context.db
        page = audit_page(db, limit=1)
        last = local_text(page.rows[0].at) if page.rows else self.tr("never")
        return (
            self.tr("%1 case(s), %4 project(s), %2 audit record(s), last change %3")
            .replace("%1", str(count_cases(db)))
            .replace("%4", str(count_projects(db)))
            .replace("%2", str(page.total))
            .replace("%3", last)
        )

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    def _failed(self, title: str) -> Any:
        def failed(exc: BaseException) -> None:
            from core.db.errors import DatabaseError
            from core.records.errors import RecordsError

            if isinstance(exc, DatabaseError | RecordsError | OSError):
                self.show_message(str(exc), error=True)
                messages.warn(self, title, str(exc))
            else:
                from desktop.errors import report_exception

                report_exception(exc)

        return failed

    # -- backup ----------------------------------------------------------------------------------

    def backup(self) -> Job[Any] | None:
        """Back up into a chosen folder (a USB stick), under a dated file name."""
        db, user = self.context.db, self.context.user
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the backup (e.g. the USB stick)"), str(Path.home())
        )
        if not folder:
            return None
        from core.db.clock import backup_file_name

        target = Path(folder) / backup_file_name(db.clock.now(), server=not db.is_sqlite)

        def work(progress: Progress) -> Any:
            from core.db.backup import backup_database

            return backup_database(
                db, target, progress=progress, actor_id=user.id, actor_name=user.display_name
            )

        def done(result: Any) -> None:
            self.refresh()
            self.show_message(
                self.tr("Backed up to %1 (%2 KB), checked.")
                .replace("%1", str(result.path))
                .replace("%2", f"{result.size // 1024:,}")
            )
            self.backed_up.emit(result.path)

        title = self.tr("Backup")
        job = run_with_progress(self, self.tr("Backing up…"), work, done, self._failed(title))
        self.jobs.append(job)
        return job

    # -- restore ---------------------------------------------------------------------------------

    def restore(self) -> Job[Any] | None:
        """Choose a backup, check it (off the GUI thread), then confirm and restore."""
        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup to restore"), str(Path.home()), BACKUP_FILTER
        )
        if not source:
            return None

        live = self.context.db.path

        def work(progress: Progress) -> BackupReport:
            from core.db.backup import check_restore

            return check_restore(live, source, progress)

        title = self.tr("Restore")
        job = run_with_progress(
            self, self.tr("Checking the backup…"), work, self._checked, self._failed(title)
        )
        self.jobs.append(job)
        return job

    def _checked(self, report: BackupReport) -> None:
        title = self.tr("Restore")
        if not report.usable:
            self.show_message(report.summary(), error=True)
            messages.warn(self, title, report.summary())
            return
        override = not report.ok
        if override:
            # Only its trail is in doubt: an administrator may still restore it for disaster
            # recovery, knowingly, and the restored database's audit records that they did.
            self.show_message(report.summary(), error=True)
            question = self.tr(
                "%1\n\nThis backup cannot be vouched for. Restore it anyway, for disaster "
                "recovery only? The override and the problems above are recorded in the "
                "restored database's audit."
            ).replace("%1", report.summary())
        else:
            audit = report.audit.count if report.audit is not None else 0
            question = (
                self.tr(
                    "Replace the database in use\n  %1\n  (%2)\nby the backup\n  %3\n  (%4 "
                    "case(s), %7 project(s), %5 audit record(s), last change %6; checked, "
                    "intact)?\n\nEverything "
                    "entered since that backup — cases, decisions, notices, payouts, users — is "
                    "replaced. A safety copy of the database in use is kept next to it."
                )
                .replace("%1", str(self.context.db.path))
                .replace("%2", self.describe_current())
                .replace("%3", str(report.path))
                .replace("%4", str(report.case_count))
                .replace("%7", str(report.project_count or 0))
                .replace("%5", str(audit))
                .replace("%6", report.last_change or "—")
            )
        if report.needs_upgrade:
            question += "\n" + self.tr("The backup is from an older version; it is upgraded.")
        if report.lost:
            question += "\n\n" + report.lost
        if not messages.confirm(self, title, question) or (
            self.before_restore is not None and not self.before_restore()
        ):
            self.show_message(self.tr("Not restored."))
            return
        db, user = self.context.db, self.context.user

        def work(progress: Progress) -> Any:
            from core.db.backup import restore_database

            return restore_database(
                db,
                report.path,
                progress=progress,
                actor_id=user.id,
                actor_name=user.display_name,
                override=override,
                checked=report,
            )

        def done(result: Any) -> None:
            self.refresh()
            self.show_message(
                self.tr("Restored from %1. The database as it was is kept as %2.")
                .replace("%1", str(report.path))
                .replace("%2", str(result.safety_copy or ""))
            )
            messages.inform(self, title, self.message.text())
            self.restored.emit()

        job = run_with_progress(self, self.tr("Restoring…"), work, done, self._failed(title))
        self.jobs.append(job)
