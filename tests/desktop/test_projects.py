"""培育项目 through the screens: one project from the application to the passed acceptance
and the closure instalment, by a clerk and a supervisor, with the forms printed and read
back; the refusals core gives on the way (a role, four eyes, the closure instalment before
acceptance) shown in its words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from core.identifiers import credit_code_check_char
from desktop.controllers.project_editor import ProjectEditor
from desktop.controllers.project_printing import ProjectFormKind
from desktop.controllers.project_steps import ProjectStepDialog
from desktop.controllers.projects import Projects
from desktop.qt import QApplication, QEvent, QKeyEvent, QPrinter, Qt, QWidget
from tests.desktop.conftest import FileDialogRecorder, MessageRecorder
from tests.desktop.test_projects_support import Hvp, hvp, open_step, wait_jobs
from tests.desktop.typing import type_text
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

__all__ = ["hvp"]

TITLE = "高性能伺服电机高价值专利培育"


def credit_code(prefix: str, serial: int) -> str:
    body = f"{prefix}{serial:07d}"
    return body + credit_code_check_char(body)


def step(editor: ProjectEditor, code: str, values: dict[str, Any]) -> ProjectStepDialog:
    """Open a step's dialog from its button, fill it in and press OK."""
    button = editor.step_buttons[code]
    assert button.isVisible() and button.isEnabled(), (code, button.toolTip())
    button.click()
    dialog = editor.dialog
    assert dialog is not None and dialog.step == code
    for key, value in values.items():
        dialog.set_value(key, value)
    dialog.ok_button.click()
    return dialog


def printed(qtbot: QtBot, editor: ProjectEditor, kind: ProjectFormKind) -> str:
    before = len(editor.previews)
    editor.print_form(kind)
    wait_jobs(qtbot)
    assert len(editor.previews) == before + 1
    data = editor.previews[-1].data
    assert_all_fonts_embedded(data)
    return pdf_text(data).replace(" ", "").replace("\n", "")


def press_enter(widget: QWidget) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def fill_application(qtbot: QtBot, editor: ProjectEditor) -> None:
    type_text(qtbot, editor.title, TITLE)
    type_text(qtbot, editor.field, "伺服驱动与控制")
    type_text(qtbot, editor.key_industry, "智能装备")
    assert editor.start.date().toString("yyyy-MM-dd") == "2026-07-01"
    assert editor.end.date().toString("yyyy-MM-dd") == "2028-06-30"
    assert editor.months.text().startswith("24")
    type_text(qtbot, editor.own_funds, "200000")
    assert editor.own_funds_words.text() == "贰拾万元整"
    lead = editor.unit_rows[0]
    type_text(qtbot, lead.name, "重庆璧山伺服科技有限公司")
    type_text(qtbot, lead.credit_code, "91500227MA00000000")
    assert lead.problem.isVisible() and lead.problem.text()
    lead.credit_code.clear()
    type_text(qtbot, lead.credit_code, credit_code("91500227MA", 4401))
    assert not lead.problem.isVisible()
    qtbot.mouseClick(editor.add_unit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_unit_button, Qt.MouseButton.LeftButton)
    assert len(editor.unit_rows) == 3
    qtbot.mouseClick(editor.unit_rows[1].remove, Qt.MouseButton.LeftButton)
    assert len(editor.unit_rows) == 2
    joint = editor.unit_rows[1]
    qtbot.mouseClick(editor.add_unit_button, Qt.MouseButton.LeftButton)
    extra = editor.unit_rows[2]
    # A unit added after a removal goes below the others, not over one of them.
    qtbot.waitUntil(lambda: extra.name.y() > joint.name.y() > lead.name.y() > 0)
    qtbot.mouseClick(extra.remove, Qt.MouseButton.LeftButton)
    type_text(qtbot, joint.name, "重庆璧山理工学院")
    type_text(qtbot, joint.credit_code, credit_code("12500000MB", 1701))
    joint.kind.setCurrentIndex(joint.kind.findData("university"))
    budget = {
        "search_database": "50000",
        "navigation": "100000",
        "layout": "200000",
        "operation": "100000",
        "training": "30000",
        "other": "20000",
    }
    for row in editor.budget_rows:
        type_text(qtbot, row.edit, budget[row.key.removeprefix("budget_")])
    assert "500,000.00" in editor.budget_total.text()
    targets = {"invention_applications": "10", "invention_grants": "3"}
    for row in editor.target_rows:
        if row.key.removeprefix("target_") in targets:
            type_text(qtbot, row.edit, targets[row.key.removeprefix("target_")])


