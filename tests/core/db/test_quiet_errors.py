"""A database error never prints a bank account (issue 14 §5: hide_parameters)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from core.db.database import Database
from core.db.models import Applicant
from core.logs import log_exception

ACCOUNT = "6222020200198765432"


def test_a_failed_insert_names_no_account_in_the_error_or_the_log(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPDESK_LOG_DIR", str(tmp_path))
    now = dt.datetime(2024, 5, 6, tzinfo=dt.UTC)

    def row(account: str) -> Applicant:
        return Applicant(
            credit_code="91500227MA5U00000B",
            name="示例公司",
            kind="enterprise",
            account_number=account,
            created_at=now,
            updated_at=now,
        )

    with db.write() as session:
        session.add(row("1"))
    with pytest.raises(IntegrityError) as info, db.write() as session:
        session.add(row(ACCOUNT))  # the same credit code again: refused by the database
    assert ACCOUNT not in str(info.value)
    assert "hidden due to hide_parameters" in str(info.value)
    log = log_exception("ipdesk-test", info.value)
    assert ACCOUNT not in log.read_text(encoding="utf-8")


@pytest.mark.sqlite_only("a SQLite pragma; a server's durability is its own configuration")
def test_the_database_syncs_fully(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
