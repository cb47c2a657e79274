"""File → 导入申请: the intake template saved, filled in, imported off the GUI thread, all or
nothing; every problem told by sheet, row and column."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pytestqt.qtbot import QtBot

from core.documents.intake_import import CLAIMS_SHEET, intake_columns
from core.policy.loader import load_policy
from core.records.case_queries import count_cases
from core.records.queries import CaseFilters, list_cases
from desktop.controllers.case_list import CaseList
from desktop.controllers.main_window import MainWindow
from tests.desktop.controllers.test_main_window import context_for, make_window
from tests.desktop.db_fixtures import PATENTS, credit_code
from tests.desktop.test_review_support import wait_for_jobs

POLICY = load_policy("bishan-2024")


def filled(template: Path, code: str) -> bytes:
    keys = [c.key for c in intake_columns(POLICY)]
    wb = load_workbook(io.BytesIO(template.read_bytes()))
    ws = wb[CLAIMS_SHEET]
    values = {
        "group": "A-1",
        "received_on": "2024-10-28",
        "applicant.name": "重庆璧山导入科技有限公司",
        "applicant.credit_code": code,
        "applicant.kind": "企业",
        "applicant.size": "小型",
        "form.account_number": "6222021234567890123",
        "item": "transfer_in",
        "date": "2024-03-01",
        "fact.patent": PATENTS[1],
        "fact.counterparty_kind": "university",
        "fact.related_party": "否",
    }
    for key, value in values.items():
        ws[f"{get_column_letter(keys.index(key) + 1)}2"] = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def import_file(qtbot: QtBot, window: MainWindow, file_dialogs: Any, path: Path) -> None:
    file_dialogs.answers.append(str(path))
    window.import_action.trigger()
    wait_for_jobs(qtbot)


def test_only_a_clerk_imports(qtbot: QtBot, desk_db: Any) -> None:
    assert make_window(qtbot, context_for(desk_db, desk_db.clerk_id)).import_action.isEnabled()
    boss = make_window(qtbot, context_for(desk_db, desk_db.boss_id))
    assert not boss.import_action.isEnabled() and not boss.template_action.isEnabled()


def test_a_workbook_is_imported_all_or_nothing(
    qtbot: QtBot, desk_db: Any, messages: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
    cases = window.area_widget("intake")
    assert isinstance(cases, CaseList) and cases.model.rowCount() == 5
    template = tmp_path / "模板"
    file_dialogs.answers.append(str(template))
    assert window.save_template() == tmp_path / "模板.xlsx"
    template = tmp_path / "模板.xlsx"

    # A wrong credit code: nothing registered, the cell named.
    wrong = credit_code(601)[:-1] + ("0" if credit_code(601)[-1] != "0" else "1")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(filled(template, wrong))
    messages.clear()
    import_file(qtbot, window, file_dialogs, bad)
    text = messages.last().text
    assert messages.last().kind == "warning"
    assert "未登记任何申请" in text and f"工作表「{CLAIMS_SHEET}」第2行" in text, text
    assert "统一社会信用代码" in text
    assert count_cases(desk_db.db) == 5

    # Corrected: registered, and the case list shows it.
    good = tmp_path / "good.xlsx"
    good.write_bytes(filled(template, credit_code(601)))
    messages.clear()
    import_file(qtbot, window, file_dialogs, good)
    assert messages.last().kind == "information", messages.last().text
    assert "1 件" in messages.last().text and "第006号" in messages.last().text
    assert count_cases(desk_db.db) == 6
    rows = list_cases(desk_db.db, CaseFilters(search="重庆璧山导入科技有限公司")).rows
    assert len(rows) == 1
    qtbot.waitUntil(lambda: cases.model.rowCount() == 6, timeout=5000)


def test_cancel_stops_a_running_import_and_registers_nothing(
    qtbot: QtBot, desk_db: Any, messages: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    """Issue 14 §4: 取消 stops an import once it has started, within a second."""
    import time

    from core.documents.intake_import import intake_workbook
    from desktop.qt import QProgressDialog

    documents = [
        {
            "id": f"A{n}",
            "policy": POLICY.id,
            "received_on": "2024-10-28",
            "applicant": {
                "name": f"重庆璧山导入{n:04d}科技有限公司",
                "credit_code": credit_code(700 + n),
                "kind": "enterprise",
                "size": "small",
            },
            "claims": [
                {
                    "item": "open_license",
                    "date": "2024-03-01",
                    "patent": PATENTS[n % len(PATENTS)],
                }
            ],
        }
        for n in range(1500)
    ]
    big = tmp_path / "big.xlsx"
    big.write_bytes(intake_workbook(POLICY, documents))
    window = make_window(qtbot, context_for(desk_db, desk_db.clerk_id))
    file_dialogs.answers.append(str(big))
    messages.clear()
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(QProgressDialog)), timeout=5000)
    qtbot.wait(1500)  # reading or registering by now
    dialog = window.findChildren(QProgressDialog)[0]
    cancelled_at = time.perf_counter()
    dialog.canceled.emit()  # as its 取消 button does
    wait_for_jobs(qtbot)
    assert time.perf_counter() - cancelled_at < 1.5
    assert messages.last().text == "已取消，未导入任何申请。"
    assert count_cases(desk_db.db) == 5
