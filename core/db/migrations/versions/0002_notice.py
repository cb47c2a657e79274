"""Public notice batches and their entries (proration, objections, payouts).

Revision ID: 0002
Revises: 0001
Create Date: 2024-11-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("budget", core.db.types.Money(), nullable=False),
        sa.Column("used_before", core.db.types.Money(), nullable=False),
        sa.Column("remaining", core.db.types.Money(), nullable=False),
        sa.Column("requested", core.db.types.Money(), nullable=False),
        sa.Column("total", core.db.types.Money(), nullable=False),
        sa.Column("ratio", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_notice_batches_closed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_notice_batches_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_batches")),
        sa.UniqueConstraint("policy_id", "number", name=op.f("uq_notice_batches_policy_id_number")),
    )
    op.create_table(
        "notice_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("before", core.db.types.Money(), nullable=False),
        sa.Column("amount", core.db.types.Money(), nullable=False),
        sa.Column("objection", sa.Text(), nullable=False),
        sa.Column("objection_at", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("voucher_no", sa.String(length=60), nullable=True),
        sa.Column("paid_by_id", sa.Integer(), nullable=True),
        sa.Column("paid_at", core.db.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_notice_entries_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["notice_batches.id"],
            name=op.f("fk_notice_entries_batch_id_notice_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["paid_by_id"], ["users.id"], name=op.f("fk_notice_entries_paid_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_entries")),
        sa.UniqueConstraint("application_id", name=op.f("uq_notice_entries_application_id")),
    )
    with op.batch_alter_table("notice_entries", schema=None) as batch_op:
        batch_op.create_index("ix_notice_entries_batch_id", ["batch_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_entries_batch_id")

    op.drop_table("notice_entries")
    op.drop_table("notice_batches")
