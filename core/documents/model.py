"""What a printed form needs to know about a case, as plain frozen data.

Forms are printed from two places: a registered case in the database (the records layer
builds a :class:`FormCase` from its rows and the frozen result snapshot) and a CASE JSON
file of the ``ipdesk-cli calc`` contract with no database at all
(:func:`form_case_from_case_document`). The renderers only ever see a :class:`FormCase`, so
both print the same.

The result is carried as the engine's JSON snapshot (``ApplicationResult.to_json()``),
wrapped in :class:`ResultSnapshot`: after approval a form must print what was decided, not
what today's engine would compute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from core.engine.inputs import (
    SIZE_LABELS,
    InputError,
    parse_bool,
    parse_case,
    parse_date,
    parse_int,
    parse_money,
    policy_id_of,
)
from core.engine.results import ClaimStatus
from core.money import format_yuan
from core.policy.model import ApplicantKind, FactValue, Item, Policy

__all__ = [
    "FORM_KEY",
    "FORM_TEXT_FIELDS",
    "OBJECTION_OUTCOMES",
    "ApplicantInfo",
    "ChecklistEntry",
    "ClaimSnapshot",
    "FormCase",
    "FormClaim",
    "MissingMaterial",
    "ObjectionRecord",
    "Opinion",
    "ResultSnapshot",
    "claim_subject",
    "default_checklist",
    "form_case_from_case_document",
    "split_form_extras",
]

#: The optional sibling object of a CASE document that carries what only the printed forms
#: need. The calc contract refuses unknown keys, so it is taken off before the engine runs.
FORM_KEY = "form"

#: The applicant's 申请表 fields that the calc contract does not carry, with their labels.
FORM_TEXT_FIELDS: dict[str, str] = {
    "address": "申请人所在地址",
    "handler": "经办人",
    "handler_phone": "经办人电话",
    "patent_agency": "专利代理机构",
    "attorney": "代理人",
    "attorney_phone": "代理人电话",
    "account_name": "申请人户名",
    "bank": "开户银行",
    "account_number": "银行账号",
}

_FORM_KEYS = (
    "case_number",
    *FORM_TEXT_FIELDS,
    "agent",
    "issued_on",
    "checklist",
    "clerk_opinion",
    "supervisor_opinion",
    "missing",
    "correction_due",
    "rejection_grounds",
    "prorated_amount",
)


@dataclass(frozen=True)
class ApplicantInfo:
    """The applicant as printed on the 申请表 (附件2). Empty text prints as a blank cell."""

    name: str
    credit_code: str
    kind: ApplicantKind
    size: str | None = None
    address: str = ""
    handler: str = ""
    handler_phone: str = ""
    patent_agency: str = ""
    attorney: str = ""
    attorney_phone: str = ""
    account_name: str = ""
    bank: str = ""
    account_number: str = ""

    @property
    def kind_text(self) -> str:
        size = SIZE_LABELS.get(self.size or "")
        return f"{self.kind.label}（{size}）" if size else self.kind.label


@dataclass(frozen=True)
class FormClaim:
    """One claim as applied for: the item code and its parsed facts (``date`` separately)."""

    item: str
    date: dt.date
    facts: Mapping[str, FactValue] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimSnapshot:
    index: int
    item: str
    amount: Decimal
    status: ClaimStatus
    explanation: tuple[str, ...]


@dataclass(frozen=True)
class ResultSnapshot:
    """The engine's result JSON (``ApplicationResult.to_json()``), read back with types.

    ``raw`` keeps the document as stored, so that the records layer can hand a snapshot
    through unchanged.
    """

    policy_id: str
    policy_version: str
    accepted: bool
    rejection_grounds: tuple[str, ...]
    total: Decimal
    claims: tuple[ClaimSnapshot, ...]
    explanation: tuple[str, ...]
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, doc: Mapping[str, Any], where: str = "result") -> ResultSnapshot:
        """Read a stored snapshot; raises :class:`InputError` naming the bad key."""
        if not isinstance(doc, Mapping):
            raise InputError(where, "测算结果应为 JSON 对象 {…}")

        def need(key: str) -> Any:
            if key not in doc:
                raise InputError(f"{where}.{key}", "测算结果缺少此项")
            return doc[key]

        claims_raw = need("claims")
        if not isinstance(claims_raw, list):
            raise InputError(f"{where}.claims", "应为 JSON 数组 […]")
        claims: list[ClaimSnapshot] = []
        for i, raw in enumerate(claims_raw):
            at = f"{where}.claims[{i}]"
            if not isinstance(raw, Mapping):
                raise InputError(at, "应为 JSON 对象 {…}")
            try:
                status = ClaimStatus(str(raw.get("status")))
            except ValueError:
                raise InputError(f"{at}.status", f"未知状态 {raw.get('status')!r}") from None
            claims.append(
                ClaimSnapshot(
                    index=parse_int(raw.get("index", i), f"{at}.index"),
                    item=_plain_text(raw.get("item"), f"{at}.item"),
                    amount=parse_money(raw.get("amount"), f"{at}.amount"),
                    status=status,
                    explanation=_text_list(raw.get("explanation", []), f"{at}.explanation"),
                )
            )
        return cls(
            policy_id=_plain_text(need("policy"), f"{where}.policy"),
            policy_version=str(doc.get("policy_version", "")),
            accepted=parse_bool(need("accepted"), f"{where}.accepted"),
            rejection_grounds=_text_list(
                doc.get("rejection_grounds", []), f"{where}.rejection_grounds"
            ),
            total=parse_money(need("total"), f"{where}.total"),
            claims=tuple(claims),
            explanation=_text_list(doc.get("explanation", []), f"{where}.explanation"),
            raw=doc,
        )

    def claim(self, index: int) -> ClaimSnapshot | None:
        for c in self.claims:
            if c.index == index:
                return c
        return None


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of the counter's materials check (五(二)): what came in and how."""

    material: str  # the catalogue code, or free text for something not in the catalogue
    name: str
    received: bool | None = None  # None: not yet checked (prints a blank box)
    stamped_copies: int | None = None
    originals_verified: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class MissingMaterial:
    """A material to supply or correct on a 补正通知书."""

    name: str
    problem: str = ""


