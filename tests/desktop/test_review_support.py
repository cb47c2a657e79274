"""The demo database for the supervisor's and administrator's screens (no tests here).

``core.demo.create_demo_database`` takes about six seconds, so it is built once per
test run into a template file and each test gets a copy (a file copy, milliseconds). The clock
stands at 2024-12-10 10:00 Beijing time: after the application deadline (11-22) and the demo's
年度核定 (11-26), and after its second notice ends (12-06), so that batch can be closed.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
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

TODAY = dt.datetime(2024, 12, 10, 10, 0, tzinfo=CHINA_TZ)
POLICY = "bishan-2024"
_template: Path | None = None


def demo_template() -> Path:
    """The demo database, built once per process (the desk's cheap password hashing is on)."""
    global _template
    if _template is None:
        from core.demo import create_demo_database

        folder = Path(tempfile.mkdtemp(prefix="ipdesk-demo-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        db = create_demo_database(folder / "demo.sqlite3")
        db.close()
        _template = folder / "demo.sqlite3"
    return _template


@dataclass
class Demo:
    db: Database
    path: Path
    clock: FixedClock
    users: dict[str, UserInfo]

    def context(self, username: str) -> DeskContext:
        from core.records.users import get_user

        user = get_user(self.db, self.users[username].id)
        return DeskContext(self.db, user, load_policy(POLICY), demo=True)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template(), path)
    clock = FixedClock(TODAY)
    db = open_database(path, clock=clock)
    data = Demo(db, path, clock, {u.username: u for u in list_users(db)})
    yield data
    QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()
    db.close()


def wait_for_jobs(qtbot: Any, timeout: int = 20000) -> None:
    """Until the thread pool is idle and its results have reached the GUI thread."""
    from desktop.workers import _running

    qtbot.waitUntil(lambda: not _running, timeout=timeout)
