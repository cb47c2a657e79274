"""The one door to Qt: every Qt name the desk uses is imported here and only here.

Like Anki's ``aqt.qt``: a single place to see which Qt the program depends on, to swap a
binding or add a compatibility shim, and to keep the rest of ``desktop/`` free of
``PySide6`` imports (a test checks that). QtPdf, QtPdfWidgets and QtPrintSupport are small
to load (about 10 ms together, measured here), so they are imported eagerly too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QEventLoop,
    QIODevice,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QRegularExpression,
    QRunnable,
    QSettings,
    QSignalBlocker,
    QSize,
    QSizeF,
    QSortFilterProxyModel,
    QStandardPaths,
    QStringListModel,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QImage,
    QInputMethodEvent,
    QIntValidator,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPixmap,
    QRegularExpressionValidator,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
    QValidator,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "NO_PARENT",
    "QT_TRANSLATE_NOOP",
    "QAbstractButton",
    "QAbstractItemModel",
    "QAbstractItemView",
    "QAbstractListModel",
    "QAbstractSpinBox",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QBrush",
    "QBuffer",
    "QButtonGroup",
    "QByteArray",
    "QCheckBox",
    "QCloseEvent",
    "QColor",
    "QComboBox",
    "QCompleter",
    "QCoreApplication",
    "QDate",
    "QDateEdit",
    "QDesktopServices",
    "QDialog",
    "QDialogButtonBox",
    "QDockWidget",
    "QDoubleSpinBox",
    "QEvent",
    "QEventLoop",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QFontMetrics",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QIODevice",
    "QIcon",
    "QImage",
    "QInputDialog",
    "QInputMethodEvent",
    "QIntValidator",
    "QItemSelectionModel",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLayout",
    "QLibraryInfo",
    "QLineEdit",
    "QListView",
    "QListWidget",
    "QListWidgetItem",
    "QLocale",
    "QMainWindow",
    "QMarginsF",
    "QMenu",
    "QMenuBar",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPageLayout",
    "QPageSize",
    "QPainter",
    "QPalette",
    "QPdfDocument",
    "QPdfView",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QPointF",
    "QPrintDialog",
    "QPrinter",
    "QProgressDialog",
    "QPushButton",
    "QRadioButton",
    "QRect",
    "QRectF",
    "QRegularExpression",
    "QRegularExpressionValidator",
    "QRunnable",
    "QScrollArea",
    "QSettings",
    "QShortcut",
    "QShowEvent",
    "QSignalBlocker",
    "QSize",
    "QSizeF",
    "QSizePolicy",
    "QSortFilterProxyModel",
    "QSpacerItem",
    "QSpinBox",
    "QSplitter",
    "QStackedWidget",
    "QStandardItem",
    "QStandardItemModel",
    "QStandardPaths",
    "QStatusBar",
    "QStringListModel",
    "QStyle",
    "QTabWidget",
    "QTableView",
    "QTableWidget",
    "QTableWidgetItem",
    "QTextBrowser",
    "QTextEdit",
    "QThread",
    "QThreadPool",
    "QTimer",
    "QToolBar",
    "QToolButton",
    "QTranslator",
    "QTreeView",
    "QUrl",
    "QVBoxLayout",
    "QValidator",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
    "from_qdate",
    "pyside_dir",
    "qconnect",
    "to_qdate",
    "translate",
]

translate = QCoreApplication.translate

#: The invisible root, as the default ``parent`` of model methods (one shared value rather
#: than a call in every signature).
NO_PARENT = QModelIndex()


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` without translating it now (typed:
    PySide6's own returns ``object``). lupdate finds the calls by this name."""
    return source


def to_qdate(day: dt.date) -> QDate:
    """A calendar day for a date widget."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """The calendar day a date widget holds."""
    return dt.date(day.year(), day.month(), day.day())


def pyside_dir() -> Path:
    """The installed PySide6 package folder (its tools, e.g. lrelease, live there)."""
    import PySide6

    return Path(PySide6.__file__).resolve().parent


def qconnect(signal: Any, slot: Callable[..., Any]) -> None:
    """Connect ``signal`` to ``slot``, typed so that mypy checks the slot is callable.

    PySide6's ``SignalInstance.connect`` is typed loosely; going through one helper also gives
    one place to add connection checks while debugging.
    """
    signal.connect(slot)