@dataclass(frozen=True)
class Opinion:
    """A person's written opinion on the review form. Empty fields print as blanks to sign."""

    text: str = ""
    name: str = ""
    date: dt.date | None = None


# 不予受理 is an administrative decision: 《行政复议法》 (2023) 第二十四条 makes the district
# government the review body for a district department's decision; the court is the one where
# the bureau sits. Both are settings, these are the defaults.
DEFAULT_REVIEW_BODY = "重庆市璧山区人民政府"
DEFAULT_COURT = "重庆市璧山区人民法院"


@dataclass(frozen=True)
class ObjectionChange:
    """The last 公示 objection that changed a case's amount: cut to ``amount``, or upheld
    (异议成立, ``amount`` 0.00), decided on ``decided_on`` by ``decided_by``."""

    amount: Decimal
    before: Decimal
    upheld: bool
    decided_on: dt.date
    decided_by: str


@dataclass(frozen=True)
class FormCase:
    """Everything any of the printed forms shows about one case."""

    policy: Policy
    applicant: ApplicantInfo
    claims: tuple[FormClaim, ...]
    result: ResultSnapshot
    received_on: dt.date
    case_number: str = ""  # empty for an unregistered CASE JSON
    filed_by_agent: bool = False
    checklist: tuple[ChecklistEntry, ...] = ()
    clerk_opinion: Opinion | None = None
    supervisor_opinion: Opinion | None = None
    missing: tuple[MissingMaterial, ...] = ()
    correction_due: dt.date | None = None
    rejection_grounds: tuple[str, ...] = ()  # the grounds named on a 不予受理通知书
    prorated_amount: Decimal | None = None  # after 按比例资助, when the batch was prorated
    # What a 公示 objection decided (issue 20 §11): the frozen result still holds the amount
    # first approved, and a signed 审核意见 must not show that one alone.
    objection_change: ObjectionChange | None = None
    # 重复申报提示: the same patent or loan in another live case (issue 13 §2), in words.
    duplicates: tuple[str, ...] = ()
    issued_on: dt.date | None = None  # the date printed on notices; received_on if unset
    verification: str = ""  # 核验码 of the audit trail when printed (审核意见, issue 14 §1)
    # Where the applicant may challenge a 不予受理 decision (issue 20 §15): the 行政复议 body
    # and the court, as set for the bureau; the defaults are the district's.
    review_body: str = DEFAULT_REVIEW_BODY
    court: str = DEFAULT_COURT

    @property
    def notice_date(self) -> dt.date:
        return self.issued_on or self.received_on

    def typed_text(self) -> str:
        """Every text typed for this case (names, account, patent facts, opinions), joined:
        what the 生僻字 check looks at before printing (issue 20 §19)."""
        parts = [getattr(self.applicant, f.name) for f in fields(ApplicantInfo)]
        for claim in self.claims:
            parts += list(claim.facts.values())
        for opinion in (self.clerk_opinion, self.supervisor_opinion):
            if opinion is not None:
                parts += [opinion.text, opinion.name]
        return "\n".join(part for part in parts if isinstance(part, str))

    @property
    def grounds(self) -> tuple[str, ...]:
        """The grounds to name: the recorded ones, else those of the result."""
        return self.rejection_grounds or self.result.rejection_grounds

    @property
    def materials_checklist(self) -> tuple[ChecklistEntry, ...]:
        """The recorded checklist, or the required materials with nothing ticked yet."""
        return self.checklist or default_checklist(
            self.policy, [c.item for c in self.claims], agent=self.filed_by_agent
        )


