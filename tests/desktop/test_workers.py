"""desktop.workers: long work behind a progress dialog that is gone before the outcome shows."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from desktop.qt import QProgressDialog, QWidget
from desktop.workers import Progress, run_with_progress


def _progress_dialogs(parent: QWidget) -> list[QProgressDialog]:
    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_the_progress_dialog_is_closed_before_the_result_is_shown(qtbot: QtBot) -> None:
    """Issue 20 §9: a finished 100 % dialog stayed modal over the 「已保存」 box."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: dict[str, Any] = {}

    def work(progress: Progress) -> str:
        for i in range(5):
            progress(i + 1, 5)
        return "done"

    def success(result: str) -> None:
        seen["result"] = result
        seen["dialogs"] = _progress_dialogs(parent)

    job = run_with_progress(parent, "备份中…", work, success, lambda exc: None)
    # Make the dialog show at once, as on a slow disk.
    for dialog in parent.findChildren(QProgressDialog):
        dialog.setMinimumDuration(0)
        dialog.show()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert seen == {"result": "done", "dialogs": []}


def test_the_dialog_is_closed_before_a_failure_is_shown_too(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: dict[str, Any] = {}

    def work(progress: Progress) -> str:
        progress(1, 2)
        raise OSError("设备已满")

    def failure(exc: BaseException) -> None:
        seen["error"] = str(exc)
        seen["dialogs"] = _progress_dialogs(parent)

    job = run_with_progress(parent, "导出中…", work, lambda result: None, failure)
    for dialog in parent.findChildren(QProgressDialog):
        dialog.setMinimumDuration(0)
        dialog.show()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert seen == {"error": "设备已满", "dialogs": []}