def test_one_project_from_application_to_passed_acceptance(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder, file_dialogs: FileDialogRecorder
) -> None:
    # -- the clerk registers the application ---------------------------------------------------
    hvp.on(dt.date(2026, 6, 1))
    clerk = hvp.context("clerk")
    area = Projects(clerk)
    qtbot.addWidget(area)
    assert area.list_model.rowCount() == 7
    editor = area.new_project()
    assert editor.problem_labels["title"].isVisible()  # live: what to fill in, in Chinese
    assert editor.problem_labels["title"].text() == "请填写项目名称"
    # Enter moves on, as Tab does.
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.title.setFocus()
    press_enter(editor.title)
    assert editor.focusWidget() is editor.field
    fill_application(qtbot, editor)
    assert editor.check() == {}
    assert editor.dirty and "*" in editor.windowTitle()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.dirty, messages.texts()
    assert editor.project_id is not None
    number = editor.detail.number if editor.detail else ""
    assert number == "渝高价值培育〔2026〕第01号"  # applied for in 2026: its own series
    assert editor.status.text() == "已申报"
    assert area.list_model.rowCount() == 8
    project = editor.project_id

    # -- 资格审查 (第五条) one by one, 提交评审 ---------------------------------------------------------
    hvp.on(dt.date(2026, 6, 5))
    conditions = {
        f"conditions.{c.code}": (True, f"已查：{c.source}" if c.source else "")
        for c in editor.detail.conditions  # type: ignore[union-attr]
    }
    step(editor, "check_eligibility", {"checked_on": dt.date(2026, 6, 5), **conditions})
    assert editor.status.text() == "已资格审查"
    texts = [editor.condition_model.data(editor.condition_model.index(r, 2)) for r in range(4)]
    assert texts == ["符合"] * 4
    step(editor, "evaluate", {"submitted_on": dt.date(2026, 6, 5)})
    assert editor.status.text() == "评审中"
    # The clerk may not approve: the button says why, in core's words.
    approve = editor.step_buttons["approve"]
    assert approve.isVisible() and not approve.isEnabled()
    assert "审核人" in approve.toolTip() and "立项" in editor.refusals.text()

    # -- the supervisor approves (a different user: four eyes) -----------------------------------
    hvp.on(dt.date(2026, 6, 25))
    boss = hvp.context("supervisor")
    boss_area = Projects(boss)
    qtbot.addWidget(boss_area)
    boss_editor = boss_area.open_project(project)
    step(
        boss_editor,
        "approve",
        {
            "held_on": dt.date(2026, 6, 15),
            "experts": "王教授、李研究员、赵高工",
            "opinion": "同意立项",
            "score": "88",
            "task_book_number": "渝知培任〔2025〕02号",  # 第02号's: a slip
            "task_book_date": dt.date(2026, 6, 20),
            "paid_on": dt.date(2026, 6, 25),
        },
    )
    # Core refuses it; the dialog stays with everything typed and says why, in its words.
    dialog = boss_editor.dialog
    assert dialog is not None and dialog.isVisible()
    assert "已用于项目 渝高价值培育〔2025〕第02号" in messages.last().text
    assert not messages.last().text.startswith("task_book_number")
    assert "已用于项目" in dialog.problems.text()
    assert dialog.value("experts") == "王教授、李研究员、赵高工"
    dialog.set_value("task_book_number", "渝知培任〔2026〕08号")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert boss_editor.status.text() == "已立项", messages.texts()
    assert "300,000.00" in boss_editor.instalments_text.text()
    assert not boss_editor.save_button.isEnabled()  # the task book fixes the application

    # -- the clerk starts it; the closure instalment is not payable yet ---------------------------
    hvp.on(dt.date(2026, 7, 1))
    editor.load()
    step(editor, "start", {"started_on": dt.date(2026, 7, 1)})
    assert editor.status.text() == "实施中"
    boss_editor.load()
    closure = boss_editor.step_buttons["pay_closure"]
    assert closure.isVisible() and not closure.isEnabled()
    assert "结题补助须在结题验收通过后拨付" in closure.toolTip()
    assert "结题补助须在结题验收通过后拨付" in boss_editor.refusals.text()
    # Forced anyway (the dialog opened by hand): core refuses, the dialog stays with its input.
    forced = ProjectStepDialog(boss, boss_editor.detail, "pay_closure", boss_editor)  # type: ignore[arg-type]
    forced.set_value("voucher", "渝知财拨〔2026〕1号")
    assert not forced.submit()
    assert "不能拨付结题补助" in messages.last().text
    assert forced.isVisible() or forced.value("voucher") == "渝知财拨〔2026〕1号"
    assert "不能拨付结题补助" in forced.problems.text()
    forced.touched = False
    forced.reject()

    # -- a progress report, the mid-term -------------------------------------------------------------
    hvp.on(dt.date(2026, 9, 1))
    editor.load()
    step(
        editor,
        "report_progress",
        {
            "reported_on": dt.date(2026, 9, 1),
            "progress": "完成伺服驱动专利导航分析",
            "results": "提交发明专利申请6件",
            "plan": "开展海外布局",
            "actuals.invention_applications": "6",
        },
    )
    assert editor.report_model.rowCount() == 1
    hvp.on(dt.date(2026, 10, 1))
    boss_editor.load()
    step(
        boss_editor,
        "midterm",
        {
            "held_on": dt.date(2026, 10, 1),
            "experts": "市局专家组",
            "result": "good",
            "opinion": "进展良好",
        },
    )
    assert "良好" in boss_editor.midterm_text.text()

    # -- the acceptance (early: noted as a warning), then the closure instalment -----------------
    hvp.on(dt.date(2026, 11, 10))
    boss_editor.load()
    messages.clear()
    step(
        boss_editor,
        "accept",
        {
            "held_on": dt.date(2026, 11, 10),
            "method": "meeting",
            "experts": "市局验收组",
            "passed": True,
            "opinion": "完成任务书目标，同意通过验收",
            "actuals.invention_applications": "12",
            "actuals.invention_grants": "3",
        },
    )
    # 第十条–第十二条: a passed acceptance decides the closure instalment. The choice starts
    # unset, the funds are summed up beside it, and OK does nothing until it is decided.
    dialog = boss_editor.dialog
    assert dialog is not None and dialog.step == "accept"
    assert boss_editor.status.text() != "验收通过"
    assert "结余" in dialog.closure_note.text()
    assert "请决定结题补助" in dialog.problems.text()
    dialog.set_value("closure", "reduce")
    dialog.set_value("closure_amount", "5000")
    dialog.ok_button.click()
    assert boss_editor.status.text() != "验收通过"
    assert "须写明理由" in dialog.problems.text()
    dialog.set_value("closure_reason", "宣传培训支出超出该类预算5,000元，核减")
    dialog.ok_button.click()
    assert boss_editor.status.text() == "验收通过"
    assert any("提前结题验收" in t for t in messages.texts("information"))
    assert boss_editor.target_model.data(boss_editor.target_model.index(0, 6)) == "√"
    hvp.on(dt.date(2026, 11, 18))
    boss_editor.load()
    assert boss_editor.step_buttons["pay_closure"].isEnabled()
    step(
        boss_editor,
        "pay_closure",
        {"paid_on": dt.date(2026, 11, 18), "voucher": "渝知财拨〔2026〕31号"},
    )
    assert boss_editor.status.text() == "已结题"
    assert "195,000.00" in boss_editor.instalments_text.text()
    boss_area.refresh()
    row = next(r for r in boss_area.list_model.rows if r.id == project)
    assert row.status_label == "已结题" and str(row.paid) == "495000.00"

    # -- the forms, printed and read back --------------------------------------------------------
    summary = printed(qtbot, boss_editor, ProjectFormKind.SUMMARY)
    for text in (
        "立项信息表",
        "渝高价值培育〔2026〕第01号",
        TITLE,
        "渝知培任〔2026〕08号",
        "重庆璧山理工学院",
    ):
        assert text in summary, text
    midterm = printed(qtbot, boss_editor, ProjectFormKind.MIDTERM)
    assert "中期评估表" in midterm and "完成伺服驱动专利导航分析" in midterm
    acceptance = printed(qtbot, boss_editor, ProjectFormKind.ACCEPTANCE)
    for text in (
        "结题验收意见表",
        "市局验收组",
        "完成任务书目标",
        "提前结题验收",
        "核减5,000.00元",
        "宣传培训支出超出该类预算5,000元，核减",
    ):
        assert text in acceptance, text
    # Dated 2026-11-10: the closure payment of 11-18 and 已结题 are later facts (issue 16 §2).
    assert "验收通过" in acceptance and "已结题" not in acceptance
    assert "结题补助195,000.00" not in acceptance
    # No request was ever made: core says there is nothing to print.
    messages.clear()
    boss_editor.print_form(ProjectFormKind.REQUEST)
    wait_jobs(qtbot)
    assert messages.last().kind == "warning" and "申请" in messages.last().text
    # The preview saves core's bytes unchanged.
    preview = boss_editor.previews[-1]
    target = Path(hvp.path.parent / "acceptance.pdf")
    file_dialogs.answers.append(str(target))
    assert preview.save_as() == target
    assert target.read_bytes() == preview.data
    # And printed: every page at 100 % (here onto a PDF printer).
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper = hvp.path.parent / "printed.pdf"
    printer.setOutputFileName(str(paper))
    assert preview.print_to(printer)
    assert paper.stat().st_size > 0


