"""Room for the longest entity key in the audit log (issue 18 §2).

``audit_log.entity_id`` was VARCHAR(40). SQLite never enforces a length, so nothing showed;
PostgreSQL refused the first setting whose key is longer, 「statistics.university_effective_
patents.bishan-2024」 (51 characters), and with it the whole change. The key of a setting may
be 80 characters (``settings.key``), so the audit column takes 120. The chain's hashes cover
the text, not the column type: no entry's hash changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column(
            "entity_id",
            existing_type=sa.String(length=40),
            type_=sa.String(length=120),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column(
            "entity_id",
            existing_type=sa.String(length=120),
            type_=sa.String(length=40),
            existing_nullable=False,
        )
