"""Shared fixtures for the database and records tests (also imported by tests/core/records and
tests/core/cli/test_records_cli.py).

A migrated empty database is built once per session and copied for each test, so a test pays
for a file copy, not for running every migration again. Passwords are hashed with argon2's
cheapest parameters (production parameters cost ~0.1 s per hash).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import text

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database, open_database
from core.identifiers import credit_code_check_char, patent_check_char
from core.records import (
    case_input,
    case_model,
    case_queries,
    cases,
    notice,
    users,
    workflow,
    year_ruling,
)
from core.records.states import Status
from core.records.users import Role

POLICY = "bishan-2024"
# A Monday, inside the activity window and before the application deadline.
START = dt.datetime(2024, 5, 6, 9, 0, tzinfo=CHINA_TZ)


@pytest.fixture(scope="session", autouse=True)
def cheap_passwords() -> Iterator[None]:
    previous = users.set_password_hasher(PasswordHasher.from_parameters(CHEAPEST))
    yield
    users.set_password_hasher(previous)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.close()
    return path


def copy_template(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    return copy_template(template_db, tmp_path / "ipdesk.sqlite3")


@pytest.fixture
def db(db_target: str, clock: FixedClock) -> Iterator[Database]:
    database = open_database(db_target, clock=clock)
    yield database
    database.close()


def raw_sql(db: Database, sql: str, **params: Any) -> Any:
    """A statement run straight on the database, past the program's audit: a direct edit,
    as a tamperer would make with a database tool. Rows for a query, else the row count."""
    with db.engine.begin() as conn:
        result = conn.execute(text(sql), params)
        return [tuple(r) for r in result] if result.returns_rows else result.rowcount


@dataclass
class People:
    admin: int
    clerk: int
    clerk2: int
    supervisor: int
    supervisor2: int
    # Holds both roles: the four-eyes rule must still stop them approving their own case.
    both: int


def make_people(db: Database) -> People:
    admin = users.create_first_admin(db, "admin", "王管理", "admin-pass")

    def add(name: str, display: str, *roles: Role) -> int:
        info, _ = users.create_user(
            db, admin.id, name, display, f"{name}-pass", roles, must_change_password=False
        )
        return info.id

    return People(
        admin=admin.id,
        clerk=add("clerk", "张晓燕", Role.CLERK),
        clerk2=add("clerk2", "陈静", Role.CLERK),
        supervisor=add("supervisor", "李建国", Role.SUPERVISOR),
        supervisor2=add("supervisor2", "赵科长", Role.SUPERVISOR),
        both=add("both", "周兼任", Role.CLERK, Role.SUPERVISOR),
    )


@pytest.fixture
def people(db: Database) -> People:
    return make_people(db)


# ---------------------------------------------------------------------------
# Valid identifiers and forms
# ---------------------------------------------------------------------------


def credit_code(n: int) -> str:
    body = f"91500227MA{n:07d}"
    return body + credit_code_check_char(body)


def patent(n: int, year: int = 2021, kind: int = 1) -> str:
    body = f"{year}{kind}{n:07d}"
    return f"{body}.{patent_check_char(body)}"


def applicant_form(n: int = 1, **extra: Any) -> case_model.ApplicantForm:
    values: dict[str, Any] = {
        "credit_code": credit_code(n),
        "name": f"重庆璧山测试{n:03d}科技有限公司",
        "kind": "enterprise",
        "size": "small",
        "address": "重庆市璧山区璧泉街道东林大道1号",
        "handler": "刘经办",
        "handler_phone": "13800000000",
        "account_name": f"重庆璧山测试{n:03d}科技有限公司",
        "bank": "中国工商银行重庆璧山支行",
        "account_number": "3100021209200012345",
    }
    values.update(extra)
    return case_model.ApplicantForm(**values)


def transfer(n: int, date: str = "2024-03-01") -> dict[str, Any]:
    return {
        "item": "transfer_in",
        "date": date,
        "patent": patent(n),
        "counterparty_kind": "university",
        "related_party": False,
    }


def license_claim(n: int, amount: str = "1000000.00") -> dict[str, Any]:
    return {
        "item": "license_in",
        "date": "2024-03-02",
        "patent": patent(n),
        "counterparty_kind": "institute",
        "related_party": False,
        "contract_amount": amount,
    }


def center() -> dict[str, Any]:
    return {"item": "center_accepted", "date": "2024-04-01"}


def case_form(
    applicant: int | case_model.ApplicantForm = 1,
    claims: Sequence[Mapping[str, Any]] | None = None,
    *,
    received_on: dt.date = dt.date(2024, 5, 6),
    filed_by_agent: bool = False,
) -> case_model.CaseForm:
    form = (
        applicant if isinstance(applicant, case_model.ApplicantForm) else applicant_form(applicant)
    )
    return case_model.CaseForm(
        POLICY,
        received_on,
        form,
        list(claims) if claims is not None else [transfer(1)],
        filed_by_agent=filed_by_agent,
    )


def register(db: Database, people: People, form: case_model.CaseForm | None = None) -> int:
    changes = cases.register_case(db, people.clerk, form or case_form())
    assert changes.id is not None
    return changes.id


def tick_all(db: Database, actor: int, case_id: int) -> None:
    detail = case_queries.get_case(db, case_id)
    cases.update_materials(
        db,
        actor,
        case_id,
        [case_model.MaterialUpdate.complete(m.code) for m in detail.materials if m.required],
    )


# The happy path, status by status, with who takes each step.
HAPPY_PATH = (
    Status.ACCEPTED,
    Status.CLERK_REVIEWED,
    Status.AWAITING_SUPERVISOR,
    Status.APPROVED,
    Status.DECIDED,
    Status.ON_NOTICE,
    Status.CLEARED,
    Status.PAID,
)


# The first working day after the bishan-2024 deadline (2024-11-22, a Friday).
AFTER_DEADLINE = dt.date(2024, 11, 25)


def ruling_missing(db: Database) -> bool:
    return year_ruling.ruling_in_force(db, POLICY) is None


def advance(db: Database, people: People, case_id: int, target: Status) -> None:
    """Take a registered case to ``target`` through the real operations.

    Notice steps make a one-case batch; the clock moves on past the notice when needed.
    """
    clock = db.clock
    assert isinstance(clock, FixedClock)
    if target is Status.REGISTERED:
        return
    if target is Status.CORRECTION_REQUESTED:
        workflow.request_correction(db, people.clerk, case_id, ["营业执照"], dt.date(2024, 6, 30))
        return
    if target is Status.REJECTED_AT_INTAKE:
        workflow.reject_at_intake(db, people.clerk, case_id, "out_of_scope")
        return
    tick_all(db, people.clerk, case_id)
    workflow.accept_case(db, people.clerk, case_id)
    if target is Status.ACCEPTED:
        return
    workflow.clerk_review(db, people.clerk, case_id, "符合条件")
    if target is Status.CLERK_REVIEWED:
        return
    workflow.submit_for_approval(db, people.clerk, case_id)
    if target is Status.AWAITING_SUPERVISOR:
        return
    if target is Status.RETURNED:
        workflow.return_case(db, people.supervisor, case_id, "请补充说明")
        return
    if target is Status.REFUSED:
        workflow.refuse_case(db, people.supervisor, case_id, "不符合条件")
        return
    workflow.approve_case(db, people.supervisor, case_id)
    if target is Status.APPROVED:
        return
    today = clock.now().astimezone(CHINA_TZ).date()
    workflow.record_meeting_decision(db, people.supervisor, [case_id], today, "第1次")
    if target is Status.DECIDED:
        return
    if not year_ruling.before_deadline(case_input.policy_for(POLICY), today) and ruling_missing(db):
        year_ruling.make_year_ruling(db, people.supervisor, POLICY)
    _, changes = notice.create_notice_batch(
        db, people.supervisor, [case_id], confirmed_before_deadline=True
    )
    if target is Status.ON_NOTICE:
        return
    if target is Status.OBJECTION:
        notice.raise_objection(db, people.clerk, case_id, "有人反映数据不实", objector="来信人")
        return
    clock.advance(dt.timedelta(days=14))
    assert changes.id is not None
    notice.close_notice_batch(db, people.supervisor, changes.id)
    if target is Status.CLEARED:
        return
    today = clock.now().astimezone(CHINA_TZ).date()
    # Payout waits for the 年度核定, after the deadline (issue 13 §3).
    if year_ruling.before_deadline(case_input.policy_for(POLICY), today):
        clock.set(dt.datetime.combine(AFTER_DEADLINE, dt.time(10), CHINA_TZ))
        today = AFTER_DEADLINE
    if ruling_missing(db):
        year_ruling.make_year_ruling(db, people.supervisor, POLICY)
    notice.mark_paid(db, people.supervisor, [notice.Payment(case_id, f"V{case_id:04d}")], today)
    assert target is Status.PAID


__all__ = [
    "AFTER_DEADLINE",
    "HAPPY_PATH",
    "POLICY",
    "START",
    "People",
    "advance",
    "applicant_form",
    "case_form",
    "center",
    "cheap_passwords",
    "clock",
    "copy_template",
    "credit_code",
    "db",
    "db_path",
    "license_claim",
    "make_people",
    "patent",
    "people",
    "register",
    "template_db",
    "tick_all",
    "transfer",
]
