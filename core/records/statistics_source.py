"""Statistics from the case database: the paid cases as :class:`~core.statistics.StatCase` rows
and the one figure an administrator enters, the district universities' effective patents.

What counts is :mod:`core.statistics`' business; this module only reads. A paid case is read
from its frozen snapshot (the applicant's kind and size, the claims and the result as
approved), with the amount and date actually paid from its notice entry — never recomputed,
so the figures of a closed year do not move when the policy file or the engine changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Application, NoticeEntry, Setting
from core.db.settings import get_setting, set_setting
from core.policy import available_policies
from core.policy.model import Policy
from core.records.base import audit, write_op
from core.records.case_input import policy_for
from core.records.changes import Changes
from core.records.errors import InvalidInput, NotFound
from core.records.roles import Role
from core.records.states import Status
from core.statistics import StatCase, StatClaim, StatisticsReport, compute_statistics

__all__ = [
    "UNIVERSITY_PATENTS_PREFIX",
    "find_policy",
    "set_university_effective_patents",
    "stat_cases",
    "statistics_report",
    "university_effective_patents",
]

#: Settings key prefix; the key is ``statistics.university_effective_patents.<policy id>``.
UNIVERSITY_PATENTS_PREFIX = "statistics.university_effective_patents."


def _key(policy_id: str) -> str:
    return f"{UNIVERSITY_PATENTS_PREFIX}{policy_id}"


def find_policy(reference: str | None) -> Policy:
    """A programme by its id (bishan-2024) or its year (2024); None: the latest one."""
    known = available_policies()
    if reference is None or not reference.strip():
        if not known:
            raise NotFound("没有可用的政策文件")
        return policy_for(known[-1])
    text = reference.strip()
    if text.isdigit() and len(text) == 4:
        matching = [p for p in (policy_for(k) for k in known) if p.year == int(text)]
        if not matching:
            years = "、".join(f"{p.year}（{p.id}）" for p in (policy_for(k) for k in known))
            raise NotFound(f"没有{text}年度的资助政策；可用：{years or '（无）'}")
        if len(matching) > 1:
            ids = "、".join(p.id for p in matching)
            raise InvalidInput("policy", f"{text}年度有多项资助政策，请写政策代码：{ids}")
        return matching[0]
    return policy_for(text)


def university_effective_patents(db: Database, policy_id: str) -> int | None:
    """The district universities' and institutes' effective patents an admin entered for this
    programme (the denominator of ``university_transfer_ratio``), or None: 未填报."""
    with db.read() as session:
        value = get_setting(session, _key(policy_id))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def set_university_effective_patents(
    db: Database, actor_id: int, policy_id: str, value: int | None
) -> Changes:
    """An administrator enters (or, with None, clears) the effective-patents figure. Audited."""
    policy = policy_for(policy_id)
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput("university_effective_patents", "有效专利数应为整数")
        if value <= 0:
            raise InvalidInput(
                "university_effective_patents",
                "辖区高校院所有效专利数应大于0；尚未取得数据时请留空（统计显示“未填报”）",
            )
    with write_op(db, actor_id, {Role.ADMIN}, "填报辖区高校院所有效专利数") as (
        session,
        actor,
        now,
    ):
        key = _key(policy.id)
        before = get_setting(session, key)
        if before == value:
            return Changes()
        if value is None:
            row = session.get(Setting, key)
            if row is not None:
                session.delete(row)  # the column is NOT NULL: 未填报 is no row at all
        else:
            set_setting(session, key, value)
        audit(session, now, actor, "settings", key, "update", {"value": before}, {"value": value})
        return Changes(settings=True, note=f"已填报{policy.year}年度辖区高校院所有效专利数")


def _stat_claims(raw: Any) -> tuple[StatClaim, ...]:
    claims = []
    for doc in raw if isinstance(raw, list) else []:
        if not isinstance(doc, Mapping):
            continue
        date = doc.get("date")
        claims.append(
            StatClaim(
                item=str(doc.get("item", "")),
                facts={k: v for k, v in doc.items() if k not in ("item", "date")},
                date=dt.date.fromisoformat(date) if isinstance(date, str) else None,
            )
        )
    return tuple(claims)


def stat_cases(db: Database, policy_id: str) -> list[StatCase]:
    """Every paid case of a programme, from its snapshot, with what was paid and when."""
    with db.read() as session:
        rows = session.execute(
            select(Application, NoticeEntry.amount, NoticeEntry.paid_on)
            .join(NoticeEntry, NoticeEntry.application_id == Application.id)
            .where(Application.policy_id == policy_id, Application.status == Status.PAID.value)
            .order_by(Application.seq)
        )
        out = []
        for app, paid_amount, paid_on in rows:
            frozen = (app.snapshot_case or {}).get("case", {})
            applicant = frozen.get("applicant") or {}
            raw_claims = frozen.get("claims")
            if raw_claims is None:  # no snapshot (cannot happen for a paid case): the rows
                raw_claims = [
                    {"item": c.item, "date": c.date.isoformat(), **c.facts} for c in app.claims
                ]
            out.append(
                StatCase(
                    reference=app.case_number,
                    applicant_name=app.applicant_name,
                    credit_code=app.applicant.credit_code,
                    kind=str(applicant.get("kind", app.applicant.kind)),
                    size=applicant.get("size") if applicant else app.applicant.size,
                    claims=_stat_claims(raw_claims),
                    result=app.snapshot_result or {},
                    paid_amount=paid_amount,
                    paid_on=paid_on,
                )
            )
        return out


def statistics_report(db: Database, policy_id: str) -> StatisticsReport:
    """The statistics of a programme (targets, by item, by month, budget) from its paid cases."""
    policy = policy_for(policy_id)
    return compute_statistics(
        policy, stat_cases(db, policy.id), university_effective_patents(db, policy.id)
    )
