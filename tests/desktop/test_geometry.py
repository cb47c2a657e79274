"""Every window opens inside the screen (issue 20, 7): 保存／关闭 never below its edge."""

from __future__ import annotations

from typing import Any

import pytest

from desktop import settings
from desktop.geometry import FRAME_HEIGHT, FRAME_WIDTH, fit_to_screen
from desktop.qt import QRect, QWidget

# 1366×768 at 125 % less a 40-pixel taskbar, in logical pixels; and a 1280×720 screen.
SMALL_SCREENS = [QRect(0, 0, 1093, 582), QRect(0, 0, 1280, 680)]


def inside(window: QWidget, area: QRect) -> bool:
    return (
        window.x() >= area.left()
        and window.y() >= area.top()
        and window.x() + window.width() + FRAME_WIDTH <= area.right() + 1
        and window.y() + window.height() + FRAME_HEIGHT <= area.bottom() + 1
    )


@pytest.mark.parametrize("area", SMALL_SCREENS, ids=["1366x768@125%", "1280x720"])
def test_a_large_window_is_shrunk_and_moved_onto_a_small_screen(area: QRect) -> None:
    window = QWidget()
    window.setMinimumSize(1200, 700)  # a layout asking for more than the screen has
    window.resize(1600, 1000)
    window.move(400, 300)
    fit_to_screen(window, area)
    assert inside(window, area)
    assert window.width() == area.width() - FRAME_WIDTH


def test_a_window_saved_on_another_monitor_comes_back(qtbot: Any) -> None:
    area = QRect(0, 0, 1280, 680)
    window = QWidget()
    window.resize(800, 500)
    window.move(3000, -200)
    fit_to_screen(window, area)
    assert inside(window, area)
    assert (window.width(), window.height()) == (800, 500)  # it fitted: size kept


def test_a_window_that_fits_is_left_alone() -> None:
    area = QRect(0, 0, 1920, 1040)
    window = QWidget()
    window.resize(1100, 760)
    window.move(100, 80)
    fit_to_screen(window, area)
    assert (window.x(), window.y(), window.width(), window.height()) == (100, 80, 1100, 760)


def test_main_window_and_case_window_open_inside_the_screen(qtbot: Any, clerk_context: Any) -> None:
    from desktop.controllers.case_editor import CaseEditor
    from desktop.controllers.main_window import MainWindow
    from desktop.qt import QApplication

    screen = QApplication.primaryScreen()
    assert screen is not None
    area = screen.availableGeometry()  # offscreen: 800×800, smaller than both defaults
    # A geometry remembered from a 1600×1000 window on a big monitor.
    big = QWidget()
    big.resize(1600, 1000)
    big.move(2000, 50)
    settings.put(settings.MAIN_GEOMETRY, big.saveGeometry())

    window = MainWindow(clerk_context)
    qtbot.addWidget(window)
    editor = CaseEditor(clerk_context, None)
    qtbot.addWidget(editor)
    for shown in (window, editor):
        assert inside(shown, area), (shown.objectName(), shown.geometry())
