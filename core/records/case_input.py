"""A case's input on its way to rows: the programme's policy, the applicant and claims
through the engine's own parsers, the item bits, the counters and the materials
checklist. Nothing invalid is stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.models import (
    Application,
    ClaimRow,
    Counter,
    ItemCode,
    MaterialRow,
)
from core.engine.calculate import bonus_key, stacking_key
from core.engine.inputs import (
    APPLICANT_FLAGS,
    Claim,
    InputError,
    parse_applicant,
    parse_claim,
)
from core.policy.loader import PolicyError, load_policy
from core.policy.model import Policy
from core.records.base import (
    jsonable,
)
from core.records.case_model import ApplicantForm, MaterialLine
from core.records.errors import InvalidInput, NotFound, RecordsError

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def policy_for(policy_id: str) -> Policy:
    try:
        return load_policy(policy_id)
    except PolicyError as exc:
        raise InvalidInput("policy_id", exc.problem) from None


def _wrap(exc: InputError) -> InvalidInput:
    return InvalidInput(exc.where, exc.problem)


def validate_applicant(form: ApplicantForm) -> tuple[str, str, str | None]:
    """Check identity fields with the engine's parser; returns (credit code, kind, size)."""
    raw: dict[str, Any] = {
        "name": form.name,
        "credit_code": form.credit_code,
        "kind": form.kind,
        **{flag: getattr(form, flag) for flag in APPLICANT_FLAGS},
    }
    if form.size:
        raw["size"] = form.size
    try:
        parsed = parse_applicant(raw)
    except InputError as exc:
        raise _wrap(exc) from None
    account = form.account_number.replace(" ", "")
    if account and not all(c.isdigit() or c == "-" for c in account):
        raise InvalidInput(
            "applicant.account_number", "银行账号只能含数字（可带空格或短横线），请核对"
        )
    problem = bank_code_problem(form.bank_code)
    if problem:
        raise InvalidInput("applicant.bank_code", problem)
    return parsed.credit_code, parsed.kind.value, parsed.size


def bank_code_problem(code: str) -> str | None:
    """A 行号 is optional; when given it is the 12 digits of the CNAPS bank code."""
    text = code.replace(" ", "")
    if text and (not text.isdigit() or len(text) != 12):
        return f"开户行行号应为12位数字（可不填），实为“{code.strip()}”"
    return None


def validate_claims(policy: Policy, raw_claims: Sequence[Mapping[str, Any]]) -> list[Claim]:
    if not raw_claims:
        raise InvalidInput("claims", "请至少填写一项资助事项")
    claims = []
    for i, raw in enumerate(raw_claims):
        try:
            claims.append(parse_claim(dict(raw), f"claims[{i}]", policy))
        except InputError as exc:
            raise _wrap(exc) from None
    return claims


def claim_keys(policy: Policy, claim: Claim) -> tuple[str | None, str | None]:
    """(patent, other key): the other key is the best-of key when it is not the patent (a
    product, a loan), else the contract of a per-contract bonus (a license)."""
    patent = claim.fact("patent")
    product: str | None = None
    group = policy.stacking_group_for(claim.item)
    found = stacking_key(policy, claim)
    if group is not None and group.key_fact != "patent" and found is not None:
        product = found[1][:200]
    else:
        product = bonus_key(policy.items[claim.item], claim)
        product = product[:200] if product else None
    return (str(patent) if patent is not None else None), product


MAX_ITEM_BITS = 62


def item_bit(session: Session, code: str, *, create: bool = False) -> int | None:
    """The bit of an item code in ``Application.item_mask`` (None: no case has it yet)."""
    row = session.get(ItemCode, code)
    if row is not None:
        return 1 << row.bit
    if not create:
        return None
    used = session.scalar(select(func.count()).select_from(ItemCode)) or 0
    if used >= MAX_ITEM_BITS:
        raise RecordsError("资助事项代码已超过本系统可索引的数量（62个），请联系技术支持")
    session.add(ItemCode(code=code, bit=used))
    session.flush()
    return 1 << used


def set_claims(session: Session, app: Application, policy: Policy, claims: Sequence[Claim]) -> None:
    mask = 0
    for claim in claims:
        mask |= item_bit(session, claim.item, create=True) or 0
    app.item_mask = mask
    existing = {c.position: c for c in app.claims}
    rows: list[ClaimRow] = []
    for position, claim in enumerate(claims):
        patent, product = claim_keys(policy, claim)
        row = existing.pop(position, None) or ClaimRow(position=position, paid_months=0)
        row.item = claim.item
        row.date = claim.date
        row.facts = {k: jsonable(v) for k, v in claim.facts.items()}
        row.patent = patent
        row.product_key = product
        rows.append(row)
    app.claims = rows


def claim_document(row: ClaimRow) -> dict[str, Any]:
    return {"item": row.item, "date": row.date.isoformat(), **row.facts}


def next_counter(session: Session, name: str) -> int:
    """The next number of a per-programme sequence; safe because writers hold the lock."""
    # FOR UPDATE matters on PostgreSQL; on SQLite the write transaction already holds the lock.
    counter = session.get(Counter, name, with_for_update=True)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    session.flush()
    return counter.value


def material_lines(app: Application, policy: Policy) -> tuple[MaterialLine, ...]:
    lines = []
    for m in app.materials:
        known = policy.materials.get(m.code)
        lines.append(
            MaterialLine(
                code=m.code,
                name=known.name if known else m.code,
                clause=known.clause if known else "",
                required=m.required,
                received=m.received,
                copies=m.copies,
                copies_required=policy.copies_required,
                originals_verified=m.originals_verified,
                note=m.note,
            )
        )
    return tuple(lines)


def needed_materials(policy: Policy, items: Sequence[str], filed_by_agent: bool) -> list[str]:
    return [
        code
        for code in policy.materials_for(list(items))
        if policy.materials[code].when != "agent" or filed_by_agent
    ]


def sync_materials(app: Application, policy: Policy) -> None:
    """Bring the checklist in line with the claimed items (and whether an agent files).

    Reading taken: a line no longer needed is deleted only if nobody has ticked or noted
    anything on it; otherwise it is kept, marked not required, so that what was handed in at
    the counter is never lost. A line needed again becomes required with its ticks intact.
    """
    needed = needed_materials(policy, [c.item for c in app.claims], app.filed_by_agent)
    existing = {m.code: m for m in app.materials}
    rows: list[MaterialRow] = []
    for position, code in enumerate(needed):
        row = existing.pop(code, None) or MaterialRow(
            code=code, received=False, copies=0, originals_verified=False, note=""
        )
        row.required = True
        row.position = position
        rows.append(row)
    for row in sorted(existing.values(), key=lambda r: r.position):
        if row.touched:
            row.required = False
            row.position = len(rows)
            rows.append(row)
    app.materials = rows


def get_application(session: Session, case_id: int) -> Application:
    app = session.get(Application, case_id)
    if app is None:
        raise NotFound(f"没有编号为 {case_id} 的案件")
    return app
