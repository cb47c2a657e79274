"""Keyboard-only entry: Enter moves to the next field, as Tab does.

Counter clerks type from the paper with the right hand on the number pad, where Enter is
the nearest key. In single-line fields, spin boxes, combo boxes and check boxes, Enter is
turned into Tab (so the tab order decides where it goes); in buttons, lists and multi-line
text it keeps its own meaning.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.qt import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QEvent,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QModelIndex,
    QObject,
    QShortcut,
    Qt,
    QWidget,
    qconnect,
)

_MOVES_ON = (QLineEdit, QAbstractSpinBox, QComboBox, QCheckBox)


class EnterMovesOn(QObject):
    def install(self, root: QWidget) -> None:
        """Watch ``root`` and every field in it (call again for fields added later)."""
        for widget in (root, *root.findChildren(QWidget)):
            if isinstance(widget, _MOVES_ON):
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(watched, QLineEdit):
            completer = watched.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                return False  # Enter picks the suggestion
        if isinstance(watched, QComboBox):
            view = watched.view()
            if view is not None and view.isVisible():
                return False  # Enter picks the item
        if not isinstance(watched, QWidget):
            return False
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(watched, tab)
        return True


def enter_activates(view: QAbstractItemView, activate: Callable[[QModelIndex], object]) -> None:
    """Enter (either key) on a table does what a double-click does, on the current cell."""
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        qconnect(
            shortcut.activated,
            lambda v=view: activate(v.currentIndex()) if v.currentIndex().isValid() else None,
        )
