"""The 100,000-case figures on SQLite and on PostgreSQL side by side (issue 18 §6).

``python -m bench server``. The SQLite database is bench.gen_data's (generated on first use);
a throwaway PostgreSQL server is started as the tests start theirs (tests/pg_server.py), and
the same database is moved into it with ``core.db.move`` (that move is timed too). Then, on
each backend through the same core calls:

* the case list's page of 200 with its total and counts, under each filter and search of
  bench_case_queries (the desk's list and its keystroke search read exactly this);
* a keystroke search typed one character at a time (「璧」「璧泉」…), as the desk asks after
  each typing pause;
* the rows of the payout list (拨付清单) of a closed batch of 10,000 cleared cases (the
  database of bench_documents, moved the same way);
* one registration (a write with its case number and audit entry).

The engine (the award computation) reads no database: its figure is bench_engine's, the same
for both. Prints medians in ms.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_case_queries import RUNS, measure
from bench.gen_data import DEFAULT_OUT, ensure
from core.db.database import Database, open_database
from core.records.queries import CaseFilters, list_cases

TYPED = "璧泉街道"
PAYOUT_CASES = 10_000


def _median(run: Callable[[], object], runs: int = RUNS) -> float:
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _payout_ms(db: Database, batch_id: int) -> tuple[float, int]:
    """What ``export payout`` reads: the rows of the batch (the workbook is the same work)."""
    from core.records.documents import payout_rows

    lines = len(payout_rows(db, batch_id))
    return _median(lambda: payout_rows(db, batch_id), 5), lines


def _typing_ms(db: Database) -> list[float]:
    return [
        _median(lambda t=TYPED[:end]: list_cases(db, CaseFilters(search=t), limit=200), 5)
        for end in range(1, len(TYPED) + 1)
    ]


def _register_ms(db: Database) -> float:
    from core.records import cases
    from core.records.roles import Role
    from core.records.users import create_first_admin, create_user, list_users
    from tests.core.db.conftest import applicant_form, case_form, transfer

    users = list_users(db)
    if users:
        clerk = next(u for u in users if Role.CLERK in u.roles)
        clerk_id = clerk.id
    else:
        admin = create_first_admin(db, "admin", "管理员", "bench-admin")
        clerk_id = create_user(
            db, admin.id, "clerk", "经办", "bench-clerk", (Role.CLERK,), must_change_password=False
        )[0].id
    numbers = iter(range(900_000, 999_999))

    def register() -> object:
        n = next(numbers)
        form = case_form(applicant_form(n), [transfer(n)], received_on=dt.date(2024, 11, 15))
        return cases.register_case(db, clerk_id, form)

    return _median(register, 9)


def main() -> None:
    from bench.bench_documents import payout_database
    from core.db.move import copy_tables
    from tests.pg_server import create_database, start_server, wait_until_ready

    # A copy: the registrations below must not change the data set the other benchmarks use.
    scratch = Path(tempfile.mkdtemp(prefix="ipdesk-bench-"))
    path = scratch / "cases.sqlite3"
    shutil.copyfile(ensure(DEFAULT_OUT), path)
    server = start_server()
    try:
        wait_until_ready(server)
        url = create_database(server, "bench")
        sqlite_db = open_database(path)
        server_db = open_database(url)
        # bench_documents' payout database: one closed batch of 10,000 cleared cases.
        batch_id = payout_database(scratch / "payout.sqlite3", PAYOUT_CASES)
        pay_lite = open_database(scratch / "payout.sqlite3")
        pay_pg = open_database(create_database(server, "payout"))
        copy_tables(pay_lite, pay_pg)
        try:
            start = time.perf_counter()
            # The synthetic data set has cases without their registration records, which
            # move_database's records check refuses (rightly): the rows are copied as it does.
            copied = copy_tables(sqlite_db, server_db)
            moved_s = time.perf_counter() - start
            print(
                f"rows copied as db move copies them: {sum(copied.values()):,} rows of "
                f"{len(copied)} tables in {moved_s:.1f} s"
            )
            total = list_cases(sqlite_db, limit=1).total
            print(f"{total:,} applications; median ms of {RUNS} runs (page of 200 + counts)")
            print(f"  {'SQLite':>9} {'PostgreSQL':>11}  query")
            for (label, lite, n1, _), (_, pg, n2, _) in zip(
                measure(sqlite_db), measure(server_db), strict=True
            ):
                same = "" if n1 == n2 else f"  (MATCHES DIFFER: {n1} vs {n2})"
                print(f"  {lite:9.1f} {pg:11.1f}  {label}{same}")
            for end, (lite, pg) in enumerate(
                zip(_typing_ms(sqlite_db), _typing_ms(server_db), strict=True), start=1
            ):
                print(f"  {lite:9.1f} {pg:11.1f}  keystroke search 「{TYPED[:end]}」")
            (lite, lines), (pg, _) = _payout_ms(pay_lite, batch_id), _payout_ms(pay_pg, batch_id)
            print(f"  {lite:9.1f} {pg:11.1f}  payout rows of a batch ({lines:,} cleared cases)")
            lite, pg = _register_ms(sqlite_db), _register_ms(server_db)
            print(f"  {lite:9.1f} {pg:11.1f}  one registration (write, case number, audit)")
        finally:
            for db in (sqlite_db, server_db, pay_lite, pay_pg):
                db.close()
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
