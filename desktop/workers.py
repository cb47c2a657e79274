"""Long work off the GUI thread, with a progress dialog that can cancel it.

Core functions that take long (backup, restore, batch printing, import) accept a progress
callback ``(done, total) -> bool``; returning False asks them to stop, and they then undo what
they did (a backup deletes its partial file, a restore rolls back). This module runs such a
function on the global QThreadPool and turns its progress into a QProgressDialog whose
Cancel button makes the callback return False. Results and errors come back to the GUI
thread through queued signals, so slots may touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from desktop.qt import (
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    qconnect,
    translate,
)

T = TypeVar("T")
Progress = Callable[[int, int], bool]


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, stop: threading.Event):
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._stop = stop
        # The Python side owns the runnable (kept in Job), not the pool.
        self.setAutoDelete(False)

    def _progress(self, done: int, total: int) -> bool:
        self._signals.progressed.emit(int(done), int(total))
        return not self._stop.is_set()

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # every failure goes back to the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Job(QObject, Generic[T]):
    """One piece of long work. ``finished`` fires (in the GUI thread) whatever the outcome;
    ``ending`` fires just before the outcome is handed on, so that a progress dialog is gone
    before any result box opens (a finished modal dialog blocked it, issue 20 §9)."""

    finished = Signal()
    ending = Signal()

    def __init__(
        self,
        fn: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._signals = _Signals()
        self._task = _Task(fn, self._signals, self._stop)
        self._on_success = on_success
        self._on_failure = on_failure
        self.done = False
        self.cancel_requested = False
        qconnect(self._signals.succeeded, self._succeeded)
        qconnect(self._signals.failed, self._failed)

    @property
    def progressed(self) -> Any:
        return self._signals.progressed

    def start(self) -> Job[T]:
        QThreadPool.globalInstance().start(self._task)
        return self

    def cancel(self) -> None:
        self.cancel_requested = True
        self._stop.set()

    def _succeeded(self, result: object) -> None:
        self.done = True
        self.ending.emit()
        self._on_success(result)  # type: ignore[arg-type]
        self.finished.emit()

    def _failed(self, exc: object) -> None:
        self.done = True
        self.ending.emit()
        assert isinstance(exc, BaseException)
        self._on_failure(exc)
        self.finished.emit()


# Running jobs are kept alive here until they finish (Qt holds no Python reference).
_running: set[Job[Any]] = set()


def run_with_progress(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> Job[T]:
    """Run ``fn(progress)`` on the thread pool behind a modal, cancellable progress dialog.

    The dialog's Cancel only asks: the work stops at its next progress call and then reports
    its own outcome (usually a "cancelled" error from core), so nothing is left half-done.
    """
    dialog = QProgressDialog(label, translate("Workers", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work finishes before any dialog flickers up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    job: Job[T] = Job(fn, on_success, on_failure)
    _running.add(job)

    def progressed(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def cancelled() -> None:
        job.cancel()
        dialog.setLabelText(translate("Workers", "Cancelling…"))

    def ending() -> None:
        # Closed before the outcome is shown: a result box must never sit behind it.
        dialog.canceled.disconnect()
        dialog.reset()
        dialog.hide()

    def finished() -> None:
        dialog.deleteLater()
        _running.discard(job)

    qconnect(job.progressed, progressed)
    qconnect(dialog.canceled, cancelled)
    qconnect(job.ending, ending)
    qconnect(job.finished, finished)
    return job.start()
