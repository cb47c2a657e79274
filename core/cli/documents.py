"""``ipdesk-cli print``, ``intake``, ``export`` and ``import``: printed forms, the intake
workbook, the notice/payout/statistics exports, and importing applications.

Registered by :func:`register` from ``core.cli.main``. This module is imported whenever the
parser is built (also for ``calc``), so it imports nothing heavy at the top: reportlab,
openpyxl and the database code are loaded inside the handlers.

``print`` reads a CASE document (``--case CASE.json``, with its optional ``form`` extras) or a
registered case by its number from the database (``--db``, else ``IPDESK_DB``, else the
default file), through :data:`case_loader`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.base import PASSWORD_ENV, Parser, UsageError, password_for
from core.cli.records import _add_db, _open

if TYPE_CHECKING:
    from core.db.database import Database
    from core.documents.model import FormCase
    from core.records.notice import NoticeBatchInfo

#: The forms ``print`` knows, with what each is called on the command line's help.
FORMS: dict[str, str] = {
    "application-form": "申请表（附件2）",
    "review-opinion": "审核意见表",
    "receipt": "受理回执",
    "correction": "补正通知书",
    "rejection": "不予受理通知书",
}

#: Environment variable holding the password of ``import --as USER`` (else a prompt on a
#: terminal). See docs/documents.md for why there is no ``--password`` option.


def open_existing_database(target: str | None) -> Database:
    """Open the case database for a command that needs one to exist already.

    ``open_database`` creates a missing file; printing or exporting from a database that does
    not exist would quietly create an empty one (at the default place, even), so it is refused.
    """
    return _open(target)


def load_registered_case(case_no: str, db_target: str | None, form: str) -> FormCase:
    """A registered case from the database as the FormCase of one form (the default loader)."""
    from core.records.documents import form_case_by_number
    from core.records.errors import RecordsError

    db = open_existing_database(db_target)
    try:
        return form_case_by_number(db, case_no, form)
    except RecordsError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()


#: How ``print FORM CASE_NO`` gets the case: (case number, --db, form) → FormCase. Tests or an
#: embedding program may replace it.
case_loader: Callable[[str, str | None, str], FormCase] = load_registered_case


def register(commands: Any) -> None:
    """Add ``print``, ``intake``, ``export`` and ``import`` to ``ipdesk-cli``'s subcommands."""
    printing = commands.add_parser(
        "print",
        help="打印表单（申请表、审核意见表、受理回执、补正通知书、不予受理通知书）为 PDF",
        description="把一件申请打印成 A4 PDF。表单："
        + "、".join(f"{k}（{v}）" for k, v in FORMS.items()),
    )
    printing.add_argument("form", choices=list(FORMS), metavar="表单", help="、".join(FORMS))
    printing.add_argument(
        "case_no",
        nargs="*",
        metavar="受理编号",
        help="已登记申请的受理编号（需要案件数据库）；给出多个时全部打印进同一个 PDF",
    )
    printing.add_argument(
        "--all-in-batch",
        metavar="批次",
        help="打印某公示批次的全部案件（application-form、review-opinion），"
        "如 1、2024-1、2024年第一批、id:7",
    )
    printing.add_argument(
        "--case", dest="case_file", metavar="CASE.json", help="申请事实文件（可带 form 打印信息）"
    )
    printing.add_argument("--out", required=True, metavar="F.pdf", help="输出的 PDF 文件")
    printing.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    _add_db(printing)
    printing.set_defaults(handler=_print)

    intake = commands.add_parser("intake", help="申请导入表：生成模板、检查填好的表")
    # Sub-subcommands use the same parser class, so their errors are one line too.
    intake_commands = intake.add_subparsers(
        dest="intake_command", metavar="子命令", parser_class=Parser
    )
    intake_commands.required = True
    template = intake_commands.add_parser("template", help="生成空白的申请导入表（.xlsx）")
    template.add_argument("--policy", metavar="POLICY", help="政策代码（默认最新的一项）")
    template.add_argument("--out", required=True, metavar="F.xlsx", help="输出的工作簿")
    template.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    template.set_defaults(handler=_intake_template)
    check = intake_commands.add_parser(
        "check", help="检查填好的申请导入表；无误时输出各申请的 CASE JSON 数组"
    )
    check.add_argument("workbook", metavar="F.xlsx", help="填好的申请导入表")
    check.add_argument("--policy", metavar="POLICY", help="政策代码（默认最新的一项）")
    check.set_defaults(handler=_intake_check)

    export = commands.add_parser(
        "export", help="导出公示名单（PDF/xlsx）、拨付清单（xlsx）或统计表（xlsx）"
    )
    export.add_argument(
        "what",
        choices=list(EXPORTS),
        metavar="内容",
        help="、".join(f"{k}（{v}）" for k, v in EXPORTS.items()),
    )
    export.add_argument(
        "ref",
        nargs="?",
        metavar="批次或年度",
        help="notice/payout：公示批次，如 1、2024-1、2024年第一批、id:7（默认最近一批）；"
        "statistics：政策代码或年度，如 bishan-2024、2024（默认最新政策）",
    )
    export.add_argument("--out", required=True, metavar="FILE", help="输出文件（.pdf 或 .xlsx）")
    export.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    export.add_argument(
        "--contact", metavar="TEXT", help="公示名单上受理异议的科室和电话（默认：系统设置）"
    )
    export.add_argument(
        "--include-paid", action="store_true", help="拨付清单也列出已兑现的案件（存档用）"
    )
    _add_db(export)
    export.set_defaults(handler=_export)

    importing = commands.add_parser(
        "import", help="把填好的申请导入表登记为申请（全部成功才保存，任何错误则一件不导入）"
    )
    importing.add_argument("workbook", metavar="FILE.xlsx", help="填好的申请导入表")
    importing.add_argument(
        "--as",
        dest="username",
        required=True,
        metavar="USER",
        help=f"办理登记的窗口经办用户名；密码取自环境变量 {PASSWORD_ENV}，或在终端中输入",
    )
    importing.add_argument("--policy", metavar="POLICY", help="政策代码（默认最新的一项）")
    _add_db(importing)
    importing.set_defaults(handler=_import)


