"""Money in 64-bit integers on PostgreSQL too (issue 18 §2).

Amounts are whole fen in an INTEGER column. SQLite's INTEGER holds 64 bits; PostgreSQL's
holds 32, so 2,147,483,647 fen (21,474,836.47 元) was the most a budget, a notice batch's total
or a project's funding could be on a server: a 2,500万 budget would have been refused there and
taken here. ``core.db.types.Money`` now asks for BIGINT on every database but SQLite, and this
migration widens the existing columns on a server. Nothing changes in a SQLite file.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every Money column at this revision (table, column).
MONEY_COLUMNS = (
    ("fund_receipts", "amount"),
    ("notice_batches", "budget"),
    ("notice_batches", "used_before"),
    ("notice_batches", "remaining"),
    ("notice_batches", "requested"),
    ("notice_batches", "total"),
    ("projects", "funding"),
    ("projects", "own_funds"),
    ("projects", "recovered"),
    ("projects", "kept"),
    ("year_rulings", "budget"),
    ("year_rulings", "paid_before"),
    ("year_rulings", "approved_total"),
    ("year_rulings", "total"),
    ("applications", "computed_total"),
    ("applications", "approved_amount"),
    ("project_budget_lines", "amount"),
    ("project_payments", "amount"),
    ("project_reviews", "closure_amount"),
    ("project_spending", "amount"),
    ("claims", "amount"),
    ("claims", "paid_amount"),
    ("notice_entries", "before"),
    ("notice_entries", "amount"),
    ("notice_entries", "objection_amount"),
    ("year_ruling_shares", "approved"),
    ("year_ruling_shares", "amount"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in MONEY_COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in MONEY_COLUMNS:
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
