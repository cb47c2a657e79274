"""On a server, the substring searches can use migration 0015's trigram indexes (issue 18 §2)."""

from __future__ import annotations

from sqlalchemy import select, text

from core.db.database import open_database
from core.db.models import Application
from core.records.queries import search_condition
from tests.pg_server import TestServer, clone_database


def _plan(db, condition) -> str:
    query = select(Application.id).where(condition)
    compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        # A handful of rows would be scanned whatever the indexes: ask what the planner can
        # do. A GIN index is read by bitmap scans only, so plain index scans are left out too.
        conn.execute(text("SET enable_seqscan = off"))
        conn.execute(text("SET enable_indexscan = off"))
        return "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))


def test_patent_digits_and_code_parts_are_found_through_the_trigram_indexes(
    pg_server: TestServer, pg_empty_template: str
) -> None:
    with clone_database(pg_server, pg_empty_template) as url:
        db = open_database(url)
        try:
            patent = search_condition("0601862")
            assert patent is not None
            assert "ix_claims_patent_trgm" in _plan(db, patent)
            code = search_condition("MA60K7B3")
            assert code is not None
            assert "ix_applicants_credit_code_trgm" in _plan(db, code)
        finally:
            db.close()
