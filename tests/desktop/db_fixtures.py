"""A small case database for the desk's tests: three users and a few registered cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database, open_database
from core.identifiers import credit_code_check_char
from core.records.case_model import ApplicantForm, CaseForm
from core.records.cases import register_case
from core.records.users import create_first_admin, create_user

POLICY = "bishan-2024"
TODAY = dt.datetime(2024, 11, 1, 10, 0, tzinfo=CHINA_TZ)
PASSWORDS = {"admin": "admin-pass-1", "clerk": "clerk-pass-1", "boss": "boss-pass-1"}
# A real invention application number (TECH-NOTES) and two more with valid check digits.
PATENTS = ("201710601862.3", "202010566088.9", "201811564288.X")


def credit_code(n: int) -> str:
    body = f"91500227MA{n:06d}A"[:17]
    return body + credit_code_check_char(body)


@dataclass
class DeskDb:
    db: Database
    path: Path
    clock: FixedClock
    admin_id: int
    clerk_id: int
    boss_id: int
    case_ids: list[int]


def applicant_form(n: int, name: str | None = None, **extra: Any) -> ApplicantForm:
    return ApplicantForm(
        credit_code=credit_code(n),
        name=name or f"重庆璧山测试科技有限公司{n:03d}",
        kind="enterprise",
        size="small",
        address="重庆市璧山区璧泉街道测试路1号",
        handler="李经办",
        handler_phone="023-41400000",
        account_name=name or f"重庆璧山测试科技有限公司{n:03d}",
        bank="中国工商银行璧山支行",
        account_number="3100021209200012345",
        **extra,
    )


def claims_for(n: int) -> list[dict[str, Any]]:
    return [
        {
            "item": "transfer_in",
            "date": "2024-03-01",
            "patent": PATENTS[n % len(PATENTS)],
            "counterparty_kind": "university",
            "related_party": False,
        },
        {"item": "product_filing", "date": "2024-05-01", "product": f"智能阀门{n}"},
    ]


def make_desk_db(path: Path, cases: int = 5) -> DeskDb:
    clock = FixedClock(TODAY)
    db = open_database(path, clock=clock)
    admin = create_first_admin(db, "admin", "管理员", PASSWORDS["admin"])
    clerk, _ = create_user(
        db, admin.id, "clerk", "王经办", PASSWORDS["clerk"], ["clerk"], must_change_password=False
    )
    boss, _ = create_user(
        db,
        admin.id,
        "boss",
        "赵科长",
        PASSWORDS["boss"],
        ["supervisor"],
        must_change_password=False,
    )
    ids = []
    for n in range(cases):
        changes = register_case(
            db,
            clerk.id,
            CaseForm(POLICY, dt.date(2024, 10, 20 + n % 5), applicant_form(n), claims_for(n)),
        )
        assert changes.id is not None
        ids.append(changes.id)
    return DeskDb(db, path, clock, admin.id, clerk.id, boss.id, ids)
