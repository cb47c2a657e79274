"""Records: users, applicants, applications, claims, materials checklist, decisions,
counters, settings and the audit chain.

Revision ID: 0001
Revises:
Create Date: 2024-11-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import core.db.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_log_entity_entity_id", ["entity", "entity_id"], unique=False
        )

    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "item_codes",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("bit", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_item_codes")),
        sa.UniqueConstraint("bit", name=op.f("uq_item_codes_bit")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", core.db.types.JsonText(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("roles", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("last_login_at", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "applicants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("size", sa.String(length=10), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column("handler_phone", sa.String(length=50), nullable=False),
        sa.Column("patent_agency", sa.String(length=200), nullable=False),
        sa.Column("patent_attorney", sa.String(length=100), nullable=False),
        sa.Column("attorney_phone", sa.String(length=50), nullable=False),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.Column("bank", sa.String(length=200), nullable=False),
        sa.Column("account_number", sa.String(length=64), nullable=False),
        sa.Column("dishonest_debtor", sa.Boolean(), nullable=False),
        sa.Column("dishonest_debtor_note", sa.Text(), nullable=False),
        sa.Column("dishonest_debtor_source", sa.String(length=200), nullable=False),
        sa.Column("ownership_dispute", sa.Boolean(), nullable=False),
        sa.Column("ownership_dispute_note", sa.Text(), nullable=False),
        sa.Column("ownership_dispute_source", sa.String(length=200), nullable=False),
        sa.Column("major_accident_3y", sa.Boolean(), nullable=False),
        sa.Column("major_accident_3y_note", sa.Text(), nullable=False),
        sa.Column("major_accident_3y_source", sa.String(length=200), nullable=False),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_applicants_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applicants")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_applicants_credit_code")),
    )
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applicants_name"), ["name"], unique=False)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=60), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("applicant_name", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("filed_by_agent", sa.Boolean(), nullable=False),
        sa.Column("agent_name", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("item_mask", sa.Integer(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("correction_due", sa.Date(), nullable=True),
        sa.Column("intake_ground", sa.String(length=40), nullable=True),
        sa.Column("computed_total", core.db.types.Money(), nullable=True),
        sa.Column("approved_amount", core.db.types.Money(), nullable=True),
        sa.Column("snapshot_policy_version", sa.String(length=40), nullable=True),
        sa.Column("snapshot_policy_sha256", sa.String(length=64), nullable=True),
        sa.Column("snapshot_case", core.db.types.JsonText(), nullable=True),
        sa.Column("snapshot_result", core.db.types.JsonText(), nullable=True),
        sa.Column("snapshot_at", core.db.types.UtcDateTime(), nullable=True),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("meeting_minute", sa.String(length=100), nullable=True),
        sa.Column("created_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["applicants.id"],
            name=op.f("fk_applications_applicant_id_applicants"),
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["users.id"], name=op.f("fk_applications_clerk_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_applications_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("case_number", name=op.f("uq_applications_case_number")),
        sa.UniqueConstraint("policy_id", "seq", name=op.f("uq_applications_policy_id_seq")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index("ix_applications_applicant_id", ["applicant_id"], unique=False)
        batch_op.create_index(
            "ix_applications_applicant_name", ["applicant_name", "year", "seq"], unique=False
        )
        batch_op.create_index(
            "ix_applications_list",
            ["status", "year", "seq", "item_mask", "received_on"],
            unique=False,
        )
        batch_op.create_index(
            "ix_applications_received_on",
            ["received_on", "year", "seq", "status", "item_mask"],
            unique=False,
        )
        batch_op.create_index("ix_applications_year_seq", ["year", "seq"], unique=False)

    op.create_table(
        "application_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("originals_verified", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_materials_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_materials")),
        sa.UniqueConstraint(
            "application_id", "code", name=op.f("uq_application_materials_application_id_code")
        ),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("facts", core.db.types.JsonText(), nullable=False),
        sa.Column("patent", sa.String(length=20), nullable=True),
        sa.Column("product_key", sa.String(length=200), nullable=True),
        sa.Column("amount", core.db.types.Money(), nullable=True),
        sa.Column("result_status", sa.String(length=20), nullable=True),
        sa.Column("paid_amount", core.db.types.Money(), nullable=True),
        sa.Column("paid_months", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_claims_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint(
            "application_id", "position", name=op.f("uq_claims_application_id_position")
        ),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claims_item_application_id", ["item", "application_id"], unique=False
        )
        batch_op.create_index("ix_claims_patent", ["patent"], unique=False)
        batch_op.create_index("ix_claims_product_key", ["product_key"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=False),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("at", core.db.types.UtcDateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", core.db.types.JsonText(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_decisions_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_decisions_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index("ix_decisions_application_id", ["application_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_decisions_application_id")

    op.drop_table("decisions")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_product_key")
        batch_op.drop_index("ix_claims_patent")
        batch_op.drop_index("ix_claims_item_application_id")

    op.drop_table("claims")
    op.drop_table("application_materials")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_year_seq")
        batch_op.drop_index("ix_applications_received_on")
        batch_op.drop_index("ix_applications_list")
        batch_op.drop_index("ix_applications_applicant_name")
        batch_op.drop_index("ix_applications_applicant_id")

    op.drop_table("applications")
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applicants_name"))

    op.drop_table("applicants")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("item_codes")
    op.drop_table("counters")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity_entity_id")

    op.drop_table("audit_log")
