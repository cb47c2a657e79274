"""The desk's in-use marker (issue 19): ipdesk-cli restore and demo --force refuse while a desk
has the database open, instead of swapping it from under the desk (on Windows the swap fails,
elsewhere the desk would go on showing a history that no longer exists)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from core.cli.main import main
from core.db.presence import STALE_SECONDS, DeskPresence, desk_holding, marker_path


def test_a_desk_announces_itself_and_withdraws(tmp_path: Path) -> None:
    database = tmp_path / "live.sqlite3"
    assert desk_holding(database) is None
    desk = DeskPresence(database)
    held = desk_holding(database)
    assert held is not None and "本系统的窗口" in held and "起打开着它" in held
    desk.release()
    assert not marker_path(database).exists() and desk_holding(database) is None


def test_a_crashed_desk_stops_counting_after_three_minutes(tmp_path: Path) -> None:
    database = tmp_path / "live.sqlite3"
    desk = DeskPresence(database)
    later = time.time() + STALE_SECONDS + 1
    assert desk_holding(database, now=later) is None
    desk.touch()  # a live desk refreshes it every minute
    assert desk_holding(database, now=time.time() + STALE_SECONDS - 5) is not None


def test_a_desk_removes_only_its_own_marker(tmp_path: Path) -> None:
    database = tmp_path / "live.sqlite3"
    first = DeskPresence(database)
    second = DeskPresence(database)  # a second window on the same file wrote its own
    first.release()
    assert desk_holding(database) is not None
    second.release()
    assert desk_holding(database) is None


def test_a_folder_it_cannot_write_does_not_stop_the_desk(tmp_path: Path) -> None:
    database = tmp_path / "missing-folder" / "live.sqlite3"
    desk = DeskPresence(database)
    desk.touch()
    desk.release()
    assert desk_holding(database) is None


@pytest.mark.parametrize("command", ["restore", "demo"])
def test_restore_and_demo_force_refuse_while_a_desk_has_it_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    database = tmp_path / "live.sqlite3"
    database.write_bytes(b"")
    backup = tmp_path / "backup.sqlite3"
    desk = DeskPresence(database)
    argv = (
        ["restore", str(backup), "--db", str(database)]
        if command == "restore"
        else ["demo", "--db", str(database), "--force"]
    )
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "正在使用" in err and "请先在该窗口中退出" in err
    desk.release()
    # Now it goes ahead: the restore to find no backup file, the demo to fill the empty file.
    assert main(argv) == (2 if command == "restore" else 0)
    assert "正在使用" not in capsys.readouterr().err
