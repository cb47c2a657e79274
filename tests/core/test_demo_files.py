from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.demo_files import new_demo_path, prune_demo_databases


def _make(folder: Path, minute: int) -> Path:
    path = new_demo_path(folder, dt.datetime(2026, 12, 5, 9, minute, 0))
    path.write_bytes(b"SQLite format 3\x00")
    Path(f"{path}-wal").write_bytes(b"w")
    return path


def test_prune_keeps_the_newest_three_with_their_side_files(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    made = [_make(folder, m) for m in (5, 1, 4, 2, 3)]
    other = folder / "mine.sqlite3"
    other.write_bytes(b"x")

    removed = prune_demo_databases(folder)

    newest = sorted(made)[-3:]
    assert sorted(removed) == sorted(made)[:2]
    assert sorted(folder.glob("demo-*.sqlite3")) == newest
    assert not any(Path(f"{p}-wal").exists() for p in removed)
    assert all(Path(f"{p}-wal").exists() for p in newest)
    assert other.exists(), "a file the desk did not name is never deleted"


def test_prune_with_few_files_or_no_folder_deletes_nothing(tmp_path: Path) -> None:
    assert prune_demo_databases(tmp_path / "absent") == []
    folder = tmp_path / "demo"
    made = [_make(folder, m) for m in (1, 2)]
    assert prune_demo_databases(folder) == []
    assert all(p.exists() for p in made)
