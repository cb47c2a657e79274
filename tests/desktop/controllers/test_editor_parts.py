"""Parts of the case window: SME helper, applicant on record, keyboard, duplicates, intake."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from desktop.controllers.applicant import ApplicantPanel
from desktop.controllers.case_editor import CaseEditor
from desktop.controllers.sme import SmeDialog
from desktop.qt import QApplication, QLineEdit, Qt
from tests.desktop.db_fixtures import PATENTS, credit_code
from tests.desktop.typing import type_text


def test_sme_helper_classifies_with_core_and_explains(qtbot: QtBot) -> None:
    dialog = SmeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.industry.setCurrentIndex(dialog.industry.findData("industry"))
    dialog.employees.setValue(150)
    dialog.revenue.setText("50000000")
    qtbot.mouseClick(dialog.classify_button, Qt.MouseButton.LeftButton)
    assert "小型" in dialog.result_label.text()
    assert "工信部联企业〔2011〕300号" in dialog.explanation.toPlainText()
    with qtbot.waitSignal(dialog.size_chosen) as chosen:
        dialog.use_button.click()
    assert chosen.args == ["small"]


def test_sme_helper_shows_cores_refusal(qtbot: QtBot) -> None:
    dialog = SmeDialog()
    qtbot.addWidget(dialog)
    dialog.revenue.setText("12.345")
    dialog.classify()
    assert "两位小数" in dialog.result_label.text()
    assert not dialog.use_button.isEnabled()


def test_an_applicant_on_record_is_found_by_credit_code(qtbot: QtBot, clerk_context: Any) -> None:
    panel = ApplicantPanel(clerk_context)
    qtbot.addWidget(panel)
    panel.show()
    type_text(qtbot, panel.credit_code, credit_code(1))
    qtbot.keyClick(panel.credit_code, Qt.Key.Key_Tab)
    panel._look_up_code()
    assert panel.name.text() == "重庆璧山测试科技有限公司001"
    assert panel.bank.text() == "中国工商银行璧山支行"
    assert "已在库中找到" in panel.found.text()


def test_an_applicant_on_record_is_found_by_name(qtbot: QtBot, clerk_context: Any) -> None:
    panel = ApplicantPanel(clerk_context)
    qtbot.addWidget(panel)
    panel.show()
    type_text(qtbot, panel.name, "测试科技有限公司003")
    qtbot.waitUntil(lambda: panel.completer_model.rowCount() == 1, timeout=3000)
    index = panel.completer.completionModel().index(0, 0)
    panel._completed(index)
    assert panel.credit_code.text() == credit_code(3)


def test_a_character_no_font_can_print_is_named_at_the_field(
    qtbot: QtBot, clerk_context: Any
) -> None:
    panel = ApplicantPanel(clerk_context)
    qtbot.addWidget(panel)
    panel.show()
    # 𠀀 (Extension B) prints in the shipped fallback face: no warning.
    panel.name.setText("重庆𠀀科技有限公司")
    panel.name.editingFinished.emit()
    assert panel.unprintable_status.isHidden()
    # U+31350 (Extension H) is in no shipped face: named, with its field and what to do.
    panel.handler.setText("张\U00031350")
    panel.handler.editingFinished.emit()
    assert not panel.unprintable_status.isHidden()
    text = panel.unprintable_status.text()
    assert "经办人" in text and "\U00031350" in text and "手写" in text
    panel.handler.setText("张三")
    panel.handler.editingFinished.emit()
    assert panel.unprintable_status.isHidden()


def test_enter_moves_to_the_next_field(qtbot: QtBot, clerk_context: Any) -> None:
    editor = CaseEditor(clerk_context, None)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    panel = editor.applicant_panel
    panel.handler.setFocus()
    qtbot.keyClick(panel.handler, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.handler_phone
    editor.dirty = False
    editor.close()


def test_duplicate_patent_links_to_the_other_case(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    editor = CaseEditor(clerk_context, desk_db.case_ids[0])
    editor.show()
    text = editor.claims_panel.duplicates.text()
    assert PATENTS[0] in text
    assert 'href="case:4"' in text  # case 4 claims the same patent
    with qtbot.waitSignal(editor.open_case_requested) as opened:
        editor.claims_panel.duplicates.linkActivated.emit("case:4")
    assert opened.args == [4]
    editor.close()


def test_intake_check_records_flags_with_note_and_source(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    from core.records.case_queries import get_case

    editor = CaseEditor(clerk_context, desk_db.case_ids[1])
    editor.show()
    intake = editor.intake_panel
    assert "✓" in intake.verdicts["late"].text()  # received 2024-10-21, before the deadline
    row = intake.flag_rows["dishonest_debtor"]
    row.source.setText("中国执行信息公开网")
    row.note.setText("未查询到失信记录")
    assert editor.dirty
    assert editor.save()
    form = get_case(desk_db.db, desk_db.case_ids[1]).applicant.form
    assert form.dishonest_debtor_source == "中国执行信息公开网"
    assert not form.dishonest_debtor
    row.check.setChecked(True)
    qtbot.waitUntil(lambda: editor.result is not None and not editor.result.accepted, timeout=3000)
    assert "失信" in intake.explanation.toPlainText()
    editor.dirty = False
    editor.close()


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, messages: Any
) -> None:
    from desktop.qt import QMessageBox

    editor = CaseEditor(clerk_context, desk_db.case_ids[2])
    editor.show()
    editor.applicant_panel.address.setText("新地址")
    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not editor.close()
    assert editor.isVisible()
    messages.answers.append(QMessageBox.StandardButton.Discard)
    assert editor.close()
    assert messages.texts("question")[0].startswith("本案件有未保存的修改")


def test_date_problems_and_window_show_in_the_calculation(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    editor = CaseEditor(clerk_context, desk_db.case_ids[0])
    editor.show()
    form = editor.claims_panel.forms_by_row[0]
    date = form.editors["date"].widget
    assert isinstance(date, QLineEdit)
    date.setText("2022-05-01")
    # Flagged beside the claim after a pause in typing, in the engine's words.
    qtbot.waitUntil(lambda: "不在" in form.assessment.text(), timeout=3000)
    assert "不予资助" in form.assessment.text()
    assert "不在" in editor.calc_panel.explanation.toPlainText()
    editor.dirty = False
    editor.close()


def test_a_supervisor_approves_in_the_case_window(qtbot: QtBot, desk_db: Any) -> None:
    from core.policy.loader import load_policy
    from core.records import workflow
    from core.records.case_model import MaterialUpdate
    from core.records.case_queries import get_case
    from core.records.cases import update_materials
    from core.records.states import Status
    from core.records.users import get_user
    from desktop.context import DeskContext
    from desktop.controllers.actions import ActionDialog
    from desktop.qt import QDialogButtonBox

    db, clerk, case_id = desk_db.db, desk_db.clerk_id, desk_db.case_ids[0]
    lines = get_case(db, case_id).materials
    update_materials(db, clerk, case_id, [MaterialUpdate.complete(m.code) for m in lines])
    workflow.accept_case(db, clerk, case_id)
    workflow.clerk_review(db, clerk, case_id, "符合条件")
    workflow.submit_for_approval(db, clerk, case_id)
    boss = DeskContext(db, get_user(db, desk_db.boss_id), load_policy("bishan-2024"))
    editor = CaseEditor(boss, case_id)
    editor.show()
    assert editor.action_buttons["approve"].isEnabled()
    assert not editor.action_buttons["accept"].isVisible()
    editor.action_buttons["approve"].click()
    dialog = editor.findChildren(ActionDialog)[-1]
    dialog.text.setPlainText("同意资助")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(db, case_id).status is Status.APPROVED
    assert "已审核通过" in editor.message.text()
    assert "冻结" in editor.calc_panel.status.text()
    editor.close()


def test_the_calculation_follows_the_facts_as_typed(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    """Before any save: a fact changed, the total in figures and in 大写 changes with it."""
    editor = CaseEditor(clerk_context, desk_db.case_ids[1])
    editor.show()
    calc = editor.calc_panel
    qtbot.waitUntil(lambda: "11,000.00" in calc.total.text(), timeout=3000)
    assert "壹万壹仟元整" in calc.capitals.text()
    product = editor.claims_panel.forms_by_row[1]
    product.editors["date"].widget.setText("2022-05-01")  # outside the programme's window
    qtbot.waitUntil(lambda: "10,000.00" in calc.total.text(), timeout=3000)
    assert "壹万元整" in calc.capitals.text()
    assert calc.model.rowCount() == 2
    license_ = editor.claims_panel.add_claim("license_in")
    license_.editors["date"].widget.setText("2024-04-10")
    license_.editors["patent"].widget.setText("201811564288.X")
    license_.editors["counterparty_kind"].set_value("institute")
    license_.editors["contract_amount"].widget.setText("5000000")
    qtbot.waitUntil(lambda: "17,500.00" in calc.total.text(), timeout=3000)
    assert "壹万柒仟伍佰元整" in calc.capitals.text()
    assert calc.model.rowCount() == 3
    editor.dirty = False
    editor.close()


def test_the_six_grounds_three_decided_three_checked(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    """受理审查 lists the policy's six grounds: deadline, scope and materials decided by the
    program (and redecided as typed), the other three ticked by the clerk with note and source."""
    from desktop.qt import QDate

    editor = CaseEditor(clerk_context, desk_db.case_ids[1])
    editor.show()
    intake = editor.intake_panel
    assert len(clerk_context.policy.rejection_grounds) == 6
    assert len(intake.verdicts) == 3 and len(intake.flag_rows) == 3
    assert set(intake.flag_rows) == {"dishonest_debtor", "ownership_dispute", "major_accident_3y"}
    qtbot.waitUntil(lambda: "✓" in intake.verdicts["late"].text(), timeout=3000)
    # The materials are not in yet: that ground is not clear, and says so.
    others = [label.text() for code, label in intake.verdicts.items() if code != "late"]
    assert any("材料" in text for text in others), others
    # Received after the deadline (2024-11-22): the deadline ground turns against the case.
    editor.applicant_panel.received_on.setDate(QDate(2024, 11, 25))
    qtbot.waitUntil(lambda: "✓" not in intake.verdicts["late"].text(), timeout=3000)
    assert "逾期" in intake.verdicts["late"].text() or "截止" in intake.verdicts["late"].text()
    editor.dirty = False
    editor.close()


def test_the_rejection_dialog_greys_out_the_grounds_core_would_refuse(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    """A case in on time and never asked to complete its materials: 「逾期」 and 「材料不齐全」
    are listed but cannot be chosen, each with core's reason; the others can."""
    from core.records.workflow import intake_ground_choices
    from desktop.controllers.actions import ActionDialog
    from desktop.qt import QStandardItemModel

    case_id = desk_db.case_ids[1]
    editor = CaseEditor(clerk_context, case_id)
    editor.show()
    editor.action_buttons["reject_at_intake"].click()
    dialog = editor.findChildren(ActionDialog)[-1]
    combo = dialog.ground
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    assert combo.count() == 6
    ruled_out = {c.code: c.ruled_out for c in intake_ground_choices(clerk_context.db, case_id)}
    for row in range(combo.count()):
        code = combo.itemData(row)
        item = model.item(row)
        assert item.isEnabled() is (ruled_out[code] is None), code
        if ruled_out[code] is not None:
            assert item.toolTip() == ruled_out[code]
            assert "不适用" in combo.itemText(row)
    assert not ruled_out["out_of_scope"] and ruled_out["late"] and ruled_out["incomplete_materials"]
    # The one offered first is one that can be chosen.
    assert ruled_out[combo.currentData()] is None
    dialog.reject()
    editor.close()
