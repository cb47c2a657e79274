"""培育项目's list: the filters by status, year, text and attention, the reminders as of the
database clock (moved in the tests), the area in the main window, the workbook export, the
drafts of project windows offered back, and every project screen in Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.controllers.projects import Projects
from desktop.models.project_table_model import ERROR, WARN
from desktop.qt import QMessageBox, Qt, QTabWidget
from tests.desktop.conftest import FileDialogRecorder, MessageRecorder
from tests.desktop.test_projects_support import Hvp, hvp, wait_jobs

__all__ = ["hvp"]


def numbers(area: Projects) -> list[str]:
    return [row.number[-4:-1] for row in area.list_model.rows]


def test_filters_by_status_year_text_and_attention(qtbot: QtBot, hvp: Hvp) -> None:
    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    assert area.list_model.rowCount() == 7
    assert area.status_filter.itemText(0) == "全部状态（7）"
    assert area.status_filter.findText("实施中（2）") >= 0
    area.set_status_filter("in_progress")
    assert numbers(area) == ["第02", "第03"]
    assert area.status_filter.currentText() == "实施中（2）"
    area.set_status_filter("")
    assert [area.year_filter.itemText(i) for i in range(area.year_filter.count())] == [
        "全部年度",
        "2025年度",  # the year of application,
    ]
    area.set_year_filter(2025)
    assert area.list_model.rowCount() == 7
    area.search.setText("来凤")
    qtbot.waitUntil(lambda: area.list_model.rowCount() == 1)
    assert numbers(area) == ["第02"]
    area.search.clear()
    area.refresh()
    area.attention.setChecked(True)
    # 第02号's third report is overdue; 第03号 has an extension request waiting.
    assert numbers(area) == ["第02", "第03"]
    attention = area.list_model.index(1, 4)
    assert "延期申请待审定" in area.list_model.data(attention)
    assert area.summary.text() == "共2个项目。"
    # The filters are remembered.
    again = Projects(hvp.context("clerk"))
    qtbot.addWidget(again)
    assert again.attention.isChecked() and again.list_model.rowCount() == 2


def test_reminders_follow_the_clock(qtbot: QtBot, hvp: Hvp) -> None:
    # 2026-09-20: 第02号's third report (due 2026-10-01) is within 14 days: due, not overdue.
    hvp.on(dt.date(2026, 9, 20))
    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    rows = [(r.number[-4:-1], r.reminder.kind.value) for r in area.reminder_model.rows]
    assert ("第02", "progress_report") in rows
    first = area.reminder_model.index(rows.index(("第02", "progress_report")), 1)
    assert area.reminder_model.data(first) == "执行进展报告"
    assert area.reminder_model.data(first, Qt.ItemDataRole.ForegroundRole) == WARN
    assert "将到期" in area.reminder_model.data(area.reminder_model.index(0, 4))
    assert "2026-09-20" in area.today_label.text()
    # The demo's last day: now overdue, in red, with the list's reminder column saying so.
    hvp.on(dt.date(2026, 11, 20))
    area.refresh()
    assert area.reminders_box.title() == "提醒：1项到期，其中1项已逾期"
    overdue = area.reminder_model.index(0, 1)
    assert area.reminder_model.data(overdue) == "执行进展报告（已逾期）"
    assert area.reminder_model.data(overdue, Qt.ItemDataRole.ForegroundRole) == ERROR
    row = next(i for i, r in enumerate(area.list_model.rows) if r.number.endswith("第02号"))
    assert "已逾期" in area.list_model.data(area.list_model.index(row, 4))
    # Half a year on, 第02号's end is near and its mid-term long overdue (none recorded).
    hvp.on(dt.date(2027, 2, 15))
    area.refresh()
    kinds = {(r.number[-4:-1], r.reminder.kind.value) for r in area.reminder_model.rows}
    assert ("第02", "end_near") in kinds
    # 第03号's pending extension holds back its end reminders (core's rule).
    assert ("第03", "end_near") not in kinds
    # The project window shows its own reminders at the top.
    editor = area.open_project(hvp.project_id(2))
    assert editor.reminders.isVisible() and "实施期将于2027-03-31结束" in editor.reminders.text()


def test_the_area_in_the_main_window(qtbot: QtBot, hvp: Hvp) -> None:
    from desktop.controllers.main_window import MainWindow

    window = MainWindow(hvp.context("clerk"))
    qtbot.addWidget(window)
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert "培育项目" in names
    area = window.area_widget("cultivation")
    assert isinstance(area, Projects)
    area.table.selectRow(0)
    area.open_current()
    assert list(area.editors) == [area.list_model.rows[0].id]
    assert callable(area.refresh)


def test_export_of_all_projects(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder, file_dialogs: FileDialogRecorder
) -> None:
    from openpyxl import load_workbook

    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    target = hvp.path.parent / "projects"
    file_dialogs.answers.append(str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    written = Path(f"{target}.xlsx")
    assert written.is_file(), messages.texts()
    assert messages.last().text == f"已保存到 {written}"
    book = load_workbook(written)
    assert "项目一览" in book.sheetnames
    cells = [str(c.value) for row in book["项目一览"].iter_rows() for c in row if c.value]
    assert any("第02号" in c for c in cells)
    # Cancelled at the file dialog: nothing written, nothing said.
    messages.clear()
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert messages.shown == []


def test_drafts_of_project_windows_are_offered_back(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.drafts_offered)  # none yet
    editor = area.new_project()
    editor.title.setText("未保存的新项目")
    editor.dirty = False  # the program stops here
    editor.close()
    area.close()
    messages.answers.append(QMessageBox.StandardButton.Yes)
    again = Projects(hvp.context("clerk"))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(again._new_editors))
    restored = again._new_editors[0]
    assert restored.title.text() == "未保存的新项目" and restored.dirty
    assert "1个项目窗口" in messages.texts("question")[0]
    assert again.offer_drafts() == []  # offered once


def test_every_project_screen_shows_chinese(qtbot: QtBot, hvp: Hvp) -> None:
    from core.projects.model import RECORD_ACTUALS, RECORD_SPENDING
    from desktop.controllers.pdf_preview import PdfPreview
    from desktop.controllers.project_printing import ProjectFormKind, render_project_form
    from desktop.controllers.project_steps import ProjectStepDialog
    from tests.desktop.test_i18n import untranslated

    boss = hvp.context("supervisor")
    area = Projects(boss)
    qtbot.addWidget(area)
    area.show()
    widgets = [area]
    for seq in (1, 2, 3, 5, 6):
        widgets.append(area.open_project(hvp.project_id(seq)))
    widgets.append(area.new_project())
    in_progress = area.editors[hvp.project_id(3)].detail
    assert in_progress is not None
    for code in (
        "report_progress",
        "midterm",
        "request_extension",
        "decide_extension",
        "request_termination",
        "decide_termination",
        "accept",
        "pay_closure",
        RECORD_SPENDING,
        RECORD_ACTUALS,
    ):
        widgets.append(ProjectStepDialog(boss, in_progress, code, area))
    applied = area.editors[hvp.project_id(6)].detail
    evaluated = area.editors[hvp.project_id(5)].detail
    assert applied is not None and evaluated is not None
    for detail, code in (
        (applied, "check_eligibility"),
        (applied, "evaluate"),
        (evaluated, "approve"),
        (evaluated, "reject"),
        (evaluated, "start"),
    ):
        widgets.append(ProjectStepDialog(boss, detail, code, area))
    closed = area.editors[hvp.project_id(1)].detail
    assert closed is not None
    widgets.append(PdfPreview(render_project_form(closed, ProjectFormKind.SUMMARY), "x", "x.pdf"))
    found: dict[str, list[str]] = {}
    for widget in widgets:
        widget.show()
        tabs = widget.findChildren(QTabWidget)
        pages = [(tab, i) for tab in tabs for i in range(tab.count())] or [(None, 0)]
        for tab, index in pages:
            if tab is not None:
                tab.setCurrentIndex(index)
            left = untranslated(widget)
            if left:
                found[f"{type(widget).__name__}[{index}]"] = left
        if isinstance(widget, ProjectStepDialog):
            widget.touched = False
        widget.close()
    assert found == {}


def test_the_shell_asks_about_an_unsaved_project_window(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Logging out or quitting closes the project windows too, asking about unsaved ones."""
    from desktop.controllers.main_window import MainWindow

    window = MainWindow(hvp.context("clerk"))
    qtbot.addWidget(window)
    window.show()
    area = window.area_widget("cultivation")
    assert isinstance(area, Projects)
    editor = area.open_project(hvp.project_id(6))
    editor.field.setText("边缘计算网关")
    assert editor.dirty
    messages.clear()
    messages.answers.append(QMessageBox.StandardButton.Cancel)
    window.logout()
    assert window.isVisible() and editor.isVisible()
    assert any(m.kind in ("question", "exec") for m in messages.shown)
    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert editor.isVisible()
    editor.dirty = False
    assert window.close()
