"""An objection (异议) to a notice records its facts (issue 20 §11).

五(三)1 puts the results on notice 「接受社会监督」. An objection is a citizen's word against a
public decision: who objected and how to reach them, the day it was received, its
substance (the existing ``objection`` column) and the finding (``resolution``), and the
outcome: upheld (不予资助), rejected, or the amount changed, with the amount decided.
Earlier objections keep empty columns: they were recorded as text only.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("objector", sa.String(length=200)),
    ("objector_contact", sa.String(length=100)),
    ("objection_outcome", sa.String(length=20)),
)
OPTIONAL_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("objection_received_on", sa.Date()),
    ("objection_amount", core.db.types.Money()),
)


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("notice_entries")}
    with op.batch_alter_table("notice_entries") as batch:
        for name, kind in TEXT_COLUMNS:
            if name not in present:
                batch.add_column(sa.Column(name, kind, nullable=False, server_default=""))
        for name, kind in OPTIONAL_COLUMNS:
            if name not in present:
                batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notice_entries") as batch:
        for name, _ in reversed(OPTIONAL_COLUMNS):
            batch.drop_column(name)
        for name, _ in reversed(TEXT_COLUMNS):
            batch.drop_column(name)
