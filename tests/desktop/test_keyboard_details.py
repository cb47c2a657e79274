"""Keyboard details of issue 20 §7, walked on the real windows."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from desktop.controllers.case_editor import CaseEditor
from desktop.qt import QApplication, QComboBox, Qt


def test_alt_down_opens_every_combo_on_its_current_entry(qtbot: QtBot, clerk_context: Any) -> None:
    editor = CaseEditor(clerk_context, None)
    editor.show()
    form = editor.claims_panel.add_claim("license_in")
    combos = [c for c in editor.findChildren(QComboBox) if c.count() > 1]
    combos += [c for c in form.findChildren(QComboBox) if c.count() > 1 and c not in combos]
    assert len(combos) >= 3
    for combo in combos:
        combo.setCurrentIndex(combo.count() - 1)
        combo.showPopup()
        view = combo.view()
        assert view.currentIndex().row() == combo.currentIndex(), combo.objectName()
        assert view.selectionModel().isSelected(view.currentIndex()), combo.objectName()
        combo.hidePopup()
    editor.dirty = False
    editor.close()


def test_tab_out_of_the_claims_table_lands_on_the_claims_first_field(
    qtbot: QtBot, clerk_context: Any
) -> None:
    editor = CaseEditor(clerk_context, None)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.tabs.setCurrentWidget(editor.claims_panel)
    form = editor.claims_panel.add_claim("transfer_in")
    editor.claims_panel.select_row(0)
    table = editor.claims_panel.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is form.first_editor()
    editor.dirty = False
    editor.close()


def test_status_and_amount_are_in_view_on_a_small_counter_screen(
    qtbot: QtBot, clerk_context: Any
) -> None:
    from desktop.controllers.case_list import CaseList

    cases = CaseList(clerk_context)
    qtbot.addWidget(cases)
    cases.resize(1366 * 4 // 5, 600)  # 1366×768 at 125 %: 1093 logical pixels wide
    cases.show()
    qtbot.waitExposed(cases)
    header = cases.table.horizontalHeader()
    keys = [c.key for c in cases.model.COLUMNS]
    room = cases.table.viewport().width()
    for key in ("status", "amount", "case_number", "applicant"):
        column = keys.index(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= room, (key, right, room)


def test_the_preview_toolbar_letters_are_unique_and_a_save_is_confirmed(
    qtbot: QtBot, messages: Any, file_dialogs: Any, tmp_path: Any
) -> None:
    import re

    from core.documents.application_form import render_application_form
    from core.documents.model import form_case_from_case_document
    from core.documents.samples import sample_case_document
    from desktop.controllers.pdf_preview import PdfPreview

    data = render_application_form(form_case_from_case_document(sample_case_document()))
    preview = PdfPreview(data, "申请表", "申请表.pdf")
    qtbot.addWidget(preview)
    texts = [a.text() for a in preview.toolbar.actions() if a.text()]
    keys = [m.group(1).upper() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(keys) == len(texts) and len(set(keys)) == len(keys), texts
    target = tmp_path / "a.pdf"
    file_dialogs.answers.append(str(target))
    assert preview.save_as() == target
    assert messages.last().kind == "information" and str(target) in messages.last().text


def test_no_window_title_names_the_program_itself(qtbot: QtBot, clerk_context: Any) -> None:
    from desktop.controllers.main_window import MainWindow
    from desktop.views.login_view import LoginView

    program = QApplication.applicationDisplayName()
    assert program == "专利转化运用资助受理审核系统"  # Qt appends it to every title
    window = MainWindow(clerk_context)
    qtbot.addWidget(window)
    login = LoginView()
    qtbot.addWidget(login)
    editor = CaseEditor(clerk_context, None)
    for widget in (window, login, editor):
        assert program not in widget.windowTitle(), widget.windowTitle()
        assert widget.windowTitle()
    editor.dirty = False
    editor.close()


def test_the_duplicate_mark_explains_itself_on_the_current_row(
    qtbot: QtBot, clerk_context: Any, desk_db: Any
) -> None:
    import datetime as dt

    from core.records import case_model, cases
    from desktop.controllers.case_list import CaseList
    from tests.desktop.db_fixtures import POLICY, applicant_form, claims_for

    # A sixth case claims the same patent as the first.
    cases.register_case(
        desk_db.db,
        desk_db.clerk_id,
        case_model.CaseForm(POLICY, dt.date(2024, 10, 25), applicant_form(9), claims_for(0)),
    )
    widget = CaseList(clerk_context)
    qtbot.addWidget(widget)
    widget.show()
    marked = [r for r in range(widget.model.rowCount()) if widget.model.case_row(r).has_duplicate]
    plain = [r for r in range(widget.model.rowCount()) if r not in marked]
    assert marked and plain
    widget.table.setFocus()
    widget.table.selectRow(marked[0])
    number = widget.model.case_row(marked[0]).case_number
    assert widget.row_note.text() == f"⚠ {number}：本案件的专利在另一案件中也有申报"
    widget.table.selectRow(plain[0])
    assert widget.row_note.text() == ""
