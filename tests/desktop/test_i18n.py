"""The zh_CN translation is complete, current, and every screen shows it.

* the .ts has no unfinished, empty or obsolete entry, keeps every placeholder and
  mnemonic, and matches the sources (tools/update_translations.py --check);
* every screen, walked widget by widget in zh_CN, shows no text that is still an English
  source string.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.i18n import ts_path
from desktop.qt import (
    NO_PARENT,
    QAbstractButton,
    QAbstractItemView,
    QAbstractListModel,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    Qt,
    QTabWidget,
    QWidget,
)

TS = ts_path("zh_CN")


def messages_of(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def english_sources() -> set[str]:
    sources = set()
    for _, source, _ in messages_of(TS):
        sources.add(source)
        sources.add(source.replace("&", ""))
    sources.discard("")
    return sources


def test_every_string_is_translated() -> None:
    problems = [
        f"{context}: {source!r}"
        for context, source, translation in messages_of(TS)
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert problems == []


def test_placeholders_and_mnemonics_survive_translation() -> None:
    problems = []
    for context, source, translation in messages_of(TS):
        text = translation.text or ""
        for placeholder in re.findall(r"%\d|\{\w+\}", source):
            if placeholder not in text:
                problems.append(f"{context}: {source!r} lost {placeholder}")
        # The letter may differ (Chinese labels carry "(&X)", chosen so that the fields and
        # buttons shown together do not share one), but a mnemonic must not be lost.
        if re.search(r"&\w", source) and not re.search(r"&\w", text):
            problems.append(f"{context}: {source!r} lost its mnemonic")
    assert problems == []


def test_translation_file_matches_the_sources() -> None:
    from tools.update_translations import main

    assert main(["--check"]) == 0, "run .venv/bin/python tools/update_translations.py"


# -- walking the screens ---------------------------------------------------------------------


def shown_texts(root: QWidget) -> list[str]:
    """Every text a user can see in ``root`` (labels, buttons, titles, items, headers)."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            texts.append(widget.toolTip())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.placeholderText())
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(NO_PARENT)
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            ]
            texts += [
                str(model.data(model.index(r, 0)) or "")
                for r in range(min(model.rowCount(NO_PARENT), 30))
            ]
        if isinstance(widget, QMainWindow):
            for menu in widget.menuBar().findChildren(QMenu):
                texts.append(menu.title())
                texts += [a.text() for a in menu.actions()]
        for action in widget.actions():
            texts.append(action.text())
    return [t for t in texts if t]


def untranslated(root: QWidget) -> list[str]:
    sources = english_sources()
    return sorted({t for t in shown_texts(root) if t in sources or t.replace("&", "") in sources})


def screens(qtbot: QtBot, desk_db: Any, clerk_context: Any) -> list[QWidget]:
    from core.db.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew
    from core.records.states import Action
    from desktop.controllers.actions import EDITOR_ACTIONS, ActionDialog
    from desktop.controllers.case_editor import CaseEditor
    from desktop.controllers.db_problem import DbProblemDialog
    from desktop.controllers.login import LoginWindow
    from desktop.controllers.main_window import MainWindow
    from desktop.controllers.password import PasswordDialog
    from desktop.controllers.pdf_preview import PdfPreview
    from desktop.controllers.setup import SetupDialog
    from desktop.controllers.sme import SmeDialog
    from desktop.printing import Form, render_case_form

    login = LoginWindow()
    login.set_database(desk_db.db, [("clerk", "clerk123", "窗口经办")])
    setup = SetupDialog(Path("ipdesk.sqlite3"))
    setup_admin = SetupDialog(Path("ipdesk.sqlite3"))
    setup_admin.ask_admin(desk_db.db)
    problems = [
        DbProblemDialog(DatabaseCorrupt("坏了")),
        DbProblemDialog(DatabaseLocked(None)),
        DbProblemDialog(DatabaseTooNew(None, "9999")),
    ]
    window = MainWindow(clerk_context)
    new_editor = CaseEditor(clerk_context, None)
    editor = CaseEditor(clerk_context, desk_db.case_ids[0])
    steps = [ActionDialog(clerk_context, Action(code), lambda v: None) for code in EDITOR_ACTIONS]
    preview = PdfPreview(
        render_case_form(clerk_context, desk_db.case_ids[0], Form.APPLICATION), "x", "x.pdf"
    )
    widgets: list[QWidget] = [
        login,
        setup,
        setup_admin,
        *problems,
        window,
        new_editor,
        editor,
        SmeDialog(),
        PasswordDialog(clerk_context, forced=True),
        *steps,
        preview,
    ]
    for widget in widgets:
        widget.show()
    return widgets


@pytest.mark.slow
def test_every_screen_shows_chinese(qtbot: QtBot, desk_db: Any, clerk_context: Any) -> None:
    found: dict[str, list[str]] = {}
    for widget in screens(qtbot, desk_db, clerk_context):
        tabs = widget.findChildren(QTabWidget)
        pages = [(tab, i) for tab in tabs for i in range(tab.count())] or [(None, 0)]
        for tab, index in pages:
            if tab is not None:
                tab.setCurrentIndex(index)
            left = untranslated(widget)
            if left:
                found[f"{type(widget).__name__}[{index}]"] = left
        widget.close()
    assert found == {}


def test_the_walk_would_catch_english(qtbot: QtBot) -> None:
    """The check itself: in English, the login window is all source strings."""
    from desktop.controllers.login import LoginWindow
    from desktop.i18n import install_translators

    install_translators("en")
    try:
        login = LoginWindow()
        qtbot.addWidget(login)
        login.show()
        assert "&Log in" in untranslated(login)
    finally:
        install_translators("zh_CN")
