"""Policy and rate files as a Windows editor saves them (issue 19): CRLF line ends and, from
older Notepad, a UTF-8 byte-order mark. Each must read exactly as the file shipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.paths import policies_dir, resources_dir
from core.policy.loader import load_policy_file, policy_kind
from core.policy.lpr import load_lpr
from core.projects.policy import load_project_policy_file


def as_notepad_saves(source: Path, folder: Path, *, bom: bool) -> Path:
    text = source.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("utf-8")
    target = folder / source.name
    target.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return target


@pytest.mark.parametrize("bom", [False, True])
def test_the_district_policy_reads_the_same(tmp_path: Path, bom: bool) -> None:
    source = policies_dir() / "bishan-2024.toml"
    edited = as_notepad_saves(source, tmp_path, bom=bom)
    assert policy_kind(edited) == "district_subsidy"
    shipped, saved = load_policy_file(source), load_policy_file(edited)
    assert saved.items == shipped.items and saved.budget == shipped.budget
    assert saved.materials == shipped.materials


@pytest.mark.parametrize("bom", [False, True])
def test_the_cultivation_policy_reads_the_same(tmp_path: Path, bom: bool) -> None:
    source = policies_dir() / "chongqing-hvp-2024.toml"
    edited = as_notepad_saves(source, tmp_path, bom=bom)
    shipped, saved = load_project_policy_file(source), load_project_policy_file(edited)
    assert saved.id == shipped.id
    assert {k: v for k, v in vars(saved).items() if k != "source_path"} == {
        k: v for k, v in vars(shipped).items() if k != "source_path"
    }


@pytest.mark.parametrize("bom", [False, True])
def test_the_rate_table_reads_the_same(tmp_path: Path, bom: bool) -> None:
    source = resources_dir() / "lpr.toml"
    edited = as_notepad_saves(source, tmp_path, bom=bom)
    shipped, saved = load_lpr(source), load_lpr(edited)
    assert saved.rates == shipped.rates and len(saved.rates) >= 5