def _form_case(args: argparse.Namespace) -> FormCase:
    if args.case_no and args.case_file:
        raise UsageError("受理编号和 --case 只能给一个")
    if args.case_no:
        return case_loader(args.case_no[0], args.db, args.form)
    if not args.case_file:
        raise UsageError("请给出 --case CASE.json（或已登记申请的受理编号）")
    from core.cli.calc import read_text_argument
    from core.documents.model import form_case_from_case_document
    from core.engine import InputError, loads_json

    text, name = read_text_argument(args.case_file)
    try:
        return form_case_from_case_document(loads_json(text))
    except InputError as exc:
        raise UsageError(f"{name}：{exc}") from None


def _renderer(form: str) -> Callable[[FormCase], bytes]:
    if form == "application-form":
        from core.documents.application_form import render_application_form

        return render_application_form
    if form == "review-opinion":
        from core.documents.review_opinion import render_review_opinion

        return render_review_opinion
    from core.documents import notices

    return {
        "receipt": notices.render_receipt,
        "correction": notices.render_correction_notice,
        "rejection": notices.render_rejection_notice,
    }[form]


def _live_database(db_target: str | None) -> Path | None:
    from core.db.database import resolve_url

    try:
        return resolve_url(db_target)[1]
    except Exception:  # a malformed URL is refused by the command that opens it
        return None


def guarded_output(
    out: str,
    suffixes: tuple[str, ...],
    what: str,
    args: argparse.Namespace,
    verb: str = "导出",
) -> Path:
    """The --out target checked by core's output guard (never a database, never an existing
    file without --overwrite); one line and exit 2 when refused."""
    from core.outputs import OutputRefused, check_output

    try:
        return check_output(
            out,
            suffixes,
            what,
            overwrite=bool(getattr(args, "overwrite", False)),
            databases=[_live_database(getattr(args, "db", None))],
            verb=verb,
        )
    except OutputRefused as exc:
        raise UsageError(str(exc)) from None