def default_checklist(
    policy: Policy, item_codes: Sequence[str], *, agent: bool = False
) -> tuple[ChecklistEntry, ...]:
    """The materials 五(二) requires for these items, unchecked (to tick by hand)."""
    entries = []
    for code in policy.materials_for(tuple(item_codes)):
        material = policy.materials[code]
        if material.when == "agent" and not agent:
            continue
        entries.append(ChecklistEntry(material=code, name=material.name))
    return tuple(entries)


def claim_subject(item: Item, facts: Mapping[str, FactValue]) -> str:
    """What a claim is about, in a few words: the patent, product, loan or activity."""
    for name in ("patent", "product", "name"):
        value = facts.get(name)
        if isinstance(value, str) and value:
            return f"{item.fact(name).label}：{value}"
    for name in ("principal", "contract_amount", "total_license_amount", "loan_total", "cost"):
        value = facts.get(name)
        if isinstance(value, Decimal):
            return f"{item.fact(name).label.split('（')[0]}：{format_yuan(value)}元"
    return ""


# ---------------------------------------------------------------------------
# From a CASE document (no database)
# ---------------------------------------------------------------------------


def split_form_extras(doc: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a CASE document into what the engine reads and the ``form`` extras."""
    if not isinstance(doc, dict):
        raise InputError("", "应为 JSON 对象 {…}")
    rest = {k: v for k, v in doc.items() if k != FORM_KEY}
    extras = doc.get(FORM_KEY, {})
    if not isinstance(extras, dict):
        raise InputError(FORM_KEY, "应为 JSON 对象 {…}")
    for key in extras:
        if key not in _FORM_KEYS:
            raise InputError(
                f"{FORM_KEY}.{key}", f"不认识的字段；可用字段：{'、'.join(_FORM_KEYS)}"
            )
    return rest, extras


def form_case_from_case_document(
    doc: Any, result: Mapping[str, Any] | None = None, policy: Policy | None = None
) -> FormCase:
    """A :class:`FormCase` from a CASE document of the calc contract plus its ``form`` extras.

    ``result`` is a stored snapshot to print from; without one the engine computes it now.
    Raises :class:`InputError` (with the key path) on bad input, like ``ipdesk-cli calc``.
    """
    rest, extras = split_form_extras(doc)
    if policy is None:
        from core.policy.loader import PolicyError, load_policy

        try:
            policy = load_policy(policy_id_of(rest))
        except PolicyError as exc:
            raise InputError("policy", exc.problem) from None
    case = parse_case(rest, policy)
    if result is None:
        from core.engine import calculate_application
        from core.policy.lpr import load_lpr

        result = calculate_application(case, policy, load_lpr()).to_json()
    snapshot = ResultSnapshot.from_json(result)

    def text(key: str) -> str:
        value = extras.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise InputError(f"{FORM_KEY}.{key}", "应为文本")
        return value.strip()

    def opt_date(key: str) -> dt.date | None:
        value = extras.get(key)
        return None if value is None else parse_date(value, f"{FORM_KEY}.{key}")

    applicant = ApplicantInfo(
        name=case.applicant.name,
        credit_code=case.applicant.credit_code,
        kind=case.applicant.kind,
        size=case.applicant.size,
        **{key: text(key) for key in FORM_TEXT_FIELDS},
    )
    grounds = extras.get("rejection_grounds", [])
    if isinstance(grounds, str):
        grounds = [grounds]
    if not isinstance(grounds, list):
        raise InputError(f"{FORM_KEY}.rejection_grounds", "应为不予受理情形代码的数组")
    known = [g.code for g in policy.rejection_grounds]
    for i, code in enumerate(grounds):
        if code not in known:
            raise InputError(
                f"{FORM_KEY}.rejection_grounds[{i}]",
                f"未知的不予受理情形 {code!r}；可用：{'、'.join(known)}",
            )
    prorated = extras.get("prorated_amount")
    return FormCase(
        policy=policy,
        applicant=applicant,
        claims=tuple(FormClaim(c.item, c.date, dict(c.facts)) for c in case.claims),
        result=snapshot,
        received_on=case.received_on,
        case_number=text("case_number"),
        filed_by_agent=parse_bool(extras.get("agent", False), f"{FORM_KEY}.agent"),
        checklist=_checklist(extras.get("checklist", []), policy),
        clerk_opinion=_opinion(extras.get("clerk_opinion"), f"{FORM_KEY}.clerk_opinion"),
        supervisor_opinion=_opinion(
            extras.get("supervisor_opinion"), f"{FORM_KEY}.supervisor_opinion"
        ),
        missing=_missing(extras.get("missing", []), policy),
        correction_due=opt_date("correction_due"),
        rejection_grounds=tuple(grounds),
        prorated_amount=(
            None if prorated is None else parse_money(prorated, f"{FORM_KEY}.prorated_amount")
        ),
        issued_on=opt_date("issued_on"),
    )


def _plain_text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise InputError(where, "应为文本")
    return value


def _text_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(where, "应为文本数组")
    return tuple(value)


def _fields(raw: Any, where: str, allowed: Sequence[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InputError(where, "应为 JSON 对象 {…}")
    for key in raw:
        if key not in allowed:
            raise InputError(f"{where}.{key}", f"不认识的字段；可用字段：{'、'.join(allowed)}")
    return raw


def _material_name(code: str, policy: Policy) -> str:
    material = policy.materials.get(code)
    return material.name if material else code


def _checklist(raw: Any, policy: Policy) -> tuple[ChecklistEntry, ...]:
    where = f"{FORM_KEY}.checklist"
    if not isinstance(raw, list):
        raise InputError(where, "应为 JSON 数组 […]")
    entries = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        obj = _fields(
            item, at, ("material", "received", "stamped_copies", "originals_verified", "note")
        )
        code = _plain_text(obj.get("material"), f"{at}.material").strip()
        if not code:
            raise InputError(f"{at}.material", "缺少材料代码或名称")

        def flag(key: str, obj: dict[str, Any] = obj, at: str = at) -> bool | None:
            value = obj.get(key)
            return None if value is None else parse_bool(value, f"{at}.{key}")

        copies = obj.get("stamped_copies")
        entries.append(
            ChecklistEntry(
                material=code,
                name=_material_name(code, policy),
                received=flag("received"),
                stamped_copies=None
                if copies is None
                else parse_int(copies, f"{at}.stamped_copies"),
                originals_verified=flag("originals_verified"),
                note=str(obj.get("note") or ""),
            )
        )
    return tuple(entries)


def _opinion(raw: Any, where: str) -> Opinion | None:
    if raw is None:
        return None
    obj = _fields(raw, where, ("text", "name", "date"))
    date = obj.get("date")
    return Opinion(
        text=str(obj.get("text") or "").strip(),
        name=str(obj.get("name") or "").strip(),
        date=None if date is None else parse_date(date, f"{where}.date"),
    )


def _missing(raw: Any, policy: Policy) -> tuple[MissingMaterial, ...]:
    where = f"{FORM_KEY}.missing"
    if not isinstance(raw, list):
        raise InputError(where, "应为 JSON 数组 […]")
    out = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if isinstance(item, str):
            item = {"material": item}
        obj = _fields(item, at, ("material", "problem"))
        code = _plain_text(obj.get("material"), f"{at}.material").strip()
        if not code:
            raise InputError(f"{at}.material", "缺少材料代码或名称")
        out.append(MissingMaterial(_material_name(code, policy), str(obj.get("problem") or "")))
    return tuple(out)


# ---------------------------------------------------------------------------
# 异议处理记录 (issue 20 §11); rendered by core.documents.objection_record
# ---------------------------------------------------------------------------

#: How an objection ended, as stored and as printed.
OBJECTION_OUTCOMES = {
    "upheld": "异议成立，不予资助",
    "rejected": "异议不成立，维持原审核结果",
    "amount_changed": "异议部分成立，调整资助金额",
}


@dataclass(frozen=True)
class ObjectionRecord:
    """What the 异议处理记录 prints for one case."""

    issuer: str
    programme: str
    case_number: str
    applicant_name: str
    batch_name: str
    notice_start: dt.date
    notice_end: dt.date
    approved: Decimal  # before the objection
    notice_amount: Decimal  # before the objection
    objector: str
    contact: str
    received_on: dt.date | None
    substance: str
    registered_by: str
    registered_at: dt.datetime | None
    finding: str
    outcome: str  # a key of OBJECTION_OUTCOMES, or "" while undecided
    decided_amount: Decimal | None
    decided_notice_amount: Decimal | None
    decided_by: str
    decided_at: dt.datetime | None

    @property
    def outcome_label(self) -> str:
        return OBJECTION_OUTCOMES.get(self.outcome, "")
