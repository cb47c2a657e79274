"""``ipdesk-cli`` commands on the case database: demo, audit verify, backup, restore, case list.

Registered by :mod:`core.cli.main`. Each handler imports the database code itself, so that
``ipdesk-cli calc`` never loads SQLAlchemy.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from core.cli.base import EXIT_FAULT, EXIT_OK, UsageError, password_for

if TYPE_CHECKING:
    from core.db.database import Database

_DB_HELP = (
    "数据库文件路径，或服务器地址 postgresql://用户名@服务器:5432/数据库名"
    "（默认：环境变量 IPDESK_DB，或用户数据目录中的 ipdesk.sqlite3）"
)


def _add_db(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL", required=required, help=_DB_HELP)


def _open(target: str | None) -> Database:
    """Open a database that must be set up already: every command but ``demo`` and ``db init``.

    A missing file, or a server database without this program's tables, is refused with a
    line naming the way to set it up; nothing is created or migrated as a side effect of a
    read, an export or a verify (issue 18 §0). An older database is still upgraded, as at
    the desk.
    """
    from core.db.database import open_database
    from core.db.errors import DatabaseError
    from core.records.policy_admin import apply_policy_folder

    try:
        db = open_database(target, create=False)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    # The 政策文件夹 set in this database joins the policy search path, as at the desk.
    apply_policy_folder(db)
    return db


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


def _refuse_while_a_desk_holds(target: str, what: str) -> None:
    from pathlib import Path

    from core.db.presence import desk_holding

    holder = desk_holding(Path(target).expanduser().absolute())
    if holder is not None:
        raise UsageError(
            f"数据库 {target} 正在使用：{holder}。请先在该窗口中退出（文件 → 退出），再{what}"
        )


def _administrator(target: str, username: str | None, what: str) -> str | None:
    """Log in as an administrator of the database about to be replaced; their name for the
    audit, or None when it has no one to ask (missing, empty, unreadable: nothing to protect
    that a login could)."""
    from pathlib import Path

    from sqlalchemy.exc import SQLAlchemyError

    from core.db.backup import open_for_replacement
    from core.db.clock import SystemClock
    from core.db.errors import DatabaseError
    from core.records.errors import RecordsError
    from core.records.roles import Role
    from core.records.users import list_users, login

    path = Path(target).expanduser().absolute()
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        db = open_for_replacement(path, SystemClock())
    except DatabaseError:
        return None
    if db is None:
        return None
    try:
        try:
            if not list_users(db):
                return None
        except SQLAlchemyError:  # an older or foreign schema without users: nobody to ask
            return None
        if not username:
            raise UsageError(
                f"{what}会替换数据库 {path} 的全部数据，须由该数据库的系统管理员确认："
                "请加 --user 管理员用户名（密码取自环境变量 IPDESK_PASSWORD，或在终端中输入）"
            )
        try:
            user = login(db, username, password_for(username))
        except RecordsError as exc:
            raise UsageError(str(exc)) from None
        if not user.has(Role.ADMIN):
            raise UsageError(f"{what}须由系统管理员办理；用户“{user.display_name}”不是系统管理员")
        return f"{user.display_name}（{user.username}）"
    finally:
        db.close()


def _demo(args: argparse.Namespace) -> int:
    from core.db.errors import DatabaseError
    from core.demo import create_demo_database, demo_summary

    if args.force:
        _refuse_while_a_desk_holds(args.db, "生成演示数据库")
        _administrator(args.db, args.user, "用 --force 生成演示数据库")
    try:
        db = create_demo_database(args.db, force=args.force)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    try:
        summary = demo_summary(db)
        safety, label = db.safety_copy, db.label
    finally:
        db.close()
    if safety is not None:
        print(f"原数据库已另存为 {safety}")
    print(f"已生成演示数据库：{label}")
    print(f"案件 {summary.cases} 件，公示批次 {summary.batches} 批")
    print("演示账户（仅供演示，正式使用前请更换密码）：")
    for user in summary.users:
        print(f"  {user.username} / {user.password}  {user.display_name}（{user.roles_label}）")
    return EXIT_OK


def _audit_verify(args: argparse.Namespace) -> int:
    from core.db.anchors import (
        Anchor,
        check_anchors,
        compare_with_backup,
        known_anchors,
        parse_anchor,
    )
    from core.db.audit import verify_chain
    from core.db.backup import verify_backup_file
    from core.db.integrity import verify_records

    given: list[Anchor] = []
    for text in args.anchor or []:
        try:
            given.append(parse_anchor(text))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    backups = []
    for name in args.against or []:
        checked = verify_backup_file(name)
        if not checked.usable or checked.audit is None or not checked.audit.ok:
            raise UsageError(f"--against：{checked.summary()}")
        backups.append(checked.path)
    db = _open(args.db)
    try:
        # With no option, the anchors this PC recorded at each backup bind the database.
        recorded = [] if given or backups else known_anchors(db.identity)
        with db.read() as session:
            report = verify_chain(session)
            problems: list[str] = []
            if report.ok:
                problems.extend(
                    p
                    for backup in backups
                    if (p := compare_with_backup(session, backup)) is not None
                )
                problems.extend(check_anchors(session, given or recorded))
            records = verify_records(session) if report.ok else None
    finally:
        db.close()
    if not report.ok:
        print(f"ipdesk-cli：审计记录链已被破坏：{report.message}", file=sys.stderr)
        return EXIT_FAULT
    if problems:
        print(
            f"ipdesk-cli：审计记录与此前的备份或核验码不符，共 {len(problems)} 处：",
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAULT
    assert records is not None
    if not records.ok:
        print(f"ipdesk-cli：数据表与审计记录不符，共 {len(records.problems)} 处：", file=sys.stderr)
        for problem in records.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAULT
    print(report.message)
    if backups:
        print(f"审计记录是所给 {len(backups)} 个备份的延续，备份之前的记录未被改动")
    if given:
        print(f"所给 {len(given)} 个核验码均相符")
    elif recorded:
        print(f"与本机记下的 {len(recorded)} 个备份链头相符（最近一个：{recorded[-1].code}）")
    elif not backups:
        print("本机没有记下这个数据库的备份链头；可用 --against 备份文件 或 --anchor 核验码 核对")
    print(records.message)
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from core.db.backup import backup_database
    from core.db.errors import DatabaseError

    db = _open(args.db)
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
    from core.db.backup import (
        RestoreRefused,
        check_restore,
        restore_database,
    )
    from core.db.database import resolve_url
    from core.db.errors import DatabaseError

    try:
        _, path = resolve_url(args.db)
        if path is None:
            return _restore_server(args)
        _refuse_while_a_desk_holds(str(path), "恢复")
        # The file first: a wrong file is refused before anyone is asked for a password.
        report = check_restore(path, args.file)
        if not report.usable or (report.trust_problems and not args.override):
            raise RestoreRefused(report)
        admin = _administrator(str(path), args.user, "恢复备份")
        result = restore_database(
            path,
            args.file,
            progress=_progress("正在恢复"),
            actor_name=f"{admin or '（无可登录的用户）'}，命令行 ipdesk-cli restore",
            override=args.override,
            checked=report,
        )
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    if result.overridden:
        print(f"已由{admin or '（无可登录的用户）'}强制恢复（已记入审计）；此备份存在以下问题：")
        for problem in result.overridden:
            print(f"  {problem}")
    else:
        print(result.report.summary())
    if result.lost:
        print(result.lost)
    print(f"已从 {result.report.path} 恢复到 {path}")
    if result.safety_copy is not None:
        print(f"恢复前的数据库已另存为 {result.safety_copy}")
    if result.upgraded_from:
        print(f"备份为旧版本数据库（版本 {result.upgraded_from}），已自动升级")
    return EXIT_OK


def _restore_server(args: argparse.Namespace) -> int:
    """A server database is restored into a new empty one, then checked (server_backup)."""
    from core.db.server_backup import restore_server

    if args.override:
        raise UsageError(
            "服务器上的数据库不能强制恢复：审计记录不能核实的备份，请在服务器上由管理员处理"
        )
    done = restore_server(args.db, args.file, actor_name="命令行 ipdesk-cli restore")
    print(f"已从 {args.file} 恢复到 {done.target}：案件 {done.cases} 件")
    print(done.audit_message)
    print(done.records_message)
    print("核对无误后，请由服务器管理员把它改名替换原数据库（见安装说明），各窗口再重新连接")
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
    db = _open(args.db)
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


def _db_init(args: argparse.Namespace) -> int:
    """Set up this program's tables in an empty database: the one explicit step (issue 18 §0)."""
    from core.db.database import open_database
    from core.db.errors import DatabaseError, DatabaseMissing
    from core.db.migrations import HEAD_REVISION

    try:
        try:
            db = open_database(args.db, create=False)
            fresh = False
        except DatabaseMissing:
            db = open_database(args.db)
            fresh = True
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    try:
        label, upgraded, safety = db.label, db.upgraded_from, db.safety_copy
    finally:
        db.close()
    if fresh:
        print(f"已在 {label} 建立本系统的数据表（数据结构版本 {HEAD_REVISION}）")
        print("下一步：在桌面程序中打开它，设置系统管理员；或用 ipdesk-cli db move 迁入已有数据")
    elif upgraded:
        print(f"{label} 已从版本 {upgraded} 升级到 {HEAD_REVISION}")
        if safety is not None:
            print(f"升级前的数据库已另存为 {safety}")
    else:
        print(f"{label} 已是本系统的数据库（版本 {HEAD_REVISION}），无需初始化")
    return EXIT_OK


