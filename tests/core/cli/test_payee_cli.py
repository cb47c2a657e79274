# ruff: noqa: F811 - pytest fixtures imported from tests/core/db/conftest.py
"""``ipdesk-cli payee``: a clerk records a payee change, a second person decides (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli.main import main
from core.db.database import Database
from core.records.case_queries import get_case
from core.records.documents import find_notice_batch, payout_rows
from core.records.states import Status
from tests.core.db.conftest import (  # noqa: F401 - fixtures
    People,
    advance,
    cheap_passwords,
    clock,
    db,
    db_path,
    people,
    register,
    template_db,
)

NEW = "6222020200112233445"


def test_request_then_approve_by_another_person(
    db: Database,
    people: People,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case_id = register(db, people)  # registered by 张晓燕 (clerk)
    advance(db, people, case_id, Status.CLEARED)
    number = get_case(db, case_id).case_number
    base = ["--db", str(db_path)]

    monkeypatch.setenv("IPDESK_PASSWORD", "clerk2-pass")
    request = ["payee", "request", number, "--as", "clerk2", "--account-name", "新户名"]
    request += ["--bank", "中国建设银行璧山支行", "--account", NEW]
    request += ["--reason", "原账户销户", "--evidence", "销户证明原件"]
    assert main([*request, *base]) == 0
    assert "待审核人批准" in capsys.readouterr().out

    assert main(["payee", "list", "--pending", *base]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    change = json.loads(line)
    assert change["case"] == number and change["after"]["account_number"] == NEW

    # A clerk cannot approve; the supervisor can.
    assert main(["payee", "approve", str(change["id"]), "--as", "clerk2", *base]) == 2
    assert "审核人" in capsys.readouterr().err
    monkeypatch.setenv("IPDESK_PASSWORD", "supervisor-pass")
    assert main(["payee", "approve", str(change["id"]), "--as", "supervisor", *base]) == 0
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert row.account_number == NEW and "批准变更" in row.note


def test_a_bad_account_number_is_one_line_and_exit_2(
    db: Database,
    people: People,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, Status.CLEARED)
    number = get_case(db, case_id).case_number
    monkeypatch.setenv("IPDESK_PASSWORD", "clerk2-pass")
    args = ["payee", "request", number, "--as", "clerk2", "--account-name", "户名"]
    args += ["--bank", "某银行", "--account", "62220O", "--reason", "r", "--evidence", "e"]
    assert main([*args, "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "银行账号只能含数字" in err
