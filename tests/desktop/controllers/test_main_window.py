"""The shell: areas from the registry, per role; backup off the GUI thread; geometry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from core.policy.loader import load_policy
from core.records.users import get_user
from desktop import areas
from desktop.context import DeskContext
from desktop.controllers.main_window import MainWindow
from desktop.controllers.review import Review
from desktop.qt import QLabel, QWidget


def context_for(desk_db: Any, user_id: int) -> DeskContext:
    return DeskContext(desk_db.db, get_user(desk_db.db, user_id), load_policy("bishan-2024"))


def make_window(qtbot: QtBot, context: DeskContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def nav_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_supervisor_sees_review_and_clerk_does_not(qtbot: QtBot, desk_db: Any) -> None:
    boss = make_window(qtbot, context_for(desk_db, desk_db.boss_id))
    # 培育项目 is the cultivation projects' area (registered for clerks and supervisors).
    assert nav_titles(boss) == ["受理登记", "待我审核", "公示与兑现", "培育项目", "统计"]
    review = boss.area_widget("review")
    assert isinstance(review, Review)
    assert review.queue_model.rowCount() == 0  # nothing submitted yet
    assert review.approved_model.rowCount() == 0
    clerk = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
    assert nav_titles(clerk) == ["受理登记", "培育项目"]


def test_a_registered_area_appears_without_touching_the_shell(
    qtbot: QtBot, desk_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import area_setup

    original = area_setup.register_builtin_areas

    def with_statistics() -> None:
        original()
        areas.register_area(areas.STATISTICS, lambda c, h: QLabel("统计图表"), lambda c: True)

    monkeypatch.setattr("desktop.controllers.main_window.register_builtin_areas", with_statistics)
    try:
        window = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
        assert nav_titles(window) == ["受理登记", "培育项目", "统计"]
        window.navigation.setCurrentRow(2)
        assert isinstance(window.stack.currentWidget(), QWidget)
    finally:
        areas.unregister_area(areas.STATISTICS)


def test_backup_runs_off_the_gui_thread(
    qtbot: QtBot, desk_db: Any, file_dialogs: Any, messages: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
    target = tmp_path / "backup.sqlite3"
    file_dialogs.answers.append(str(target))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=10000)
    assert "已备份" in messages.last().text
    assert target.exists()


def test_a_cancelled_backup_leaves_nothing(
    qtbot: QtBot, desk_db: Any, messages: Any, tmp_path: Path
) -> None:
    from core.db.backup import backup_database
    from desktop.workers import run_with_progress

    target = tmp_path / "cancelled.sqlite3"
    outcome: list[object] = []

    def work(progress: Any) -> Any:
        return backup_database(desk_db.db, target, progress=lambda done, total: False)

    job = run_with_progress(None, "备份", work, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    assert outcome and "已取消" in str(outcome[0])
    assert not target.exists()
    assert not target.with_name(target.name + ".partial").exists()


def test_geometry_is_remembered(qtbot: QtBot, desk_db: Any) -> None:
    context = context_for(desk_db, desk_db.clerk_id)
    window = make_window(qtbot, context)
    # The offscreen screen is 800 x 800: a restored window is kept on it, so vary the height.
    window.resize(window.width(), 613)
    size = window.size()
    window.close()
    from desktop import settings

    assert settings.get_bytes(settings.MAIN_GEOMETRY) is not None
    again = make_window(qtbot, context)
    assert again.height() == size.height()


def test_only_the_administrator_may_restore(qtbot: QtBot, desk_db: Any) -> None:
    clerk = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
    admin = make_window(qtbot, context_for(desk_db, desk_db.admin_id))
    assert not clerk.restore_action.isEnabled()
    assert admin.restore_action.isEnabled()


def test_file_restore_says_what_is_replaced_and_restores(
    qtbot: QtBot, desk_db: Any, messages: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    """File → Restore is the administration area's: checked, confirmed, then restored."""
    import datetime as dt

    from core.db.backup import backup_database
    from core.records.case_model import CaseForm
    from core.records.case_queries import count_cases
    from core.records.cases import register_case
    from desktop.controllers.admin import Admin
    from desktop.qt import QMessageBox
    from tests.desktop.db_fixtures import applicant_form, claims_for
    from tests.desktop.test_review_support import wait_for_jobs

    backup = tmp_path / "before.sqlite3"
    backup_database(desk_db.db, backup)
    # A case registered after the backup is what the restore takes away.
    form = CaseForm("bishan-2024", dt.date(2024, 10, 25), applicant_form(9), claims_for(9))
    register_case(desk_db.db, desk_db.clerk_id, form)
    assert count_cases(desk_db.db) == 6
    window = make_window(qtbot, context_for(desk_db, desk_db.admin_id))
    messages.clear()
    file_dialogs.answers.append(str(backup))
    messages.answers.append(QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    wait_for_jobs(qtbot)
    assert isinstance(window.stack.currentWidget(), Admin)
    question = next(m for m in messages.shown if m.kind == "question")
    assert str(desk_db.path) in question.text and str(backup) in question.text
    # The database in use (6 cases) and the backup (5) are both named.
    assert "案件 6 件" in question.text and "（案件 5 件" in question.text, question.text
    assert "安全副本" in question.text
    assert count_cases(desk_db.db) == 5
