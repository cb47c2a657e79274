"""The project tests use the database fixtures of tests/core/db/conftest.py, on a clock set in
January 2025 (the 2024 rules took effect on 2024-12-10, 第十三条).

The users are made once per session in a template file that each test copies: a project test
pays for a file copy, not for six password hashes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.db.clock import FixedClock
from core.db.database import open_database
from tests.core.db.conftest import People, cheap_passwords, db, make_people, template_db
from tests.core.projects.helpers import START


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(scope="session")
def people_template(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, cheap_passwords: None
) -> tuple[Path, People]:
    path = tmp_path_factory.mktemp("projects") / "people.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(path, clock=FixedClock(START))
    try:
        people = make_people(database)
    finally:
        database.close()
    return path, people


@pytest.fixture
def db_path(people_template: tuple[Path, People], tmp_path: Path) -> Path:
    return Path(shutil.copyfile(people_template[0], tmp_path / "ipdesk.sqlite3"))


@pytest.fixture
def people(people_template: tuple[Path, People], db: object) -> People:
    return people_template[1]


__all__ = ["cheap_passwords", "clock", "db", "db_path", "people", "template_db"]
