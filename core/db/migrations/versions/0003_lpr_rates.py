"""Loan prime rates added by an administrator after the shipped table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lpr_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("one_year", sa.String(length=12), nullable=False),
        sa.Column("over_five_years", sa.String(length=12), nullable=False),
        sa.Column("source_note", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.Column("added_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by"], ["users.id"], name=op.f("fk_lpr_rates_added_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lpr_rates")),
        sa.UniqueConstraint("effective", name=op.f("uq_lpr_rates_effective")),
    )


def downgrade() -> None:
    op.drop_table("lpr_rates")
