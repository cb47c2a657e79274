"""The desk's test harness: offscreen Qt, no blocking dialogs, every folder in tmp.

* ``QT_QPA_PLATFORM=offscreen`` is set here, before anything imports Qt.
* One QApplication for the session (pytest-qt's ``qapp``), with the desk's fonts and the
  zh_CN translation installed, exactly as ``desktop.app`` does at start.
* Before every test: QSettings, the data folder (recovery drafts, demo data), the log folder
  and the translation cache point into the test's tmp folder.
* ``QMessageBox``'s static functions and ``exec`` are replaced: nothing blocks, and the
  ``messages`` fixture records what would have been shown (and answers questions).
* ``QFileDialog``'s static functions and ``QPrintDialog.exec`` are replaced the same way
  (``file_dialogs``): by default the user cancels.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop.qt import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPrintDialog,
    QSettings,
    QThreadPool,
    QWidget,
)

Button = QMessageBox.StandardButton


@dataclass
class Shown:
    kind: str
    title: str
    text: str


@dataclass
class MessageRecorder:
    """What message boxes would have shown; ``answers`` are popped for questions."""

    shown: list[Shown] = field(default_factory=list)
    answers: list[Button] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [m.text for m in self.shown if kind is None or m.kind == kind]

    def last(self) -> Shown:
        assert self.shown, "no message box was shown"
        return self.shown[-1]

    def clear(self) -> None:
        self.shown.clear()


@dataclass
class FileDialogRecorder:
    """Answers for file dialogs (a path, or "" for Cancel) and the titles that were asked."""

    answers: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    print_accepts: list[bool] = field(default_factory=list)
    printed: list[Any] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # where each dialog would have opened

    def next(self, title: str) -> str:
        self.asked.append(title)
        return self.answers.pop(0) if self.answers else ""


@pytest.fixture(scope="session")
def desk_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk-cache")
    os.environ["IPDESK_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def desk_app(qapp: QApplication, desk_cache: Path) -> QApplication:
    """Fonts, translation and cheap password hashing, once for the session."""
    from argon2 import PasswordHasher

    from core.records.users import set_password_hasher
    from desktop.app import prepare_application

    prepare_application(qapp)
    # Production hashing costs ~0.1 s per login; tests log in often.
    set_password_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    return qapp


@pytest.fixture(autouse=True)
def desk_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, data and logs of this test only."""
    base = tmp_path / "desk-home"
    for name in ("settings", "data", "logs"):
        (base / name).mkdir(parents=True)
    monkeypatch.setenv("IPDESK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("IPDESK_LOG_DIR", str(base / "logs"))
    monkeypatch.delenv("IPDESK_DB", raising=False)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(base / "settings"))
    return base


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    recorder = MessageRecorder()

    def static(kind: str, default: Button) -> Any:
        def show(parent: QWidget | None, title: str, text: str, *args: Any, **kw: Any) -> Button:
            recorder.shown.append(Shown(kind, title, text))
            if kind == "question":
                if recorder.answers:
                    return recorder.answers.pop(0)
                # The default button (5th argument) if given, else Yes.
                if len(args) >= 2:
                    return Button(args[1])
                return Button.Yes
            return default

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, static(kind, Button.Ok))
    monkeypatch.setattr(
        QMessageBox,
        "about",
        staticmethod(
            lambda parent, title, text: recorder.shown.append(Shown("about", title, text))
        ),
    )

    def exec_(box: QMessageBox) -> int:
        recorder.shown.append(Shown("exec", box.windowTitle(), box.text()))
        return int(recorder.answers.pop(0) if recorder.answers else Button.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return recorder


@pytest.fixture(autouse=True)
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogRecorder:
    recorder = FileDialogRecorder()

    def get_file(parent: QWidget | None = None, caption: str = "", *a: Any, **kw: Any) -> Any:
        recorder.starts.append(str(a[0] if a else kw.get("dir", "")))
        return recorder.next(caption), ""

    def get_dir(parent: QWidget | None = None, caption: str = "", *a: Any, **kw: Any) -> str:
        return recorder.next(caption)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_file))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(get_dir))

    def print_exec(dialog: QPrintDialog) -> int:
        accepted = recorder.print_accepts.pop(0) if recorder.print_accepts else False
        recorder.printed.append(dialog)
        return int(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QPrintDialog, "exec", print_exec)
    return recorder


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication) -> Iterator[None]:
    """Windows a test left open are closed after it, without asking to save; work still
    running on the thread pool finishes before the next test (and before its database goes)."""
    yield
    QThreadPool.globalInstance().waitForDone(10000)
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            if getattr(widget, "dirty", False) is True:
                widget.dirty = False  # type: ignore[attr-defined]
            widget.close()


@pytest.fixture
def desk_db(tmp_path: Path) -> Iterator[Any]:
    """A database with admin, clerk and supervisor (boss), and five registered cases."""
    from tests.desktop.db_fixtures import make_desk_db

    data = make_desk_db(tmp_path / "desk.sqlite3")
    yield data
    QThreadPool.globalInstance().waitForDone(10000)  # no worker reads a closed database
    data.db.close()


@pytest.fixture
def clerk_context(desk_db: Any) -> Any:
    from core.policy.loader import load_policy
    from core.records.users import get_user
    from desktop.context import DeskContext

    return DeskContext(
        desk_db.db, get_user(desk_db.db, desk_db.clerk_id), load_policy("bishan-2024")
    )
