"""Municipal high-value patent cultivation projects (seed 000): projects, their units, budget,
targets and actuals, eligibility conditions, progress reports, reviews, requests, payments,
spending and the step log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("key_industry", sa.String(length=100), nullable=False),
        sa.Column("technology_type", sa.String(length=20), nullable=False),
        sa.Column("linked_project", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("funding", core.db.types.Money(), nullable=False),
        sa.Column("own_funds", core.db.types.Money(), nullable=False),
        sa.Column("task_book_number", sa.String(length=60), nullable=True),
        sa.Column("task_book_date", sa.Date(), nullable=True),
        sa.Column("recovered", core.db.types.Money(), nullable=True),
        sa.Column("kept", core.db.types.Money(), nullable=True),
        sa.Column("registered_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["registered_by_id"], ["users.id"], name=op.f("fk_projects_registered_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_projects_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("number", name=op.f("uq_projects_number")),
        sa.UniqueConstraint("policy_id", "seq", name=op.f("uq_projects_policy_id_seq")),
    )
    op.create_index("ix_projects_status_year", "projects", ["status", "year"], unique=False)
    op.create_table(
        "project_budget_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("amount", core.db.types.Money(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_budget_lines_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_budget_lines")),
        sa.UniqueConstraint(
            "project_id", "category", name=op.f("uq_project_budget_lines_project_id_category")
        ),
    )
    op.create_table(
        "project_conditions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_conditions_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_conditions")),
        sa.UniqueConstraint(
            "project_id", "code", name=op.f("uq_project_conditions_project_id_code")
        ),
    )
    op.create_table(
        "project_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=False),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", core.db.types.JsonText(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_project_events_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_events_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_events")),
    )
    op.create_index("ix_project_events_project_id", "project_events", ["project_id"], unique=False)
    op.create_table(
        "project_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount", core.db.types.Money(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("voucher", sa.String(length=60), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_payments_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_project_payments_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_payments")),
        sa.UniqueConstraint("project_id", "kind", name=op.f("uq_project_payments_project_id_kind")),
    )
    op.create_table(
        "project_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("results", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_reports_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_project_reports_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_reports")),
    )
    op.create_index(
        "ix_project_reports_project_id", "project_reports", ["project_id"], unique=False
    )
    op.create_table(
        "project_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("old_end_date", sa.Date(), nullable=True),
        sa.Column("new_end_date", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", core.db.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_project_requests_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_requests_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["users.id"],
            name=op.f("fk_project_requests_requested_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_requests")),
    )
    op.create_index(
        "ix_project_requests_project_id", "project_requests", ["project_id"], unique=False
    )
    op.create_table(
        "project_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("experts", sa.Text(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("score", sa.String(length=20), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_reviews_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_project_reviews_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_reviews")),
    )
    op.create_index(
        "ix_project_reviews_project_id", "project_reviews", ["project_id"], unique=False
    )
    op.create_table(
        "project_spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("amount", core.db.types.Money(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_spending_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_project_spending_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_spending")),
    )
    op.create_index(
        "ix_project_spending_project_id", "project_spending", ["project_id"], unique=False
    )
    op.create_table(
        "project_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_targets_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_targets")),
        sa.UniqueConstraint(
            "project_id", "metric", name=op.f("uq_project_targets_project_id_metric")
        ),
    )
    op.create_table(
        "project_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_units_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_units")),
        sa.UniqueConstraint(
            "project_id", "credit_code", name=op.f("uq_project_units_project_id_credit_code")
        ),
    )
    op.create_index("ix_project_units_credit_code", "project_units", ["credit_code"], unique=False)
    op.create_table(
        "project_target_actuals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", core.db.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_project_target_actuals_recorded_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["project_reports.id"],
            name=op.f("fk_project_target_actuals_report_id_project_reports"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["project_targets.id"],
            name=op.f("fk_project_target_actuals_target_id_project_targets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_target_actuals")),
    )
    op.create_index(
        "ix_project_target_actuals_target_id", "project_target_actuals", ["target_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_project_target_actuals_target_id", table_name="project_target_actuals")
    op.drop_table("project_target_actuals")
    op.drop_index("ix_project_units_credit_code", table_name="project_units")
    op.drop_table("project_units")
    op.drop_table("project_targets")
    op.drop_index("ix_project_spending_project_id", table_name="project_spending")
    op.drop_table("project_spending")
    op.drop_index("ix_project_reviews_project_id", table_name="project_reviews")
    op.drop_table("project_reviews")
    op.drop_index("ix_project_requests_project_id", table_name="project_requests")
    op.drop_table("project_requests")
    op.drop_index("ix_project_reports_project_id", table_name="project_reports")
    op.drop_table("project_reports")
    op.drop_table("project_payments")
    op.drop_index("ix_project_events_project_id", table_name="project_events")
    op.drop_table("project_events")
    op.drop_table("project_conditions")
    op.drop_table("project_budget_lines")
    op.drop_index("ix_projects_status_year", table_name="projects")
    op.drop_table("projects")