def test_a_termination_decided_by_another_supervisor(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """第02号 in progress: a supervisor records the unit's termination request; four eyes stop
    them deciding it; a second supervisor approves it with the settlement of what was paid."""
    boss = hvp.context("supervisor")
    area = Projects(boss)
    qtbot.addWidget(area)
    project = hvp.project_id(2)
    editor = area.open_project(project)
    step(
        editor,
        "request_termination",
        {
            "reason": "核心研发团队解散",
            "progress": "已完成专利导航",
            "follow_up": "退回未使用资金",
        },
    )
    assert editor.request_model.rowCount() == 1
    decide = editor.step_buttons["decide_termination"]
    assert not decide.isEnabled() and "登记终止申请的人员不能审定该申请" in decide.toolTip()
    assert "登记终止申请的人员不能审定该申请" in editor.refusals.text()
    # Forced: core's four-eyes refusal, in its words.
    forced = ProjectStepDialog(boss, editor.detail, "decide_termination", editor)  # type: ignore[arg-type]
    forced.set_value("approved", False)
    forced.set_value("opinion", "不同意")
    assert not forced.submit()
    assert "四眼原则" in messages.last().text
    forced.touched = False
    forced.reject()

    other = hvp.context(hvp.second_supervisor())
    other_area = Projects(other)
    qtbot.addWidget(other_area)
    other_editor = other_area.open_project(project)
    other_editor.step_buttons["decide_termination"].click()
    dialog = other_editor.dialog
    assert dialog is not None
    dialog.set_value("approved", True)
    dialog.set_value("opinion", "同意终止，追回未使用资金")
    dialog.set_value("recovered", "200000")
    dialog.set_value("kept", "50000")
    assert "之和应等于" in dialog.problems.text()  # live: the settlement must balance
    assert not dialog.submit()
    dialog.set_value("kept", "100000")
    assert dialog.problems.text() == ""
    assert dialog.submit()
    assert other_editor.status.text() == "已终止"
    assert "200,000.00" in other_editor.instalments_text.text()
    text = printed(qtbot, other_editor, ProjectFormKind.REQUEST)
    for expected in ("终止", "核心研发团队解散", "退回未使用资金", "贰拾万元整"):
        assert expected in text, expected
    # No closure instalment after a termination.
    assert not other_editor.step_buttons["pay_closure"].isVisible()
    other_area.refresh()
    row = next(r for r in other_area.list_model.rows if r.id == project)
    assert row.status_label == "已终止"


def test_an_overspend_is_flagged(qtbot: QtBot, hvp: Hvp, messages: MessageRecorder) -> None:
    clerk = hvp.context("clerk")
    area = Projects(clerk)
    qtbot.addWidget(area)
    editor = area.open_project(hvp.project_id(3))
    training = next(
        r for r, line in enumerate(editor.budget_model.rows) if line.category == "training"
    )
    assert editor.budget_model.data(editor.budget_model.index(training, 4)) == ""
    step(
        editor,
        "record_spending",
        {
            "spent_on": dt.date(2026, 11, 2),
            "category": "training",
            "amount": "45,000",
            "note": "培训班",
        },
    )
    assert any("超过该类预算" in t for t in messages.texts("information"))
    flag = editor.budget_model.index(training, 4)
    assert editor.budget_model.data(flag) == "超出预算"
    assert editor.budget_model.data(flag, Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    assert "超过该类预算" in editor.budget_model.data(flag, Qt.ItemDataRole.ToolTipRole)
    editor.tabs.setCurrentIndex(4)
    assert editor.issues.isVisible() and "宣传培训" in editor.issues.text()
    area.refresh()
    row = next(r for r in area.list_model.rows if r.id == hvp.project_id(3))
    assert row.spending_flagged
    # A use outside 第十一条 (the demo's 第02号) is flagged in the entries.
    other = area.open_project(hvp.project_id(2))
    flags = [
        other.spending_model.data(other.spending_model.index(r, 3))
        for r in range(other.spending_model.rowCount())
    ]
    assert "不在第十一条范围内" in flags


def test_nothing_is_lost_on_a_refused_save(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """第06号 (applied): the clerk's correction is refused (someone changed the project
    meanwhile); the typed text stays, and so does the recovery draft, offered on reopening."""
    from core.projects.queries import get_project
    from core.projects.records import edit_project
    from desktop import recovery

    clerk = hvp.context("clerk")
    area = Projects(clerk)
    qtbot.addWidget(area)
    project = hvp.project_id(6)
    editor = area.open_project(project)
    assert editor.save_button.isEnabled()
    editor.field.clear()
    type_text(qtbot, editor.field, "边缘计算网关与工业协议")
    assert editor.dirty
    # Meanwhile the supervisor corrects the same application.
    other = editor.form()
    edit_project(
        hvp.db,
        hvp.users["supervisor"].id,
        project,
        other.__class__(**{**other.__dict__, "field": "工业互联网", "key_industry": "数字经济"}),
    )
    assert not editor.save()
    assert "修改" in messages.last().text or messages.last().kind == "warning"
    assert editor.field.text() == "边缘计算网关与工业协议"
    assert editor.dirty and editor.message.text()
    assert recovery.load(hvp.path, f"project-{project}", "projects") is not None
    # Closing asks; Cancel keeps the window.
    from desktop.qt import QMessageBox

    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not editor.close()
    # The program "crashes": the window goes without a word; the draft is offered back.
    editor.dirty = False
    editor.close()
    area.editors.clear()
    messages.answers.append(QMessageBox.StandardButton.Yes)
    again = area.open_project(project)
    assert again.field.text() == "边缘计算网关与工业协议" and again.dirty
    assert get_project(hvp.db, project).field == "工业互联网"


def test_the_conditions_of_article_5_start_unset(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Issue 16 §6: the 第五条 boxes came pre-ticked 符合, so OK passed them unread. Each starts
    unset and needs the officer's finding before the check can be recorded."""
    editor, dialog = open_step(qtbot, hvp, "clerk", 6, "check_eligibility")
    conditions = [key for key, f in dialog.fields.items() if f.kind == "condition"]
    assert len(conditions) == 5  # 第四条 and 第五条（一）…（四）
    assert all(dialog.value(key) is None for key in conditions)
    assert dialog.problems.text().count("的审查结果") >= 1
    assert not dialog.submit()
    for key in conditions[:-1]:
        dialog.set_value(key, (True, ""))
    assert not dialog.submit()  # one still unset
    assert editor.status.text() == "已申报"
    dialog.set_value(conditions[-1], (True, ""))
    # 第四条 is met only with what the register showed.
    assert "第四条：请在说明中写明核查来源与结果" in dialog.problems.text()
    note = dialog.fields["conditions.registered_in_chongqing"].extra[1]
    assert "国家企业信用信息公示系统" in note.placeholderText()
    dialog.set_value("conditions.registered_in_chongqing", (True, "公示系统：登记机关璧山区局"))
    assert dialog.problems.text() == ""
    assert dialog.submit()
    assert editor.status.text() == "已资格审查"


def test_an_unmet_condition_ends_the_application(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """第06号 (applied): 第五条（四） not met must say why; then the project is 未立项."""
    editor, dialog = open_step(qtbot, hvp, "clerk", 6, "check_eligibility")
    for key, field in dialog.fields.items():
        if field.kind == "condition":
            dialog.set_value(key, (True, "公示系统已查"))
    dialog.set_value("conditions.no_dishonesty", (False, ""))
    assert "不符合第五条（四）的，请在说明中写明理由和依据" in dialog.problems.text()
    assert not dialog.submit()
    assert dialog.isVisible()
    dialog.set_value("conditions.no_dishonesty", (False, "信用中国查询：列入严重失信主体名单"))
    assert dialog.problems.text() == ""
    assert dialog.submit()
    assert editor.status.text() == "未立项"
    row = next(r for r, c in enumerate(editor.condition_model.rows) if c.code == "no_dishonesty")
    assert editor.condition_model.data(editor.condition_model.index(row, 2)) == "不符合"
    assert editor.refusals.text() == "项目已办结，没有后续办理步骤。"
    assert not editor.save_button.isEnabled()


def test_an_extension_to_a_date_after_today_is_recorded(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Issue 16 §1 (the blocker): the new end date was checked as 「not after today」, so no
    extension could ever be recorded. Each date field has its own rule, from core."""
    editor, dialog = open_step(qtbot, hvp, "clerk", 2, "request_extension")
    assert editor.detail is not None
    old_end = editor.detail.end
    dialog.set_value("reason", "关键设备交付延迟")
    dialog.set_value("progress", "已完成专利布局与导航")
    dialog.set_value("new_end", dt.date(2027, 9, 30))  # well after today (2026-11-20)
    assert dialog.problems.text() == ""
    dialog.set_value("new_end", old_end)  # not later than the current end: refused, in words
    assert "须晚于原结束日期" in dialog.problems.text()
    dialog.set_value("submitted_on", dt.date(2026, 11, 21))  # the day it was handed in: not future
    assert "晚于今天" in dialog.problems.text()
    dialog.set_value("submitted_on", dt.date(2026, 11, 20))
    dialog.set_value("new_end", dt.date(2027, 9, 30))
    assert dialog.submit()
    assert "延期申请待审定" in editor.reminders.text()
    assert editor.detail.pending_request is not None
    assert editor.detail.pending_request.new_end == dt.date(2027, 9, 30)


def test_work_cannot_start_before_the_planned_start(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Issue 16 §5: 开始实施 on 2026-11-20 of a period planned from 2027-01-01 was accepted,
    and every progress report after it refused. The step dialog now says why, from core."""
    from core.projects import workflow
    from tests.core.projects.helpers import approval, evaluation

    project = hvp.project_id(5)  # 评审中, its evaluation held
    workflow.approve_project(
        hvp.db,
        hvp.users["supervisor"].id,
        project,
        approval(
            evaluation=evaluation(dt.date(2026, 11, 16)),
            task_book_number="渝知培任〔2026〕05号",
            task_book_date=dt.date(2026, 11, 18),
            paid_on=dt.date(2026, 11, 19),
            start=dt.date(2027, 1, 1),
            end=dt.date(2029, 12, 31),
        ),
    )
    editor, dialog = open_step(qtbot, hvp, "clerk", 5, "start")
    assert "早于任务书约定的实施开始日期（2027-01-01）" in dialog.problems.text()
    assert not dialog.submit()
    assert editor.status.text() == "已立项"


def test_the_first_instalment_is_asked_at_approval(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Issue 16 §3: 第十条 leaves the first instalment's share to the year's budget. The approve
    dialog offers the policy's amount; another needs its basis; the closure is the rest."""
    editor, dialog = open_step(qtbot, hvp, "supervisor", 5, "approve")
    assert dialog.value("approval_amount") == "300000.00"
    for key, value in {
        "held_on": dt.date(2026, 11, 16),
        "experts": "王教授、李研究员、赵高工",
        "opinion": "同意立项",
        "score": "88",
        "task_book_number": "渝知培任〔2026〕05号",
        "task_book_date": dt.date(2026, 11, 18),
        "paid_on": dt.date(2026, 11, 19),
        "approval_amount": "200000",
    }.items():
        dialog.set_value(key, value)
    assert not dialog.submit()  # no basis for a share other than the policy's
    assert "请写明依据" in messages.last().text
    dialog.set_value("approval_basis", "渝财教〔2026〕3号：当年度预算首期40%")
    assert dialog.submit()
    assert editor.detail is not None and editor.status.text() == "已立项"
    assert editor.detail.instalments.closure == Decimal("300000.00")
    assert editor.detail.paid() == Decimal("200000.00")


def test_an_extension_decided(qtbot: QtBot, hvp: Hvp) -> None:
    """第03号: the clerk's pending extension request, agreed by the supervisor; the end moves
    and the request form prints the decision."""
    area = Projects(hvp.context("supervisor"))
    qtbot.addWidget(area)
    editor = area.open_project(hvp.project_id(3))
    assert "延期申请待审定" in editor.reminders.text()
    assert not editor.step_buttons["accept"].isEnabled()
    assert "请先审定后再结题验收" in editor.step_buttons["accept"].toolTip()
    step(editor, "decide_extension", {"approved": True, "opinion": "同意延期至2027年12月31日"})
    assert editor.detail is not None and editor.detail.end == dt.date(2027, 12, 31)
    assert "2027-12-31" in editor.task_book_text.text()
    assert editor.request_model.data(editor.request_model.index(0, 4)) == "同意"
    text = printed(qtbot, editor, ProjectFormKind.REQUEST)
    for expected in ("延期", "2027年12月31日", "同意延期至2027年12月31日"):
        assert expected in text, expected


def test_a_step_on_a_stale_copy_is_refused_then_taken_on_the_current_one(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    from core.projects import records
    from core.projects.model import SpendingForm

    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    project = hvp.project_id(2)
    editor = area.open_project(project)
    editor.step_buttons["report_progress"].click()
    dialog = editor.dialog
    assert dialog is not None
    for key, value in (
        ("progress", "完成第三阶段"),
        ("results", "新增申请3件"),
        ("plan", "验收准备"),
    ):
        dialog.set_value(key, value)
    # Meanwhile the supervisor books a spending entry on the same project.
    records.record_spending(
        hvp.db,
        hvp.users["supervisor"].id,
        project,
        SpendingForm(dt.date(2026, 11, 19), "navigation", "10000", "导航报告"),
    )
    assert not dialog.submit()
    assert messages.last().kind == "warning" and "李建国" in messages.last().text
    assert dialog.value("progress") == "完成第三阶段"
    assert dialog.submit()  # checked again against the project as it is now
    assert editor.report_model.rowCount() == 3
    assert editor.spending_model.rowCount() == 4


def test_a_target_of_the_projects_own_is_entered_checked_and_saved(
    qtbot: QtBot, hvp: Hvp, messages: MessageRecorder
) -> None:
    """Issue 16 §7: beside the catalogue, a target with its name, unit, value and how it is
    verified. A half-filled row is refused at that row, in Chinese; nothing typed is lost."""
    from core.projects.queries import get_project

    hvp.on(dt.date(2026, 6, 1))
    area = Projects(hvp.context("clerk"))
    qtbot.addWidget(area)
    editor = area.new_project()
    fill_application(qtbot, editor)
    own = editor.custom_target_rows[0]
    type_text(qtbot, own.label, "专利运营合同")
    type_text(qtbot, own.unit, "份")
    type_text(qtbot, own.target, "3")
    problems = editor.check()
    assert any("考核方式" in text for text in problems.values())
    assert own.problem.isVisible() and "考核方式" in own.problem.text()
    assert not editor.save()
    assert own.label.text() == "专利运营合同"  # kept
    type_text(qtbot, own.verification, "合同原件及技术合同登记证明")
    assert editor.check() == {}
    assert not own.problem.isVisible()
    assert editor.save(), messages.texts()
    assert editor.project_id is not None
    detail = get_project(hvp.db, editor.project_id)
    mine = [t for t in detail.targets if t.metric == "custom:1"]
    assert [(t.label, t.unit, str(t.target), t.goal) for t in mine] == [
        ("专利运营合同", "份", "3", "合同原件及技术合同登记证明")
    ]
    # Read back into the window as saved.
    editor.load()
    assert editor.custom_target_rows[0].verification.text() == "合同原件及技术合同登记证明"
    assert editor.custom_target_rows[1].label.text() == ""
