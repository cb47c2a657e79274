"""Desk saves go through core's output guard (core.outputs): never onto a database file, a
folder or a missing folder; written whole or not at all. The file dialog has already asked
before replacing an existing file, so ``overwrite`` is the user's answer there."""

from __future__ import annotations

from pathlib import Path

from desktop import messages
from desktop.qt import QWidget


def checked_target(parent: QWidget | None, title: str, path: Path, what: str) -> Path | None:
    """The target when it may be written, else None after saying why."""
    from core.outputs import OutputRefused, check_output

    try:
        return check_output(path, (path.suffix,), what, overwrite=True)
    except OutputRefused as exc:
        messages.warn(parent, title, str(exc))
        return None
