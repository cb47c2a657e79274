"""``--self-test`` passes on a sound install and names what failed otherwise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core import selftest
from core.cli.main import main


def test_self_test_passes_and_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("自检通过") and "\n" not in out
    assert "字体已嵌入" in out and "11500.00" in out


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
