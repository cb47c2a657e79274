"""政策管理 in core: the bureau's folder, importing next year's file, activating it (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.db.database import Database, open_database
from core.paths import policies_dir
from core.policy.loader import POLICY_DIR_ENV, policy_search_path, set_configured_folders
from core.records.errors import InvalidInput, PermissionDenied
from core.records.policy_admin import (
    activate_policy,
    apply_policy_folder,
    import_policy_file,
    programme_for_new_cases,
    set_policy_folder,
)
from core.records.roles import Role
from core.records.users import create_first_admin, create_user

WORKED = Path(__file__).resolve().parents[3] / "docs" / "examples" / "bishan-2025.toml"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.delenv(POLICY_DIR_ENV, raising=False)
    set_configured_folders(())
    database = open_database(tmp_path / "cases.sqlite3")
    yield database
    database.close()
    set_configured_folders(())


@pytest.fixture
def admin(db: Database) -> int:
    return create_first_admin(db, "admin", "管理员", "pass-word-1").id


def _user(db: Database, admin: int, name: str, role: Role) -> int:
    return create_user(db, admin, name, name, "pass-word-1", {role})[0].id


def test_import_needs_a_folder_then_checks_copies_and_activates(
    db: Database, admin: int, tmp_path: Path
) -> None:
    assert programme_for_new_cases(db).id == "bishan-2024"
    with pytest.raises(InvalidInput, match="请先设置政策文件夹"):
        import_policy_file(db, admin, WORKED)

    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    assert folder in policy_search_path()
    imported = import_policy_file(db, admin, WORKED)
    assert imported.path == folder / "bishan-2025.toml" and imported.path.is_file()
    assert imported.in_use.id == "bishan-2024"
    # Importing does not switch new cases to the newer year; activating does.
    assert programme_for_new_cases(db).id == "bishan-2024"
    activate_policy(db, admin, "bishan-2025")
    assert programme_for_new_cases(db).id == "bishan-2025"


def test_a_file_with_stale_prose_is_not_imported(db: Database, admin: int, tmp_path: Path) -> None:
    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    stale = tmp_path / "bishan-2025.toml"
    stale.write_text(
        WORKED.read_text("utf-8").replace('standard = "1.2万元/件"', 'standard = "1万元/件"'),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match="「1万元」与数值不符"):
        import_policy_file(db, admin, stale)
    assert not (folder / "bishan-2025.toml").exists()


def test_a_copy_of_a_shipped_id_is_refused(db: Database, admin: int, tmp_path: Path) -> None:
    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    copy = tmp_path / "elsewhere" / "bishan-2024.toml"
    copy.parent.mkdir()
    copy.write_text((policies_dir() / "bishan-2024.toml").read_text("utf-8"), encoding="utf-8")
    with pytest.raises(InvalidInput, match="已有同名政策"):
        import_policy_file(db, admin, copy)


def test_only_an_administrator_changes_policy_settings(
    db: Database, admin: int, tmp_path: Path
) -> None:
    clerk = _user(db, admin, "clerk", Role.CLERK)
    supervisor = _user(db, admin, "boss", Role.SUPERVISOR)
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            set_policy_folder(db, actor, tmp_path)
        with pytest.raises(PermissionDenied):
            activate_policy(db, actor, "bishan-2024")


def test_the_folder_setting_is_read_back_by_another_counter(
    db: Database, admin: int, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    set_configured_folders(())  # another desk process: nothing configured yet
    assert apply_policy_folder(db) == folder
    assert folder in policy_search_path()


def test_a_missing_folder_or_unknown_policy_is_refused(
    db: Database, admin: int, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match="不存在"):
        set_policy_folder(db, admin, tmp_path / "nope")
    with pytest.raises(InvalidInput, match="不能启用"):
        activate_policy(db, admin, "bishan-2099")
