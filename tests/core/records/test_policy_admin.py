"""政策管理 in core: the bureau's folder, importing next year's file, activating it (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.db.database import Database
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
from tests.core.db.conftest import People, register

WORKED = Path(__file__).resolve().parents[3] / "docs" / "examples" / "bishan-2025.toml"


@pytest.fixture(autouse=True)
def clean_search_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(POLICY_DIR_ENV, raising=False)
    set_configured_folders(())
    yield
    set_configured_folders(())


@pytest.fixture
def admin(people: People) -> int:
    return people.admin


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
    db: Database, people: People, tmp_path: Path
) -> None:
    for actor in (people.clerk, people.supervisor):
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


def _imported_2025(db: Database, admin: int, tmp_path: Path, total: str | None = None) -> Path:
    import shutil

    source = tmp_path / "incoming"
    source.mkdir()
    shutil.copy(WORKED, source / WORKED.name)
    shutil.copytree(WORKED.with_suffix(".cases"), source / "bishan-2025.cases")
    if total is not None:
        cases = source / "bishan-2025.cases" / "changed-values.json"
        cases.write_text(
            cases.read_text("utf-8").replace('"total": "12000.00"', f'"total": "{total}"', 1),
            encoding="utf-8",
        )
    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    return import_policy_file(db, admin, source / WORKED.name).path


def test_activation_needs_every_case_to_hold(db: Database, admin: int, tmp_path: Path) -> None:
    path = _imported_2025(db, admin, tmp_path, total="11000.00")
    assert (path.with_suffix(".cases") / "changed-values.json").is_file()
    with pytest.raises(InvalidInput) as info:
        activate_policy(db, admin, "bishan-2025")
    message = str(info.value)
    assert "1 条测算用例未通过" in message
    assert "附件1 转让：2025年度" in message and "total：预期 11000.00，实际 12000.00" in message
    assert programme_for_new_cases(db).id == "bishan-2024"


def test_activation_needs_cases_to_exist(db: Database, admin: int, tmp_path: Path) -> None:
    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, admin, folder)
    import_policy_file(db, admin, WORKED)  # docs/examples: the file with its cases beside it
    for case_file in (folder / "bishan-2025.cases").glob("*.json"):
        case_file.unlink()
    with pytest.raises(InvalidInput, match="还没有测算用例"):
        activate_policy(db, admin, "bishan-2025")


def test_a_registered_case_is_saved_as_a_rule_case(
    db: Database, people: People, tmp_path: Path
) -> None:
    from core.engine.casebook import load_cases, policy_case_files, run_cases
    from core.records.policy_admin import save_rule_case

    folder = tmp_path / "bureau-policies"
    folder.mkdir()
    set_policy_folder(db, people.admin, folder)
    case_id = register(db, people)
    with pytest.raises(PermissionDenied):
        save_rule_case(db, people.clerk, case_id, "窗口案例", "附件1")
    path = save_rule_case(db, people.supervisor, case_id, "局内：第一件登记的申请", "附件1 转让")
    assert path == folder / "bishan-2024.cases" / "局内用例.json"
    mine = [c for c in load_cases(policy_case_files("bishan-2024")) if c.file == path]
    assert [c.name for c in mine] == ["局内：第一件登记的申请"]
    assert all(o.ok for o in run_cases(mine))
    # A total the supervisor says differs from what the program gives fails until it agrees.
    save_rule_case(
        db, people.supervisor, case_id, "局内：审核人认为应为1元", "附件1", Decimal("1.00")
    )
    assert [o.ok for o in run_cases(load_cases([path]))] == [True, False]
