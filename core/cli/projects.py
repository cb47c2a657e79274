"""``ipdesk-cli project …``: the municipal cultivation projects (seed 000) on the command line.

Registered by :mod:`core.cli.main`. The handlers import the database, reportlab and openpyxl
themselves, so that ``ipdesk-cli calc`` loads none of them.

    ipdesk-cli project list [--db X] [--status S[,S…]] [--search TEXT] [--today D]
    ipdesk-cli project show NUMBER [--db X] [--today D]
    ipdesk-cli project print {summary,midterm,request,acceptance} NUMBER --out F.pdf [--db X]
    ipdesk-cli project export --out F.xlsx [--db X] [--policy ID]
    ipdesk-cli project reminders [--db X] [--today YYYY-MM-DD]

NUMBER is the project number (渝高价值培育〔2024〕第01号) or a short form: ``2024-1`` or ``1``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from core.cli.base import EXIT_OK, UsageError
from core.cli.documents import guarded_output
from core.cli.records import _add_db, _open

if TYPE_CHECKING:
    from core.db.database import Database

FORM_NAMES = {
    "summary": "立项信息表",
    "midterm": "中期评估表",
    "request": "延期／终止申请审核表",
    "acceptance": "结题验收意见表",
}


def _today(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"日期“{text}”格式不对，请写成 YYYY-MM-DD，如 2026-11-22") from None


def _project_id(db: Database, text: str) -> int:
    from core.projects.queries import resolve_project
    from core.records.errors import NotFound

    try:
        return resolve_project(db, text)
    except NotFound as exc:
        raise UsageError(str(exc)) from None


def _list(args: argparse.Namespace) -> int:
    from core.money import format_yuan
    from core.projects.model import ProjectFilters
    from core.projects.queries import list_projects
    from core.projects.rules import ProjectStatus

    statuses: tuple[ProjectStatus, ...] = ()
    if args.status:
        try:
            statuses = tuple(ProjectStatus(s.strip()) for s in args.status.split(",") if s.strip())
        except ValueError:
            allowed = "、".join(f"{s.value}（{s.label}）" for s in ProjectStatus)
            raise UsageError(f"无效的状态“{args.status}”，可用：{allowed}") from None
    today = _today(args.today)
    db = _open(args.db)
    try:
        page = list_projects(db, ProjectFilters(statuses=statuses, search=args.search), today)
    finally:
        db.close()
    for row in page.rows:
        flags = []
        if row.pending_request is not None:
            flags.append(f"{row.pending_request.label}申请待审定")
        if row.reminders:
            flags.append(
                ("⚠逾期 " if row.overdue else "提醒 ")
                + "；".join(f"{r.kind.label}{r.due.isoformat()}" for r in row.reminders)
            )
        if row.spending_flagged:
            flags.append("支出须核查")
        print(
            f"{row.number}\t{row.status.label}\t{row.start.isoformat()}至{row.end.isoformat()}\t"
            f"{row.lead_unit}\t{row.title}\t已拨付{format_yuan(row.paid)}"
            + (f"\t{'；'.join(flags)}" if flags else "")
        )
    counts = "，".join(f"{s.label} {n}" for s, n in page.counts_by_status.items())
    print(
        f"共 {page.total} 项（{page.today.isoformat()}）" + (f"；{counts}" if counts else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from core.projects.queries import get_project
    from core.projects.text import detail_text

    today = _today(args.today)
    db = _open(args.db)
    try:
        detail = get_project(db, _project_id(db, args.number), today)
    finally:
        db.close()
    print(detail_text(detail))
    return EXIT_OK


def _print(args: argparse.Namespace) -> int:
    from core.projects.documents import FORMS, NothingToPrint
    from core.projects.queries import get_project

    guarded_output(args.out, (".pdf",), FORM_NAMES[args.form], args, "打印")
    db = _open(args.db)
    try:
        detail = get_project(db, _project_id(db, args.number))
    finally:
        db.close()
    _, render = FORMS[args.form]
    try:
        data = render(detail)
    except NothingToPrint as exc:
        raise UsageError(str(exc)) from None
    path = _write(args.out, data)
    print(f"已生成{FORM_NAMES[args.form]}：{path}（{detail.number}）")
    return EXIT_OK


def _write(target: str, data: bytes) -> str:
    from pathlib import Path

    from core.db.errors import output_error
    from core.outputs import write_output

    try:
        return str(write_output(Path(target), data))
    except OSError as exc:
        raise UsageError(
            output_error(exc) or f"无法写入 {target}（{exc.strerror}）：请换一个位置或文件名"
        ) from None


def _export(args: argparse.Namespace) -> int:
    from core.db.clock import local_today
    from core.projects.policy import load_project_policy
    from core.projects.queries import list_project_details, project_policy_ids
    from core.projects.workbook import projects_workbook

    guarded_output(args.out, (".xlsx",), "项目一览表", args)
    db = _open(args.db)
    try:
        policies = project_policy_ids(db)
        policy_id = args.policy or (policies[0] if policies else "chongqing-hvp-2024")
        if args.policy and args.policy not in policies:
            listed = "、".join(policies) or "（还没有项目）"
            raise UsageError(f"没有政策“{args.policy}”下的项目；有项目的政策：{listed}")
        details = list_project_details(db, policy_id=policy_id)
        today = local_today(db.clock)
    finally:
        db.close()
    data = projects_workbook(details, load_project_policy(policy_id), prepared_on=today)
    path = _write(args.out, data)
    print(f"已导出 {len(details)} 个项目：{path}")
    return EXIT_OK


def _reminders(args: argparse.Namespace) -> int:
    from core.projects.queries import project_reminders

    today = _today(args.today)
    db = _open(args.db)
    try:
        found = project_reminders(db, today)
    finally:
        db.close()
    for item in found:
        r = item.reminder
        state = "已逾期" if r.overdue else "将到期"
        print(f"{r.due.isoformat()}\t{state}\t{item.number}\t{item.lead_unit}\t{r.message}")
    print(f"共 {len(found)} 项提醒", file=sys.stderr)
    return EXIT_OK


def register(commands: argparse._SubParsersAction[Any]) -> None:
    project = commands.add_parser("project", help="高价值专利培育项目（市级，多年度）")
    sub = project.add_subparsers(
        dest="project_command", metavar="子命令", parser_class=commands._parser_class
    )
    sub.required = True

    listing = sub.add_parser("list", help="列出培育项目（状态、提醒、待审定申请）")
    _add_db(listing)
    listing.add_argument("--status", metavar="S", help="状态代码，可用逗号分隔，如 in_progress")
    listing.add_argument("--search", metavar="TEXT", help="项目编号、名称、单位名称或信用代码")
    listing.add_argument("--today", metavar="YYYY-MM-DD", help="按此日期计算提醒（默认今天）")
    listing.set_defaults(handler=_list)

    show = sub.add_parser("show", help="显示一个项目的全部信息")
    show.add_argument(
        "number", metavar="项目编号", help="如 渝高价值培育〔2024〕第01号、2024-1 或 1"
    )
    _add_db(show)
    show.add_argument("--today", metavar="YYYY-MM-DD", help="按此日期计算提醒（默认今天）")
    show.set_defaults(handler=_show)

    printing = sub.add_parser(
        "print",
        help="打印表单为 PDF：" + "、".join(f"{k}（{v}）" for k, v in FORM_NAMES.items()),
    )
    printing.add_argument(
        "form", choices=list(FORM_NAMES), metavar="表单", help="、".join(FORM_NAMES)
    )
    printing.add_argument(
        "number", metavar="项目编号", help="如 渝高价值培育〔2024〕第01号、2024-1 或 1"
    )
    printing.add_argument("--out", required=True, metavar="F.pdf", help="输出的 PDF 文件")
    printing.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    _add_db(printing)
    printing.set_defaults(handler=_print)

    export = sub.add_parser("export", help="导出全部项目（状态、资金、绩效目标）为 Excel 工作簿")
    export.add_argument("--out", required=True, metavar="F.xlsx", help="输出的工作簿")
    export.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    export.add_argument("--policy", metavar="ID", help="政策代码（默认最近一年的培育项目政策）")
    _add_db(export)
    export.set_defaults(handler=_export)

    reminders = sub.add_parser("reminders", help="列出到期或逾期的事项（进展报告、中期评估、结题）")
    _add_db(reminders)
    reminders.add_argument("--today", metavar="YYYY-MM-DD", help="按此日期计算（默认今天）")
    reminders.set_defaults(handler=_reminders)
