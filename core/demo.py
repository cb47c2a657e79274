"""A demonstration database: users, about 30 applications over every item and every status,
notice batches and payouts, and seven municipal cultivation projects in every state a clerk
meets (:mod:`core.projects.demo`). Deterministic (seeded) and made only through the real
operations, so the demo is also a walk through the whole workflow.

Used by ``ipdesk-cli demo --db PATH`` and by the GUI's ``ipdesk --demo``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from core.db.anchors import forget_anchors
from core.db.clock import CHINA_TZ, Clock, FixedClock, file_stamp
from core.db.database import Database, open_database, resolve_url
from core.db.errors import DatabaseError
from core.db.models import Application, NoticeBatch, Project, User
from core.db.sqlite_copy import aside_path
from core.identifiers import CREDIT_CODE_ALPHABET, credit_code_check_char, patent_check_char
from core.projects.demo import populate_demo_projects
from core.records import (
    case_model,
    case_queries,
    cases,
    funds,
    notice,
    users,
    workflow,
    year_ruling,
)
from core.records.roles import Role
from core.records.states import Status

POLICY_ID = "bishan-2024"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    display_name: str
    roles: tuple[Role, ...]

    @property
    def roles_label(self) -> str:
        return users.roles_label(self.roles)


DEMO_USERS = (
    DemoUser("admin", "admin123", "王志强", (Role.ADMIN,)),
    DemoUser("clerk", "clerk123", "张晓燕", (Role.CLERK,)),
    DemoUser("clerk2", "clerk123", "陈静", (Role.CLERK,)),
    DemoUser("supervisor", "super123", "李建国", (Role.SUPERVISOR,)),
)


def demo_users() -> tuple[DemoUser, ...]:
    """The demo accounts and their passwords (printed by the CLI, shown by the GUI)."""
    return DEMO_USERS


@dataclass
class DemoSummary:
    path: Path | None
    users: tuple[DemoUser, ...]
    cases: int
    statuses: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    projects: int = 0


class DemoRefused(DatabaseError):
    pass


# ---------------------------------------------------------------------------
# Realistic names and identifiers
# ---------------------------------------------------------------------------

_TRADE_NAMES = [
    "青杠",
    "来凤",
    "璧泉",
    "丁家",
    "大路",
    "河边",
    "正兴",
    "广普",
    "三合",
    "福禄",
    "健龙",
    "七塘",
    "八塘",
    "大兴",
    "璧城",
    "金剑",
    "凤凰",
    "秀湖",
    "东林",
    "云雾",
    "白羊",
    "缙云",
    "双星",
    "恒通",
    "瑞丰",
    "宏达",
    "鑫源",
    "华康",
    "博远",
    "智联",
]
_INDUSTRIES = [
    ("智能装备", "科技"),
    ("新能源汽车零部件", "制造"),
    ("精密模具", "制造"),
    ("电子信息", "科技"),
    ("生物医药", "科技"),
    ("新材料", "科技"),
    ("数控机床", "制造"),
    ("环保设备", "科技"),
    ("汽车电子", "科技"),
    ("食品机械", "制造"),
    ("光电显示", "科技"),
    ("工业机器人", "科技"),
]
_PRODUCTS = [
    "智能巡检机器人",
    "高精度减速器",
    "新能源汽车电控总成",
    "医用防护材料",
    "激光切割头",
    "锂电池隔膜",
    "伺服电机驱动器",
    "智能温控阀",
    "车载显示模组",
    "高速冲压模具",
]
_BANKS = [
    "中国工商银行重庆璧山支行",
    "中国建设银行重庆璧山支行",
    "重庆农村商业银行璧山支行",
    "中国银行重庆璧山支行",
    "重庆银行璧山支行",
]
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林"
_GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
]


def _credit_code(rng: random.Random, prefix: str) -> str:
    # prefix: registration authority + class + 6-digit area code of 璧山区 (500227).
    letters = CREDIT_CODE_ALPHABET
    body = prefix + "MA" + "".join(rng.choice(letters) for _ in range(7))
    return body + credit_code_check_char(body)


def _patent(rng: random.Random) -> str:
    body = f"{rng.randint(2018, 2023)}1{rng.randint(0, 9999999):07d}"
    return f"ZL{body}.{patent_check_char(body)}"


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"


def _account(rng: random.Random) -> str:
    return " ".join(f"{rng.randint(0, 9999):04d}" for _ in range(5))


def _applicant(
    rng: random.Random, name: str, code: str, kind: str, size: str | None, **extra: Any
) -> case_model.ApplicantForm:
    handler = _person(rng)
    return case_model.ApplicantForm(
        credit_code=code,
        name=name,
        kind=kind,
        size=size,
        address=f"重庆市璧山区{rng.choice(['璧泉街道', '璧城街道', '青杠街道', '来凤街道', '丁家街道'])}"
        f"{rng.choice(['工业园区', '高新大道', '东林大道', '金剑路', '双星大道'])}{rng.randint(1, 399)}号",
        handler=handler,
        handler_phone=_phone(rng),
        patent_agency=rng.choice(
            ["重庆博凯知识产权代理有限公司", "重庆中之信知识产权代理有限公司", ""]
        ),
        patent_attorney=_person(rng),
        attorney_phone=f"023-{rng.randint(40000000, 49999999)}",
        account_name=name,
        bank=rng.choice(_BANKS),
        account_number=_account(rng),
        **extra,
    )


def _enterprises(rng: random.Random, n: int) -> list[case_model.ApplicantForm]:
    names = rng.sample(_TRADE_NAMES, n)
    result = []
    for trade in names:
        industry, suffix = rng.choice(_INDUSTRIES)
        name = f"重庆{trade}{industry}{suffix}有限公司"
        size = rng.choice(["micro", "small", "small", "medium"])
        result.append(_applicant(rng, name, _credit_code(rng, "91500227"), "enterprise", size))
    return result


# ---------------------------------------------------------------------------
# Claims per item
# ---------------------------------------------------------------------------


def _claim(item: str, rng: random.Random, day: dt.date, reviewed: bool) -> dict[str, Any]:
    c: dict[str, Any] = {"item": item, "date": day.isoformat()}

    def money(low: int, high: int) -> str:
        return f"{rng.randint(low, high) * 1000}.00"

    if item in ("transfer_in", "license_in"):
        c.update(
            patent=_patent(rng),
            counterparty_kind=rng.choice(["university", "institute"]),
            related_party=False,
        )
        if item == "license_in":
            c["contract_amount"] = money(500, 6000)
    elif item == "open_license":
        c["patent"] = _patent(rng)
    elif item == "transform_implement":
        c.update(patent=_patent(rng), recognized=reviewed)
    elif item == "hv_transform":
        c.update(
            patent=_patent(rng), acquired_by=rng.choice(["own", "transfer"]), recognized=reviewed
        )
    elif item == "pledge_interest":
        principal = rng.randint(200, 1000) * 10000
        c.update(
            principal=f"{principal}.00",
            annual_rate="0.0420",
            term_months=12,
            interest_months=12,
            interest_paid=f"{principal * 42 // 1000}.00",
        )
    elif item == "pledge_fees":
        c.update(appraisal=money(5, 30), guarantee=money(10, 50), insurance=money(1, 8))
    elif item == "cross_region_pledge":
        if reviewed:
            c["approved_amount"] = money(10, 50)
    elif item == "bank_ranking":
        c.update(enterprises_served=rng.randint(3, 9), loan_total=money(30000, 90000))
    elif item in ("product_filing", "product_certified"):
        c["product"] = rng.choice(_PRODUCTS)
    elif item == "patent_pool":
        c.update(
            pool_patents=rng.randint(30, 60),
            smes_served=rng.randint(10, 20),
            max_license_amount=money(20000, 40000),
        )
    elif item == "license_broker":
        c.update(enterprises=rng.randint(3, 8), total_license_amount=money(30000, 80000))
    elif item == "activity":
        c.update(
            name=rng.choice(["专利转化供需对接会", "高校专利进园区活动", "专利导航培训班"]),
            cost=money(8, 30),
        )
    return c


# The thirty cases: (items, final status). Every item and every status appears; the bank's
# ranking claim is only decided in a batch ranking, so its case stays before approval.
_PLAN: list[tuple[tuple[str, ...], Status]] = [
    (("transfer_in",), Status.PAID),
    (("license_in",), Status.PAID),
    (("product_filing", "product_certified"), Status.PAID),
    (("pledge_interest", "pledge_fees"), Status.PAID),
    (("open_license",), Status.CLEARED),
    (("center_accepted",), Status.CLEARED),
    (("hv_transform",), Status.OBJECTION),
    (("activity",), Status.REFUSED),  # refused after an objection was upheld (_UPHELD)
    (("transform_implement",), Status.ON_NOTICE),
    (("patent_pool",), Status.ON_NOTICE),
    (("license_broker",), Status.DECIDED),
    (("cross_region_pledge",), Status.DECIDED),
    (("transfer_in", "license_in"), Status.APPROVED),
    (("product_filing",), Status.APPROVED),
    (("pledge_fees",), Status.REFUSED),
    (("open_license",), Status.RETURNED),
    (("license_in",), Status.RETURNED),
    (("transfer_in",), Status.AWAITING_SUPERVISOR),
    (("product_certified",), Status.AWAITING_SUPERVISOR),
    (("bank_ranking",), Status.CLERK_REVIEWED),
    (("hv_transform",), Status.CLERK_REVIEWED),
    (("pledge_interest",), Status.ACCEPTED),
    (("activity",), Status.ACCEPTED),
    (("transfer_in",), Status.CORRECTION_REQUESTED),
    (("product_filing",), Status.CORRECTION_REQUESTED),
    (("license_in",), Status.REJECTED_AT_INTAKE),
    (("transform_implement",), Status.REJECTED_AT_INTAKE),
    (("open_license",), Status.REGISTERED),
    (("center_accepted",), Status.REGISTERED),
    (("license_in",), Status.PAID),  # the same patent as case 2: a duplicate flag
]
_UPHELD = 7
# Statuses reached through the bureau meeting and a notice batch.
_NOTICED = (Status.ON_NOTICE, Status.OBJECTION, Status.CLEARED, Status.PAID)


def _kind_for(item: str) -> str:
    if item == "bank_ranking":
        return "bank"
    if item in ("patent_pool", "license_broker", "activity"):
        return "service_org"
    return "enterprise"


def is_empty(db: Database) -> bool:
    with db.read() as session:
        users_n = session.scalar(select(func.count()).select_from(User)) or 0
        apps_n = session.scalar(select(func.count()).select_from(Application)) or 0
    return users_n == 0 and apps_n == 0


def create_demo_database(path: str | Path, *, force: bool = False, seed: int = 2024) -> Database:
    """Write a fresh demo database at ``path`` and return it open (the caller closes it).

    An existing non-empty database is refused unless ``force``; then it is set aside (renamed,
    never deleted) and replaced; ``db.safety_copy`` names where it went.
    """
    url, file = resolve_url(path)
    if file is None:
        return _demo_on_server(str(path), url, force=force, seed=seed)
    target = file
    safety: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        if not force:
            try:
                db = open_database(target)
            except DatabaseError:
                raise DemoRefused(
                    f"{target} 已存在且不是空的演示数据库；如确实要覆盖，请加 --force", target
                ) from None
            try:
                empty = is_empty(db)
            finally:
                db.close()
            if not empty:
                raise DemoRefused(
                    f"数据库 {target} 已有数据，不会覆盖；如确实要覆盖，请加 --force", target
                )
        else:
            safety = _set_aside(target)
            # The anchors recorded for the database set aside must not bind the new one.
            forget_anchors(
                target, at=dt.datetime.now(dt.UTC), why=f"演示数据库替换，原数据库另存为 {safety}"
            )
    db = open_database(target)
    db.safety_copy = safety
    try:
        populate_demo(db, seed=seed)
    except BaseException:
        db.close()
        raise
    return db


def _demo_on_server(target: str, url: URL, *, force: bool, seed: int) -> Database:
    """The demo on a server database (issue 18 §0): it fills the server and writes no file.

    A server database is never replaced wholesale from here: it has no file to set aside,
    and dropping a bureau's tables is a server administrator's decision, not a demo's."""
    db = open_database(target)
    try:
        if force:
            raise DemoRefused(
                f"{db.label} 不能用 --force 覆盖：服务器上的数据库请另建一个空库来生成演示数据"
            )
        if not is_empty(db):
            raise DemoRefused(f"{db.label} 已有数据，不会覆盖；请另建一个空库来生成演示数据")
        populate_demo(db, seed=seed)
    except BaseException:
        db.close()
        raise
    return db


