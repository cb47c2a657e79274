"""年度核定 (issue 13 §3): one proration ratio per programme year, and each approved case's
share under it.

Databases from before this version prorated each notice batch against what earlier batches
left. Their payments stand; the first 年度核定 prorates what is left of the budget over the
cases not yet paid and says so.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "year_rulings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("budget", core.db.types.Money(), nullable=False),
        sa.Column("paid_before", core.db.types.Money(), nullable=False),
        sa.Column("approved_total", core.db.types.Money(), nullable=False),
        sa.Column("total", core.db.types.Money(), nullable=False),
        sa.Column("ratio", sa.String(length=40), nullable=False),
        sa.Column("pending_cases", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("policy_id", "number"),
    )
    op.create_table(
        "year_ruling_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ruling_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("approved", core.db.types.Money(), nullable=False),
        sa.Column("amount", core.db.types.Money(), nullable=False),
        sa.ForeignKeyConstraint(["ruling_id"], ["year_rulings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ruling_id", "application_id"),
    )
    op.create_index(
        "ix_year_ruling_shares_application_id", "year_ruling_shares", ["application_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_year_ruling_shares_application_id", table_name="year_ruling_shares")
    op.drop_table("year_ruling_shares")
    op.drop_table("year_rulings")
