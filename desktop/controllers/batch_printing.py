"""Printing one form for many cases at once (issue 20 §20): core lays the forms out into one
PDF on a worker thread behind a cancellable progress dialog; the preview then prints it or
saves it. Which forms may be printed in bulk, and what each shows, is core's
(``core.records.documents.render_case_forms``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop import messages
from desktop.printing import Form
from desktop.qt import QWidget, translate
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.records.documents import PrintedForms
    from desktop.context import DeskContext
    from desktop.controllers.pdf_preview import PdfPreview

#: The forms the case list prints for a selection, in menu order.
BATCH_FORMS = (Form.APPLICATION, Form.REVIEW_OPINION)


def print_cases(
    parent: QWidget,
    context: DeskContext,
    case_ids: Sequence[int],
    form: Form,
    shown: Callable[[PdfPreview], None],
) -> Job[PrintedForms] | None:
    """Lay out ``form`` for every case into one PDF and open its preview."""
    if not case_ids:
        messages.warn(parent, form.title, translate("BatchPrinting", "Select the cases first."))
        return None
    db = context.db
    ids = list(case_ids)

    def work(progress: Progress) -> PrintedForms:
        from core.records.documents import render_case_forms

        return render_case_forms(db, ids, form.core_kind, progress)

    def done(printed: PrintedForms) -> None:
        from core.records.documents import unprintable_warning
        from desktop.controllers.pdf_preview import open_preview

        for number, chars in printed.unprintable:
            messages.warn(parent, form.title, f"{number}：{unprintable_warning(chars)}")
        count = len(printed.case_numbers)
        title = (
            translate("BatchPrinting", "%1 — %2 cases")
            .replace("%1", form.title)
            .replace("%2", str(count))
        )
        shown(open_preview(printed.data, title, f"{form.file_stem}（{count}份）"))

    def failed(exc: BaseException) -> None:
        from core.records.documents import PrintCancelled
        from core.records.errors import RecordsError

        if isinstance(exc, PrintCancelled):
            return
        if isinstance(exc, RecordsError):
            messages.warn(parent, form.title, str(exc))
            return
        raise exc

    label = (
        translate("BatchPrinting", "Laying out %1 for %2 cases…")
        .replace("%1", form.title)
        .replace("%2", str(len(ids)))
    )
    return run_with_progress(parent, label, work, done, failed)