def _set_aside(target: Path) -> Path:
    """Move the database being replaced (with its -wal) to ``NAME.before-demo-STAMP``.

    Renamed together, the file and its -wal stay one consistent database: SQLite pairs them
    by name. Nothing is deleted, so a mistaken ``--force`` on a real database loses nothing.
    """
    safety = aside_path(target, "before-demo", file_stamp(dt.datetime.now(dt.UTC)))
    os.replace(target, safety)
    wal = Path(str(target) + "-wal")
    if wal.exists():
        os.replace(wal, Path(str(safety) + "-wal"))
    Path(str(target) + "-shm").unlink(missing_ok=True)
    return safety


def demo_summary(db: Database) -> DemoSummary:
    with db.read() as session:
        counts = {
            status: n
            for status, n in session.execute(
                select(Application.status, func.count()).group_by(Application.status)
            )
        }
        batches = session.scalar(select(func.count()).select_from(NoticeBatch)) or 0
        projects = session.scalar(select(func.count()).select_from(Project)) or 0
    return DemoSummary(db.path, DEMO_USERS, sum(counts.values()), counts, batches, projects)


def populate_demo(db: Database, *, seed: int = 2024) -> DemoSummary:
    """Fill an empty database with the demo (through the real operations, on a fixed clock)."""
    if not is_empty(db):
        raise DemoRefused("数据库中已有用户或案件，演示数据只写入空数据库", db.path)
    rng = random.Random(seed)
    saved_clock: Clock = db.clock
    clock = FixedClock(dt.datetime(2024, 5, 6, 9, 0, tzinfo=CHINA_TZ))
    db.clock = clock
    try:
        return _populate(db, rng, clock)
    finally:
        db.clock = saved_clock


