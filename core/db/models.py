"""The tables, as typed SQLAlchemy 2 models.

Every schema change is an Alembic revision in ``core/db/migrations/versions``; a test checks
that those revisions build exactly these models. Money columns are whole fen (:class:`Money`),
instants are UTC (:class:`UtcDateTime`), and the engine's facts and results are canonical JSON.
Rows that people edit carry a ``version`` counter (optimistic locking) plus who changed them
last and when, so a stale edit can be refused with a useful message.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.db.types import JsonText, Money, UtcDateTime

# Named constraints, so that batch migrations on SQLite can find and change them later.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _versioned(column: Any) -> dict[str, Any]:
    # Optimistic locking: UPDATE ... WHERE version = <the version read>, so an edit made from
    # a copy someone else has changed since is refused instead of silently overwriting.
    return {"version_id_col": column}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    # Comma-separated role codes ("clerk,supervisor"); one user may hold several.
    roles: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = _versioned(version)


class Applicant(Base):
    """An applicant (申请人), kept across programme years under its credit code."""

    __tablename__ = "applicants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    size: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(300), default="")
    handler: Mapped[str] = mapped_column(String(100), default="")
    handler_phone: Mapped[str] = mapped_column(String(50), default="")
    patent_agency: Mapped[str] = mapped_column(String(200), default="")
    patent_attorney: Mapped[str] = mapped_column(String(100), default="")
    attorney_phone: Mapped[str] = mapped_column(String(50), default="")
    account_name: Mapped[str] = mapped_column(String(200), default="")
    bank: Mapped[str] = mapped_column(String(200), default="")
    account_number: Mapped[str] = mapped_column(String(64), default="")
    # 开户行行号 (12-digit CNAPS code), optional; for the 拨付清单 (issue 20 §12).
    bank_code: Mapped[str] = mapped_column(String(20), default="")
    # The three 五(一)2 flags a clerk looks up, each with what was found and where.
    dishonest_debtor: Mapped[bool] = mapped_column(Boolean, default=False)
    dishonest_debtor_note: Mapped[str] = mapped_column(Text, default="")
    dishonest_debtor_source: Mapped[str] = mapped_column(String(200), default="")
    ownership_dispute: Mapped[bool] = mapped_column(Boolean, default=False)
    ownership_dispute_note: Mapped[str] = mapped_column(Text, default="")
    ownership_dispute_source: Mapped[str] = mapped_column(String(200), default="")
    major_accident_3y: Mapped[bool] = mapped_column(Boolean, default=False)
    major_accident_3y_note: Mapped[str] = mapped_column(Text, default="")
    major_accident_3y_source: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = _versioned(version)


class Application(Base):
    """One application (申报) under one programme, with its case number and status."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("policy_id", "seq"),
        Index("ix_applications_year_seq", "year", "seq"),
        # These two cover every filter of the case list except search, so that counting per
        # status and finding a page read only an index, never the wide rows (bench figures in
        # docs/records.md): one leads with the status, the other with the received date.
        Index("ix_applications_list", "status", "year", "seq", "item_mask", "received_on"),
        Index("ix_applications_received_on", "received_on", "year", "seq", "status", "item_mask"),
        Index("ix_applications_applicant_id", "applicant_id"),
        Index("ix_applications_applicant_name", "applicant_name", "year", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    # The version registered under (policy_texts keeps its text): the case computes with it.
    policy_version: Mapped[str | None] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    case_number: Mapped[str] = mapped_column(String(60), unique=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"))
    # The name as written on this year's 申请表; the applicant row may be renamed later.
    applicant_name: Mapped[str] = mapped_column(String(200))
    received_on: Mapped[dt.date] = mapped_column(Date)
    filed_by_agent: Mapped[bool] = mapped_column(Boolean, default=False)
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(30))
    # One bit per claimed item code (bits from item_codes): the list filters by item without
    # a subquery per row.
    item_mask: Mapped[int] = mapped_column(Integer, default=0)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    correction_due: Mapped[dt.date | None] = mapped_column(Date)
    intake_ground: Mapped[str | None] = mapped_column(String(40))
    # The engine's total as last calculated (changes until approval).
    computed_total: Mapped[Decimal | None] = mapped_column(Money)
    # Frozen at approval: what reprints, statistics and payouts read.
    approved_amount: Mapped[Decimal | None] = mapped_column(Money)
    snapshot_policy_version: Mapped[str | None] = mapped_column(String(40))
    snapshot_policy_sha256: Mapped[str | None] = mapped_column(String(64))
    snapshot_case: Mapped[Any] = mapped_column(JsonText, nullable=True)
    snapshot_result: Mapped[Any] = mapped_column(JsonText, nullable=True)
    snapshot_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    meeting_minute: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    applicant: Mapped[Applicant] = relationship(lazy="joined", innerjoin=True)
    claims: Mapped[list[ClaimRow]] = relationship(
        order_by="ClaimRow.position", cascade="all, delete-orphan", back_populates="application"
    )
    materials: Mapped[list[MaterialRow]] = relationship(
        order_by="MaterialRow.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = _versioned(version)


class ClaimRow(Base):
    """One claimed item (资助事项) with the facts the policy declares, validated by the engine."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("application_id", "position"),
        Index("ix_claims_item_application_id", "item", "application_id"),
        Index("ix_claims_patent", "patent"),
        Index("ix_claims_product_key", "product_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    facts: Mapped[Any] = mapped_column(JsonText)
    # Denormalised keys for duplicate checks and search (normalised patent number, product).
    patent: Mapped[str | None] = mapped_column(String(20))
    product_key: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    result_status: Mapped[str | None] = mapped_column(String(20))
    paid_amount: Mapped[Decimal | None] = mapped_column(Money)
    paid_months: Mapped[int] = mapped_column(Integer, default=0)

    application: Mapped[Application] = relationship(back_populates="claims")


class MaterialRow(Base):
    """One line of the materials checklist (五(二))."""

    __tablename__ = "application_materials"
    __table_args__ = (UniqueConstraint("application_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sets of stamped copies handed in (「盖有鲜章的复印件，一式两份」).
    copies: Mapped[int] = mapped_column(Integer, default=0)
    originals_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def touched(self) -> bool:
        return self.received or self.copies > 0 or self.originals_verified or bool(self.note)


class Decision(Base):
    """One workflow step on a case: who did what, when, and why."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_application_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[Any] = mapped_column(JsonText)


class Counter(Base):
    """Per-programme sequences (case numbers, notice batches), allocated inside a transaction."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class ItemCode(Base):
    """The bit of each item code in ``Application.item_mask`` (assigned on first use)."""

    __tablename__ = "item_codes"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    bit: Mapped[int] = mapped_column(Integer, unique=True)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)


class AuditEntry(Base):
    """Append-only change log; each row holds the SHA-256 of itself chained to the one before."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # ISO 8601 text in UTC, hashed exactly as stored.
    at: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class NoticeBatch(Base):
    """A public notice (公示) of decided cases, prorated against the budget left."""

    __tablename__ = "notice_batches"
    __table_args__ = (UniqueConstraint("policy_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    budget: Mapped[Decimal] = mapped_column(Money)
    used_before: Mapped[Decimal] = mapped_column(Money)
    remaining: Mapped[Decimal] = mapped_column(Money)
    requested: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)
    # Exact decimal text of budget ÷ requested (or "1"); shown, never recomputed.
    ratio: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    entries: Mapped[list[NoticeEntry]] = relationship(
        order_by="NoticeEntry.position", back_populates="batch"
    )

    __mapper_args__ = _versioned(version)


class NoticeEntry(Base):
    """One case on a notice: its approved amount, the prorated amount, objection and payout."""

    __tablename__ = "notice_entries"
    __table_args__ = (Index("ix_notice_entries_batch_id", "batch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("notice_batches.id"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    before: Mapped[Decimal] = mapped_column(Money)
    amount: Mapped[Decimal] = mapped_column(Money)
    # An objection (异议) and its handling (issue 20 §11): who, how to reach them, when it was
    # received, the substance (objection), the finding (resolution) and the outcome.
    objection: Mapped[str] = mapped_column(Text, default="")
    objection_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    objector: Mapped[str] = mapped_column(String(200), default="")
    objector_contact: Mapped[str] = mapped_column(String(100), default="")
    objection_received_on: Mapped[dt.date | None] = mapped_column(Date)
    resolution: Mapped[str] = mapped_column(Text, default="")
    # "upheld" (不予资助), "rejected" or "amount_changed"; empty until decided.
    objection_outcome: Mapped[str] = mapped_column(String(20), default="")
    # The amount decided on the objection, before proration (amount_changed only).
    objection_amount: Mapped[Decimal | None] = mapped_column(Money)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    voucher_no: Mapped[str | None] = mapped_column(String(60))
    paid_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    paid_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    batch: Mapped[NoticeBatch] = relationship(back_populates="entries")
    application: Mapped[Application] = relationship()


class FundReceipt(Base):
    """Money the 区财政局 transferred to the bureau for a programme (五(三)2): payouts are
    marked against what has been received."""

    __tablename__ = "fund_receipts"
    __table_args__ = (Index("ix_fund_receipts_policy_id", "policy_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    received_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str] = mapped_column(String(100))  # the finance bureau's document
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class LprRateRow(Base):
    """A loan prime rate an administrator added after the shipped table (resources/lpr.toml).

    Rates are exact decimal text ("0.0310"), like the file, so nothing is lost to binary floats.
    """

    __tablename__ = "lpr_rates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective: Mapped[dt.date] = mapped_column(Date, unique=True)
    one_year: Mapped[str] = mapped_column(String(12))
    over_five_years: Mapped[str] = mapped_column(String(12))
    source_note: Mapped[str] = mapped_column(String(200), default="")
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


# ---------------------------------------------------------------------------
# Municipal high-value patent cultivation projects (seed 000, revision 0004)
# ---------------------------------------------------------------------------


class Project(Base):
    """A 高价值专利培育项目 followed over its 2—3 years (渝知发〔2024〕67号)."""

    __tablename__ = "projects"
    __table_args__ = (
        # One sequence per year of application (issue 16 §3, migration 0008).
        UniqueConstraint("policy_id", "year", "seq"),
        Index("ix_projects_status_year", "status", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(100))
    key_industry: Mapped[str] = mapped_column(String(100))
    # 第三条: key core / bottleneck / frontier technology, or a major research project under way
    # (then linked_project names it and gives its number).
    technology_type: Mapped[str] = mapped_column(String(20))
    linked_project: Mapped[str] = mapped_column(String(200), default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(30))
    # The period as applied for, then as fixed by the task book; an approved extension moves
    # end_date (the old one stays in project_requests).
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    funding: Mapped[Decimal] = mapped_column(Money)
    own_funds: Mapped[Decimal] = mapped_column(Money)
    task_book_number: Mapped[str | None] = mapped_column(String(60))
    task_book_date: Mapped[dt.date | None] = mapped_column(Date)
    # A terminated project's settlement of what was paid: recovered + kept = paid.
    recovered: Mapped[Decimal | None] = mapped_column(Money)
    kept: Mapped[Decimal | None] = mapped_column(Money)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    units: Mapped[list[ProjectUnit]] = relationship(
        order_by="ProjectUnit.position", cascade="all, delete-orphan"
    )
    budget_lines: Mapped[list[ProjectBudgetLine]] = relationship(
        order_by="ProjectBudgetLine.id", cascade="all, delete-orphan"
    )
    targets: Mapped[list[ProjectTarget]] = relationship(
        order_by="ProjectTarget.position", cascade="all, delete-orphan"
    )
    conditions: Mapped[list[ProjectCondition]] = relationship(
        order_by="ProjectCondition.id", cascade="all, delete-orphan"
    )
    reports: Mapped[list[ProjectReport]] = relationship(
        order_by="[ProjectReport.reported_on, ProjectReport.id]", cascade="all, delete-orphan"
    )
    reviews: Mapped[list[ProjectReview]] = relationship(
        order_by="ProjectReview.id", cascade="all, delete-orphan"
    )
    requests: Mapped[list[ProjectRequest]] = relationship(
        order_by="ProjectRequest.id", cascade="all, delete-orphan"
    )
    payments: Mapped[list[ProjectPayment]] = relationship(
        order_by="ProjectPayment.id", cascade="all, delete-orphan"
    )
    spending: Mapped[list[ProjectSpending]] = relationship(
        order_by="[ProjectSpending.spent_on, ProjectSpending.id]", cascade="all, delete-orphan"
    )
    events: Mapped[list[ProjectEvent]] = relationship(
        order_by="ProjectEvent.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = _versioned(version)


class ProjectUnit(Base):
    """The lead unit (申报单位) or a joint applicant (联合申报单位) of a project (第四条)."""

    __tablename__ = "project_units"
    __table_args__ = (
        UniqueConstraint("project_id", "credit_code"),
        Index("ix_project_units_credit_code", "credit_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18))
    kind: Mapped[str] = mapped_column(String(20))
    lead: Mapped[bool] = mapped_column(Boolean, default=False)


class ProjectBudgetLine(Base):
    """The task book's budget of the fiscal funds for one 第十一条 category."""

    __tablename__ = "project_budget_lines"
    __table_args__ = (UniqueConstraint("project_id", "category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Money)


class ProjectTarget(Base):
    """A quantified performance target (第七条末) from the policy's catalogue of metrics.

    Values are exact decimal text: a metric counts pieces (件) or yuan (元).
    """

    __tablename__ = "project_targets"
    __table_args__ = (UniqueConstraint("project_id", "metric"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(40))
    # A project's own target (metric "custom:N", issue 16 §7, migration 0010): its name, unit
    # and how it is verified. Empty for the catalogue's, whose words are the policy's.
    label: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    verification: Mapped[str] = mapped_column(Text, default="")

    actuals: Mapped[list[ProjectTargetActual]] = relationship(
        order_by="[ProjectTargetActual.reported_on, ProjectTargetActual.id]",
        cascade="all, delete-orphan",
    )


class ProjectTargetActual(Base):
    """What a unit reported as achieved so far for one target (cumulative, as of the date)."""

    __tablename__ = "project_target_actuals"
    __table_args__ = (Index("ix_project_target_actuals_target_id", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("project_targets.id", ondelete="CASCADE"))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("project_reports.id", ondelete="SET NULL")
    )
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProjectCondition(Base):
    """One 第五条 condition as found at the eligibility check: met or not, and why."""

    __tablename__ = "project_conditions"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    met: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class ProjectReport(Base):
    """A progress report (第八条: 执行进展、阶段性成果、工作计划)."""

    __tablename__ = "project_reports"
    __table_args__ = (Index("ix_project_reports_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    progress: Mapped[str] = mapped_column(Text)
    results: Mapped[str] = mapped_column(Text)
    plan: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProjectReview(Base):
    """An expert review: the evaluation before approval, the mid-term evaluation (第九条) or
    the closure acceptance (第八条)."""

    __tablename__ = "project_reviews"
    __table_args__ = (Index("ix_project_reviews_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20), default="")
    experts: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(20))
    score: Mapped[str] = mapped_column(String(20), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    # A passed acceptance's decision on the closure instalment (issue 16 §4, migration 0009):
    # full, reduce (by closure_amount), withhold, recover (closure_amount); and why.
    closure_decision: Mapped[str | None] = mapped_column(String(16))
    closure_amount: Mapped[Decimal | None] = mapped_column(Money)
    closure_reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProjectRequest(Base):
    """A written request to extend or terminate (第八条), and the bureau's decision on it."""

    __tablename__ = "project_requests"
    __table_args__ = (Index("ix_project_requests_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    progress: Mapped[str] = mapped_column(Text)
    # Extension: the end date before and the one asked for; termination: what follows.
    old_end_date: Mapped[dt.date | None] = mapped_column(Date)
    new_end_date: Mapped[dt.date | None] = mapped_column(Date)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    decision: Mapped[str | None] = mapped_column(String(10))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    opinion: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ProjectPayment(Base):
    """An instalment of the 50万元 (第十条): the approval or the closure instalment, once each."""

    __tablename__ = "project_payments"
    __table_args__ = (UniqueConstraint("project_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Money)
    paid_on: Mapped[dt.date] = mapped_column(Date)
    voucher: Mapped[str] = mapped_column(String(60), default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProjectSpending(Base):
    """Fiscal funds spent, by 第十一条 category (a use outside the list is kept and flagged)."""

    __tablename__ = "project_spending"
    __table_args__ = (Index("ix_project_spending_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    spent_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProjectEvent(Base):
    """One step in a project's life: who did what, on which date, and when it was recorded."""

    __tablename__ = "project_events"
    __table_args__ = (Index("ix_project_events_project_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    happened_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[Any] = mapped_column(JsonText)


class PayeeChange(Base):
    """A request to pay an approved case to another account (issue 13 §1): recorded by a clerk
    with its reason and supporting paper, decided by a second person, never silently."""

    __tablename__ = "payee_changes"
    __table_args__ = (Index("ix_payee_changes_application_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    account_name: Mapped[str] = mapped_column(String(200))
    bank: Mapped[str] = mapped_column(String(200))
    account_number: Mapped[str] = mapped_column(String(64))
    bank_code: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    # pending, approved or rejected
    status: Mapped[str] = mapped_column(String(20))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")


class PolicyText(Base):
    """The text of each policy version the first time a case was registered under it
    (issue 17 §1): old cases keep computing with their own version, and a file changed
    without raising its version is noticed."""

    __tablename__ = "policy_texts"
    __table_args__ = (UniqueConstraint("policy_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    first_used_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class YearRuling(Base):
    """年度核定 (issue 13 §3): one proration ratio for a programme year, fixed after the
    application deadline over the year's whole approved set (四「超过预算资金根据实际情况按比例
    进行资助」). The latest ruling of a programme is the one in force."""

    __tablename__ = "year_rulings"
    __table_args__ = (UniqueConstraint("policy_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)
    budget: Mapped[Decimal] = mapped_column(Money)
    # Paid before the ruling (only in databases from before this version), left as paid.
    paid_before: Mapped[Decimal] = mapped_column(Money)
    approved_total: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)
    # Exact decimal text of (budget − paid before) ÷ approved total, or "1".
    ratio: Mapped[str] = mapped_column(String(40))
    pending_cases: Mapped[int] = mapped_column(Integer)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    shares: Mapped[list[YearRulingShare]] = relationship(
        order_by="YearRulingShare.id", back_populates="ruling"
    )


class YearRulingShare(Base):
    """What one approved case is given under a 年度核定: its approved amount and its share."""

    __tablename__ = "year_ruling_shares"
    __table_args__ = (
        UniqueConstraint("ruling_id", "application_id"),
        Index("ix_year_ruling_shares_application_id", "application_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ruling_id: Mapped[int] = mapped_column(ForeignKey("year_rulings.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    approved: Mapped[Decimal] = mapped_column(Money)
    amount: Mapped[Decimal] = mapped_column(Money)

    ruling: Mapped[YearRuling] = relationship(back_populates="shares")
