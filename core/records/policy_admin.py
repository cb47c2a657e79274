"""系统管理 → 政策管理: the bureau's own policy folder, importing next year's file, and which
programme new cases are registered under (issue 17 §1).

The folder and the active programme are settings in the database, so every counter that opens
the database sees the same ones. The folder is searched after ``IPDESK_POLICY_DIR`` and before
the shipped ``resources/policies`` (core.policy.loader.policy_search_path). Every change is
made by an administrator and audited.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import User
from core.db.settings import get_setting, set_setting
from core.engine import calc_case_document, loads_json
from core.engine.casebook import (
    CaseFileError,
    CaseOutcome,
    cases_folder,
    policy_case_files,
    run_cases,
)
from core.policy.loader import (
    DISTRICT_SUBSIDY,
    PolicyError,
    available_policies,
    find_policy_file,
    load_policy,
    load_policy_file,
    policy_kind,
    reload_policies,
    set_configured_folders,
)
from core.policy.model import Policy
from core.records.base import audit, write_op
from core.records.calculation import case_document
from core.records.case_input import get_application, policy_for
from core.records.changes import Changes
from core.records.errors import InvalidInput, RecordsError
from core.records.roles import Role

POLICY_FOLDER = "policy_folder"
ACTIVE_POLICY = "active_policy"


def policy_folder(db: Database) -> Path | None:
    with db.read() as session:
        value = get_setting(session, POLICY_FOLDER)
    return Path(value) if isinstance(value, str) and value else None


def apply_policy_folder(db: Database) -> Path | None:
    """Put the database's 政策文件夹 on the policy search path (call when a database opens)."""
    folder = policy_folder(db)
    set_configured_folders([folder] if folder is not None else [])
    return folder


def set_policy_folder(db: Database, actor_id: int, folder: str | Path | None) -> Changes:
    """An administrator sets (or, with None, clears) the 政策文件夹 every counter searches."""
    value = None if folder in (None, "") else str(Path(str(folder)).expanduser())
    if value is not None and not Path(value).is_dir():
        raise InvalidInput("", f"文件夹 {value} 不存在或不是文件夹，请先建好再设置")
    with write_op(db, actor_id, {Role.ADMIN}, "设置政策文件夹") as (session, actor, now):
        before = get_setting(session, POLICY_FOLDER)
        if before == value:
            return Changes()
        set_setting(session, POLICY_FOLDER, value or "")
        audit(
            session,
            now,
            actor,
            "settings",
            POLICY_FOLDER,
            "update",
            {"value": before},
            {"value": value},
        )
    set_configured_folders([Path(value)] if value else [])
    note = f"政策文件夹已设为 {value}" if value else "已取消政策文件夹"
    return Changes(settings=True, note=note)


def active_policy_id(db: Database) -> str | None:
    with db.read() as session:
        value = get_setting(session, ACTIVE_POLICY)
    return value if isinstance(value, str) and value else None


def programme_for_new_cases(db: Database | None) -> Policy:
    """The programme new cases are registered under: the one an administrator activated, or
    else the newest year found along the search path."""
    if db is not None:
        apply_policy_folder(db)
        chosen = active_policy_id(db)
        if chosen is not None:
            return load_policy(chosen)
    policies = [load_policy(p) for p in available_policies()]
    if not policies:
        raise RecordsError("没有可用的区级资助政策文件（resources/policies 或政策文件夹）")
    return max(policies, key=lambda p: (p.year, p.id))


def policy_case_outcomes(policy_id: str) -> list[CaseOutcome]:
    """The policy's 测算用例 run against it (shipped beside it and in the 政策文件夹)."""
    from core.documents.case_workbook import load_all_cases

    policy = load_policy(policy_id)
    return run_cases(load_all_cases(policy_case_files(policy.id), policy), policy.id)


def _set_active(
    session: Session, now: dt.datetime, actor: User, before: Any, policy: Policy
) -> None:
    set_setting(session, ACTIVE_POLICY, policy.id)
    audit(
        session,
        now,
        actor,
        "settings",
        ACTIVE_POLICY,
        "update",
        {"value": before},
        {"value": policy.id, "version": policy.version, "sha256": policy.sha256},
    )


def activate_policy(db: Database, actor_id: int, policy_id: str) -> Changes:
    """Make ``policy_id`` the programme for new cases. It must load with every check passing,
    and its 测算用例 must exist and all hold (issue 17 §3: the program checks itself against
    what the bureau says the schedule means). Cases already registered keep theirs."""
    try:
        policy = load_policy(policy_id)
        outcomes = policy_case_outcomes(policy.id)
    except (PolicyError, CaseFileError) as exc:
        raise InvalidInput("", f"不能启用：{exc}") from None
    if not outcomes:
        raise InvalidInput(
            "",
            f"不能启用：政策“{policy.id}”还没有测算用例。请在 {policy.id}.cases 文件夹中写明"
            "每项资助应得的金额（格式见 docs/policies.md），核对无误后再启用",
        )
    failed = [o.line() for o in outcomes if not o.ok]
    if failed:
        shown = "\n".join(failed[:5]) + (f"\n另有 {len(failed) - 5} 条" if len(failed) > 5 else "")
        raise InvalidInput(
            "", f"不能启用：{len(failed)} 条测算用例未通过（共 {len(outcomes)} 条）：\n{shown}"
        )
    with write_op(db, actor_id, {Role.ADMIN}, "启用政策") as (session, actor, now):
        before = get_setting(session, ACTIVE_POLICY)
        if before == policy.id:
            return Changes()
        _set_active(session, now, actor, before, policy)
    return Changes(
        settings=True,
        note=f"新登记的案件将按「{policy.title}」{policy.year}年度（{policy.id}，版本 {policy.version}）办理",
    )


