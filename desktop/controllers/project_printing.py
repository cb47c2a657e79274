"""The four forms of a project and the workbook of all projects, rendered by core on a worker
thread (``desktop.workers``) and shown in the PDF preview / written to the chosen file.

Everything about a form — what it shows, whether it applies now (core raises NothingToPrint
with a Chinese reason: no request, no mid-term yet …), its layout and fonts — is core's
(``core.projects.documents``, ``core.projects.workbook``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import messages
from desktop.qt import QT_TRANSLATE_NOOP, QFileDialog, QWidget, translate
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.projects.model import ProjectDetail
    from desktop.context import DeskContext
    from desktop.controllers.pdf_preview import PdfPreview


class ProjectFormKind(Enum):
    SUMMARY = "summary"
    MIDTERM = "midterm"
    REQUEST = "request"
    ACCEPTANCE = "acceptance"

    @property
    def title(self) -> str:
        return translate("ProjectPrinting", _TITLES[self])

    @property
    def file_stem(self) -> str:
        return _FILE_STEMS[self]


_TITLES = {
    ProjectFormKind.SUMMARY: QT_TRANSLATE_NOOP("ProjectPrinting", "Project summary"),
    ProjectFormKind.MIDTERM: QT_TRANSLATE_NOOP("ProjectPrinting", "Mid-term evaluation form"),
    ProjectFormKind.REQUEST: QT_TRANSLATE_NOOP(
        "ProjectPrinting", "Extension / termination request form"
    ),
    ProjectFormKind.ACCEPTANCE: QT_TRANSLATE_NOOP("ProjectPrinting", "Closure acceptance opinion"),
}
_FILE_STEMS = {
    ProjectFormKind.SUMMARY: "立项信息表",
    ProjectFormKind.MIDTERM: "中期评估表",
    ProjectFormKind.REQUEST: "延期终止申请审核表",
    ProjectFormKind.ACCEPTANCE: "结题验收意见表",
}


def render_project_form(detail: ProjectDetail, kind: ProjectFormKind) -> bytes:
    """Core's PDF; raises core's NothingToPrint when the form has no subject yet."""
    from core.projects import documents

    if kind is ProjectFormKind.SUMMARY:
        return documents.render_summary(detail)
    if kind is ProjectFormKind.MIDTERM:
        return documents.render_midterm(detail)
    if kind is ProjectFormKind.REQUEST:
        return documents.render_request(detail)
    return documents.render_acceptance(detail)


class Cancelled(Exception):
    pass


def preview_project_form(
    parent: QWidget,
    detail: ProjectDetail,
    kind: ProjectFormKind,
    shown: Callable[[PdfPreview], None],
) -> Job[bytes]:
    """Render on the thread pool behind a progress dialog, then open the preview."""

    def work(progress: Progress) -> bytes:
        if not progress(0, 1):
            raise Cancelled
        data = render_project_form(detail, kind)
        progress(1, 1)
        return data

    def done(data: bytes) -> None:

        from desktop.controllers.pdf_preview import open_preview

        title = f"{kind.title} — {detail.number}"
        shown(open_preview(data, title, f"{detail.number}{kind.file_stem}"))

    def failed(exc: BaseException) -> None:
        from core.projects.documents import NothingToPrint

        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, NothingToPrint | ValueError):
            messages.warn(parent, kind.title, str(exc))
            return
        raise exc

    label = translate("ProjectPrinting", "Rendering %1…").replace("%1", kind.title)
    return run_with_progress(parent, label, work, done, failed)


def export_workbook(
    parent: QWidget, context: DeskContext, done: Callable[[Path], None] | None = None
) -> Job[Path] | None:
    """Ask where, then write core's workbook of all projects on the thread pool."""
    from core.db.clock import local_today

    today = local_today(context.db.clock)
    from desktop.folders import remember_export, suggested_export

    suggested = suggested_export(f"培育项目一览表-{today:%Y%m%d}.xlsx")
    title = translate("ProjectPrinting", "Export all projects")
    path, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, translate("ProjectPrinting", "Excel workbook (*.xlsx)")
    )
    if not path:
        return None
    remember_export(path)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    from desktop.outputs import checked_target

    if checked_target(parent, title, target, "项目一览表") is None:
        return None
    db = context.db

    def work(progress: Progress) -> Path:
        from core.projects.checks import current_project_policy
        from core.projects.policy import load_project_policy
        from core.projects.queries import list_project_details, project_policy_ids
        from core.projects.workbook import projects_workbook

        if not progress(0, 3):
            raise Cancelled
        ids = project_policy_ids(db)
        policy = load_project_policy(ids[0]) if ids else current_project_policy()
        details = list_project_details(db, policy_id=policy.id)
        if not progress(1, 3):
            raise Cancelled
        data = projects_workbook(details, policy, prepared_on=today)
        if not progress(2, 3):
            raise Cancelled
        from core.outputs import write_output

        write_output(target, data)
        progress(3, 3)
        return target

    def finished(written: Path) -> None:
        messages.inform(
            parent, title, translate("ProjectPrinting", "Saved to %1").replace("%1", str(written))
        )
        if done is not None:
            done(written)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, OSError):
            messages.warn(
                parent,
                title,
                translate("ProjectPrinting", "Could not save: %1").replace("%1", str(exc)),
            )
            return
        raise exc

    label = translate("ProjectPrinting", "Writing the workbook of all projects…")
    return run_with_progress(parent, label, work, finished, failed)
