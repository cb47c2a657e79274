"""The entry point's arguments, the error hook, the translation cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop.app import parse_args
from desktop.errors import report_exception


def test_arguments() -> None:
    assert parse_args([]).db is None and not parse_args([]).demo
    assert parse_args(["--db", "x.sqlite3"]).db == Path("x.sqlite3")
    assert parse_args(["--demo"]).demo
    assert parse_args(["--self-test"]).self_test
    assert parse_args([]).lang == "zh_CN"
    with pytest.raises(SystemExit):
        parse_args(["--db", "x", "--demo"])


def test_an_unexpected_error_is_logged_and_shown_in_chinese(messages: Any, desk_dirs: Path) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report_exception(exc)
    shown = messages.last()
    assert shown.kind == "critical"
    assert "意外错误" in shown.text
    log = desk_dirs / "logs" / "ipdesk.log"
    assert str(log) in shown.text
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_a_database_error_shows_cores_own_words(messages: Any) -> None:
    from core.db.errors import DatabaseLocked

    report_exception(DatabaseLocked(Path("x.sqlite3")))
    assert "正被其他程序占用" in messages.last().text


def test_translation_is_compiled_into_the_cache_when_missing(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import shutil

    from desktop import i18n

    # A checkout with the .ts only (the .qm is a build output).
    sources = tmp_path / "src"
    sources.mkdir()
    shutil.copy2(i18n.ts_path(), sources / i18n.ts_path().name)
    monkeypatch.setattr(i18n, "i18n_dir", lambda: sources)
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "cache"))
    path = i18n.qm_path()
    assert path is not None and path.exists()
    assert path.parent == tmp_path / "cache" / "i18n"
    # Newer than the .ts: used as it is, not compiled again.
    before = path.stat().st_mtime_ns
    assert i18n.qm_path() == path and path.stat().st_mtime_ns == before
    # The .ts edited afterwards: compiled again.
    os.utime(sources / i18n.ts_path().name, ns=(before + 10**9, before + 10**9))
    i18n.qm_path()
    assert path.stat().st_mtime_ns > before


def test_the_self_test_opens_the_main_window_in_chinese(
    qapp: Any, desk_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.app import self_test

    assert self_test("zh_CN") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("自检通过：")
    for step in ("数据库", "测算", "申请表PDF", "主窗口"):
        assert step in line
    assert "受理登记" in line


def test_a_failing_self_test_step_says_what_failed(
    qapp: Any, desk_dirs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    from desktop import app

    def broken(language: str = "zh_CN") -> str:
        raise RuntimeError("主窗口没有任何功能区")

    monkeypatch.setattr(app, "check_main_window", broken)
    assert app.self_test("zh_CN") == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith("自检未通过：主窗口失败：主窗口没有任何功能区")
    assert "已通过：数据库" in line
