"""What every test shares.

- Every test gets its own user data folder, so the audit anchor log (core/db/anchors.py) of
  one test never binds another's database, and no test writes to the real user's folder.
- A test that asks for ``db`` or ``db_target`` under tests/core/{db,records,projects,cli} runs
  once per database backend: on a SQLite file and on a PostgreSQL server the run starts itself
  (issue 18 §2). ``IPDESK_TEST_BACKENDS=sqlite`` limits that (``./dev wincheck`` does: wine
  has no server); a test that also asks for ``db_path`` works on the file itself and stays on
  SQLite, as does one marked ``@pytest.mark.sqlite_only("why")`` (a SQLite file's own
  behaviour: its pragmas, its file copy). Elsewhere (the desk's tests) ``db`` is SQLite.
- ``@pytest.mark.posix_only("why")`` marks a test that cannot run on Windows, with the reason;
  under Windows CPython (``./dev wincheck``) it is skipped and the reason is printed. Nothing
  else is skipped there: a test that fails on Windows is a defect until shown otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.db.database import open_database
from core.paths import DATA_ENV
from tests.pg_server import (
    ServerUnavailable,
    TestServer,
    clone_database,
    create_database,
    start_server,
    wait_until_ready,
)

BACKENDS_ENV = "IPDESK_TEST_BACKENDS"
ALL_BACKENDS = ("sqlite", "postgresql")
# The folders whose database tests must hold on both backends (issue 18 §2).
BOTH_BACKENDS_UNDER = ("core/db", "core/records", "core/projects", "core/cli")


def configured_backends() -> tuple[str, ...]:
    text = os.environ.get(BACKENDS_ENV, "")
    if not text.strip():
        return ALL_BACKENDS
    chosen = tuple(b.strip() for b in text.split(",") if b.strip())
    unknown = set(chosen) - set(ALL_BACKENDS)
    if unknown or not chosen:
        raise pytest.UsageError(f"{BACKENDS_ENV}: unknown backend(s) {sorted(unknown)}")
    return chosen


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    here = Path(str(metafunc.definition.path)).resolve().relative_to(Path(__file__).parent)
    both = any(here.as_posix().startswith(folder + "/") for folder in BOTH_BACKENDS_UNDER)
    own_file = "db_path" in metafunc.definition._fixtureinfo.argnames
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only")
    if sqlite_only is not None and not sqlite_only.args:
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs its reason")
    on_both = both and not own_file and sqlite_only is None
    backends = configured_backends() if on_both else ("sqlite",)
    metafunc.parametrize("backend", backends)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TestServer]:
    """One PostgreSQL server for the whole run, started on first use.

    A server that cannot start fails every test that needs it: a skipped PostgreSQL half
    would pass as green."""
    try:
        server = start_server()
        wait_until_ready(server)
    except (ServerUnavailable, OSError, subprocess.SubprocessError, ImportError) as exc:
        pytest.fail(f"测试用的 PostgreSQL 无法启动：{exc}", pytrace=False)
    yield server
    server.stop()


def make_pg_template(server: TestServer, name: str, base: str | None = None) -> str:
    """A migrated database to clone (from ``base`` when given); its name."""
    create_database(server, name, base)
    open_database(server.url(name)).close()
    return name


@pytest.fixture(scope="session")
def pg_empty_template(pg_server: TestServer) -> str:
    return make_pg_template(pg_server, "ipdesk_empty")


@pytest.fixture(scope="session")
def pg_template(pg_empty_template: str) -> str:
    """The database each PostgreSQL test starts from (the project tests add their people)."""
    return pg_empty_template


@pytest.fixture
def db_target(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """What ``--db`` and ``open_database`` take: a SQLite file, or a fresh server database."""
    if backend == "sqlite":
        yield str(request.getfixturevalue("db_path"))
        return
    server: TestServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("pg_template")
    with clone_database(server, template) as url:
        yield url


@pytest.fixture(autouse=True)
def _user_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_ENV, str(folder))
    return folder


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "postgresql" not in configured_backends():
        # The run was asked to leave the server out (wincheck): the tests about the server
        # itself are not collected rather than skipped, and pytest reports them deselected.
        server_tests = [i for i in items if "pg_server" in getattr(i, "fixturenames", ())]
        if server_tests:
            config.hook.pytest_deselected(items=server_tests)
            items[:] = [i for i in items if i not in server_tests]
    if sys.platform != "win32":
        return
    for item in items:
        marker = item.get_closest_marker("posix_only")
        if marker is not None:
            if not marker.args:
                raise pytest.UsageError(f"{item.nodeid}: posix_only needs its reason")
            item.add_marker(pytest.mark.skip(reason=f"Linux only: {marker.args[0]}"))
