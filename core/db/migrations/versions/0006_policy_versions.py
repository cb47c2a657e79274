"""Policy versions pinned to cases (issue 17 §1): applications.policy_version, and the text of
each version in policy_texts.

Cases registered before this version are taken to be under the version their programme's file
has at the upgrade (the only one this program ever shipped for it); its text is stored when
a case next computes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "policy_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("first_used_at", core.db.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("policy_id", "version"),
    )
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("policy_version", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("policy_version")
    op.drop_table("policy_texts")
