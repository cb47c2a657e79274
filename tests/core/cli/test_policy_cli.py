"""``ipdesk-cli policy check`` and a new programme year from IPDESK_POLICY_DIR (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli.main import main
from core.paths import policies_dir
from core.policy.loader import POLICY_DIR_ENV

SOURCE = (policies_dir() / "bishan-2024.toml").read_text(encoding="utf-8")


def bishan_2025(folder: Path, standard: str) -> Path:
    text = (
        SOURCE.replace('id = "bishan-2024"', 'id = "bishan-2025"')
        .replace('rate = "10000.00"', 'rate = "12345.00"', 1)
        .replace('standard = "1万元/件"', f'standard = "{standard}"', 1)
    )
    path = folder / "bishan-2025.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_refuses_stale_prose_naming_key_line_and_both_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bishan_2025(tmp_path, "1万元/件")
    assert main(["policy", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "items[0].standard" in err and "「1万元」" in err and "12345.00" in err
    line = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "1万元/件" in t)
    assert f"第 {line} 行" in err


def test_check_accepts_a_corrected_file_and_installs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bishan_2025(tmp_path, "12345元/件")
    assert main(["policy", "check", str(path)]) == 0
    assert "政策文件有效" in capsys.readouterr().out
    assert main(["policy", "show", "bishan-2025"]) == 2  # not on the search path


def test_check_of_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "check", "no/such/file.toml"]) == 2
    assert "找不到政策文件" in capsys.readouterr().err


def test_a_new_year_from_the_policy_folder_computes_its_own_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    bishan_2025(folder, "12345元/件")
    monkeypatch.setenv(POLICY_DIR_ENV, str(folder))
    case = {
        "policy": "bishan-2025",
        "received_on": "2024-11-10",
        "applicant": {
            "name": "重庆璧山示例科技有限公司",
            "credit_code": "91500227MA5U00000B",
            "kind": "enterprise",
            "size": "small",
        },
        "claims": [
            {
                "item": "transfer_in",
                "date": "2024-03-15",
                "patent": "ZL201710601862.3",
                "counterparty_kind": "university",
                "related_party": False,
            }
        ],
    }
    file = tmp_path / "case.json"
    file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["calc", str(file)]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert result["total"] == "12345.00"
    assert "1万元" not in out and "12345元/件" in out


def _cases_file(tmp_path: Path, expected_total: str) -> Path:
    from core.paths import policies_dir as shipped

    source = shipped() / "bishan-2024.cases" / "transfer_license.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["cases"] = data["cases"][:1]
    data["cases"][0]["expect"]["total"] = expected_total
    data["cases"][0]["expect"]["claims"][0]["amount"] = expected_total
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_policy_test_runs_the_shipped_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "test", "bishan-2024"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("共 ") and "未通过 0 条" in out[-1]
    assert all(line.startswith("✓ ") for line in out[:-1])
    assert len(out) - 1 >= 90


def test_a_wrong_expected_amount_fails_naming_case_and_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _cases_file(tmp_path, "12000.00")
    assert main(["policy", "test", "bishan-2024", str(path)]) == 1
    out = capsys.readouterr().out
    line = out.splitlines()[0]
    assert line.startswith("✗ 附件1 转让：") and "（附件1 转让）" in line
    assert "total：预期 12000.00，实际 10000.00" in line
    assert "未通过 1 条" in out


def test_next_years_policy_against_this_years_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    bishan_2025(folder, "12345元/件")
    monkeypatch.setenv(POLICY_DIR_ENV, str(folder))
    path = _cases_file(tmp_path, "12345.00")
    assert main(["policy", "test", "bishan-2025", str(path)]) == 0
    assert "✓" in capsys.readouterr().out


def test_an_unreadable_case_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"defaults": {}, "cases": [{"name": "x", "case": {}, "expect": {}}]}', "utf-8")
    assert main(["policy", "test", "bishan-2024", str(bad)]) == 2
    assert "cases[0]" in capsys.readouterr().err
