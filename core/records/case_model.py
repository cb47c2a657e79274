"""What the GUI hands in about a case (forms) and what it reads back (frozen detail)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.records.states import (
    Status,
)

# ---------------------------------------------------------------------------
# Forms (what the GUI hands in)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicantForm:
    """Every field of the 申请表 about the applicant, plus the three 五(一)2 flags."""

    credit_code: str
    name: str
    kind: str
    size: str | None = None
    address: str = ""
    handler: str = ""
    handler_phone: str = ""
    patent_agency: str = ""
    patent_attorney: str = ""
    attorney_phone: str = ""
    account_name: str = ""
    bank: str = ""
    account_number: str = ""
    bank_code: str = ""  # 开户行行号, optional (issue 20 §12)
    dishonest_debtor: bool = False
    dishonest_debtor_note: str = ""
    dishonest_debtor_source: str = ""
    ownership_dispute: bool = False
    ownership_dispute_note: str = ""
    ownership_dispute_source: str = ""
    major_accident_3y: bool = False
    major_accident_3y_note: str = ""
    major_accident_3y_source: str = ""


@dataclass(frozen=True)
class CaseForm:
    """A new application as registered at the counter. ``claims`` are CASE-document claims."""

    policy_id: str
    received_on: dt.date
    applicant: ApplicantForm
    claims: Sequence[Mapping[str, Any]]
    filed_by_agent: bool = False
    agent_name: str = ""


@dataclass(frozen=True)
class MaterialUpdate:
    """Changes to one checklist line; None leaves a field as it is."""

    code: str
    received: bool | None = None
    copies: int | None = None
    originals_verified: bool | None = None
    note: str | None = None

    @classmethod
    def complete(cls, code: str, copies: int = 2) -> MaterialUpdate:
        return cls(code, received=True, copies=copies, originals_verified=True)


# ---------------------------------------------------------------------------
# What the GUI reads
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicantInfo:
    id: int
    credit_code: str
    name: str
    kind: str
    size: str | None
    form: ApplicantForm
    version: int


@dataclass(frozen=True)
class ClaimInfo:
    position: int
    item: str
    item_name: str
    date: dt.date
    facts: Mapping[str, Any]
    amount: Decimal | None
    result_status: str | None
    paid_amount: Decimal | None


@dataclass(frozen=True)
class MaterialLine:
    code: str
    name: str
    clause: str
    required: bool
    received: bool
    copies: int
    copies_required: int
    originals_verified: bool
    note: str

    @property
    def complete(self) -> bool:
        return self.received and self.copies >= self.copies_required and self.originals_verified

    def missing_text(self) -> str:
        gaps = []
        if not self.received:
            gaps.append("未提交")
        else:
            if self.copies < self.copies_required:
                gaps.append(f"盖章复印件{self.copies}/{self.copies_required}份")
            if not self.originals_verified:
                gaps.append("原件未核对")
        return f"{self.name}（{'、'.join(gaps)}）"


@dataclass(frozen=True)
class DecisionInfo:
    action: str
    action_label: str
    from_status: str
    to_status: str
    actor_id: int
    actor_name: str
    at: dt.datetime
    reason: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Snapshot:
    policy_id: str
    policy_version: str
    policy_sha256: str
    case: Mapping[str, Any]
    result: Mapping[str, Any]
    at: dt.datetime
    amount: Decimal


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_number: str
    policy_id: str
    year: int
    status: Status
    received_on: dt.date
    applicant: ApplicantInfo
    applicant_name: str
    filed_by_agent: bool
    agent_name: str
    clerk_id: int
    clerk_name: str
    claims: tuple[ClaimInfo, ...]
    materials: tuple[MaterialLine, ...]
    decisions: tuple[DecisionInfo, ...]
    computed_total: Decimal | None
    approved_amount: Decimal | None
    snapshot: Snapshot | None
    correction_due: dt.date | None
    intake_ground: str | None
    meeting_date: dt.date | None
    meeting_minute: str | None
    notice_batch_id: int | None
    notice_amount: Decimal | None
    objection: str
    paid_on: dt.date | None
    voucher_no: str | None
    updated_at: dt.datetime
    updated_by_name: str
    version: int
    duplicates: tuple[DuplicateClaim, ...] = ()

    @property
    def missing_materials(self) -> list[MaterialLine]:
        return [m for m in self.materials if m.required and not m.complete]


@dataclass(frozen=True)
class DuplicateClaim:
    """A claim of this case whose patent (or loan: a group that flags duplicates) is also
    claimed in another live case."""

    position: int
    item: str
    patent: str  # the key as shown: the patent number, or the loan's contract or particulars
    other_case_id: int
    other_case_number: str
    other_applicant: str
    other_credit_code: str
    other_status: Status
    same_applicant: bool
    subject: str = "专利"  # what is claimed twice: 专利, or the group's label (同一笔质押贷款)

    @property
    def text(self) -> str:
        """「第2项 同一笔质押贷款「HT-1」另见 璧市监专转〔2024〕第031号（申请人，状态）」"""
        who = "同一申请人" if self.same_applicant else self.other_applicant
        return (
            f"第{self.position + 1}项 {self.subject}「{self.patent}」另见 "
            f"{self.other_case_number}（{who}，{self.other_status.label}）"
        )


@dataclass(frozen=True)
class SettledInfo:
    """A claim of the same applicant, same programme, on the same patent or product in another
    application that holds it (see :func:`settled_claims`)."""

    item: str
    key: str
    amount: Decimal
    reference: str
    # The key is the claim's contract, held for a per-contract bonus (license_in's
    # ``bonus_per``), not a best-of key.
    contract: bool = False
