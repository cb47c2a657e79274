"""What a person sees: no two mnemonics shown together, no clipped header or label.

Alt plus a letter must reach one field or button: when two visible widgets of one window
(or a widget and the menu bar) share a letter, Qt only cycles the focus between them and
the button is never pressed. Each main window is walked area by area and tab by tab, as are
the case, review and project windows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pprint import pformat
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.controllers.case_editor import CaseEditor
from desktop.controllers.main_window import MainWindow
from desktop.qt import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)
from tests.desktop.test_projects_support import Hvp, hvp
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo", "hvp"]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&(\w)", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def shown(root: QWidget, widget: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Letters that more than one visible widget (or menu) of ``root`` answers to."""
    owners: dict[str, list[str]] = {}

    def add(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            owners.setdefault(letter, []).append(f"{what} {text}")

    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action.text(), "menu")
    for widget in root.findChildren(QWidget):
        if not shown(root, widget):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text(), "button")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            if shown(root, widget.buddy()):
                add(widget.text(), "label")
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), "group")
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index), "tab")
    return {letter: found for letter, found in owners.items() if len(found) > 1}


def every_tab(root: QWidget) -> Iterator[str]:
    """Show each page of each tab widget in ``root`` in turn (nested ones too)."""
    yield ""
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if not shown(root, tabs):
                continue
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield f"{tabs.objectName() or type(tabs.parentWidget()).__name__}[{index}]"


def clashes_of(name: str, root: QWidget) -> dict[str, dict[str, list[str]]]:
    found = {}
    for page in every_tab(root):
        clashes = mnemonic_clashes(root)
        if clashes:
            found[f"{name} {page}"] = clashes
    return found


def clipped_headers(root: QWidget) -> list[str]:
    """Table columns narrower than their header text (the header shows it cut)."""
    found = []
    for table in root.findChildren(QTableView):
        if not table.isVisibleTo(root) or table.model() is None:
            continue
        header = table.horizontalHeader()
        if not header.isVisibleTo(root):
            continue
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            if header.sectionSize(column) + 1 < header.sectionSizeHint(column):
                text = table.model().headerData(column, header.orientation())
                found.append(f"{table.objectName()}: {text}")
    return found


def test_the_walk_would_catch_a_clash(qtbot: QtBot) -> None:
    from desktop.qt import QPushButton, QVBoxLayout

    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    layout.addWidget(QPushButton("全选(&A)"))
    layout.addWidget(QPushButton("启用(&A)"))
    widget.show()
    assert mnemonic_clashes(widget) == {"A": ["button 全选(&A)", "button 启用(&A)"]}


def test_no_two_shown_widgets_share_a_mnemonic_in_the_main_window(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    found: dict[str, dict[str, list[str]]] = {}
    for user in ("clerk", "supervisor", "admin"):
        window = MainWindow(demo.context(user))
        qtbot.addWidget(window)
        window.show()
        for row in range(window.navigation.count()):
            window.navigation.setCurrentRow(row)
            QApplication.processEvents()
            area = window.navigation.item(row).text()
            found |= clashes_of(f"{user} {area}", window)
        window.close()
    assert not found, pformat(found, width=100)


def test_no_two_shown_widgets_share_a_mnemonic_in_the_case_and_project_windows(
    qtbot: QtBot, demo: Demo, hvp: Hvp, messages: Any
) -> None:
    from desktop.controllers.projects import Projects
    from desktop.controllers.review import Review

    found: dict[str, dict[str, list[str]]] = {}
    clerk = demo.context("clerk")
    for case_id in (None, 25):
        editor = CaseEditor(clerk, case_id)
        qtbot.addWidget(editor)
        editor.show()
        found |= clashes_of(f"case {case_id}", editor)
        editor.dirty = False
        editor.close()
    review = Review(demo.context("supervisor"))
    qtbot.addWidget(review)
    window = review.open_case(18)
    qtbot.addWidget(window)
    window.show()
    found |= clashes_of("review 18", window)
    projects = Projects(hvp.context("clerk"))
    qtbot.addWidget(projects)
    for seq in (2, 3, 6):
        editor = projects.open_project(hvp.project_id(seq))
        editor.show()
        found |= clashes_of(f"project {seq}", editor)
    assert not found, pformat(found, width=100)


def test_no_header_is_cut_in_the_review_window(qtbot: QtBot, demo: Demo) -> None:
    from desktop.controllers.review import Review

    review = Review(demo.context("supervisor"))
    qtbot.addWidget(review)
    window = review.open_case(18)
    qtbot.addWidget(window)
    window.show()
    found = []
    for _ in every_tab(window):
        found += clipped_headers(window)
    assert found == []


def test_the_conditions_of_article_5_are_read_whole(qtbot: QtBot, hvp: Hvp) -> None:
    """Each condition's text takes the dialog's width, above its check box and note."""
    from tests.desktop.test_projects_support import open_step

    _, dialog = open_step(qtbot, hvp, "clerk", 6, "check_eligibility")
    dialog.show()
    QApplication.processEvents()
    conditions = [f for f in dialog.fields.values() if f.kind == "condition"]
    assert len(conditions) == 5
    for field in conditions:
        met, note = field.extra
        label = next(
            lb for lb in dialog.findChildren(QLabel) if lb.buddy() is met and lb.isVisible()
        )
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert label.width() > dialog.width() // 2, label.text()
        assert note.width() > dialog.width() // 2
    date = dialog.fields["checked_on"].widget
    assert date.width() >= date.sizeHint().width()
    dialog.reject()


def tab_chain(root: QWidget, start: QWidget) -> list[QWidget]:
    """The widgets Tab reaches from ``start`` inside ``root``, in order, once round."""
    from desktop.qt import Qt

    chain = [start]
    widget = start.nextInFocusChain()
    while widget is not start and len(chain) < 500:
        if (
            widget is not root
            and type(widget) is not QScrollArea  # a page's scroll area, not a field
            and root.isAncestorOf(widget)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def reading_order(root: QWidget, chain: list[QWidget]) -> list[str]:
    """Tab steps that go back up the page, or leftwards within one line."""
    backwards = []
    for first, second in itertools.pairwise(chain):
        a = first.mapTo(root, first.rect().topLeft())
        b = second.mapTo(root, second.rect().topLeft())
        same_line = abs(a.y() - b.y()) < min(first.height(), second.height()) // 2 + 1
        if (same_line and b.x() < a.x()) or (not same_line and b.y() < a.y()):
            backwards.append(f"{first.objectName() or first}→{second.objectName() or second}")
    return backwards


def test_tab_follows_the_page_in_the_case_and_project_windows(
    qtbot: QtBot, demo: Demo, hvp: Hvp
) -> None:
    from desktop.controllers.projects import Projects

    editor = CaseEditor(demo.context("clerk"), 25)
    editor.resize(1100, 760)
    editor.show()
    panel = editor.applicant_panel
    chain = tab_chain(panel, panel.received_on)
    assert panel.credit_code in chain and panel.account_number in chain
    assert chain.index(panel.credit_code) < chain.index(panel.name) < chain.index(panel.address)
    assert reading_order(panel, chain) == []
    editor.dirty = False
    editor.close()
    projects = Projects(hvp.context("clerk"))
    qtbot.addWidget(projects)
    project = projects.open_project(hvp.project_id(6))
    project.resize(1180, 800)
    project.show()
    page = project.tabs.widget(0)
    chain = tab_chain(page, project.title)
    assert len(chain) > 8
    assert reading_order(page, chain) == []
