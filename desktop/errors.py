"""The last line of defence: no traceback ever reaches the clerk.

``install_excepthook`` replaces ``sys.excepthook`` (and the thread hook): the traceback goes to
the log file (core.logs), and the clerk sees a Chinese message that says what to do and where
the log is. A database problem (locked, corrupt) that surfaces in the middle of work shows
core's own Chinese sentence instead of the generic one.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from desktop.qt import QApplication, translate

log = logging.getLogger(__name__)
PROGRAM = "ipdesk"
_showing = False


def describe(exc: BaseException) -> str:
    """The Chinese text to show for an error: core's own message where core speaks Chinese."""
    from core.db.errors import DatabaseError

    if isinstance(exc, DatabaseError):
        return str(exc)
    return translate(
        "Errors",
        "An unexpected error occurred. The work saved so far is safe; the last change may not "
        "have been saved. Please tell the system administrator and give them the log file:\n{log}",
    )


def report_exception(exc: BaseException) -> None:
    """Log ``exc`` and show a message (never more than one at a time)."""
    global _showing
    from core.logs import log_exception

    path = log_exception(PROGRAM, exc)
    log.error("unhandled %s: %s (logged to %s)", type(exc).__name__, exc, path)
    if _showing or QApplication.instance() is None:
        print(f"{type(exc).__name__}: {exc} (details in {path})", file=sys.stderr)
        return
    from desktop import messages

    _showing = True
    try:
        messages.fail(
            QApplication.activeWindow(),
            translate("Errors", "Error"),
            describe(exc).replace("{log}", str(path)),
        )
    finally:
        _showing = False


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report_exception(exc.with_traceback(tb))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        # Widgets belong to the GUI thread: only log here; the worker reports its own failures.
        from core.logs import log_exception

        log_exception(PROGRAM, args.exc_value)


def install_excepthook() -> None:
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
