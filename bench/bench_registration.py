"""Registration at the counter, one case per transaction, as the desk does it: the cost of
``PRAGMA synchronous=FULL`` (issue 14 §5) against NORMAL on this machine's disk.

FULL syncs the WAL on every commit, so a power cut loses no approved amount; NORMAL may lose
the last commits. Run: ``python -m bench registration``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from core.db import database
from core.db.database import open_database
from core.records import cases, users
from tests.core.db.conftest import applicant_form, case_form, transfer

CASES = 300


def _run(mode: str) -> list[float]:
    shipped = database._sqlite_events

    def with_mode(engine: object, busy: int) -> None:
        shipped(engine, busy)  # type: ignore[arg-type]

        @event.listens_for(engine, "connect")
        def _sync(dbapi: object, record: object) -> None:
            dbapi.execute(f"PRAGMA synchronous={mode}")  # type: ignore[attr-defined]

    database._sqlite_events = with_mode  # type: ignore[assignment]
    times: list[float] = []
    try:
        with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as folder:
            db = open_database(Path(folder) / "registration.sqlite3")
            admin = users.create_first_admin(db, "admin", "管理", "admin-pass")
            clerk, _ = users.create_user(
                db, admin.id, "clerk", "经办", "clerk-pass", ["clerk"], must_change_password=False
            )
            for n in range(1, CASES + 1):
                start = time.perf_counter()
                cases.register_case(db, clerk.id, case_form(applicant_form(n), [transfer(n)]))
                times.append(time.perf_counter() - start)
            db.close()
    finally:
        database._sqlite_events = shipped
    return times


def main() -> None:
    for mode in ("NORMAL", "FULL", "NORMAL", "FULL"):
        times = _run(mode)
        print(
            f"synchronous={mode:6}  {CASES} registrations {sum(times):5.2f} s, "
            f"median {statistics.median(times) * 1000:5.1f} ms"
        )


if __name__ == "__main__":
    main()
