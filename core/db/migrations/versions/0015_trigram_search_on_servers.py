"""Trigram indexes for the substring searches, on PostgreSQL (issue 18 §2).

The case list finds a patent by any run of its digits (「0601862」 of ZL201710601862.3) and
an applicant by any part of its credit code (「MA60K7B3」). No B-tree helps a substring: on
SQLite each is a scan of one narrow column, 14–82 ms on 100,000 cases; on a server the same
scans took 19–120 ms (docs/PERFORMANCE.md). PostgreSQL's ``pg_trgm`` indexes the three-letter
pieces of each value, so ``LIKE '%…%'`` of three or more characters becomes an index lookup.

``pg_trgm`` ships with PostgreSQL (Debian's package, the Windows installer) and is a trusted
extension: the database's owner may create it. Where it cannot be created (an older server,
a role without the right), the upgrade goes on without these indexes: every search still
works, as a scan. Names are left out: they are Chinese, which the trigram parser of a
``C.UTF-8`` database does not split, so the index would not narrow them.

Not in ``core.db.models``: SQLite has no such index, and tests/core/db/test_migrations.py
names these as the server's own when it compares the schema with the models.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, column)
TRIGRAM_INDEXES = (
    ("ix_claims_patent_trgm", "claims", "patent"),
    ("ix_applicants_credit_code_trgm", "applicants", "credit_code"),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return
    savepoint.commit()
    for name, table, column in TRIGRAM_INDEXES:
        bind.execute(
            sa.text(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)'
            )
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _, _ in TRIGRAM_INDEXES:
        op.execute(f'DROP INDEX IF EXISTS "{name}"')
