"""Typing into widgets as a clerk does, Chinese included.

QTest's key clicks know only ASCII (it asserts on anything else), so hanzi arrive the way
an input method delivers them: as a committed QInputMethodEvent, one character at a time.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.qt import QApplication, QInputMethodEvent, QWidget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