def _write(data: bytes, out: str) -> Path:
    from core.db.errors import output_error
    from core.outputs import write_output

    try:
        return write_output(Path(out), data)
    except OSError as exc:
        raise UsageError(output_error(exc) or f"无法写入 {out}：{exc.strerror}") from None


def _print(args: argparse.Namespace) -> int:
    guarded_output(args.out, (".pdf",), FORMS[args.form], args, "打印")
    if args.all_in_batch is not None or len(args.case_no) > 1:
        return _print_many(args)
    case = _form_case(args)
    if args.form == "rejection" and not case.grounds:
        raise UsageError("此申请没有不予受理的情形；请在 form.rejection_grounds 中写明情形代码")
    from core.documents.fonts import unprintable_chars
    from core.records.documents import unprintable_warning

    if chars := unprintable_chars(case.typed_text()):
        print(f"注意：{unprintable_warning(chars)}", file=sys.stderr)
    target = _write(_renderer(args.form)(case), args.out)
    print(f"已生成{FORMS[args.form]}：{target}")
    return 0


def _print_many(args: argparse.Namespace) -> int:
    """Many cases, one form each, into one PDF (issue 20 §20)."""
    from core.records.documents import (
        case_ids_by_number,
        find_notice_batch,
        notice_batch_case_ids,
        render_case_forms,
        unprintable_warning,
    )
    from core.records.errors import RecordsError

    if args.case_file:
        raise UsageError("--case 只能打印一件申请；批量打印请给出受理编号或 --all-in-batch")
    if args.all_in_batch is not None and args.case_no:
        raise UsageError("受理编号和 --all-in-batch 只能给一种")
    db = open_existing_database(args.db)
    try:
        if args.all_in_batch is not None:
            batch = find_notice_batch(db, args.all_in_batch)
            ids = notice_batch_case_ids(db, batch.id)
        else:
            ids = case_ids_by_number(db, args.case_no)
        printed = render_case_forms(db, ids, args.form)
    except RecordsError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()
    for number, chars in printed.unprintable:
        print(f"注意：{number}：{unprintable_warning(chars)}", file=sys.stderr)
    target = _write(printed.data, args.out)
    print(f"已生成{FORMS[args.form]} {len(printed.case_numbers)} 份：{target}")
    return 0


def _policy(policy_id: str | None) -> Any:
    from core.policy import PolicyError, available_policies, load_policy

    if policy_id is None:
        known = available_policies()
        if not known:
            raise UsageError("没有可用的政策文件")
        policy_id = known[-1]
    try:
        return load_policy(policy_id)
    except PolicyError as exc:
        raise UsageError(exc.problem) from None


def _intake_template(args: argparse.Namespace) -> int:
    from core.documents.intake_import import intake_template

    policy = _policy(args.policy)
    guarded_output(args.out, (".xlsx",), "申请导入表", args)
    target = _write(intake_template(policy), args.out)
    print(f"已生成申请导入表（{policy.id}）：{target}")
    return 0


