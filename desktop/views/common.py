"""View pieces more than one screen lays out the same way: the read-only list table, and the
header line of a record window (number, status, title, a note on the right)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.qt import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    Qt,
    QTableView,
    QWidget,
)

#: The colour of a caution that is not an error (unsaved, four eyes).
CAUTION_STYLE = "color: #8a5300;"


def queue_table(name: str, *, multi: bool = False) -> QTableView:
    """A list of rows to choose from: whole-row selection, no editing, Tab leaves it."""
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


@dataclass
class RecordHeader:
    """The top line of a case or project window."""

    number: QLabel
    status: QLabel
    title: QLabel
    note: QLabel
    layout: QHBoxLayout


def record_header(
    number_name: str, status_name: str, title_name: str, note_name: str
) -> RecordHeader:
    """Number in large bold type, the status framed, the title taking the free width, and a
    note on the right (unsaved changes, days waited). Object names are the tests' handles."""
    number = QLabel()
    number.setObjectName(number_name)
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    number.setFont(font)
    status = QLabel()
    status.setObjectName(status_name)
    status.setFrameShape(QFrame.Shape.StyledPanel)
    status.setMargin(3)
    title = QLabel()
    title.setObjectName(title_name)
    note = QLabel()
    note.setObjectName(note_name)
    layout = QHBoxLayout()
    layout.addWidget(number)
    layout.addWidget(status)
    layout.addWidget(title, 1)
    layout.addWidget(note)
    return RecordHeader(number, status, title, note, layout)


def scroll_area(content: QWidget, *, frame: bool = True) -> QScrollArea:
    """``content`` in a scroll area that is no Tab stop of its own: Tab goes from the field
    before it straight to its first field, which the area scrolls into view (issue 20 §7:
    tabbing out of the claims table left focus on the invisible area)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not frame:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll
