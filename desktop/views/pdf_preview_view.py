"""The in-app preview of a printed form: the pages, print, save as, zoom."""

from __future__ import annotations

from desktop.qt import (
    QAction,
    QKeySequence,
    QLabel,
    QMainWindow,
    QPdfView,
    QToolBar,
    QWidget,
)


class PdfPreviewView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setCentralWidget(self.view)
        self.toolbar = QToolBar(self.tr("Preview"))
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.save_action = QAction(self.tr("&Save as PDF…"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.fit_width_action = QAction(self.tr("Fit &width"), self)
        self.fit_page_action = QAction(self.tr("Whole pa&ge"), self)
        self.actual_size_action = QAction(self.tr("&Actual size"), self)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        for action in (self.print_action, self.save_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.fit_width_action, self.fit_page_action, self.actual_size_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.close_action)
        self.pages = QLabel()
        self.pages.setObjectName("pages")
        self.statusBar().addPermanentWidget(self.pages)
