"""A case keeps computing with the policy version it was registered under (issue 17 §1)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.db.database import Database
from core.paths import policies_dir
from core.policy.loader import POLICY_DIR_ENV, reload_policies, set_configured_folders
from core.records import case_queries
from core.records.errors import RecordsError
from tests.core.db.conftest import People, case_form, register, transfer

SOURCE = (policies_dir() / "bishan-2024.toml").read_text(encoding="utf-8")


@pytest.fixture
def own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """bishan-2024 served from a folder of the bureau's, so a test can change it."""
    folder = tmp_path / "policies"
    folder.mkdir()
    monkeypatch.setenv(POLICY_DIR_ENV, str(folder))
    # The shipped file would be a second one of the same id: serve only ours.
    monkeypatch.setattr("core.policy.loader.policies_dir", lambda: folder)
    path = folder / "bishan-2024.toml"
    path.write_text(SOURCE, encoding="utf-8")
    set_configured_folders(())
    reload_policies()
    yield path
    reload_policies()


def changed_rate(version: str) -> str:
    return (
        SOURCE.replace('rate = "10000.00"', 'rate = "12000.00"', 1)
        .replace('standard = "1万元/件"', 'standard = "1.2万元/件"', 1)
        .replace('version = "2024.2"', f'version = "{version}"', 1)
    )


def test_old_cases_keep_their_version_and_a_silent_change_is_refused(
    db: Database, people: People, own_copy: Path
) -> None:
    old = register(db, people, case_form(1, [transfer(1)]))
    assert case_queries.get_case(db, old).computed_total == Decimal("10000.00")

    # The file changed, its version not: new registrations are refused, saying why.
    own_copy.write_text(changed_rate("2024.2"), encoding="utf-8")
    reload_policies()  # as at the program's next start
    with pytest.raises(RecordsError, match=r"须提高 version（如 2024\.3）"):
        register(db, people, case_form(2, [transfer(2)]))
    # The registered case still computes with the text it was registered under.
    assert case_queries.recalculate(db, old).total == Decimal("10000.00")

    # Raised: a new version for new cases; the old case keeps 2024.2.
    own_copy.write_text(changed_rate("2024.3"), encoding="utf-8")
    reload_policies()
    new = register(db, people, case_form(2, [transfer(2)]))
    assert case_queries.get_case(db, new).computed_total == Decimal("12000.00")
    assert case_queries.recalculate(db, old).total == Decimal("10000.00")
