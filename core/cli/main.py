"""``ipdesk-cli``: the core's command line. It never imports Qt.

Exit codes: 0 done; 2 bad input or arguments (one line on stderr saying what and where, no
traceback); 1 an internal fault (one line, with the traceback written to the log file).
Subcommands import their modules lazily so that ``calc`` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from core import __version__
from core.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_FAULT,
    EXIT_OK,
    Parser,
    UsageError,
)
from core.db.errors import DatabaseError, output_error

Handler = Callable[[argparse.Namespace], int]


def _calc(args: argparse.Namespace) -> int:
    from core.cli.calc import run_calc

    return run_calc(args.case_file, batch=False)


def _calc_batch(args: argparse.Namespace) -> int:
    from core.cli.calc import run_calc

    return run_calc(args.batch_file, batch=True)


def _policy_show(args: argparse.Namespace) -> int:
    from core.cli.policy_show import run_policy_show

    return run_policy_show(args.policy_id)


def _policy_list(args: argparse.Namespace) -> int:
    from core.cli.policy_show import run_policy_list

    return run_policy_list()


def _policy_check(args: argparse.Namespace) -> int:
    from core.cli.policy_show import run_policy_check

    return run_policy_check(args.file)


def _policy_test(args: argparse.Namespace) -> int:
    from core.cli.policy_show import run_policy_test

    return run_policy_test(args.policy_id, args.cases)


def _cases_template(args: argparse.Namespace) -> int:
    from core.cli.policy_show import run_cases_template

    return run_cases_template(args.policy_id, args.out, args.overwrite)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="ipdesk-cli",
        description="专利转化运用资助受理审核系统 — 命令行（测算、政策查看）",
    )
    parser.add_argument("--version", action="version", version=f"ipdesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：数据库迁移、示例测算、申请表PDF（安装后运行）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)

    calc = commands.add_parser("calc", help="测算一件申请（CASE.json → 结果 JSON）")
    calc.add_argument("case_file", metavar="CASE.json", help="申请事实文件；- 表示标准输入")
    calc.set_defaults(handler=_calc)

    batch = commands.add_parser("calc-batch", help="批量测算（含银行排名与预算按比例折算）")
    batch.add_argument("batch_file", metavar="BATCH.json", help="批量文件；- 表示标准输入")
    batch.set_defaults(handler=_calc_batch)

    policy = commands.add_parser("policy", help="查看资助政策")
    policy_commands = policy.add_subparsers(
        dest="policy_command", metavar="子命令", parser_class=Parser
    )
    policy_commands.required = True
    show = policy_commands.add_parser("show", help="以表格显示一项政策的资助标准")
    show.add_argument("policy_id", metavar="POLICY", help="政策代码，如 bishan-2024")
    show.set_defaults(handler=_policy_show)
    listing = policy_commands.add_parser("list", help="列出可用的政策")
    listing.set_defaults(handler=_policy_list)
    check = policy_commands.add_parser(
        "check", help="检查一份政策文件（键、数值、文字与数值一致），不安装"
    )
    check.add_argument("file", metavar="FILE.toml", help="政策文件路径")
    check.set_defaults(handler=_policy_check)
    test = policy_commands.add_parser(
        "test", help="运行测算用例（政策自带的 POLICY.cases，或指定的用例文件）"
    )
    test.add_argument("policy_id", metavar="POLICY", help="政策代码，如 bishan-2024")
    test.add_argument("cases", metavar="CASES.json", nargs="*", help="用例文件；省略时用政策自带的")
    test.set_defaults(handler=_policy_test)
    template = policy_commands.add_parser(
        "cases-template", help="生成空白的测算用例表（申请导入表的列加预期金额等四列）"
    )
    template.add_argument("policy_id", metavar="POLICY", help="政策代码，如 bishan-2024")
    template.add_argument("--out", required=True, metavar="F.xlsx", help="输出的工作簿")
    template.add_argument("--overwrite", action="store_true", help="输出文件已存在时覆盖")
    template.set_defaults(handler=_cases_template)

    for register in _extra_commands():
        register(commands)
    return parser


def _extra_commands() -> list[Callable[[argparse._SubParsersAction[Parser]], None]]:
    """Commands of later parts (database, documents) register here without slowing ``calc``."""
    registrars: list[Callable[[argparse._SubParsersAction[Parser]], None]] = []
    import importlib

    for name in ("core.cli.records", "core.cli.documents", "core.cli.projects", "core.cli.payee"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        registrars.append(module.register)
    return registrars


def fail(message: str) -> int:
    print(f"ipdesk-cli：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from core.selftest import run_self_test

        report = run_self_test()
        print(report.summary())
        return EXIT_OK if report.ok else EXIT_FAULT
    if args.command is None:
        parser.error("缺少命令")
    handler: Handler = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAULT
    except KeyboardInterrupt:
        print("ipdesk-cli：已中断", file=sys.stderr)
        return 130
    except DatabaseError as exc:  # locked, disk full, read-only: what to do, not a fault
        return fail(str(exc))
    except OSError as exc:
        message = output_error(exc)
        if message is None:
            return _internal(exc)
        return fail(message)
    except Exception as exc:  # the last guard: a clerk never sees a traceback
        return _internal(exc)


def _internal(exc: BaseException) -> int:
    from core.logs import log_exception

    where = log_exception("ipdesk-cli", exc)
    print(f"ipdesk-cli：内部错误：{exc}（详情已记入 {where}）", file=sys.stderr)
    return EXIT_FAULT


if __name__ == "__main__":
    raise SystemExit(main())
