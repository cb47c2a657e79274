"""Preview a form, print it at the printer's resolution, or save it as a PDF file.

Printing renders each page at the printer's own resolution onto a full A4 page with no
margins of Qt's, at exactly the PDF's size (points ÷ 72 × dpi), so the form comes out at
100 % — the layout's margins are already in the PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop import messages
from desktop.geometry import fit_to_screen
from desktop.qt import (
    QApplication,
    QBuffer,
    QByteArray,
    QFileDialog,
    QIODevice,
    QKeySequence,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfDocument,
    QPdfView,
    QPrintDialog,
    QPrinter,
    QProgressDialog,
    QRect,
    QShortcut,
    QSize,
    Qt,
    QWidget,
    qconnect,
)
from desktop.views.pdf_preview_view import PdfPreviewView

POINTS_PER_INCH = 72.0
# Office printers print forms at 600 dpi; one A4 page at 600 dpi is ~140 MB while rendered.
MAX_DPI = 600


class PdfPreview(PdfPreviewView):
    def __init__(
        self, data: bytes, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.file_name = file_name
        self.setWindowTitle(title)
        self.resize(900, 1000)
        fit_to_screen(self)
        # The buffer must live as long as the document reads from it.
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view.setDocument(self.document)
        self.pages.setText(self.tr("%1 page(s)").replace("%1", str(self.document.pageCount())))
        qconnect(self.print_action.triggered, self.print_dialog)
        qconnect(self.save_action.triggered, self.save_as)
        qconnect(self.close_action.triggered, self.close)
        qconnect(
            self.fit_width_action.triggered,
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth),
        )
        qconnect(
            self.fit_page_action.triggered,
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView),
        )
        qconnect(self.actual_size_action.triggered, self._actual_size)
        zoom_in = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self)
        qconnect(zoom_in.activated, lambda: self._zoom(1.25))
        zoom_out = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self)
        qconnect(zoom_out.activated, lambda: self._zoom(0.8))

    def _actual_size(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(1.0)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(self.view.zoomFactor() * factor, 5.0)))

    # -- print -----------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFullPage(True)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        return printer

    def print_dialog(self) -> bool:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Render every page (or the chosen range) onto ``printer`` at 100 %."""
        count = self.document.pageCount()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(printer.toPage() - 1, count - 1)
        painter = QPainter()
        if not painter.begin(printer):
            messages.warn(
                self, self.tr("Print"), self.tr("The printer could not be started. Check it is on.")
            )
            return False
        # A batch of 200 forms is minutes of rendering at printer resolution: show how far it
        # is and let it be stopped (issue 20 §20). Pages already sent stay sent.
        pages = last - first + 1
        progress = None
        if pages > 1:
            progress = QProgressDialog("", self.tr("Stop printing"), 0, pages, self)
            progress.setWindowTitle(self.tr("Print"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
        stopped = False
        try:
            dpi = printer.resolution()
            for number, page in enumerate(range(first, last + 1)):
                if progress is not None:
                    progress.setLabelText(
                        self.tr("Printing page %1 of %2…")
                        .replace("%1", str(number + 1))
                        .replace("%2", str(pages))
                    )
                    progress.setValue(number)
                    QApplication.processEvents()
                    if progress.wasCanceled():
                        printer.abort()
                        stopped = True
                        break
                if number:
                    printer.newPage()
                self._paint_page(painter, page, dpi)
        finally:
            painter.end()
            if progress is not None:
                progress.close()
        if stopped:
            self.statusBar().showMessage(self.tr("Printing stopped."), 5000)
        return not stopped

    def _paint_page(self, painter: QPainter, page: int, dpi: int) -> None:
        """One page, rendered at the printer's resolution and drawn at exactly its A4 size.

        Above MAX_DPI the page is rendered at MAX_DPI and the painter scales it up: a whole
        A4 page at 1200 dpi would be 560 MB of pixels. (QtPdf's clip-rectangle rendering,
        which would allow bands, was seen to shift the bands by a few pixels, so it is not
        used.)
        """
        points = self.document.pagePointSize(page)
        width = round(points.width() / POINTS_PER_INCH * dpi)
        height = round(points.height() / POINTS_PER_INCH * dpi)
        render_dpi = min(dpi, MAX_DPI)
        size = QSize(
            round(points.width() / POINTS_PER_INCH * render_dpi),
            round(points.height() / POINTS_PER_INCH * render_dpi),
        )
        image = self.document.render(page, size)
        painter.drawImage(QRect(0, 0, width, height), image)

    # -- save ------------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        from desktop.folders import remember_export, suggested_export

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested_export(self.file_name), "PDF (*.pdf)"
        )
        if not path:
            return None
        remember_export(path)
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        from core.outputs import write_output
        from desktop.outputs import checked_target

        if checked_target(self, self.tr("Save as PDF"), target, "PDF") is None:
            return None
        try:
            write_output(target, self.data)
        except OSError as exc:
            messages.warn(
                self, self.tr("Save as PDF"), self.tr("Could not save: %1").replace("%1", str(exc))
            )
            return None
        saved = self.tr("Saved to %1").replace("%1", str(target))
        self.statusBar().showMessage(saved, 5000)
        # A status line goes unseen at the counter: the clerk is told where the file is.
        messages.inform(self, self.tr("Save as PDF"), saved)
        return target


def open_preview(
    data: bytes,
    title: str,
    file_stem: str,
    kept: list[Any] | None = None,
    parent: QWidget | None = None,
) -> PdfPreview:
    """Show a preview that deletes itself when closed. ``kept`` holds a reference while it is
    open (the caller's list of its previews), and forgets it when the window goes."""
    from core.outputs import default_file_name

    preview = PdfPreview(data, title, default_file_name(file_stem, ".pdf"), parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if kept is not None:
        kept.append(preview)

        def forget(*_: object) -> None:
            if preview in kept:
                kept.remove(preview)

        qconnect(preview.destroyed, forget)
    preview.show()
    return preview
