"""Start-up: first run, opening a database, problems with a way out, login."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from core.db.clock import FixedClock
from core.records.users import list_users
from desktop.controllers.db_problem import WayOut
from desktop.controllers.main_window import MainWindow
from desktop.controllers.startup import StartupController
from tests.desktop.db_fixtures import PASSWORDS, TODAY


def start(qtbot: QtBot, path: Path | None) -> StartupController:
    startup = StartupController(db_path=path, clock=FixedClock(TODAY))
    qtbot.addWidget(startup.login)
    startup.start()
    return startup


def wait_ready(qtbot: QtBot, startup: StartupController) -> None:
    qtbot.waitUntil(lambda: not startup.busy, timeout=10000)


def log_in(qtbot: QtBot, startup: StartupController, user: str) -> MainWindow:
    login = startup.login
    qtbot.waitUntil(lambda: login.login_button.isEnabled(), timeout=10000)
    login.username.setText(user)
    qtbot.keyClicks(login.password, PASSWORDS[user])
    with qtbot.waitSignal(startup.main_window_opened, timeout=5000) as opened:
        qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    window = opened.args[0]
    qtbot.addWidget(window)
    return window


from desktop.qt import Qt  # noqa: E402


def test_first_run_sets_up_database_and_administrator(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new" / "ipdesk.sqlite3"
    monkeypatch.setenv("IPDESK_DB", str(target))
    startup = start(qtbot, None)
    wait_ready(qtbot, startup)
    setup = startup.setup
    assert setup is not None and setup.isVisible()
    qtbot.addWidget(setup)
    assert setup.location.text() == str(target)
    qtbot.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.pages.currentWidget() is setup.admin_page, timeout=10000)
    setup.username.setText("root")
    setup.display_name.setText("管理员")
    setup.password.setText("short")
    setup.repeat.setText("short")
    qtbot.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
    assert "8" in setup.message.text()  # core: 密码至少 8 位
    setup.password.setText("long-enough-1")
    setup.repeat.setText("long-enough-1")
    qtbot.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
    assert startup.login.isVisible()
    assert startup.login.username.text() == "root"
    assert startup.db is not None
    assert [u.username for u in list_users(startup.db)] == ["root"]
    startup.quit()


def test_login_names_user_role_database_and_year(qtbot: QtBot, desk_db: Any) -> None:
    startup = start(qtbot, desk_db.path)
    window = log_in(qtbot, startup, "clerk")
    title = window.windowTitle()
    assert "王经办" in title and "窗口经办" in title
    assert desk_db.path.name in title and "2024" in title
    assert "王经办" in window.user_label.text()
    assert str(desk_db.path) in window.database_label.text()
    assert "2024" in window.year_label.text()
    # A clerk does not review, publish notices, count or administer.
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["受理登记", "培育项目"]
    window.close()
    startup.quit()


def test_wrong_password_then_lockout_with_time_left(qtbot: QtBot, desk_db: Any) -> None:
    startup = start(qtbot, desk_db.path)
    login = startup.login
    qtbot.waitUntil(lambda: login.login_button.isEnabled(), timeout=10000)
    login.username.setText("clerk")
    for _ in range(4):
        login.password.setText("wrong-password")
        login.submit()
        assert "不正确" in login.message.text()
    login.password.setText("wrong-password")
    login.submit()
    assert "锁定" in login.message.text()
    assert "15" in login.status.text() or "14" in login.status.text()
    startup.quit()


def test_corrupt_database_gets_a_chinese_message_and_ways_out(
    qtbot: QtBot, tmp_path: Path, messages: Any
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    startup = start(qtbot, bad)
    wait_ready(qtbot, startup)
    problem = startup.problem
    assert problem is not None and problem.isVisible()
    qtbot.addWidget(problem)
    assert "不是数据库文件" in problem.message.text()
    assert problem.restore_button.isVisibleTo(problem)
    assert problem.choose_button.isVisibleTo(problem)
    with qtbot.waitSignal(problem.chosen) as chosen:
        problem.quit_button.click()
    assert chosen.args == [WayOut.QUIT]


def test_too_new_database_is_refused_with_a_way_out(qtbot: QtBot, desk_db: Any) -> None:
    with desk_db.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    desk_db.db.close()
    startup = start(qtbot, desk_db.path)
    wait_ready(qtbot, startup)
    problem = startup.problem
    assert problem is not None
    qtbot.addWidget(problem)
    assert "更新版本" in problem.message.text()
    assert not problem.retry_button.isVisibleTo(problem)
    startup.quit()


def test_demo_database_names_the_demo_users(qtbot: QtBot) -> None:
    startup = StartupController(demo=True)
    qtbot.addWidget(startup.login)
    startup.start()
    qtbot.waitUntil(lambda: startup.login.login_button.isEnabled(), timeout=20000)
    assert startup.login.demo_box.isVisibleTo(startup.login)
    text = startup.login.demo_users.text()
    assert "clerk" in text and "supervisor" in text and "窗口经办" in text
    startup.quit()


def test_a_damaged_database_is_restored_from_a_backup(
    qtbot: QtBot, desk_db: Any, tmp_path: Path, file_dialogs: Any
) -> None:
    from core.db.backup import backup_database

    backup = tmp_path / "good-backup.sqlite3"
    backup_database(desk_db.db, backup)
    desk_db.db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(desk_db.path) + suffix).unlink(missing_ok=True)
    desk_db.path.write_bytes(b"garbage" * 1000)
    startup = start(qtbot, desk_db.path)
    wait_ready(qtbot, startup)
    problem = startup.problem
    assert problem is not None
    qtbot.addWidget(problem)
    file_dialogs.answers.append(str(backup))
    problem.restore_button.click()
    qtbot.waitUntil(lambda: startup.login.login_button.isEnabled(), timeout=20000)
    assert startup.db is not None
    from core.records.case_queries import count_cases

    assert count_cases(startup.db) == 5
    startup.quit()


def test_the_desk_marks_its_database_in_use_until_it_quits(qtbot: QtBot, desk_db: Any) -> None:
    # issue 19: ipdesk-cli restore must see a running desk and refuse, not swap the file.
    from core.db.presence import desk_holding, marker_path

    startup = start(qtbot, desk_db.path)
    wait_ready(qtbot, startup)
    assert desk_holding(desk_db.path) is not None
    assert startup._presence_timer.isActive()
    other = desk_db.path.with_name("other.sqlite3")
    startup.open_path(other)  # another database: the first is free again
    wait_ready(qtbot, startup)
    assert desk_holding(desk_db.path) is None and desk_holding(other) is not None
    startup.quit()
    assert not marker_path(other).exists()
