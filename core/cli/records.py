"""``ipdesk-cli`` commands on the case database: demo, audit verify, backup, restore, case list.

Registered by :mod:`core.cli.main`. Each handler imports the database code itself, so that
``ipdesk-cli calc`` never loads SQLAlchemy.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from core.cli.base import EXIT_FAULT, EXIT_OK, UsageError

if TYPE_CHECKING:
    from core.db.database import Database

_DB_HELP = "数据库文件路径或 SQLAlchemy 地址（默认：环境变量 IPDESK_DB，或用户数据目录中的 ipdesk.sqlite3）"


def _add_db(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL", required=required, help=_DB_HELP)


def _open(target: str | None) -> Database:
    from core.db.database import open_database
    from core.db.errors import DatabaseError
    from core.records.policy_admin import apply_policy_folder

    try:
        db = open_database(target)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    # The 政策文件夹 set in this database joins the policy search path, as at the desk.
    apply_policy_folder(db)
    return db


def _open_existing(target: str | None) -> Database:
    """Open a database that must be there already (verify, back up, list).

    ``open_database`` creates a missing file, so a mistyped ``--db`` would otherwise verify
    or back up a brand-new empty database and report success.
    """
    from core.db.database import resolve_url
    from core.db.errors import DatabaseError

    try:
        _, path = resolve_url(target)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    if path is not None and (not path.is_file() or path.stat().st_size == 0):
        raise UsageError(
            f"找不到数据库文件 {path}；请用 --db 指定数据库文件，或设置环境变量 IPDESK_DB"
        )
    return _open(target)


def _progress(label: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> bool:
        percent = 100 if total == 0 else done * 100 // total
        print(f"\r{label} {percent}%", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)
        return True

    return show


def _demo(args: argparse.Namespace) -> int:
    from core.db.errors import DatabaseError
    from core.records.demo import create_demo_database, demo_summary

    try:
        db = create_demo_database(args.db, force=args.force)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    try:
        summary = demo_summary(db)
    finally:
        db.close()
    print(f"已生成演示数据库：{summary.path}")
    print(f"案件 {summary.cases} 件，公示批次 {summary.batches} 批")
    print("演示账户（仅供演示，正式使用前请更换密码）：")
    for user in summary.users:
        print(f"  {user.username} / {user.password}  {user.display_name}（{user.roles_label}）")
    return EXIT_OK


def _audit_verify(args: argparse.Namespace) -> int:
    from core.db.audit import verify_chain
    from core.records.integrity import verify_records

    db = _open_existing(args.db)
    try:
        with db.read() as session:
            report = verify_chain(session)
            records = verify_records(session) if report.ok else None
    finally:
        db.close()
    if not report.ok:
        print(f"ipdesk-cli：审计记录链已被破坏：{report.message}", file=sys.stderr)
        return EXIT_FAULT
    assert records is not None
    if not records.ok:
        print(f"ipdesk-cli：数据表与审计记录不符，共 {len(records.problems)} 处：", file=sys.stderr)
        for problem in records.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAULT
    print(report.message)
    print(records.message)
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from core.db.backup import backup_database
    from core.db.errors import DatabaseError

    db = _open_existing(args.db)
    try:
        result = backup_database(
            db,
            args.file,
            overwrite=args.overwrite,
            progress=_progress("正在备份"),
            actor_name="命令行 ipdesk-cli backup",
        )
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()
    print(f"已备份到 {result.path}（{result.size:,} 字节）")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from core.db.backup import restore_database
    from core.db.database import resolve_url
    from core.db.errors import DatabaseError

    try:
        _, path = resolve_url(args.db)
        if path is None:
            raise UsageError("只有 SQLite 数据库文件可以用本命令恢复")
        result = restore_database(
            path, args.file, progress=_progress("正在恢复"), actor_name="命令行 ipdesk-cli restore"
        )
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    print(result.report.summary())
    print(f"已从 {result.report.path} 恢复到 {path}")
    if result.safety_copy is not None:
        print(f"恢复前的数据库已另存为 {result.safety_copy}")
    if result.upgraded_from:
        print(f"备份为旧版本数据库（版本 {result.upgraded_from}），已自动升级")
    return EXIT_OK


def _case_list(args: argparse.Namespace) -> int:
    from core.money import format_yuan
    from core.records.queries import CaseFilters, list_cases
    from core.records.states import Status

    statuses: tuple[Status, ...] = ()
    if args.status:
        try:
            statuses = tuple(Status(s.strip()) for s in args.status.split(",") if s.strip())
        except ValueError:
            allowed = "、".join(f"{s.value}（{s.label}）" for s in Status)
            raise UsageError(f"无效的状态“{args.status}”，可用：{allowed}") from None
    if args.limit < 1:
        raise UsageError("--limit 应为正整数")
    db = _open_existing(args.db)
    try:
        page = list_cases(db, CaseFilters(statuses=statuses, search=args.search), limit=args.limit)
    finally:
        db.close()
    for row in page.rows:
        amount = "" if row.amount is None else format_yuan(row.amount)
        flag = " ⚠重复" if row.has_duplicate else ""
        print(
            f"{row.case_number}\t{row.received_on.isoformat()}\t{row.status.label}\t"
            f"{row.applicant_name}\t{amount}{flag}"
        )
    counts = "，".join(
        f"{s.label} {n}"
        for s, n in sorted(page.counts_by_status.items(), key=lambda kv: list(Status).index(kv[0]))
    )
    print(f"共 {page.total} 件（显示 {len(page.rows)} 件）；{counts}", file=sys.stderr)
    return EXIT_OK


def register(commands: argparse._SubParsersAction[Any]) -> None:
    demo = commands.add_parser("demo", help="生成演示数据库（演示账户、约30件案件、公示与兑现）")
    _add_db(demo, required=True)
    demo.add_argument("--force", action="store_true", help="覆盖已有数据的数据库")
    demo.set_defaults(handler=_demo)

    audit = commands.add_parser("audit", help="审计记录")
    audit_commands = audit.add_subparsers(
        dest="audit_command", metavar="子命令", parser_class=commands._parser_class
    )
    audit_commands.required = True
    verify = audit_commands.add_parser("verify", help="检查审计记录链是否完整（被改动时退出码为1）")
    _add_db(verify)
    verify.set_defaults(handler=_audit_verify)

    backup = commands.add_parser("backup", help="在线备份数据库到一个文件（可在系统使用中进行）")
    backup.add_argument("file", metavar="FILE", help="备份文件名")
    backup.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖")
    _add_db(backup)
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser("restore", help="检查备份文件并恢复（恢复前自动另存当前数据库）")
    restore.add_argument("file", metavar="FILE", help="备份文件名")
    _add_db(restore)
    restore.set_defaults(handler=_restore)

    case = commands.add_parser("case", help="案件")
    case_commands = case.add_subparsers(
        dest="case_command", metavar="子命令", parser_class=commands._parser_class
    )
    case_commands.required = True
    listing = case_commands.add_parser("list", help="列出案件（可按状态筛选、检索）")
    _add_db(listing)
    listing.add_argument(
        "--status", metavar="S", help="状态代码，可用逗号分隔多个，如 paid,cleared"
    )
    listing.add_argument("--search", metavar="TEXT", help="申请人名称、信用代码、案件编号或专利号")
    listing.add_argument("--limit", type=int, default=200, help="最多显示多少件（默认200）")
    listing.set_defaults(handler=_case_list)
