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
from tests.pg_server import TestServer, create_database


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


@pytest.fixture(scope="session")
def pg_people_template(
    pg_server: TestServer, pg_empty_template: str, cheap_passwords: None
) -> tuple[str, People]:
    """``people_template`` on the server: a database to clone, with the same people."""
    name = "ipdesk_projects"
    create_database(pg_server, name, pg_empty_template)
    database = open_database(pg_server.url(name), clock=FixedClock(START))
    try:
        made = make_people(database)
    finally:
        database.close()
    return name, made


@pytest.fixture(scope="session")
def pg_template(pg_people_template: tuple[str, People]) -> str:
    return pg_people_template[0]


@pytest.fixture
def people(db: object, backend: str, request: pytest.FixtureRequest) -> People:
    template = "people_template" if backend == "sqlite" else "pg_people_template"
    made: People = request.getfixturevalue(template)[1]
    return made


__all__ = ["cheap_passwords", "clock", "db", "db_path", "people", "template_db"]
