"""Outputs never land on a database, never on a folder or a missing folder, and replace an
existing file only when asked (issue 14 §2); a failed write leaves nothing behind."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from core.cli.main import main
from core.outputs import OutputRefused, check_output, default_file_name, write_output


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "live.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
    return path


def refused(target: Path | str, live: Path, suffix: str = ".xlsx", **kw: bool) -> str:
    with pytest.raises(OutputRefused) as info:
        check_output(target, (suffix,), "工作簿", databases=[live], **kw)
    return str(info.value)


def test_the_live_database_under_any_spelling_is_refused(live: Path, tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    hard = tmp_path / "same-file-other-name.sqlite3"
    os.link(live, hard)
    for spelling in (live, sub / ".." / "live.sqlite3", hard):
        assert "数据库" in refused(spelling, live, ".sqlite3", overwrite=True)


@pytest.mark.posix_only(
    "a symlink: Windows lets only administrators (or developer mode) make one, and wine 8's "
    "os.symlink reports success and makes nothing"
)
def test_the_live_database_behind_a_symlink_is_refused(live: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite3"
    os.symlink(live, link)
    assert "数据库" in refused(link, live, ".sqlite3", overwrite=True)


def test_side_files_of_the_live_database_are_refused(live: Path) -> None:
    for side in ("-wal", "-shm"):
        target = Path(f"{live}{side}")
        with pytest.raises(OutputRefused, match="数据库"):
            check_output(target, (target.suffix,), "工作簿", databases=[live], overwrite=True)


def test_any_sqlite_file_is_refused_even_with_overwrite(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"  # a database whatever its name
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    with pytest.raises(OutputRefused, match="数据库文件"):
        check_output(other, (".xlsx",), "工作簿", overwrite=True)


def test_folders_missing_folders_extensions_and_existing_files(tmp_path: Path) -> None:
    with pytest.raises(OutputRefused, match="是文件夹"):
        check_output(tmp_path, (".pdf",), "申请表")
    with pytest.raises(OutputRefused, match="找不到输出文件夹"):
        check_output(tmp_path / "nope" / "a.pdf", (".pdf",), "申请表")
    with pytest.raises(OutputRefused, match=r"只能保存为 \.pdf"):
        check_output(tmp_path / "a.docx", (".pdf",), "申请表")
    existing = tmp_path / "a.pdf"
    existing.write_bytes(b"%PDF-old")
    with pytest.raises(OutputRefused, match="--overwrite"):
        check_output(existing, (".pdf",), "申请表")
    assert check_output(existing, (".pdf",), "申请表", overwrite=True) == existing


def test_a_failed_write_leaves_the_old_file_and_no_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"%PDF-old")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_output(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


@pytest.mark.parametrize(
    "command",
    [
        ["intake", "template", "--out", "{live}"],
        ["project", "export", "--db", "{live}", "--out", "{live}"],
        ["project", "print", "summary", "6", "--db", "{live}", "--out", "{live}"],
        ["export", "payout", "1", "--db", "{live}", "--out", "{live}"],
    ],
)
def test_no_command_writes_over_the_live_database(
    live: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [part.replace("{live}", str(live)) for part in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert live.read_bytes().startswith(b"SQLite format 3\x00")
    with closing(sqlite3.connect(live)) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("璧市监专转〔2024〕第001号审核意见表", ".pdf", "璧市监专转(2024)第001号审核意见表.pdf"),
        (
            '渝知培〔2026〕3号 a/b\\c:d*e?f"g<h>i|j',
            ".pdf",
            "渝知培(2026)3号 a-b-c-d-e-f-g-h-i-j.pdf",
        ),
        ("2024年第一批公示名单", ".xlsx", "2024年第一批公示名单.xlsx"),
        ("标题以点结尾. ", ".pdf", "标题以点结尾.pdf"),
        ("CON", ".pdf", "_CON.pdf"),
        ("nul.tar", ".pdf", "_nul.tar.pdf"),
        ("", ".xlsx", "_.xlsx"),
        ("换行\n与制表\t", ".pdf", "换行-与制表.pdf"),
    ],
)
def test_default_file_names_are_valid_on_windows(text: str, suffix: str, expected: str) -> None:
    # issue 19: a name built from a number or a title must be one Windows accepts.
    assert default_file_name(text, suffix) == expected


def test_a_long_title_leaves_room_for_the_folder() -> None:
    name = default_file_name("很长的项目名称" * 40, ".pdf")
    assert len(name) == 124 and name.endswith(".pdf")
