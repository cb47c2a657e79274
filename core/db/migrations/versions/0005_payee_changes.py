"""The payee is part of the decision (issue 13 §1): payee change requests, and the payee
written into the frozen snapshot of every case approved before this version.

Cases approved before this version have no payee in their snapshot; the best record left
is the applicant's row as it stands at the upgrade, so that is what is frozen for them (the
audit log keeps every earlier value of the row). From here on the payout list never follows
the applicant's row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types
from core.db.types import dumps, loads

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payee_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.Column("bank", sa.String(length=200), nullable=False),
        sa.Column("account_number", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requested_by_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_payee_changes_application_id", "payee_changes", ["application_id"])

    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT a.id, a.snapshot_case, p.credit_code, a.applicant_name, p.account_name, "
            "p.bank, p.account_number FROM applications a JOIN applicants p "
            "ON a.applicant_id = p.id WHERE a.snapshot_case IS NOT NULL"
        )
    ).fetchall()
    for app_id, snapshot, code, name, account_name, bank, account in rows:
        data = loads(snapshot) if isinstance(snapshot, str) else dict(snapshot or {})
        if "payee" in data:
            continue
        data["payee"] = {
            "credit_code": code,
            "name": name,
            "account_name": account_name,
            "bank": bank,
            "account_number": account,
            "frozen": "upgrade",
        }
        conn.execute(
            sa.text("UPDATE applications SET snapshot_case = :s WHERE id = :i"),
            {"s": dumps(data), "i": app_id},
        )


def downgrade() -> None:
    op.drop_index("ix_payee_changes_application_id", table_name="payee_changes")
    op.drop_table("payee_changes")
