"""Policies from folders the bureau controls (issue 17 §1): a new year without a new build."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.paths import policies_dir
from core.policy import PolicyError, available_policies, load_policy
from core.policy.loader import POLICY_DIR_ENV, policy_search_path, set_configured_folders

SOURCE = (policies_dir() / "bishan-2024.toml").read_text(encoding="utf-8")


def next_year(rate: str = "12345.00", standard: str = "1.2345万元/件") -> str:
    return (
        SOURCE.replace('id = "bishan-2024"', 'id = "bishan-2025"')
        .replace("year = 2024", "year = 2025")
        .replace('rate = "10000.00"', f'rate = "{rate}"', 1)
        .replace('standard = "1万元/件"', f'standard = "{standard}"', 1)
    )


@pytest.fixture(autouse=True)
def clean_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(POLICY_DIR_ENV, raising=False)
    set_configured_folders(())
    yield
    set_configured_folders(())


def test_without_settings_only_the_shipped_folder_is_searched() -> None:
    assert policy_search_path() == [policies_dir()]
    with pytest.raises(PolicyError, match="没有政策“bishan-2025”"):
        load_policy("bishan-2025")


def test_a_policy_in_a_folder_named_by_the_environment_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (second / "bishan-2025.toml").write_text(next_year(), encoding="utf-8")
    monkeypatch.setenv(POLICY_DIR_ENV, f"{first}{os.pathsep}{second}")

    assert policy_search_path() == [first, second, policies_dir()]
    policy = load_policy("bishan-2025")
    assert policy.items["transfer_in"].params.rate == Decimal("12345.00")
    assert available_policies() == ["bishan-2024", "bishan-2025"]


def test_the_database_folder_comes_after_the_environment(tmp_path: Path) -> None:
    (tmp_path / "bishan-2025.toml").write_text(next_year(), encoding="utf-8")
    set_configured_folders([tmp_path])
    assert policy_search_path() == [tmp_path, policies_dir()]
    assert load_policy("bishan-2025").year == 2025


def test_one_id_in_two_places_is_an_error_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_folder, db_folder = tmp_path / "env", tmp_path / "db"
    env_folder.mkdir()
    db_folder.mkdir()
    for folder in (env_folder, db_folder):
        (folder / "bishan-2025.toml").write_text(next_year(), encoding="utf-8")
    monkeypatch.setenv(POLICY_DIR_ENV, str(env_folder))
    set_configured_folders([db_folder])

    with pytest.raises(PolicyError) as info:
        load_policy("bishan-2025")
    message = str(info.value)
    assert str(env_folder / "bishan-2025.toml") in message
    assert str(db_folder / "bishan-2025.toml") in message


def test_a_copy_of_a_shipped_policy_elsewhere_is_a_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bishan-2024.toml").write_text(SOURCE, encoding="utf-8")
    monkeypatch.setenv(POLICY_DIR_ENV, str(tmp_path))
    with pytest.raises(PolicyError, match="同时存在"):
        load_policy("bishan-2024")


def test_the_same_folder_named_twice_is_not_a_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bishan-2025.toml").write_text(next_year(), encoding="utf-8")
    monkeypatch.setenv(POLICY_DIR_ENV, f"{tmp_path}{os.pathsep}{tmp_path}")
    set_configured_folders([tmp_path])
    assert load_policy("bishan-2025").id == "bishan-2025"


def test_stale_prose_in_a_new_year_is_refused_before_anything_computes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bishan-2025.toml").write_text(next_year(standard="1万元/件"), encoding="utf-8")
    monkeypatch.setenv(POLICY_DIR_ENV, str(tmp_path))
    with pytest.raises(PolicyError, match="「1万元」与数值不符"):
        load_policy("bishan-2025")


def test_a_policy_files_kind_is_read_once_and_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Listing the policies parsed every file on every case-list page (a missing programme's
    # lookup lists them): now once per file, and again as soon as the file changes.
    from core.policy import loader

    path = tmp_path / "x-2030.toml"
    path.write_text('[programme]\nkind = "district_subsidy"\n', encoding="utf-8")
    parsed: list[Path] = []
    real = loader._read_kind
    monkeypatch.setattr(loader, "_read_kind", lambda p: parsed.append(p) or real(p))
    assert loader.policy_kind(path) == "district_subsidy"
    assert loader.policy_kind(path) == "district_subsidy"
    assert parsed == [path]
    path.write_text('[programme]\nkind = "cultivation_project"\n', encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert loader.policy_kind(path) == "cultivation_project"
    assert len(parsed) == 2
