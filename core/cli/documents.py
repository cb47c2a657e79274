"""``ipdesk-cli print`` and ``ipdesk-cli intake``: printed forms and the intake workbook.

Registered by :func:`register` from ``core.cli.main``. This module is imported whenever the
parser is built (also for ``calc``), so it imports nothing heavy at the top: reportlab and
openpyxl are loaded inside the handlers.

``print`` reads a CASE document (``--case CASE.json``, with its optional ``form`` extras).
Printing a registered case by its number is the records layer's part: it sets
:data:`case_loader` and ``print FORM CASE_NO --out F.pdf`` works with no other change here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.main import UsageError, _Parser

if TYPE_CHECKING:
    from core.documents.model import FormCase

#: The forms ``print`` knows, with what each is called on the command line's help.
FORMS: dict[str, str] = {
    "application-form": "申请表（附件2）",
    "review-opinion": "审核意见表",
    "receipt": "受理回执",
    "correction": "补正通知书",
    "rejection": "不予受理通知书",
}

#: Set by the records layer: case number → FormCase (from the frozen snapshot). ``None`` until
#: the database is part of the program.
case_loader: Callable[[str], FormCase] | None = None


def register(commands: Any) -> None:
    """Add ``print`` and ``intake`` to ``ipdesk-cli``'s subcommands."""
    printing = commands.add_parser(
        "print",
        help="打印表单（申请表、审核意见表、受理回执、补正通知书、不予受理通知书）为 PDF",
        description="把一件申请打印成 A4 PDF。表单："
        + "、".join(f"{k}（{v}）" for k, v in FORMS.items()),
    )
    printing.add_argument("form", choices=list(FORMS), metavar="表单", help="、".join(FORMS))
    printing.add_argument(
        "case_no", nargs="?", metavar="受理编号", help="已登记申请的受理编号（需要案件数据库）"
    )
    printing.add_argument(
        "--case", dest="case_file", metavar="CASE.json", help="申请事实文件（可带 form 打印信息）"
    )
    printing.add_argument("--out", required=True, metavar="F.pdf", help="输出的 PDF 文件")
    printing.set_defaults(handler=_print)

    intake = commands.add_parser("intake", help="申请导入表：生成模板、检查填好的表")
    # Sub-subcommands use the same parser class, so their errors are one line too.
    intake_commands = intake.add_subparsers(
        dest="intake_command", metavar="子命令", parser_class=_Parser
    )
    intake_commands.required = True
    template = intake_commands.add_parser("template", help="生成空白的申请导入表（.xlsx）")
    template.add_argument("--policy", metavar="POLICY", help="政策代码（默认最新的一项）")
    template.add_argument("--out", required=True, metavar="F.xlsx", help="输出的工作簿")
    template.set_defaults(handler=_intake_template)
    check = intake_commands.add_parser(
        "check", help="检查填好的申请导入表；无误时输出各申请的 CASE JSON 数组"
    )
    check.add_argument("workbook", metavar="F.xlsx", help="填好的申请导入表")
    check.add_argument("--policy", metavar="POLICY", help="政策代码（默认最新的一项）")
    check.set_defaults(handler=_intake_check)


def _form_case(args: argparse.Namespace) -> FormCase:
    if args.case_no and args.case_file:
        raise UsageError("受理编号和 --case 只能给一个")
    if args.case_no:
        if case_loader is None:
            raise UsageError("按受理编号打印需要案件数据库，本版本尚未启用；请用 --case CASE.json")
        return case_loader(args.case_no)
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


def _write(data: bytes, out: str) -> Path:
    target = Path(out)
    if target.is_dir():
        raise UsageError(f"{out} 是文件夹，请给出文件名")
    if not target.parent.is_dir():
        raise UsageError(f"找不到输出文件夹 {target.parent}")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"无法写入 {out}：{exc.strerror}") from None
    return target


def _print(args: argparse.Namespace) -> int:
    case = _form_case(args)
    if args.form == "rejection" and not case.grounds:
        raise UsageError("此申请没有不予受理的情形；请在 form.rejection_grounds 中写明情形代码")
    target = _write(_renderer(args.form)(case), args.out)
    print(f"已生成{FORMS[args.form]}：{target}")
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
