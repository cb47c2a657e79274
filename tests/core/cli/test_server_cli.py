"""``ipdesk-cli`` against a real PostgreSQL server (issue 18): one meaning for ``--db``, the
explicit set-up step, the demo on a server, ``db move`` both ways, and counters writing at once.

These tests are about the server itself, so they run there only; the rest of the CLI tests run
on both backends through the ``backend`` parameter (tests/conftest.py).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.cli.main import main
from core.db.database import Database, open_database
from core.records import notice
from core.records.queries import CaseFilters, list_cases
from tests.pg_server import TestServer, create_database, drop_database, fresh_name

ROOT = Path(__file__).resolve().parents[3]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_url(pg_server: TestServer) -> Iterator[str]:
    """A database created on the server and never set up: no tables at all."""
    name = fresh_name("empty")
    url = create_database(pg_server, name)
    yield url
    drop_database(pg_server, name)


def table_names(url: str) -> set[str]:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "argv",
    [
        ("audit", "verify"),
        ("export", "payout", "--out", "payout.xlsx"),
        ("case", "list"),
        ("project", "list"),
    ],
    ids=["audit-verify", "export", "case-list", "project-list"],
)
def test_a_never_set_up_server_database_is_refused_and_left_empty(
    empty_url: str,
    argv: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv, "--db", empty_url)
    assert code == 2 and out == ""
    assert "尚未初始化" in err and "ipdesk-cli db init" in err
    assert err.count("\n") == 1
    assert table_names(empty_url) == set()
    assert list(tmp_path.iterdir()) == []


def test_db_init_sets_up_once_then_verify_passes(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "db", "init", "--db", empty_url)
    assert code == 0 and "已在 数据库服务器 127.0.0.1:" in out and "建立本系统的数据表" in out
    assert {"applications", "audit_log", "users"} <= table_names(empty_url)
    code, out, _ = run(capsys, "db", "init", "--db", empty_url)
    assert code == 0 and "无需初始化" in out
    code, out, _ = run(capsys, "audit", "verify", "--db", empty_url)
    assert code == 0 and "共 0 条" in out


def test_an_unreachable_server_is_one_chinese_line(
    capsys: pytest.CaptureFixture[str], pg_server: TestServer
) -> None:
    from tests.pg_server import free_port

    url = f"postgresql://postgres@127.0.0.1:{free_port()}/ipdesk"
    code, _, err = run(capsys, "case", "list", "--db", url)
    assert code == 2 and "无法连接数据库服务器" in err and err.count("\n") == 1


def test_a_missing_server_database_names_how_to_create_it(
    capsys: pytest.CaptureFixture[str], pg_server: TestServer
) -> None:
    code, _, err = run(capsys, "db", "init", "--db", pg_server.url("no_such_db"))
    assert code == 2 and "不存在" in err and "建库" in err


def test_an_unknown_kind_of_database_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "case", "list", "--db", "mysql://root@localhost/ipdesk")
    assert code == 2 and "不支持的数据库类型“mysql”" in err


def _demo_contents(db: Database) -> dict[str, Any]:
    """What a clerk and a supervisor see of the demo: the case list, the batches, the payouts."""
    page = list_cases(db, CaseFilters(), limit=1000)
    rows = [
        (r.case_number, r.status, r.applicant_name, r.amount, r.has_duplicate) for r in page.rows
    ]
    batches = notice.list_notice_batches(db)
    payouts = [
        [dataclasses.astuple(line) for line in notice.payout_list(db, b.id)] for b in batches
    ]
    return {
        "cases": rows,
        "counts": dict(page.counts_by_status),
        "batches": [(b.number, b.status, b.cases, b.total, b.ratio) for b in batches],
        "payouts": payouts,
    }


def test_the_demo_fills_the_server_alike_and_writes_no_file(
    empty_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsys, "demo", "--db", empty_url)
    assert (code, err) == (0, "")
    assert "已生成演示数据库：数据库服务器 127.0.0.1:" in out and "clerk / clerk123" in out
    # The URL used to be taken as a path: a folder "postgresql+psycopg:" appeared here.
    assert list(work.iterdir()) == []
    code, out, _ = run(capsys, "demo", "--db", empty_url)
    assert code == 2
    file = tmp_path / "demo.sqlite3"
    assert run(capsys, "demo", "--db", str(file))[0] == 0
    server, local = open_database(empty_url), open_database(file)
    try:
        on_server, on_file = _demo_contents(server), _demo_contents(local)
    finally:
        server.close()
        local.close()
    assert on_server["cases"] and on_server["payouts"] and any(on_server["payouts"])
    assert on_server == on_file
    code, out, _ = run(capsys, "audit", "verify", "--db", empty_url)
    assert code == 0 and "审计记录完整" in out


@pytest.fixture
def demo_url(pg_server: TestServer, capsys: pytest.CaptureFixture[str]) -> Iterator[str]:
    name = fresh_name("demo")
    url = create_database(pg_server, name)
    assert run(capsys, "demo", "--db", url)[0] == 0
    yield url
    drop_database(pg_server, name)


def test_backup_with_pg_dump_then_restore_into_an_empty_database(
    pg_server: TestServer, demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "ipdesk-2024-11-22.dump"
    code, out, err = run(capsys, "backup", str(dump), "--db", demo_url)
    assert (code, err) == (0, ""), err
    assert f"已备份到 {dump}" in out and dump.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [dump.name]  # no half file left
    # The head the dump holds is remembered on this PC and binds the server's trail.
    code, out, _ = run(capsys, "audit", "verify", "--db", demo_url)
    assert code == 0 and "与本机记下的 1 个备份链头相符" in out
    # Refused as on SQLite: an existing file, a folder, another kind of file.
    for target, words in (
        (str(dump), "已存在"),
        (str(tmp_path), "是文件夹"),
        (str(tmp_path / "x.xlsx"), ".dump"),
    ):
        code, _, err = run(capsys, "backup", target, "--db", demo_url)
        assert code == 2 and words in err, err
    name = fresh_name("restored")
    restored = create_database(pg_server, name)
    try:
        code, out, err = run(capsys, "restore", str(dump), "--db", restored)
        assert (code, err) == (0, ""), err
        assert "案件 30 件" in out and "审计记录完整" in out
        source, copy = open_database(demo_url), open_database(restored)
        try:
            assert _demo_contents(copy) == _demo_contents(source)
        finally:
            source.close()
            copy.close()
        code, out, _ = run(capsys, "audit", "verify", "--db", restored)
        assert code == 0, out
        # A database in use is never overwritten.
        code, _, err = run(capsys, "restore", str(dump), "--db", restored)
        assert code == 2 and "不是空的" in err
    finally:
        drop_database(pg_server, name)


def test_a_restore_that_cannot_be_verified_is_undone(
    pg_server: TestServer, demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(demo_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor_name = '冒名者' WHERE id = 5"))
    engine.dispose()
    dump = tmp_path / "tampered.dump"
    assert run(capsys, "backup", str(dump), "--db", demo_url)[0] == 0
    name = fresh_name("restored")
    restored = create_database(pg_server, name)
    try:
        code, out, err = run(capsys, "restore", str(dump), "--db", restored)
        assert code == 2 and out == ""
        assert "审计记录不能核实，已撤销恢复" in err and "第 5 条" in err
        assert table_names(restored) == set()
        not_a_dump = tmp_path / "notes.dump"
        not_a_dump.write_text("这不是备份", encoding="utf-8")
        code, _, err = run(capsys, "restore", str(not_a_dump), "--db", restored)
        assert code == 2 and "不是 pg_dump 的备份文件" in err
    finally:
        drop_database(pg_server, name)


def test_the_demo_refuses_force_on_a_server(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "demo", "--db", empty_url)[0] == 0
    code, _, err = run(capsys, "demo", "--db", empty_url, "--force", "--user", "admin")
    assert code == 2 and "不能用 --force 覆盖" in err


def _all_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    from core.db.models import Base

    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
            if t.name != "alembic_version"
        }


def test_db_move_round_trips_the_demo_with_an_intact_chain(
    pg_server: TestServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "counter.sqlite3"
    assert run(capsys, "demo", "--db", str(original))[0] == 0
    name = fresh_name("moved")
    url = create_database(pg_server, name)
    try:
        code, out, err = run(capsys, "db", "move", "--from", str(original), "--to", url)
        assert (code, err) == (0, ""), err
        assert "两边一致" in out and "与审计记录一致" in out
        back = tmp_path / "back.sqlite3"
        code, out, err = run(capsys, "db", "move", "--from", url, "--to", str(back))
        assert (code, err) == (0, ""), err
        # Into a database that has data: refused, nothing written.
        code, _, err = run(capsys, "db", "move", "--from", str(original), "--to", url)
        assert code == 2 and "不是空的" in err
        first, server, last = open_database(original), open_database(url), open_database(back)
        try:
            rows = _all_rows(first)
            assert rows["applications"] and rows["audit_log"]
            assert _all_rows(server) == rows == _all_rows(last)
            # New rows on the server continue the ids (the sequences were advanced).
            with server.write() as session:
                session.execute(
                    text("INSERT INTO settings (key, value) VALUES ('move.check', '1')")
                )
                new_id = session.execute(
                    text(
                        "INSERT INTO fund_receipts (policy_id, received_on, amount, reference,"
                        " note, recorded_by_id, recorded_at) VALUES ('bishan-2024', '2024-12-01',"
                        " 100, 'x', '', 1, '2024-12-01 00:00:00') RETURNING id"
                    )
                ).scalar()
            assert new_id == max([r[0] for r in rows["fund_receipts"]] + [0]) + 1
        finally:
            first.close()
            server.close()
            last.close()
        code, out, _ = run(capsys, "audit", "verify", "--db", url)
        assert code == 0
    finally:
        drop_database(pg_server, name)


_WRITER = """
import sys
from core.db.database import open_database
from core.records import cases
from tests.core.db.conftest import case_form, applicant_form, transfer
from core.records.users import login
import datetime as dt

url, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = open_database(url, create=False)
clerk = login(db, "clerk", "clerk123")
for i in range(count):
    n = worker * 1000 + i
    form = case_form(applicant_form(n), [transfer(n)], received_on=dt.date(2024, 11, 15))
    cases.register_case(db, clerk.id, form)
db.close()
"""


def _demo_server(pg_server: TestServer, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    name = fresh_name("busy")
    url = create_database(pg_server, name)
    assert run(capsys, "demo", "--db", url)[0] == 0
    return name, url


def _case_numbers(url: str) -> list[str]:
    db = open_database(url, create=False)
    try:
        with db.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT case_number FROM applications"))]
    finally:
        db.close()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_counters_registering_at_once_get_distinct_gapless_numbers(
    pg_server: TestServer, capsys: pytest.CaptureFixture[str], workers: int
) -> None:
    name, url = _demo_server(pg_server, capsys)
    try:
        before = _case_numbers(url)
        each = 200 // workers
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _WRITER, url, str(w + 1), str(each)],
                env=_env(),
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for w in range(workers)
        ]
        errors = [p.communicate(timeout=600)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * workers, errors
        numbers = _case_numbers(url)
        assert len(numbers) == len(before) + 200 == len(set(numbers))
        # 〔2024〕第001号…: every number from 1 to the count, none skipped, none twice.
        seqs = sorted(int(n.split("第")[1].rstrip("号")) for n in numbers if "〔2024〕" in n)
        assert seqs == list(range(1, len(seqs) + 1))
        code, out, _ = run(capsys, "audit", "verify", "--db", url)
        assert code == 0, out
    finally:
        drop_database(pg_server, name)


@pytest.mark.slow
def test_two_counters_importing_at_once_lose_nothing(
    pg_server: TestServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from core.documents.intake_import import intake_workbook
    from core.policy import load_policy
    from tests.core.cli.test_documents_cli import _doc

    name, url = _demo_server(pg_server, capsys)
    try:
        before = _case_numbers(url)
        files = []
        for w in range(2):
            path = tmp_path / f"intake{w}.xlsx"
            docs = [_doc(100 + w * 40 + i) for i in range(40)]
            path.write_bytes(intake_workbook(load_policy("bishan-2024"), docs))
            files.append(path)
        env = _env() | {"IPDESK_PASSWORD": "clerk123"}
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "core.cli", "import", str(f), "--as", user, "--db", url],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for f, user in zip(files, ("clerk", "clerk2"), strict=True)
        ]
        results = [p.communicate(timeout=600) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], results
        imported = [line for out, _ in results for line in out.splitlines()[1:]]
        numbers = _case_numbers(url)
        assert len(imported) == 80 == len(set(imported))
        assert set(numbers) == set(before) | set(imported)
        assert len(numbers) == len(before) + 80
        code, out, _ = run(capsys, "audit", "verify", "--db", url)
        assert code == 0, out
    finally:
        drop_database(pg_server, name)


def _documented_sql(marker: str) -> str:
    text_ = (ROOT / "docs" / "installing.md").read_text(encoding="utf-8")
    block = text_.split(f"<!-- {marker}:begin -->")[1].split(f"<!-- {marker}:end -->")[0]
    return block.replace("```sql", "").replace("```", "").strip()


def _run_sql(server: TestServer, database: str, script: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=server.port, user="postgres", dbname=database, autocommit=True
    ) as conn:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)


def test_the_documented_server_setup_gives_the_counters_least_privilege(
    pg_server: TestServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/installing.md's statements, run as written: the owner sets up, the counters write
    rows, and nobody at a counter can edit the audit trail or change the tables."""
    import psycopg

    setup = _documented_sql("server-setup")
    before, after = setup.split("\\connect ipdesk")
    base = f"postgresql://{{}}@127.0.0.1:{pg_server.port}/ipdesk"
    try:
        _run_sql(pg_server, "postgres", before)
        _run_sql(pg_server, "ipdesk", after)
        code, out, err = run(capsys, "db", "init", "--db", base.format("ipdesk_owner"))
        assert code == 0, err
        _run_sql(pg_server, "ipdesk", _documented_sql("server-append-only"))
        desk = base.format("ipdesk_desk")
        code, out, err = run(capsys, "demo", "--db", desk)
        assert (code, err) == (0, "")
        code, out, _ = run(capsys, "audit", "verify", "--db", desk)
        assert code == 0, out
        with psycopg.connect(
            host="127.0.0.1", port=pg_server.port, user="ipdesk_desk", dbname="ipdesk"
        ) as conn:
            for statement in (
                "UPDATE audit_log SET actor_name = 'x' WHERE id = 1",
                "DELETE FROM audit_log WHERE id = 1",
                "CREATE TABLE extra (id integer)",
                "ALTER TABLE applications ADD COLUMN extra integer",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
                conn.rollback()
            assert conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 30
            # The owner could create pg_trgm (a trusted extension) at db init: migration 0015.
            indexes = conn.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ("%trgm",)
            ).fetchall()
            assert sorted(r[0] for r in indexes) == [
                "ix_applicants_credit_code_trgm",
                "ix_claims_patent_trgm",
            ]
    finally:
        _run_sql(
            pg_server,
            "postgres",
            "DROP DATABASE IF EXISTS ipdesk WITH (FORCE); DROP ROLE IF EXISTS ipdesk_desk;"
            " DROP ROLE IF EXISTS ipdesk_owner",
        )


def test_a_server_database_that_is_not_utf8_is_refused(
    pg_server: TestServer, capsys: pytest.CaptureFixture[str]
) -> None:
    name = fresh_name("latin")
    _run_sql(
        pg_server,
        "postgres",
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'",
    )
    try:
        code, _, err = run(capsys, "db", "init", "--db", pg_server.url(name))
        assert code == 2 and "UTF8" in err
        assert table_names(pg_server.url(name)) == set()
    finally:
        drop_database(pg_server, name)


def test_no_message_or_remembered_address_carries_the_password(
    pg_server: TestServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_server import free_port

    down = f"postgresql://ipdesk_desk:hunter2@127.0.0.1:{free_port()}/ipdesk"
    code, out, err = run(capsys, "case", "list", "--db", down)
    assert code == 2 and "hunter2" not in out + err
    up = pg_server.url("postgres").replace("postgres@", "postgres:hunter2@", 1)
    from core.db.database import create_db_engine, resolve_url

    url, _ = resolve_url(up)
    db = Database(create_db_engine(url), url, None)
    try:
        assert "hunter2" not in db.identity + db.label
        assert db.identity == f"postgresql+psycopg://postgres@127.0.0.1:{pg_server.port}/postgres"
    finally:
        db.close()