def _at(clock: FixedClock, day: dt.date, hour: int = 9) -> None:
    clock.set(dt.datetime.combine(day, dt.time(hour, 0), tzinfo=CHINA_TZ))


def _populate(db: Database, rng: random.Random, clock: FixedClock) -> DemoSummary:
    admin = users.create_first_admin(
        db, DEMO_USERS[0].username, DEMO_USERS[0].display_name, DEMO_USERS[0].password
    )
    ids: dict[str, int] = {}
    for u in DEMO_USERS[1:]:
        info, _ = users.create_user(
            db,
            admin.id,
            u.username,
            u.display_name,
            u.password,
            u.roles,
            must_change_password=False,
        )
        ids[u.username] = info.id
    clerks = [ids["clerk"], ids["clerk2"]]
    sup = ids["supervisor"]

    enterprises = _enterprises(rng, 22)
    bank = _applicant(
        rng, "重庆农村商业银行股份有限公司璧山支行", _credit_code(rng, "91500227"), "bank", None
    )
    service = _applicant(
        rng, "重庆璧山知识产权服务有限公司", _credit_code(rng, "91500227"), "service_org", "small"
    )
    dishonest = case_model.ApplicantForm(
        **{
            **enterprises[-1].__dict__,
            "dishonest_debtor": True,
            "dishonest_debtor_note": "经查已纳入失信被执行人名单",
            "dishonest_debtor_source": "中国执行信息公开网 2024-05-20 查询",
        }
    )
    enterprises[-1] = dishonest

    # Received dates spread over May and June 2024, working days only.
    days: list[dt.date] = []
    day = dt.date(2024, 5, 6)
    while len(days) < len(_PLAN):
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=rng.choice([1, 1, 2]))
    shared_patent = ""
    case_ids: list[int] = []
    for n, ((items, target), received) in enumerate(zip(_PLAN, days, strict=True)):
        kind = _kind_for(items[0])
        if kind == "bank":
            applicant = bank
        elif kind == "service_org":
            applicant = service
        elif target is Status.REJECTED_AT_INTAKE and n % 2 == 1:
            applicant = dishonest
        else:
            applicant = enterprises[n % (len(enterprises) - 1)]
        reviewed = target not in (
            Status.REGISTERED,
            Status.CORRECTION_REQUESTED,
            Status.ACCEPTED,
            Status.CLERK_REVIEWED,
            Status.REJECTED_AT_INTAKE,
        )
        activity_day = dt.date(2023, 11, 1) + dt.timedelta(days=rng.randint(0, 180))
        claims = [_claim(item, rng, activity_day, False) for item in items]
        if n == 1:
            shared_patent = claims[0]["patent"]
        if n == len(_PLAN) - 1:
            claims[0]["patent"] = shared_patent
        _at(clock, received, 9 + n % 7)
        changes = cases.register_case(
            db,
            clerks[n % 2],
            case_model.CaseForm(
                POLICY_ID,
                received,
                applicant,
                claims,
                filed_by_agent=n % 5 == 0,
                agent_name=_person(rng) if n % 5 == 0 else "",
            ),
        )
        assert changes.id is not None
        case_ids.append(changes.id)
        _advance_before_notice(
            db, clock, changes.id, clerks[n % 2], sup, target, n == _UPHELD, rng, received, reviewed
        )

    # 办公会 for everything decided or beyond, then notice batch 1 (closed) and 2 (open).
    plan = list(zip(case_ids, _PLAN, strict=True))
    to_decide = [
        cid
        for n, (cid, (_, t)) in enumerate(plan)
        if t in (Status.DECIDED, *_NOTICED) or n == _UPHELD
    ]
    _at(clock, dt.date(2024, 7, 10), 15)
    workflow.record_meeting_decision(
        db, sup, to_decide, dt.date(2024, 7, 10), "璧市监办〔2024〕12号"
    )

    first = [
        cid
        for n, (cid, (_, t)) in enumerate(plan)
        if t in (Status.OBJECTION, Status.CLEARED, Status.PAID) or n == _UPHELD
    ]
    # Before the deadline a batch goes out at the approved amounts, confirmed (issue 13 §3).
    _at(clock, dt.date(2024, 7, 15), 9)
    _, batch1 = notice.create_notice_batch(db, sup, first, confirmed_before_deadline=True)
    assert batch1.id is not None
    _at(clock, dt.date(2024, 7, 17), 10)
    for n, (cid, (_, t)) in enumerate(plan):
        if t is Status.OBJECTION:
            notice.raise_objection(
                db,
                clerks[0],
                cid,
                "实名来信反映该专利转化产值数据存疑，请核实",
                objector="刘先生（实名来信）",
                contact="138****5521",
                received_on=dt.date(2024, 7, 17),
            )
        elif n == _UPHELD:
            notice.raise_objection(
                db,
                clerks[0],
                cid,
                "反映该活动实际由他人组织，申请人仅为协办单位",
                objector="重庆某行业协会",
                contact="023-4141****",
                received_on=dt.date(2024, 7, 16),
            )
            _at(clock, dt.date(2024, 7, 18), 16)
            notice.resolve_objection(
                db,
                sup,
                cid,
                upheld=True,
                resolution="经核实异议成立，活动费用非申请人承担，不予资助",
            )
    _at(clock, dt.date(2024, 7, 22), 9)
    notice.close_notice_batch(db, sup, batch1.id)

    # After the deadline (2024-11-22): the 年度核定 fixes the year's ratio, then payouts and
    # the second batch follow it.
    _at(clock, dt.date(2024, 11, 26), 10)
    year_ruling.make_year_ruling(db, sup, POLICY_ID)
    # 五(三)2: the 区财政局 transfers the funds; payouts are marked against them.
    _at(clock, dt.date(2024, 11, 27), 15)
    funds.record_fund_receipt(
        db,
        sup,
        POLICY_ID,
        dt.date(2024, 11, 27),
        "1000000.00",
        "璧财行〔2024〕88号",
        "2024年度专利转化运用资助资金（全年预算）",
    )
    _at(clock, dt.date(2024, 11, 28), 14)
    paid = [cid for cid, (_, t) in plan if t is Status.PAID]
    notice.mark_paid(
        db,
        sup,
        [notice.Payment(cid, f"璧财拨〔2024〕{300 + i}号") for i, cid in enumerate(paid)],
        dt.date(2024, 11, 28),
    )

    second = [cid for cid, (_, t) in plan if t is Status.ON_NOTICE]
    _at(clock, dt.date(2024, 12, 2), 9)
    notice.create_notice_batch(db, sup, second)
    _at(clock, dt.date(2024, 12, 3), 9)

    # The municipal cultivation projects the bureau follows (seed 000), 2025–2026.
    populate_demo_projects(db, clock, clerk=ids["clerk"], clerk2=ids["clerk2"], supervisor=sup)

    return demo_summary(db)


