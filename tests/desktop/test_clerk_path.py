"""The whole clerk path, driven through the GUI on a temporary database.

Log in as the clerk; register a case with three items (a wrong credit code and a wrong
patent number are refused on the way); tick the materials, ask for a correction, complete
them, accept; read the amounts; give the clerk's opinion and submit for review; print the
申请表 to a file and read it back. The clerk cannot approve; a restart after a crash
brings the unsaved changes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from core.db.clock import FixedClock
from core.records.case_queries import get_case
from core.records.states import Action, Status
from desktop.controllers.actions import ActionDialog
from desktop.controllers.case_editor import CaseEditor
from desktop.controllers.case_list import CaseList
from desktop.controllers.main_window import MainWindow
from desktop.controllers.pdf_preview import PdfPreview
from desktop.controllers.startup import StartupController
from desktop.printing import Form
from desktop.qt import QApplication, QDate, QDialogButtonBox, Qt
from tests.desktop.db_fixtures import PASSWORDS, TODAY, credit_code
from tests.desktop.typing import type_text
from tests.pdf_helpers import pdf_text

APPLICANT = "重庆璧山智造科技有限公司"


def start_and_log_in(
    qtbot: QtBot, path: Path, user: str = "clerk"
) -> tuple[StartupController, MainWindow]:
    startup = StartupController(db_path=path, clock=FixedClock(TODAY))
    qtbot.addWidget(startup.login)
    startup.start()
    login = startup.login
    qtbot.waitUntil(login.login_button.isEnabled, timeout=10000)
    login.username.clear()
    qtbot.keyClicks(login.username, user)
    qtbot.keyClicks(login.password, PASSWORDS[user])
    with qtbot.waitSignal(startup.main_window_opened, timeout=5000) as opened:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window: MainWindow = opened.args[0]
    qtbot.addWidget(window)
    qtbot.wait(10)  # the window's first events (the offer of drafts) run now
    return startup, window


def latest_preview() -> PdfPreview:
    # Open ones only: an earlier test's closed (hidden, not yet deleted) preview is still a
    # top-level widget, and the order of topLevelWidgets() is not the order of opening.
    previews = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible()
    ]
    assert previews, "no preview window"
    return previews[-1]


def run_step(qtbot: QtBot, editor: CaseEditor, code: str, text: str | None = None) -> None:
    button = editor.action_buttons[code]
    assert button.isEnabled(), f"{code} should be possible now"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    confirm_step(qtbot, editor, text)


def confirm_step(qtbot: QtBot, editor: CaseEditor, text: str | None = None) -> None:
    dialog = editor.findChildren(ActionDialog)[-1]
    if text is not None:
        dialog.text.setPlainText(text)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.message.text(), dialog.message.text()


def test_the_clerk_path(
    qtbot: QtBot, desk_db: Any, messages: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    startup, window = start_and_log_in(qtbot, desk_db.path)
    cases = window.area_widget("intake")
    assert isinstance(cases, CaseList)
    assert cases.model.rowCount() == 5

    # A new application.
    qtbot.mouseClick(cases.new_button, Qt.MouseButton.LeftButton)
    editor = window.editors[None]
    applicant = editor.applicant_panel
    applicant.received_on.setDate(QDate(2024, 11, 1))

    # A wrong credit code is refused, with core's reason, as it is typed.
    wrong_code = credit_code(501)[:-1] + ("0" if credit_code(501)[-1] != "0" else "1")
    type_text(qtbot, applicant.credit_code, wrong_code)
    assert "校验不通过" in applicant.credit_code_status.text()
    type_text(qtbot, applicant.name, APPLICANT)
    applicant.size_combo.setCurrentIndex(applicant.size_combo.findData("small"))
    for edit, text in (
        (applicant.address, "重庆市璧山区璧泉街道"),
        (applicant.handler, "刘经办"),
        (applicant.handler_phone, "13900000000"),
        (applicant.account_name, APPLICANT),
        (applicant.bank, "中国银行璧山支行"),
        (applicant.account_number, "1234567890123"),
    ):
        type_text(qtbot, edit, text)

    # Three items; the first patent number is mistyped.
    claims = editor.claims_panel
    transfer = claims.add_claim("transfer_in")
    type_text(qtbot, transfer.editors["date"].widget, "2024-03-01")
    type_text(qtbot, transfer.editors["patent"].widget, "ZL202010566088.8")
    assert "校验" in transfer.editors["patent"].status.text()
    transfer.editors["counterparty_kind"].set_value("university")
    license_ = claims.add_claim("license_in")
    type_text(qtbot, license_.editors["date"].widget, "2024-04-10")
    type_text(qtbot, license_.editors["patent"].widget, "201811564288.X")
    assert "发明" in license_.editors["patent"].status.text()
    license_.editors["counterparty_kind"].set_value("institute")
    type_text(qtbot, license_.editors["contract_amount"].widget, "5000000")
    product = claims.add_claim("product_filing")
    type_text(qtbot, product.editors["date"].widget, "2024-06-18")
    type_text(qtbot, product.editors["product"].widget, "智能液压阀")
    assert claims.model.rowCount() == 3

    # Saving refuses both mistakes and writes nothing.
    messages.clear()
    assert not editor.save()
    refusal = messages.last().text
    assert "统一社会信用代码" in refusal and "校验" in refusal
    assert "第 1 项" in refusal
    assert editor.case_id is None

    applicant.credit_code.clear()
    type_text(qtbot, applicant.credit_code, credit_code(501))
    assert "✓" in applicant.credit_code_status.text()
    patent = transfer.editors["patent"].widget
    patent.clear()
    type_text(qtbot, patent, "ZL202010566088.9")
    assert "发明" in transfer.editors["patent"].status.text()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    messages.clear()
    with qtbot.waitSignal(editor.registered, timeout=5000):
        qtbot.keyClick(patent, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case_id = editor.case_id
    assert case_id is not None and window.editors[case_id] is editor
    detail = get_case(desk_db.db, case_id)
    assert detail.status is Status.REGISTERED and len(detail.claims) == 3
    assert "璧市监专转〔2024〕" in editor.case_number.text()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 6)

    # The clerk cannot approve: core offers no approval to a clerk.
    approve = editor.action_buttons["approve"]
    assert not approve.isEnabled()

    # Materials: some in, the rest asked for with a correction notice.
    materials = editor.materials_panel
    assert materials.model.rowCount() >= 8
    materials.table.selectRow(0)
    materials.mark_current_complete()
    assert materials.missing()
    # The one button of 申请材料: the request (listing what is missing) and its notice.
    qtbot.mouseClick(materials.print_button, Qt.MouseButton.LeftButton)
    dialog = editor.findChildren(ActionDialog)[-1]
    assert "未提交" in dialog.text.toPlainText()
    confirm_step(qtbot, editor)
    assert get_case(desk_db.db, case_id).status is Status.CORRECTION_REQUESTED
    notice = latest_preview()
    assert "补正" in notice.windowTitle()
    notice.close()

    # The applicant comes back with everything: complete, save, accept.
    qtbot.mouseClick(materials.all_button, Qt.MouseButton.LeftButton)
    assert not materials.missing()
    assert editor.save()
    # 受理 with the person-checked grounds not looked up: listed, asked once (No is the default).
    messages.clear()
    assert editor.run_step(Action.ACCEPT) is None
    question = messages.last().text
    assert "中国执行信息公开网" in question and "权属" in question and "仍要受理" in question
    assert editor.tabs.currentWidget() is editor.intake_panel
    assert get_case(desk_db.db, case_id).status is Status.CORRECTION_REQUESTED
    intake = editor.intake_panel
    assert "中国执行信息公开网" in intake.flag_rows["dishonest_debtor"].source.placeholderText()
    for row in intake.flag_rows.values():
        type_text(qtbot, row.source, "2024-06-03 查询，无记录")
    assert editor.save()
    run_step(qtbot, editor, "accept")
    assert get_case(desk_db.db, case_id).status is Status.ACCEPTED
    latest_preview().close()

    # The amounts: 10,000 (transfer) + 7,500 (licence with bonus) + 1,000 (product).
    calc = editor.calc_panel
    assert "18,500.00" in calc.total.text()
    assert "壹万捌仟伍佰元整" in calc.capitals.text()
    assert calc.model.rowCount() == 3
    assert "10,000.00" in calc.explanation.toPlainText()

    # The clerk's opinion, and on to the supervisor.
    run_step(qtbot, editor, "clerk_review", "材料齐全，符合资助条件，建议资助18500元。")
    assert get_case(desk_db.db, case_id).status is Status.AWAITING_SUPERVISOR
    assert not editor.action_buttons["approve"].isEnabled()

    # Print the 申请表 and save it as a file.
    preview = editor.print_form(Form.APPLICATION)
    assert preview is not None
    assert preview.document.pageCount() >= 1
    target = tmp_path / "申请表.pdf"
    file_dialogs.answers.append(str(target))
    assert preview.save_as() == target
    text = pdf_text(target.read_bytes())
    assert APPLICANT in text
    assert credit_code(501) in text.replace(" ", "")
    assert "18,500.00" in text and "壹万捌仟伍佰元整" in text
    assert "第006号" in text
    preview.close()
    editor.close()
    window.close()
    startup.quit()


def test_a_restart_restores_the_recovery_draft(qtbot: QtBot, desk_db: Any, messages: Any) -> None:
    startup, window = start_and_log_in(qtbot, desk_db.path)
    case_id = desk_db.case_ids[0]
    window.open_case(case_id)
    editor = window.editors[case_id]
    type_text(qtbot, editor.applicant_panel.handler_phone, "-8888")
    assert editor.dirty
    # The PC stops: nothing is saved, no window asks anything.
    editor.dirty = False
    editor.hide()
    window.editors.clear()
    window.hide()
    startup.quit()

    messages.clear()
    messages.answers.append(messages_yes())
    startup2, window2 = start_and_log_in(qtbot, desk_db.path)
    qtbot.waitUntil(lambda: case_id in window2.editors, timeout=5000)
    assert any("未保存" in m.text for m in messages.shown)
    restored = window2.editors[case_id]
    assert restored.applicant_panel.handler_phone.text().endswith("-8888")
    assert restored.dirty
    assert restored.save()
    assert get_case(desk_db.db, case_id).applicant.form.handler_phone.endswith("-8888")
    restored.close()
    window2.close()
    startup2.quit()


def messages_yes() -> Any:
    from desktop.qt import QMessageBox

    return QMessageBox.StandardButton.Yes