@dataclass(frozen=True)
class ImportedPolicy:
    policy: Policy
    path: Path
    replaced: bool
    in_use: Policy  # the programme new cases are still registered under until activation


def import_policy_file(db: Database, actor_id: int, source: str | Path) -> ImportedPolicy:
    """Check ``source`` and copy it into the 政策文件夹. Refused with the checker's words when
    the file is not valid, when no folder is set, or when its id already exists elsewhere on
    the search path (a second file of one id would make both unusable)."""
    src = Path(source)
    if not src.is_file():
        raise InvalidInput("", f"找不到文件 {src}")
    try:
        policy = load_policy_file(src)
    except PolicyError as exc:
        raise InvalidInput("", f"政策文件未通过检查：{exc}") from None
    if policy_kind(src) not in (DISTRICT_SUBSIDY, ""):
        raise InvalidInput("", "这不是区级资助政策文件")
    folder = policy_folder(db)
    if folder is None:
        raise InvalidInput("", "请先设置政策文件夹（导入的文件放在那里，各窗口共用）")
    target = folder / src.name
    replaced = target.is_file()
    try:
        existing = find_policy_file(policy.id)
    except PolicyError:
        existing = None
    if existing is not None and not _same(existing, target):
        raise InvalidInput("file", f"已有同名政策 {existing}；请改政策代码（文件名）或先移走原文件")
    # Importing never switches new cases by itself (the newest year would otherwise win):
    # the programme in use is pinned first, and activation is a step of its own.
    in_use = programme_for_new_cases(db)
    with write_op(db, actor_id, {Role.ADMIN}, "导入政策文件") as (session, actor, now):
        if get_setting(session, ACTIVE_POLICY) in (None, ""):
            _set_active(session, now, actor, None, in_use)
        if not _same(src, target):
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(src, partial)
            os.replace(partial, target)
            # The file's own 测算用例 travel with it.
            cases = cases_folder(src)
            if cases.is_dir():
                dest = cases_folder(target)
                dest.mkdir(exist_ok=True)
                for case_file in sorted(cases.glob("*.json")):
                    shutil.copyfile(case_file, dest / case_file.name)
        audit(
            session,
            now,
            actor,
            "settings",
            f"policy_file:{policy.id}",
            "create" if not replaced else "update",
            {},
            {"file": str(target), "version": policy.version, "sha256": policy.sha256},
        )
    set_configured_folders([folder])
    reload_policies()  # the file of this id may have been replaced
    return ImportedPolicy(load_policy_file(target), target, replaced, in_use)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


BUREAU_CASES = "局内用例.json"


def save_rule_case(
    db: Database,
    actor_id: int,
    case_id: int,
    name: str,
    clause: str,
    expected_total: Decimal | None = None,
) -> Path:
    """存为测算用例: a supervisor pins a registered case as a rule test of its policy, in the
    政策文件夹's ``ID.cases/局内用例.json``. The expected amounts are the ones the program gives
    now unless the supervisor states another total (then the case fails until the program
    agrees, which is the point)."""

    if not name.strip() or not clause.strip():
        raise InvalidInput("", "请写明用例名称和所依据的条款")
    folder = policy_folder(db)
    if folder is None:
        raise InvalidInput("", "请先由系统管理员设置政策文件夹（局内用例保存在那里）")
    with write_op(db, actor_id, {Role.SUPERVISOR}, "存为测算用例") as (session, actor, now):
        app = get_application(session, case_id)
        policy = policy_for(app.policy_id)
        document = case_document(session, app, policy)
        document.pop("id", None)
        result = calc_case_document(loads_json(json.dumps(document, ensure_ascii=False)))
        expect: dict[str, Any] = {
            "total": str(expected_total) if expected_total is not None else result["total"],
            "claims": [
                {"item": c["item"], "amount": c["amount"], "status": c["status"]}
                for c in result["claims"]
            ],
        }
        if expected_total is not None:
            expect.pop("claims")
        path = folder / f"{policy.id}.cases" / BUREAU_CASES
        data: dict[str, Any] = {"defaults": {}, "cases": []}
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        entry = {
            "name": name.strip(),
            "clause": clause.strip(),
            "source": f"{app.case_number}（{now.date().isoformat()} 由 {actor.display_name} 存入）",
            "case": document,
            "expect": expect,
        }
        data["cases"].append(entry)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, path)
        audit(
            session,
            now,
            actor,
            "application",
            app.id,
            "save_rule_case",
            {},
            {"file": str(path), "name": entry["name"], "total": expect["total"]},
        )
    return path
