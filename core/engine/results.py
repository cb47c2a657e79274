"""What the engine says about an application: amounts, statuses and the reasons, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from core.money import quantize_fen


class ClaimStatus(StrEnum):
    AWARDED = "awarded"
    REDUCED = "reduced"
    NOT_STACKED = "not_stacked"
    INELIGIBLE = "ineligible"
    PENDING = "pending"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ClaimStatus.AWARDED: "予以资助",
    ClaimStatus.REDUCED: "核减资助",
    ClaimStatus.NOT_STACKED: "不叠加",
    ClaimStatus.INELIGIBLE: "不予资助",
    ClaimStatus.PENDING: "待认定",
}


def money_text(amount: Decimal) -> str:
    # quantize_fen, not Decimal.quantize: the default 28-digit context fails on large sums.
    return str(quantize_fen(amount))


@dataclass(slots=True)
class ClaimResult:
    index: int
    item: str
    amount: Decimal
    status: ClaimStatus
    explanation: list[str] = field(default_factory=list)
    # The per-contract bonus kept in ``amount`` (license contracts, 附件1·专利转让许可·第2行).
    bonus: Decimal = Decimal(0)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "item": self.item,
            "amount": money_text(self.amount),
            "status": self.status.value,
            "explanation": list(self.explanation),
        }


@dataclass(slots=True)
class ApplicationResult:
    policy_id: str
    policy_version: str
    accepted: bool
    rejection_grounds: list[str]
    total: Decimal
    claims: list[ClaimResult]
    explanation: list[str] = field(default_factory=list)
    id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy_id,
            "policy_version": self.policy_version,
            "accepted": self.accepted,
            "rejection_grounds": list(self.rejection_grounds),
            "total": money_text(self.total),
            "claims": [c.to_json() for c in self.claims],
            "explanation": list(self.explanation),
        }


@dataclass(slots=True)
class BatchApplication:
    id: str
    before: Decimal
    total: Decimal
    result: ApplicationResult
    proration: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "before": money_text(self.before),
            "total": money_text(self.total),
            "accepted": self.result.accepted,
            "rejection_grounds": list(self.result.rejection_grounds),
            "claims": [c.to_json() for c in self.result.claims],
            "explanation": [*self.result.explanation, *self.proration],
        }


@dataclass(slots=True)
class BatchResult:
    policy_id: str
    policy_version: str
    budget: Decimal
    requested_total: Decimal
    ratio: Decimal
    total: Decimal
    applications: list[BatchApplication]
    explanation: list[str] = field(default_factory=list)

    @property
    def prorated(self) -> bool:
        return self.requested_total > self.budget

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy_id,
            "policy_version": self.policy_version,
            "budget": money_text(self.budget),
            "requested_total": money_text(self.requested_total),
            "ratio": ratio_text(self.ratio),
            "total": money_text(self.total),
            "applications": [a.to_json() for a in self.applications],
            "explanation": list(self.explanation),
        }


def ratio_text(ratio: Decimal) -> str:
    """Six decimals, trailing zeros dropped: "1", "0.5", "0.833333"."""
    text = f"{ratio.quantize(Decimal('0.000001')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
