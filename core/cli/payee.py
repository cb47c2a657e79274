"""``ipdesk-cli payee request|approve|reject|list``: payee change requests (issue 13 §1).

The payee of an approved case is frozen at approval; it changes only when a clerk records a
request with reason and supporting paper and a second person — a supervisor who is neither
that clerk nor the case's registrar — approves it. Each step logs in as the named user
(password from ``IPDESK_PASSWORD`` or asked without echo) and is audited.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from core.cli.base import EXIT_OK, UsageError, password_for
from core.cli.documents import open_existing_database
from core.cli.records import _add_db


def _login(db: Any, username: str) -> Any:
    from core.records.users import login

    user = login(db, username, password_for(username))
    if user.must_change_password:
        raise UsageError(f"用户“{user.display_name}”须先在程序中登录并修改初始密码")
    return user


def _run(args: argparse.Namespace) -> int:
    from core.records.case_queries import get_case_by_number
    from core.records.errors import RecordsError
    from core.records.payee import (
        PayeeForm,
        decide_payee_change,
        describe,
        payee_changes,
        request_payee_change,
    )

    db = open_existing_database(args.db)
    try:
        try:
            if args.payee_command == "list":
                found = payee_changes(db, pending_only=args.pending)
                for info in found:
                    print(json.dumps(describe(info), ensure_ascii=False))
                if not found:
                    print("没有收款账户变更申请" + ("（待审核）" if args.pending else ""))
                return EXIT_OK
            user = _login(db, args.username)
            if args.payee_command == "request":
                case = get_case_by_number(db, args.case_no)
                form = PayeeForm(args.account_name, args.bank, args.account)
                changes = request_payee_change(
                    db, user.id, case.id, form, args.reason, args.evidence
                )
            else:
                changes = decide_payee_change(
                    db, user.id, args.change_id, args.payee_command == "approve", args.note
                )
        except RecordsError as exc:
            raise UsageError(str(exc)) from None
    finally:
        db.close()
    print(changes.note)
    return EXIT_OK


def register(commands: argparse._SubParsersAction[Any]) -> None:
    payee = commands.add_parser("payee", help="收款账户变更（须另一人审核）")
    sub = payee.add_subparsers(dest="payee_command", metavar="子命令", parser_class=type(payee))
    sub.required = True

    request = sub.add_parser("request", help="登记已审核通过案件的收款账户变更（窗口经办）")
    request.add_argument("case_no", metavar="CASE_NO", help="案件编号")
    request.add_argument("--as", dest="username", required=True, metavar="USER")
    request.add_argument("--account-name", required=True, help="新户名")
    request.add_argument("--bank", required=True, help="新开户银行")
    request.add_argument("--account", required=True, help="新银行账号")
    request.add_argument("--reason", required=True, help="变更原因")
    request.add_argument("--evidence", required=True, help="证明材料")
    _add_db(request)

    for name, text in (("approve", "批准"), ("reject", "驳回")):
        decide = sub.add_parser(name, help=f"{text}收款账户变更（审核人，且非登记人、非受理人）")
        decide.add_argument("change_id", metavar="ID", type=int, help="变更申请编号")
        decide.add_argument("--as", dest="username", required=True, metavar="USER")
        decide.add_argument("--note", default="", help="意见（驳回时必填）")
        _add_db(decide)

    listing = sub.add_parser("list", help="列出收款账户变更申请")
    listing.add_argument("--pending", action="store_true", help="只列待审核的")
    _add_db(listing)
    payee.set_defaults(handler=_run)
