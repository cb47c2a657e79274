"""系统管理 · 完整性检查: core's check (``check_integrity``) off the GUI thread, and its verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.qt import QWidget, Signal, qconnect
from desktop.views.admin_integrity_view import AdminIntegrityView
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.records.supervisor_queries import IntegrityReport
    from desktop.context import DeskContext


class AdminIntegrity(AdminIntegrityView):
    checked = Signal(object)  # IntegrityReport

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: IntegrityReport | None = None
        self.jobs: list[Job[Any]] = []
        qconnect(self.check_button.clicked, self.check)
        self.verdict.setText(self.tr("Not checked yet in this session."))

    def check(self) -> Job[Any]:
        db = self.context.db

        def work(progress: Progress) -> IntegrityReport:
            from core.records.supervisor_queries import check_integrity

            return check_integrity(db, progress)

        def failed(exc: BaseException) -> None:
            self.verdict.setStyleSheet("color: #b00020;")
            self.verdict.setText(self.tr("The check could not run: %1").replace("%1", str(exc)))

        self.check_button.setEnabled(False)
        job = run_with_progress(self, self.tr("Checking…"), work, self._done, failed)
        job.finished.connect(lambda: self.check_button.setEnabled(True))
        self.jobs.append(job)
        return job

    def _done(self, report: IntegrityReport) -> None:
        from core.db.clock import local_text

        self.report = report
        when = local_text(self.context.db.clock.now())
        if report.ok:
            self.verdict.setStyleSheet("color: #1b5e20;")
            self.verdict.setText(self.tr("Intact (checked %1).").replace("%1", when))
        else:
            self.verdict.setStyleSheet("color: #b00020;")
            self.verdict.setText(
                self.tr(
                    "Problems found (checked %1). Restore the last good backup and tell the "
                    "developer."
                ).replace("%1", when)
            )
        self.result.setPlainText(report.summary())
        self.checked.emit(report)
