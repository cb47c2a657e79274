"""Message boxes, always through QMessageBox's static functions.

Keeping to the static functions gives one thing to patch in tests (tests/desktop/conftest.py
records what would have been shown and answers for the user), and the buttons come out in
Chinese from Qt's own translation.
"""

from __future__ import annotations

from enum import Enum

from desktop.qt import QMessageBox, QWidget

_Button = QMessageBox.StandardButton


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def fail(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, _Button.Yes | _Button.No, _Button.No)
    return answer == _Button.Yes


def ask_save(parent: QWidget | None, title: str, text: str) -> SaveChoice:
    answer = QMessageBox.question(
        parent, title, text, _Button.Save | _Button.Discard | _Button.Cancel, _Button.Save
    )
    if answer == _Button.Save:
        return SaveChoice.SAVE
    if answer == _Button.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL
