"""Windows that fit the screen they open on.

A common counter PC is a 1366×768 screen at 125 % scaling: about 1093×582 logical pixels
once the taskbar is off. A window restored or first opened larger than that puts 保存／关闭
below the edge of the screen, reachable only by resizing by hand (issue 20, 7). Every
window's first and restored geometry goes through ``fit_to_screen``.
"""

from __future__ import annotations

from desktop.qt import QApplication, QByteArray, QRect, QWidget

# Room for the title bar and frame the window manager adds around a window not yet shown
# (frameGeometry equals geometry until then).
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_area(window: QWidget) -> QRect | None:
    screen = window.screen() or QApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Shrink ``window`` to the available area (less its frame) and move it fully onto it."""
    area = available if available is not None else available_area(window)
    if area is None or area.isEmpty():
        return
    frame_w = max(window.frameGeometry().width() - window.width(), FRAME_WIDTH)
    frame_h = max(window.frameGeometry().height() - window.height(), FRAME_HEIGHT)
    width = min(window.width(), area.width() - frame_w)
    height = min(window.height(), area.height() - frame_h)
    if (width, height) != (window.width(), window.height()):
        # A layout's minimum may be larger than a small screen: Qt keeps the minimum, so the
        # minimum is lowered for this window rather than pushing buttons off the screen.
        window.setMinimumSize(
            min(window.minimumWidth(), width), min(window.minimumHeight(), height)
        )
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() + 1 - window.width() - frame_w)
    y = min(max(window.y(), area.top()), area.bottom() + 1 - window.height() - frame_h)
    window.move(max(x, area.left()), max(y, area.top()))


def restore_geometry(window: QWidget, saved: QByteArray | None, default: tuple[int, int]) -> None:
    """The saved geometry, or ``default`` when there is none, then fitted to the screen (a
    geometry saved on a larger monitor must not open off the edge of a smaller one)."""
    if saved is None or not window.restoreGeometry(saved):
        window.resize(*default)
    fit_to_screen(window)
