"""Part 2's areas in the main window: who sees which, and what they tell the shell."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.records.cases import get_case
from core.records.states import Status
from desktop.controllers.main_window import MainWindow
from desktop.qt import QApplication, QDialogButtonBox, QMessageBox
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo"]


def window_for(qtbot: QtBot, demo: Demo, user: str) -> MainWindow:
    window = MainWindow(demo.context(user))
    qtbot.addWidget(window)
    window.show()
    return window


def titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_each_role_sees_its_areas(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    assert titles(window_for(qtbot, demo, "clerk")) == ["受理登记"]
    supervisor = window_for(qtbot, demo, "supervisor")
    assert titles(supervisor) == ["受理登记", "待我审核", "公示与兑现", "统计"]
    admin = window_for(qtbot, demo, "admin")
    assert titles(admin) == ["系统管理"]
    QApplication.processEvents()
    # The administrator's first area is built at login: the backup reminder with it.
    assert "从未备份" in messages.last().text


def test_a_decision_in_review_reaches_the_other_areas(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    window = window_for(qtbot, demo, "supervisor")
    notice = window.area_widget("notice")
    review = window.area_widget("review")
    assert review is not None and notice is not None
    before = notice.waiting.text()
    # Approve 第018号 and record the meeting: one more decided case awaits a notice.
    case = review.open_case(18)
    messages.answers += [QMessageBox.StandardButton.Yes]
    case.approve_button.click()
    assert get_case(demo.db, 18).status is Status.APPROVED
    dialog = case.record_meeting()
    dialog.minute.setText("璧市监办〔2024〕21号")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(demo.db, 18).status is Status.DECIDED
    assert notice.waiting.text() != before and "3 件" in notice.waiting.text()
    # Part 1's case window opens from the notice table and from the review window.
    notice.open_case_requested.emit(9)
    assert 9 in window.editors
    review.open_case(19).edit_button.click()
    assert 19 in window.editors
