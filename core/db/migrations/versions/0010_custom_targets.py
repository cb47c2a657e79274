"""A project may set quantified targets of its own beside the catalogue (issue 16 §7).

第七条 asks for 「明确的任务目标和考核指标」; the catalogue of metrics cannot foresee every
project. A target of the project's own is stored as metric "custom:N" with its name, unit and
how it is verified. Existing targets are the catalogue's and keep empty columns.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("label", sa.String(length=60)),
    ("unit", sa.String(length=20)),
    ("verification", sa.Text()),
)


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("project_targets")}
    with op.batch_alter_table("project_targets") as batch:
        for name, kind in COLUMNS:
            if name not in present:
                batch.add_column(sa.Column(name, kind, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("project_targets") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
