"""The loan prime rates in force: the shipped table plus the rates an administrator added.

The interest subsidy (附件1·知识产权质押融资·第2行) uses the LPR in force on a loan's date. When
the People's Bank publishes a new rate after this program was shipped, an administrator adds
it here (系统管理 → LPR); every later calculation uses it. Approved cases keep their snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import LprRateRow, User
from core.policy.lpr import LprRate, LprTable, load_lpr
from core.records.base import audit, row_dict, write_op
from core.records.changes import Changes
from core.records.errors import InvalidInput
from core.records.roles import Role


@dataclass(frozen=True)
class LprEntry:
    effective: dt.date
    one_year: Decimal
    over_five_years: Decimal
    # "文件" for the shipped table, otherwise who added it.
    source: str
    note: str = ""


def lpr_table(session: Session) -> LprTable:
    """The shipped table merged with the administrator's rates (a database rate wins on a day)."""
    rows = session.scalars(select(LprRateRow)).all()
    if not rows:
        return load_lpr()
    return load_lpr().with_rates(
        LprRate(r.effective, Decimal(r.one_year), Decimal(r.over_five_years)) for r in rows
    )


def list_lpr_rates(db: Database) -> list[LprEntry]:
    with db.read() as session:
        added = {
            r.effective: (r, name)
            for r, name in session.execute(
                select(LprRateRow, User.display_name).join(User, LprRateRow.added_by == User.id)
            )
        }
        entries = [
            LprEntry(r.effective, r.one_year, r.over_five_years, "文件")
            for r in load_lpr().rates
            if r.effective not in added
        ]
        entries += [
            LprEntry(
                row.effective,
                Decimal(row.one_year),
                Decimal(row.over_five_years),
                f"管理员{name}添加",
                row.source_note,
            )
            for row, name in added.values()
        ]
    return sorted(entries, key=lambda e: e.effective)


def _rate(text: str, what: str) -> Decimal:
    try:
        rate = Decimal(text.strip().rstrip("%")) / (100 if text.strip().endswith("%") else 1)
    except InvalidOperation:
        raise InvalidInput(what, f"“{text}”不是利率；请写成 3.10% 或 0.0310") from None
    if not rate.is_finite() or not Decimal(0) < rate < Decimal("0.2"):
        raise InvalidInput(what, f"利率 {text} 不合理；请写成 3.10% 或 0.0310")
    return rate


def add_lpr_rate(
    db: Database,
    actor_id: int,
    effective: dt.date,
    one_year: str,
    over_five_years: str,
    note: str = "",
) -> Changes:
    """An administrator records a newly published LPR with the day it takes effect."""
    one = _rate(one_year, "1年期LPR")
    five = _rate(over_five_years, "5年期以上LPR")
    with write_op(db, actor_id, {Role.ADMIN}, "添加LPR报价") as (session, actor, now):
        table = lpr_table(session)
        if any(r.effective == effective for r in table.rates):
            raise InvalidInput("effective", f"{effective} 已有LPR报价，不能重复添加")
        latest = table.rates[-1].effective if table.rates else None
        if latest is not None and effective < latest:
            raise InvalidInput(
                "effective",
                f"生效日期 {effective} 早于已有的最新报价（{latest}），新报价应晚于它；如需更正请联系开发人员",
            )
        row = LprRateRow(
            effective=effective,
            one_year=str(one),
            over_five_years=str(five),
            source_note=note.strip(),
            added_by=actor.id,
            added_at=now,
        )
        session.add(row)
        session.flush()
        audit(session, now, actor, "lpr_rate", row.id, "create", None, row_dict(row))
        return Changes(settings=True, id=row.id, note=f"已添加 {effective} 起执行的LPR")