def _intake_check(args: argparse.Namespace) -> int:
    import json

    from core.documents.intake_import import parse_intake_workbook

    policy = _policy(args.policy)
    path = Path(args.workbook)
    if not path.is_file():
        raise UsageError(f"找不到文件 {args.workbook}")
    result = parse_intake_workbook(path, policy)
    if not result.ok:
        for error in result.errors:
            print(error, file=sys.stderr)
        raise UsageError(f"{path.name}：发现 {len(result.errors)} 处错误，未导入任何申请")
    sys.stdout.write(json.dumps(list(result.cases), ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    return 0


# ---------------------------------------------------------------------------
# export and import
# ---------------------------------------------------------------------------

#: What ``export`` writes, with the file types each may be.
EXPORTS: dict[str, str] = {
    "notice": "公示名单",
    "payout": "拨付清单",
    "statistics": "统计表",
}
_EXPORT_SUFFIXES = {"notice": (".pdf", ".xlsx"), "payout": (".xlsx",), "statistics": (".xlsx",)}


def _export(args: argparse.Namespace) -> int:
    from core.records.errors import RecordsError

    what = args.what
    guarded_output(args.out, _EXPORT_SUFFIXES[what], EXPORTS[what], args)
    if args.contact is not None and what != "notice":
        raise UsageError("--contact 只用于 export notice（公示名单）")
    if args.include_paid and what != "payout":
        raise UsageError("--include-paid 只用于 export payout（拨付清单）")
    db = open_existing_database(args.db)
    try:
        if what == "notice":
            target, summary = _export_notice(db, args)
        elif what == "payout":
            target, summary = _export_payout(db, args)
        else:
            target, summary = _export_statistics(db, args)
    except RecordsError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()
    print(f"已生成{EXPORTS[what]}（{summary}）：{target}")
    return 0


def _batch(db: Database, ref: str | None, *, closed_only: bool = False) -> NoticeBatchInfo:
    from core.records.documents import find_notice_batch, latest_notice_batch

    if ref is None:
        return latest_notice_batch(db, closed_only=closed_only)
    return find_notice_batch(db, ref)


def _export_notice(db: Database, args: argparse.Namespace) -> tuple[Path, str]:
    from core.records.documents import notice_list

    batch = _batch(db, args.ref)
    notice = notice_list(db, batch.id, contact=args.contact)
    if Path(args.out).suffix.lower() == ".pdf":
        from core.documents.notice_list import render_notice_list

        data = render_notice_list(notice)
    else:
        from core.documents.workbooks import notice_list_workbook

        data = notice_list_workbook(notice)
    return _write(data, args.out), f"{notice.batch_name}，{len(notice.entries)} 件"


def _export_payout(db: Database, args: argparse.Namespace) -> tuple[Path, str]:
    from decimal import Decimal

    from core.money import format_yuan
    from core.records.case_input import policy_for
    from core.records.documents import batch_name, payout_rows, payout_workbook_for_batch

    batch = _batch(db, args.ref, closed_only=True)
    policy = policy_for(batch.policy_id)
    name = batch_name(policy, batch.number)
    # The desk's path exactly: the same rows, basis line and 核验码.
    rows = payout_rows(db, batch.id, include_paid=args.include_paid)
    data = payout_workbook_for_batch(db, batch.id, rows=rows)
    total = sum((r.amount for r in rows), Decimal(0))
    return _write(data, args.out), f"{name}，{len(rows)} 笔，合计 {format_yuan(total)} 元"


def _export_statistics(db: Database, args: argparse.Namespace) -> tuple[Path, str]:
    from core.db.clock import local_today
    from core.documents.workbooks import statistics_workbook
    from core.records.statistics_source import find_policy, statistics_report

    policy = find_policy(args.ref)
    report = statistics_report(db, policy.id)
    data = statistics_workbook(report, prepared_on=local_today(db.clock))
    return _write(data, args.out), f"{policy.id}，已兑现 {report.paid_cases} 件"


def _import(args: argparse.Namespace) -> int:
    from core.records.errors import RecordsError
    from core.records.intake import import_intake
    from core.records.roles import Role
    from core.records.users import login

    path = Path(args.workbook)
    if not path.is_file():
        raise UsageError(f"找不到文件 {args.workbook}")
    policy = _policy(args.policy)
    db = open_existing_database(args.db)
    try:
        try:
            user = login(db, args.username, password_for(args.username))
            if user.must_change_password:
                raise UsageError(
                    f"用户“{user.display_name}”须先在程序中登录并修改初始密码，才能导入申请"
                )
            if not user.has(Role.CLERK):
                raise UsageError(
                    f"导入申请须由窗口经办办理；用户“{user.display_name}”没有窗口经办角色"
                )
            report = import_intake(db, user.id, path, policy)
        except RecordsError as exc:
            raise UsageError(str(exc)) from None
    finally:
        db.close()
    if not report.ok:
        for error in report.errors:
            print(error, file=sys.stderr)
        raise UsageError(f"{path.name}：发现 {len(report.errors)} 处错误，未导入任何申请")
    if not report.case_numbers:
        raise UsageError(f"{path.name} 中没有填写任何申请")
    print(f"已导入 {len(report.case_numbers)} 件申请（{policy.id}，经办人 {user.display_name}）：")
    for number in report.case_numbers:
        print(number)
    return 0
