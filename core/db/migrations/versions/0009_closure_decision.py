"""A passed acceptance records what it decided about the closure instalment (issue 16 §4).

Pay in full, reduce by an amount, withhold, or withhold and recover an amount, with the
officer's reason (第十条、第十一条、第十二条; reading "closure_money"). Acceptances recorded
before keep NULL: they were paid in full, as the desk then did.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("project_reviews")}
    with op.batch_alter_table("project_reviews") as batch:
        if "closure_decision" not in present:
            batch.add_column(sa.Column("closure_decision", sa.String(length=16), nullable=True))
        if "closure_amount" not in present:
            batch.add_column(sa.Column("closure_amount", core.db.types.Money(), nullable=True))
        if "closure_reason" not in present:
            batch.add_column(
                sa.Column("closure_reason", sa.Text(), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("project_reviews") as batch:
        batch.drop_column("closure_reason")
        batch.drop_column("closure_amount")
        batch.drop_column("closure_decision")
