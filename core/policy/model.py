"""The programme policy as typed, immutable data.

A policy file (``resources/policies/<id>.toml``) is read once into these classes by
:mod:`core.policy.loader`. Rules in :mod:`core.engine` only read them, so a new
programme year is a new file, not new code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Literal


class ApplicantKind(StrEnum):
    ENTERPRISE = "enterprise"
    UNIVERSITY = "university"
    INSTITUTE = "institute"
    BANK = "bank"
    SERVICE_ORG = "service_org"
    ASSOCIATION = "association"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ApplicantKind.ENTERPRISE: "企业",
    ApplicantKind.UNIVERSITY: "高等院校",
    ApplicantKind.INSTITUTE: "科研院所",
    ApplicantKind.BANK: "银行业金融机构",
    ApplicantKind.SERVICE_ORG: "知识产权服务机构",
    ApplicantKind.ASSOCIATION: "行业协会",
}

# Choice values used in facts, with the Chinese shown to a clerk.
CHOICE_LABELS: dict[str, str] = {
    "university": "高等院校",
    "institute": "科研院所",
    "enterprise": "企业",
    "individual": "个人",
    "own": "自有",
    "transfer": "受让（引进）",
    "license": "许可",
}

FactType = Literal["patent", "money", "rate", "int", "bool", "text", "choice"]
FACT_TYPES: tuple[FactType, ...] = ("patent", "money", "rate", "int", "bool", "text", "choice")

ConditionOp = Literal["in", "eq", "ge", "invention"]
CONDITION_OPS: tuple[ConditionOp, ...] = ("in", "eq", "ge", "invention")

RuleKind = Literal[
    "per_unit",
    "per_unit_with_bonus",
    "interest_subsidy",
    "fee_share",
    "approved_amount",
    "ranking",
    "tiers",
    "actual_cost",
]
RULE_KINDS: tuple[RuleKind, ...] = (
    "per_unit",
    "per_unit_with_bonus",
    "interest_subsidy",
    "fee_share",
    "approved_amount",
    "ranking",
    "tiers",
    "actual_cost",
)

FactValue = bool | int | Decimal | str


@dataclass(frozen=True)
class Fact:
    """One fact a claim must (or may) give, declared by the policy for an item."""

    name: str
    type: FactType
    label: str
    required: bool = True
    choices: tuple[str, ...] = ()
    # Set by the reviewer rather than told by the applicant (e.g. 经认定).
    reviewer: bool = False
    # Bounds refused at the edge as input errors (issue 13 §4), not eligibility conditions:
    # a whole number outside [minimum, maximum], or above the fact named by ``at_most``.
    minimum: int | None = None
    maximum: int | None = None
    at_most: str | None = None


@dataclass(frozen=True)
class Condition:
    """An eligibility check on a claim's fact; failing it makes the claim ineligible."""

    fact: str
    op: ConditionOp
    value: FactValue | tuple[str, ...] | None
    clause: str
    message: str


@dataclass(frozen=True)
class Tier:
    lower_bound: Decimal
    amount: Decimal
    text: str


@dataclass(frozen=True)
class RuleParams:
    """Parameters of an item's calculation; which ones are set depends on ``Item.rule``."""

    rate: Decimal | None = None
    bonus_threshold: Decimal | None = None
    bonus_rate: Decimal | None = None
    bonus_cap: Decimal | None = None
    bonus_fact: str | None = None
    # The fact naming the contract the bonus is paid per (issue 13 §2: 「单项许可合同」): two
    # claims on one contract get one bonus. None: each claim is its own contract.
    bonus_per: str | None = None
    max_months: int | None = None
    long_term_after_months: int | None = None
    share: Decimal | None = None
    fee_facts: tuple[str, ...] = ()
    amount_fact: str | None = None
    rank_by: tuple[str, ...] = ()
    rank_awards: tuple[Decimal, ...] = ()
    tier_fact: str | None = None
    tiers: tuple[Tier, ...] = ()
    cost_fact: str | None = None
    per_event_cap: Decimal | None = None


@dataclass(frozen=True)
class Item:
    """One row of 附件1: what is subsidised, for whom, at which rate."""

    code: str
    name: str
    category: str
    content: str
    standard: str
    remark: str
    clause: str
    form_row: str
    unit: str
    applicant_kinds: tuple[ApplicantKind, ...]
    applicant_kinds_clause: str
    requires_sme: bool
    needs_recognition: bool
    rule: RuleKind
    params: RuleParams
    date_label: str
    materials: tuple[str, ...]
    facts: tuple[Fact, ...]
    conditions: tuple[Condition, ...]
    reading: str | None = None

    def fact(self, name: str) -> Fact:
        for f in self.facts:
            if f.name == name:
                return f
        raise KeyError(name)

    @cached_property
    def claim_keys(self) -> tuple[str, ...]:
        """The keys a claim of this item may have: ``item``, ``date`` and its facts."""
        return ("item", "date", *(f.name for f in self.facts))


