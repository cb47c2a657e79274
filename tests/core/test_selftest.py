"""``--self-test`` passes on a sound install and names what failed otherwise."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

import core.db.backup as backup
from core import selftest
from core.cli.main import main
from core.db import sqlite_copy
from core.paths import user_data_folder
from tests.core.db.test_sqlite_copy import windows_fsync


def test_self_test_passes_and_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("自检通过") and "\n" not in out
    assert "字体已嵌入" in out and "11500.00" in out
    assert "备份与恢复（备份" in out and "恢复后审计" in out
    # Its throwaway database leaves no head in the user's anchor log.
    assert not (user_data_folder() / "audit-anchors.jsonl").exists()


def test_the_round_trip_fails_where_windows_would_and_leaves_no_anchor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # issue 19: the self-test is what the bureau's IT runs on the PC itself, so it must fail
    # where backup failed on Windows (the read-only fsync that shipped).
    def read_only_fsync(path: Path) -> None:
        with path.open("rb") as f:
            os.fsync(f.fileno())

    monkeypatch.setattr(os, "fsync", windows_fsync(os.fsync))
    monkeypatch.setattr(sqlite_copy, "fsync_file", read_only_fsync)
    monkeypatch.setattr(backup, "fsync_file", read_only_fsync)
    report = selftest.run_self_test()
    assert [f.split("：")[0] for f in report.failed] == ["备份与恢复失败"]


def test_a_failing_step_is_named_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "EXPECTED_TOTAL", Decimal("1.00"))
    report = selftest.run_self_test()
    assert not report.ok
    assert report.failed == ["测算失败：示例测算合计 11500.00，应为 1.00"]
    assert any(p.startswith("申请表PDF") for p in report.passed)


def test_the_desk_adds_its_own_checks() -> None:
    seen = []
    report = selftest.run_self_test(lambda r: r.step("窗口", lambda: seen.append(1) or "已打开"))
    assert report.ok and seen == [1] and "窗口（已打开）" in report.summary()
