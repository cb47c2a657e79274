"""The case window: typing a case, saving through core, steps, drafts, printing."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.records.case_queries import get_case
from core.records.states import Status
from desktop.controllers.case_editor import CaseEditor
from desktop.qt import QApplication
from tests.desktop.db_fixtures import credit_code
from tests.desktop.typing import type_text


def new_editor(qtbot: QtBot, context: Any) -> CaseEditor:
    editor = CaseEditor(context, None)
    editor.show()
    return editor


def fill_applicant(qtbot: QtBot, editor: CaseEditor, n: int = 77) -> None:
    panel = editor.applicant_panel
    type_text(qtbot, panel.credit_code, credit_code(n))
    type_text(qtbot, panel.name, f"重庆璧山新申请人{n}有限公司")
    panel.size_combo.setCurrentIndex(panel.size_combo.findData("small"))
    type_text(qtbot, panel.address, "重庆市璧山区")
    type_text(qtbot, panel.handler, "张三")
    type_text(qtbot, panel.handler_phone, "13800000000")
    type_text(qtbot, panel.account_name, f"重庆璧山新申请人{n}有限公司")
    type_text(qtbot, panel.bank, "农业银行璧山支行")
    type_text(qtbot, panel.account_number, "6228480000000000")


def test_new_case_is_registered_through_core(qtbot: QtBot, clerk_context: Any) -> None:
    editor = new_editor(qtbot, clerk_context)
    fill_applicant(qtbot, editor)
    form = editor.claims_panel.add_claim("transfer_in")
    form.set_values(
        {
            "date": "2024-03-01",
            "patent": "ZL202010566088.9",
            "counterparty_kind": "university",
            "related_party": False,
        }
    )
    form.changed.emit()
    assert editor.dirty
    editor.recompute()
    assert editor.result is not None
    assert editor.save(), editor.message.text()
    assert editor.case_id is not None
    detail = get_case(clerk_context.db, editor.case_id)
    assert detail.status is Status.REGISTERED
    assert detail.claims[0].facts["patent"] == "202010566088.9"
    assert not editor.dirty


def test_a_refused_save_puts_focus_on_the_first_field_it_names(
    qtbot: QtBot, clerk_context: Any, messages: Any
) -> None:
    editor = new_editor(qtbot, clerk_context)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    fill_applicant(qtbot, editor)
    form = editor.claims_panel.add_claim("pledge_interest")
    form.set_values({"date": "2024-03-01", "annual_rate": "4.3S%", "principal": "5000000"})
    form.changed.emit()
    # The clerk last typed in the principal; the message names the rate first.
    principal = form.editors["principal"].widget
    principal.setFocus()
    editor.tabs.setCurrentWidget(editor.applicant_panel)
    assert not editor.save()
    first = messages.last().text.splitlines()[0]
    assert "第 4 个字符“S”不是数字" in first and "年利率" in first
    assert editor.tabs.currentWidget() is editor.claims_panel
    assert QApplication.focusWidget() is form.editors["annual_rate"].widget
    # An applicant problem comes first, and focus goes there.
    editor.applicant_panel.credit_code.setText("91500227MA5U00000")
    assert not editor.save()
    assert editor.tabs.currentWidget() is editor.applicant_panel
    assert QApplication.focusWidget() is editor.applicant_panel.credit_code
    editor.dirty = False
    editor.close()


def test_a_red_refusal_goes_once_its_cause_is_fixed(
    qtbot: QtBot, clerk_context: Any, messages: Any
) -> None:
    editor = new_editor(qtbot, clerk_context)
    fill_applicant(qtbot, editor)
    editor.applicant_panel.credit_code.setText("91500227MA5U00000")
    form = editor.claims_panel.add_claim("transfer_in")
    form.set_values(
        {
            "date": "2024-03-01",
            "patent": "ZL20201056608",  # too short
            "counterparty_kind": "university",
            "related_party": False,
        }
    )
    assert not editor.save()
    assert "统一社会信用代码" in editor.message.text() or "Credit" in editor.message.text()
    assert editor.message.text().count("\n") == 1  # two problems
    # One fixed: only the other stays.
    editor.applicant_panel.credit_code.setText(credit_code(77))
    assert editor.message.text().count("\n") == 0 and "第 1 项" in editor.message.text()
    form.editors["patent"].set_value("ZL202010566088.9")
    form.changed.emit()
    assert editor.message.text() == ""
    assert editor.save(), editor.message.text()
    editor.close()