@dataclass(frozen=True)
class Cap:
    """A cumulative cap per applicant (credit code) across every programme year."""

    code: str
    label: str
    items: tuple[str, ...]
    amount: Decimal
    clause: str
    reading: str | None = None


@dataclass(frozen=True)
class StackingGroup:
    """Claims of these items sharing the same key fact are paid best-of, never stacked."""

    code: str
    label: str
    key_fact: str
    items: tuple[str, ...]
    clause: str
    # When the key fact is left out: these facts together are the key ("date" is the claim's
    # date), e.g. a loan without its contract number is lender + loan date + principal.
    fallback_key: tuple[str, ...] = ()
    # A second live claim on the same key is flagged like a duplicate patent, any applicant.
    flag_duplicates: bool = False


@dataclass(frozen=True)
class RejectionGround:
    code: str
    text: str
    clause: str
    decided_by: Literal["system", "person"]
    applicant_flag: str | None = None


@dataclass(frozen=True)
class Material:
    code: str
    name: str
    clause: str
    when: str | None = None


@dataclass(frozen=True)
class Target:
    code: str
    label: str
    value: Decimal
    unit: str
    comparison: Literal[">=", ">"]
    clause: str
    note: str = ""

    def is_met(self, achieved: Decimal) -> bool:
        return achieved >= self.value if self.comparison == ">=" else achieved > self.value


@dataclass(frozen=True)
class Reading:
    code: str
    clause: str
    text: str


@dataclass(frozen=True)
class Policy:
    id: str
    version: str
    kind: str
    title: str
    issuer: str
    source: str
    year: int
    case_number_format: str
    form_title: str
    form_clause: str
    window_start: dt.date
    window_end: dt.date
    window_clause: str
    deadline: dt.date
    deadline_clause: str
    budget: Decimal
    budget_clause: str
    notice_working_days: int
    notice_clause: str
    # Any amount typed above this is refused as a slip (a reading: the text sets no bound).
    amount_limit: Decimal
    amount_limit_reading: str
    # 告知补正's default period in calendar days: a reading, the text sets none.
    correction_days: int
    correction_clause: str
    correction_reading: str
    copies_required: int
    copies_clause: str
    common_materials: tuple[str, ...]
    materials: dict[str, Material]
    rejection_grounds: tuple[RejectionGround, ...]
    stacking_groups: tuple[StackingGroup, ...]
    caps: tuple[Cap, ...]
    targets: tuple[Target, ...]
    items: dict[str, Item]
    readings: dict[str, Reading]
    source_path: str = ""
    sha256: str = ""
    # The text it was read from: stored with a case's version (core.records.policy_versions).
    source_text: str = field(default="", repr=False, compare=False)
    form_rows: tuple[str, ...] = field(default=())
    # The notice's 文号 (e.g. 璧山市监发〔2023〕12号), printed with the title where a form names
    # its basis; empty when the file does not give it (seed 002's text does not carry it).
    document_number: str = ""

    def item(self, code: str) -> Item:
        return self.items[code]

    def ground(self, code: str) -> RejectionGround:
        for g in self.rejection_grounds:
            if g.code == code:
                return g
        raise KeyError(code)

    # The engine asks these several times for every claim; a policy never changes once
    # loaded, so each is worked out once (cached_property writes past the frozen __setattr__).
    @cached_property
    def item_order(self) -> dict[str, int]:
        """Each item's place in the schedule, as the policy file lists them."""
        return {code: i for i, code in enumerate(self.items)}

    @cached_property
    def _caps_by_item(self) -> dict[str, tuple[Cap, ...]]:
        caps: dict[str, list[Cap]] = {}
        for c in self.caps:
            for code in c.items:
                caps.setdefault(code, []).append(c)
        return {code: tuple(found) for code, found in caps.items()}

    @cached_property
    def _stacking_group_by_item(self) -> dict[str, StackingGroup]:
        groups: dict[str, StackingGroup] = {}
        for g in self.stacking_groups:
            for code in g.items:
                groups.setdefault(code, g)
        return groups

    def caps_for(self, item_code: str) -> tuple[Cap, ...]:
        return self._caps_by_item.get(item_code, ())

    def stacking_group_for(self, item_code: str) -> StackingGroup | None:
        return self._stacking_group_by_item.get(item_code)

    @property
    def basis_text(self) -> str:
        """The policy as a form cites it: issuer, document, 文号, programme title, version."""
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.issuer}{self.source}{number}；{self.title}（{self.version}版）"

    def case_number(self, seq: int) -> str:
        return self.case_number_format.format(year=self.year, seq=seq)

    def materials_for(self, item_codes: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Common materials, then each claimed item's own, in first-seen order, no repeats."""
        seen: dict[str, None] = dict.fromkeys(self.common_materials)
        for code in item_codes:
            for m in self.items[code].materials:
                seen.setdefault(m, None)
        return tuple(seen)
