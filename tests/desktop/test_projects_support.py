"""The demo database for the 培育项目 screens (no tests here).

The demo's seven projects were made on a clock running 2025-01-06 → 2026-11-20, so these
tests stand the clock at the demo's last day (2026-11-20 10:00 Beijing time) unless a test
moves it: 第02号 then has its third progress report overdue (due 2026-10-01), 第03号 an
extension request waiting. The demo file is built once per process (``demo_template``).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database, open_database
from core.policy.loader import load_policy
from core.records.users import UserInfo, list_users
from desktop.context import DeskContext
from desktop.qt import QApplication, QThreadPool
from tests.desktop.test_review_support import demo_template, wait_for_jobs

LAST_DAY = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)


@dataclass
class Hvp:
    db: Database
    path: Path
    clock: FixedClock
    users: dict[str, UserInfo]

    def context(self, username: str) -> DeskContext:
        from core.records.users import get_user

        user = get_user(self.db, self.users[username].id)
        return DeskContext(self.db, user, load_policy("bishan-2024"), demo=True)

    def on(self, day: dt.date, hour: int = 10) -> None:
        self.clock.set(dt.datetime(day.year, day.month, day.day, hour, tzinfo=CHINA_TZ))

    def project_id(self, seq: int) -> int:
        from core.projects.queries import resolve_project

        # The demo projects were applied for in January 2025: numbered in that year.
        return resolve_project(self.db, f"2025-{seq}")

    def second_supervisor(self) -> str:
        """Another supervisor (the demo has one), for the four-eyes steps."""
        from core.records.roles import Role
        from core.records.users import create_user

        info, _ = create_user(
            self.db,
            self.users["admin"].id,
            "supervisor2",
            "周审核",
            "super456",
            [Role.SUPERVISOR],
            must_change_password=False,
        )
        self.users["supervisor2"] = info
        return "supervisor2"


@pytest.fixture
def hvp(tmp_path: Path) -> Iterator[Hvp]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template(), path)
    clock = FixedClock(LAST_DAY)
    db = open_database(path, clock=clock)
    data = Hvp(db, path, clock, {u.username: u for u in list_users(db)})
    yield data
    QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()
    db.close()


def wait_jobs(qtbot: Any) -> None:
    wait_for_jobs(qtbot)


__all__ = ["LAST_DAY", "Hvp", "hvp", "open_step", "wait_jobs"]


def open_step(qtbot: Any, hvp: Hvp, user: str, seq: int, step: str) -> tuple[Any, Any]:
    """The project area as ``user``, project 第``seq``号 open, and its ``step`` dialog."""
    from desktop.controllers.projects import Projects

    area = Projects(hvp.context(user))
    qtbot.addWidget(area)
    editor = area.open_project(hvp.project_id(seq))
    editor.step_buttons[step].click()
    dialog = editor.dialog
    assert dialog is not None and dialog.step == step
    return editor, dialog