def _reviewed_claims(db: Database, case_id: int, rng: random.Random) -> list[dict[str, Any]]:
    detail = case_queries.get_case(db, case_id)
    claims = []
    for c in detail.claims:
        doc: dict[str, Any] = {"item": c.item, "date": c.date.isoformat(), **c.facts}
        if "recognized" in doc:
            doc["recognized"] = True
        if c.item == "cross_region_pledge":
            doc["approved_amount"] = f"{rng.randint(10, 50) * 1000}.00"
        claims.append(doc)
    return claims


def _advance_before_notice(
    db: Database,
    clock: FixedClock,
    case_id: int,
    clerk: int,
    sup: int,
    target: Status,
    via_objection: bool,
    rng: random.Random,
    received: dt.date,
    reviewed: bool,
) -> None:
    if target is Status.REGISTERED:
        return
    if target is Status.CORRECTION_REQUESTED:
        missing = workflow.missing_materials(db, case_id)[:2]
        workflow.request_correction(db, clerk, case_id, missing, received + dt.timedelta(days=15))
        return
    if target is Status.REJECTED_AT_INTAKE:
        detail = case_queries.get_case(db, case_id)
        ground = "dishonest_debtor" if detail.applicant.form.dishonest_debtor else "out_of_scope"
        workflow.reject_at_intake(
            db,
            clerk,
            case_id,
            ground,
            reason="经审查不符合申报条件" if ground == "out_of_scope" else "",
        )
        return
    detail = case_queries.get_case(db, case_id)
    cases.update_materials(
        db,
        clerk,
        case_id,
        [
            case_model.MaterialUpdate.complete(m.code, detail.materials[0].copies_required)
            for m in detail.materials
            if m.required
        ],
    )
    workflow.accept_case(db, clerk, case_id)
    if target is Status.ACCEPTED:
        return
    workflow.clerk_review(db, clerk, case_id, "材料齐全，经初审符合资助条件，拟予资助")
    if target is Status.CLERK_REVIEWED:
        return
    workflow.submit_for_approval(db, clerk, case_id)
    if target is Status.AWAITING_SUPERVISOR:
        return
    _at(clock, received + dt.timedelta(days=7), 10)
    if target is Status.RETURNED:
        workflow.return_case(db, sup, case_id, "许可备案材料与合同金额不一致，请核对后重新初审")
        return
    if target is Status.REFUSED and not via_objection:
        workflow.refuse_case(db, sup, case_id, "费用凭证非申请人支付，不符合资助条件")
        return
    if reviewed:
        cases.update_case(db, sup, case_id, claims=_reviewed_claims(db, case_id, rng))
    workflow.approve_case(db, sup, case_id, opinion="同意资助")