def _db_move(args: argparse.Namespace) -> int:
    from core.db.database import open_database
    from core.db.errors import DatabaseError, DatabaseMissing
    from core.db.move import move_database

    try:
        source = open_database(args.source, create=False)
    except DatabaseError as exc:
        raise UsageError(f"来源：{exc}") from None
    try:
        try:
            target = open_database(args.target, create=False)
        except DatabaseMissing:
            # The target may be a new file or an empty server database: moving is setting up.
            target = open_database(args.target)
        try:
            report = move_database(source, target, progress=_progress("正在迁移"))
        finally:
            target.close()
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None
    finally:
        source.close()
    print(report.summary())
    print("来源数据库保持原样；确认无误后，请把各窗口的数据库设置改为新的地址")
    return EXIT_OK


def register(commands: argparse._SubParsersAction[Any]) -> None:
    database = commands.add_parser("db", help="数据库：初始化、迁移到服务器")
    db_commands = database.add_subparsers(
        dest="db_command", metavar="子命令", parser_class=commands._parser_class
    )
    db_commands.required = True
    init = db_commands.add_parser(
        "init",
        help="在一个空数据库中建立本系统的数据表（服务器数据库首次使用前）",
        description="只有这一步（或桌面程序的首次设置）会在空数据库中建表；查询、导出、核对从不建表。",
    )
    _add_db(init, required=True)
    init.set_defaults(handler=_db_init)
    move = db_commands.add_parser(
        "move",
        help="把整个数据库迁移到另一处（如从本机文件迁移到服务器），并核对审计记录链",
    )
    move.add_argument(
        "--from", dest="source", required=True, metavar="PATH_OR_URL", help="来源数据库"
    )
    move.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="PATH_OR_URL",
        help="目标数据库：须为空（新文件，或服务器上新建的空库）",
    )
    move.set_defaults(handler=_db_move)

    demo = commands.add_parser("demo", help="生成演示数据库（演示账户、约30件案件、公示与兑现）")
    _add_db(demo, required=True)
    demo.add_argument(
        "--force",
        action="store_true",
        help="替换已有数据的数据库（原文件另存为 .before-demo-时间；须管理员 --user 确认）",
    )
    demo.add_argument("--user", metavar="USERNAME", help="被替换数据库的系统管理员用户名")
    demo.set_defaults(handler=_demo)

    audit = commands.add_parser("audit", help="审计记录")
    audit_commands = audit.add_subparsers(
        dest="audit_command", metavar="子命令", parser_class=commands._parser_class
    )
    audit_commands.required = True
    verify = audit_commands.add_parser(
        "verify",
        help="检查审计记录链、数据表与备份链头是否一致（被改动时退出码为1）",
        description=(
            "检查审计记录链本身、数据表中的金额与收款人是否与审计记录一致，以及现有记录是否为"
            "此前备份与打印核验码的延续。不加选项时核对本机每次备份时记下的链头。"
        ),
    )
    _add_db(verify)
    verify.add_argument(
        "--against",
        action="append",
        metavar="BACKUP",
        help="一个此前的备份文件：现有审计记录须是其延续（可重复）",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        metavar="ID:CODE",
        help="打印在审核意见、公示名单、拨付清单页脚的核验码，如 128:3f9a0c51d2e7（可重复）",
    )
    verify.set_defaults(handler=_audit_verify)

    backup = commands.add_parser("backup", help="在线备份数据库到一个文件（可在系统使用中进行）")
    backup.add_argument("file", metavar="FILE", help="备份文件名")
    backup.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖")
    _add_db(backup)
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser("restore", help="检查备份文件并恢复（恢复前自动另存当前数据库）")
    restore.add_argument("file", metavar="FILE", help="备份文件名")
    _add_db(restore)
    restore.add_argument(
        "--user",
        metavar="USERNAME",
        help="现有数据库的系统管理员用户名（密码取自环境变量 IPDESK_PASSWORD，或在终端中输入）",
    )
    restore.add_argument(
        "--override",
        action="store_true",
        help="灾难恢复：备份的审计记录不能核实时仍然恢复（列出问题与将丢失的内容，并记入审计）",
    )
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
