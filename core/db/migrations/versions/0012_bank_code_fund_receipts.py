"""The bank's 行号 beside the bank name, and the money received from the 区财政局 (issue
20 §12).

The 行号 (联行号, CNAPS code):
The 区财政局 pays by interbank transfer; the 拨付清单 it receives names the payee's bank
branch by its 12-digit 行号 where known. Optional: most applicants' forms do not carry it.
It belongs to the payee, so it is frozen at approval with the account and changes after
approval only through a payee change decided by a second person.

五(三)2: 「由区财政局拨付专利转化专项资金至区市场监管局，由区市场监管局向资助奖励对象
进行兑现」. ``fund_receipts`` records each transfer received (date, amount, the finance
bureau's document), so that payouts are marked against money actually received.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("applicants", "payee_changes")


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("fund_receipts"):
        op.create_table(
            "fund_receipts",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("policy_id", sa.String(length=40), nullable=False),
            sa.Column("received_on", sa.Date(), nullable=False),
            sa.Column("amount", core.db.types.Money(), nullable=False),
            sa.Column("reference", sa.String(length=100), nullable=False),
            sa.Column("note", sa.Text(), nullable=False, server_default=""),
            sa.Column("recorded_by_id", sa.Integer(), nullable=False),
            sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_fund_receipts_policy_id", "fund_receipts", ["policy_id"])
    for table in TABLES:
        if "bank_code" in {c["name"] for c in inspector.get_columns(table)}:
            continue
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("bank_code", sa.String(length=20), nullable=False, server_default="")
            )


def downgrade() -> None:
    op.drop_index("ix_fund_receipts_policy_id", table_name="fund_receipts")
    op.drop_table("fund_receipts")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("bank_code")
