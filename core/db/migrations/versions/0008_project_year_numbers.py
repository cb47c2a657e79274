"""Project numbers follow the year of application (issue 16 §3): one sequence per year.

The sequence was unique per policy, so a project applied for in 2026 could only continue the
policy's first-cohort series (and was numbered 〔2024〕). Now (policy, year, seq) is unique.
Numbers already issued are kept as they are; their year stays the policy's.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # By what the table has, not by its revision alone: a database put back to an older
    # revision by hand (as the upgrade tests do) may already carry the new constraint.
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_unique_constraints("projects")}
    if "uq_projects_policy_id_year_seq" in present:
        return
    with op.batch_alter_table("projects") as batch:
        if "uq_projects_policy_id_seq" in present:
            batch.drop_constraint("uq_projects_policy_id_seq", type_="unique")
        batch.create_unique_constraint(
            "uq_projects_policy_id_year_seq", ["policy_id", "year", "seq"]
        )


def downgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.drop_constraint("uq_projects_policy_id_year_seq", type_="unique")
        batch.create_unique_constraint("uq_projects_policy_id_seq", ["policy_id", "seq"])
