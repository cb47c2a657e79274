"""公示与兑现 on the demo database: a batch prorated over the budget left (shown before it is
saved, then saved with the same numbers), an objection held back at closing, the 拨付清单
exported and read back cell by cell, payouts recorded, the 公示名单 exported."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.db.clock import CHINA_TZ
from core.db.database import Database
from core.identifiers import credit_code_check_char
from core.money import format_yuan
from core.policy.loader import load_policy
from core.records import case_input, case_model, cases, notice, workflow
from core.records.case_queries import get_case
from core.records.documents import payout_rows
from core.records.states import Status
from core.records.users import get_user
from desktop.context import DeskContext
from desktop.controllers.notice import Notice
from desktop.qt import QDialogButtonBox, QMessageBox
from tests.core.db.conftest import (
    AFTER_DEADLINE,
    People,
    advance,
    case_form,
    clock,
    db,
    db_path,
    people,
    register,
    template_db,
    transfer,
)
from tests.desktop.test_review_support import Demo, demo, wait_for_jobs

__all__ = ["clock", "db", "db_path", "demo", "people", "template_db"]


OPEN_BATCH = 2  # the demo's second batch: 2024-12-02 to 12-06, cases 9 and 10 on notice
OBJECTED = 9  # 第009号 发明专利转化实施
CLEAN = 10  # 第010号 组建重点产业专利池


def yes(messages: Any) -> None:
    messages.answers.append(QMessageBox.StandardButton.Yes)


def big_decided_cases(demo: Demo, count: int) -> list[int]:
    """Institutes whose 高价值专利培育中心 passed acceptance: 100,000 yuan each, decided."""
    clerk = demo.users["clerk"].id
    supervisor = demo.users["supervisor"].id
    ids = []
    for n in range(count):
        body = f"12500227MB{n:07d}"
        form = case_model.ApplicantForm(
            credit_code=body + credit_code_check_char(body),
            name=f"重庆璧山第{n + 1}研究院",
            kind="institute",
            account_name=f"重庆璧山第{n + 1}研究院",
            bank="中国银行重庆璧山支行",
            account_number=f"11112222333344{n:04d}",
        )
        changes = cases.register_case(
            demo.db,
            clerk,
            case_model.CaseForm(
                "bishan-2024",
                dt.date(2024, 10, 28),
                form,
                [{"item": "center_accepted", "date": "2024-09-01"}],
            ),
        )
        assert changes.id is not None
        detail = get_case(demo.db, changes.id)
        cases.update_materials(
            demo.db,
            clerk,
            changes.id,
            [case_model.MaterialUpdate.complete(m.code) for m in detail.materials if m.required],
        )
        workflow.accept_case(demo.db, clerk, changes.id)
        workflow.clerk_review(demo.db, clerk, changes.id, "验收材料齐全")
        workflow.submit_for_approval(demo.db, clerk, changes.id)
        workflow.approve_case(demo.db, supervisor, changes.id)
        ids.append(changes.id)
    workflow.record_meeting_decision(
        demo.db, supervisor, ids, dt.date(2024, 11, 4), "璧市监办〔2024〕20号"
    )
    return ids


def make_notice(qtbot: QtBot, demo: Demo) -> Notice:
    area = Notice(demo.context("supervisor"))
    qtbot.addWidget(area)
    area.show()
    return area


def select_entry(area: Notice, case_id: int) -> None:
    row = area.entries.row_of_key(case_id)
    assert row is not None
    area.entries_table.setCurrentIndex(area.entries.index(row, 1))


def test_the_models_pass_qt_checks(qtmodeltester: ModelTester, qtbot: QtBot, demo: Demo) -> None:
    area = make_notice(qtbot, demo)
    assert area.batches.rowCount() == 2
    qtmodeltester.check(area.batches)
    qtmodeltester.check(area.entries)
    dialog = area.new_batch()
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.candidates)
    qtmodeltester.check(dialog.lines)
    area.batches_table.selectRow(0)
    payment = area.mark_paid()
    assert payment is not None
    qtbot.addWidget(payment)
    qtmodeltester.check(payment.model)


def test_a_batch_over_the_budget_left_says_exactly_what_is_short(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    """The demo's year is fixed (年度核定 no. 1, payouts made under it): five 100,000 cases
    decided since are priced at the year's ratio, and the dialog says what the budget lacks."""
    big = big_decided_cases(demo, 5)
    supervisor = demo.users["supervisor"].id
    area = make_notice(qtbot, demo)
    _budget, used, left = notice.budget_status(demo.db, "bishan-2024")
    assert area.budget.text() == (
        f"2024年度资助预算 1,000,000.00 元；已占用及已兑现 {format_yuan(used)} 元；"
        f"剩余 {format_yuan(left)} 元；全年比例 1（第 1 次年度核定）。"
    )
    dialog = area.new_batch()
    qtbot.addWidget(dialog)
    ids = dialog.case_ids()
    assert sorted(ids) == sorted([11, 12, *big])
    expected = notice.preview_notice_batch(demo.db, supervisor, ids)
    assert expected.requested == Decimal("541000.00")
    # Left for this batch: the budget less what every other live case holds.
    shares = sum((get_case(demo.db, i).approved_amount or Decimal(0)) for i in (11, 12))
    assert expected.remaining == left + shares  # cases 11 and 12 hold their shares (ratio 1)
    short = expected.total - expected.remaining
    assert short > 0
    assert f"缺口{format_yuan(short)}元" in expected.refusal
    assert dialog.message.text() == expected.refusal
    assert not dialog.ok_button.isEnabled()
    assert dialog.figures["remaining"].text() == f"{format_yuan(expected.remaining)} 元"
    assert dialog.explanation.text() == "\n".join(expected.explanation)
    lines = dialog.lines
    for row, line in enumerate(expected.lines):
        assert lines.data(lines.index(row, 0)) == line.case_number
        assert lines.data(lines.index(row, 3)).replace(",", "") == str(line.after)
    # What fits goes out: unticking four of the big cases.
    dialog.candidates.set_checked([11, 12, big[0]])
    dialog.update_preview()
    assert dialog.ok_button.isEnabled() and dialog.message.text() == ""
    yes(messages)
    dialog.ok_button.click()
    batches = notice.list_notice_batches(demo.db)
    assert len(batches) == 3 and batches[-1].cases == 3
    assert "已生成第 3 批公示（3 件）" in area.message.text()
    assert all(get_case(demo.db, i).status is Status.DECIDED for i in big[1:])


def test_the_year_ruling_dialog_fixes_one_ratio(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    db: Database,
    people: People,
    messages: Any,
    monkeypatch: Any,
) -> None:
    """A year over its budget: two batches at full amounts before the deadline, confirmed;
    then the 年度核定 in the dialog brings every case to the same ratio."""
    real = load_policy("bishan-2024")
    small = dataclasses.replace(real, budget=Decimal("25000.00"))
    monkeypatch.setattr(case_input, "load_policy", lambda _policy_id: small)
    context = DeskContext(db, get_user(db, people.supervisor), small)
    ids = []
    for n in (1, 2, 3):
        case_id = register(db, people, case_form(n, [transfer(n)]))
        advance(db, people, case_id, Status.DECIDED)
        ids.append(case_id)
    area = Notice(context)
    qtbot.addWidget(area)
    # Before the deadline: the batch dialog warns, and asks before saving.
    dialog = area.new_batch()
    qtbot.addWidget(dialog)
    dialog.candidates.set_checked(ids[:2])
    dialog.update_preview()
    assert "全年统一的折算比例尚未确定" in dialog.message.text()
    assert dialog.ok_button.isEnabled()
    yes(messages)
    dialog.ok_button.click()
    assert "全年统一的折算比例尚未确定" in messages.last().text
    assert len(notice.list_notice_batches(db)) == 1
    # The third would pass the budget at full amounts: refused until the 年度核定.
    third = area.new_batch()
    qtbot.addWidget(third)
    third.update_preview()
    assert "截止前不能再公示" in third.message.text() and not third.ok_button.isEnabled()
    ruling = area.year_ruling()
    qtbot.addWidget(ruling)
    assert not ruling.rule_button.isEnabled() and "截止日之后" in ruling.message.text()

    db.clock.set(dt.datetime.combine(AFTER_DEADLINE, dt.time(9), CHINA_TZ))  # type: ignore[attr-defined]
    ruling = area.year_ruling()
    qtbot.addWidget(ruling)
    qtmodeltester.check(ruling.lines)
    assert ruling.rule_button.isEnabled()
    assert ruling.figures["approved"].text() == "30,000.00 元"
    assert ruling.figures["ratio"].text() == "0.833333"
    assert ruling.lines.rowCount() == 3
    yes(messages)
    ruling.rule_button.click()
    assert "第 1 次年度核定" in area.message.text()
    assert "全年比例 0.833333（第 1 次年度核定）" in area.budget.text()
    amounts = [get_case(db, i).notice_amount for i in ids[:2]]
    assert amounts == [Decimal("8333.34"), Decimal("8333.33")]
    after = area.new_batch()
    qtbot.addWidget(after)
    after.update_preview()
    assert after.message.text() == "" and after.ok_button.isEnabled()
    yes(messages)
    after.ok_button.click()
    assert get_case(db, ids[2]).notice_amount == Decimal("8333.33")


def test_objection_held_payout_list_and_payouts(
    qtbot: QtBot, demo: Demo, messages: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    area = make_notice(qtbot, demo)
    area.batches_table.selectRow(area.batches.row_of_key(OPEN_BATCH) or 0)
    assert area.batch is not None and area.batch.id == OPEN_BATCH
    assert not area.payout_button.isEnabled()  # not closed yet

    # An objection to 第009号, recorded from the table.
    select_entry(area, OBJECTED)
    assert area.objection_button.isEnabled() and not area.resolve_button.isEnabled()
    dialog = area.objection(resolve=False)
    assert dialog is not None
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "请填写" in dialog.message.text()
    dialog.text.setPlainText("来信反映专利实施产值不实")
    ok.click()
    assert "异议人" in dialog.message.text()  # who objected is part of the record
    assert get_case(demo.db, OBJECTED).status is not Status.OBJECTION
    dialog.objector.setText("王先生")
    dialog.contact.setText("13800001111")
    ok.click()
    assert get_case(demo.db, OBJECTED).status is Status.OBJECTION

    # Closing: the clean case is cleared, the objection is held back.
    yes(messages)
    area.close_button.click()
    assert "1 件无异议" in area.message.text() and "1 件有异议待处理" in area.message.text()
    assert get_case(demo.db, CLEAN).status is Status.CLEARED
    assert get_case(demo.db, OBJECTED).status is Status.OBJECTION
    assert area.payout_button.isEnabled()

    # The 拨付清单: the cleared case only, cell by cell.
    target = tmp_path / "拨付清单.xlsx"
    file_dialogs.answers.append(str(target))
    area.payout_button.click()
    wait_for_jobs(qtbot)
    assert target.exists(), area.message.text()
    expected = payout_rows(demo.db, OPEN_BATCH)
    clean = get_case(demo.db, CLEAN)
    assert [(r.case_number, r.amount) for r in expected] == [
        (clean.case_number, clean.notice_amount)
    ]
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "拨付清单"
    assert "资金拨付清单（2024年第二批公示）" in sheet["A1"].value
    assert str(sheet["A3"].value).startswith("依据：2024年第二批公示")
    assert [c.value for c in sheet[4]] == [
        "序号",
        "受理编号",
        "申请人",
        "统一社会信用代码",
        "资助事项",
        "申请人户名",
        "开户银行",
        "开户行行号",
        "银行账号",
        "审核金额（元）",
        "比例",
        "拨付金额（元）",
        "备注",
    ]
    for offset, row in enumerate(expected, start=1):
        cells = [c.value for c in sheet[4 + offset]]
        assert cells == [
            offset,
            row.case_number,
            row.applicant_name,
            row.credit_code,
            row.items,
            row.account_name,
            row.bank,
            row.bank_code or None,
            "".join(row.account_number.split()),
            float(row.approved),
            row.ratio,
            float(row.amount),
            row.note or None,
        ]
        assert sheet.cell(4 + offset, 12).number_format == "#,##0.00"
    total_row = 4 + len(expected) + 1
    assert sheet.cell(total_row, 1).value == "合计"
    assert Decimal(str(sheet.cell(total_row, 12).value)) == sum(r.amount for r in expected)

    # Payout of the cleared case, ticked in the table.
    area.entries.set_checked([CLEAN])
    assert area.pay_button.text() == "登记已勾选的 1 件兑现(&M)…"
    payment = area.mark_paid()
    assert payment is not None
    qtbot.addWidget(payment)
    pay_ok = payment.buttons.button(QDialogButtonBox.StandardButton.Ok)
    pay_ok.click()
    assert "凭证号" in payment.message.text()
    payment.voucher.setText("璧财拨〔2024〕388号")
    payment.fill_button.click()
    pay_ok.click()
    detail = get_case(demo.db, CLEAN)
    assert detail.status is Status.PAID
    assert detail.paid_on == dt.date(2024, 12, 10)
    assert detail.voucher_no == "璧财拨〔2024〕388号"
    assert "已登记兑现 1 件" in area.message.text()

    # The objection is handled (not upheld): after closing, the case is cleared for payout.
    select_entry(area, OBJECTED)
    assert area.resolve_button.isEnabled()
    handling = area.objection(resolve=True)
    assert handling is not None
    qtbot.addWidget(handling)
    shown = handling.objection.text()
    assert shown.startswith("王先生（13800001111）") and "来信反映专利实施产值不实" in shown
    handling.text.setPlainText("经核实产值数据属实，异议不成立")
    handling.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(demo.db, OBJECTED).status is Status.CLEARED
    row = area.entries.row_of_key(OBJECTED)
    assert row is not None
    assert "异议不成立" in area.entries.data(area.entries.index(row, 5))

    # Both in bulk: the rest of batch 1 (two cleared cases) with one voucher each.
    area.batches_table.selectRow(area.batches.row_of_key(1) or 0)
    cleared = [e.case_id for e in area.cleared_entries()]
    assert len(cleared) == 2
    bulk = area.mark_paid()
    assert bulk is not None
    qtbot.addWidget(bulk)
    for row in range(bulk.model.rowCount()):
        bulk.model.setData(bulk.model.index(row, 3), f"璧财拨〔2024〕40{row}号")
    bulk.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [get_case(demo.db, c).status for c in cleared] == [Status.PAID, Status.PAID]
    assert get_case(demo.db, cleared[1]).voucher_no == "璧财拨〔2024〕401号"


def test_the_notice_list_is_exported_as_pdf_and_excel(
    qtbot: QtBot, demo: Demo, file_dialogs: Any, tmp_path: Path
) -> None:
    area = make_notice(qtbot, demo)
    area.contact.setText("璧山区市场监管局知识产权科，电话023-41400000")
    area.contact_button.click()
    pdf, xlsx = tmp_path / "公示名单.pdf", tmp_path / "公示名单"
    file_dialogs.answers += [str(pdf), str(xlsx)]
    area.notice_pdf_button.click()
    wait_for_jobs(qtbot)
    area.notice_xlsx_button.click()
    wait_for_jobs(qtbot)
    assert pdf.read_bytes().startswith(b"%PDF")
    workbook = xlsx.with_suffix(".xlsx")
    sheet = openpyxl.load_workbook(workbook).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("023-41400000" in t for t in texts)
    batch = area.batch
    assert batch is not None
    assert float(batch.total) in [c.value for row in sheet.iter_rows() for c in row]
    assert f"已保存到 {workbook}" in area.message.text()


def test_closing_too_early_gives_core_s_reason(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    demo.clock.set(dt.datetime(2024, 12, 4, 10, 0, tzinfo=demo.clock.now().tzinfo))
    area = make_notice(qtbot, demo)
    assert area.batch is not None and area.batch.id == OPEN_BATCH
    yes(messages)
    area.close_button.click()
    assert "期满后才能结束公示" in messages.last().text
    assert get_case(demo.db, CLEAN).status is Status.ON_NOTICE


def test_the_bodies_named_on_a_rejection_are_set_here(qtbot: QtBot, demo: Demo) -> None:
    """Issue 20 §15: the 行政复议 body and the court, shown and saved from the notice screen."""
    from core.records.documents import remedy_bodies

    area = Notice(demo.context("supervisor"))
    qtbot.addWidget(area)
    assert area.review_body.text() == "重庆市璧山区人民政府"
    assert area.court.text() == "重庆市璧山区人民法院"
    area.court.setText("  ")
    area.remedy_button.click()
    assert "人民法院" in area.message.text()
    assert remedy_bodies(demo.db)[1] == "重庆市璧山区人民法院"
    area.court.setText("重庆铁路运输法院")
    area.remedy_button.click()
    assert remedy_bodies(demo.db) == ("重庆市璧山区人民政府", "重庆铁路运输法院")


def test_an_objection_handled_with_a_changed_amount_and_its_record_printed(
    qtbot: QtBot, demo: Demo
) -> None:
    from tests.pdf_helpers import pdf_text

    area = make_notice(qtbot, demo)
    area.batches_table.selectRow(area.batches.row_of_key(OPEN_BATCH) or 0)
    select_entry(area, OBJECTED)
    recording = area.objection(resolve=False)
    assert recording is not None
    qtbot.addWidget(recording)
    assert recording.print_button.isHidden() and not recording.objector.isHidden()
    recording.objector.setText("重庆某行业协会")
    recording.text.setPlainText("反映部分费用重复计算")
    recording.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    approved = get_case(demo.db, OBJECTED).approved_amount
    assert approved is not None and get_case(demo.db, OBJECTED).status is Status.OBJECTION

    select_entry(area, OBJECTED)
    handling = area.objection(resolve=True)
    assert handling is not None
    qtbot.addWidget(handling)
    assert "重庆某行业协会" in handling.objection.text() and handling.objector.isHidden()
    assert not handling.amount.isEnabled()
    handling.change.setChecked(True)
    assert handling.amount.isEnabled()
    handling.amount.setText("abc")
    handling.text.setPlainText("经核实重复计算，核减")
    ok = handling.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "金额" in handling.message.text()
    assert get_case(demo.db, OBJECTED).status is Status.OBJECTION
    lower = approved - Decimal(1000)
    handling.amount.setText(str(lower))
    ok.click()
    after = get_case(demo.db, OBJECTED)
    assert after.status is Status.ON_NOTICE and after.approved_amount == lower
    preview = handling.print_record()
    assert preview is not None
    text = "".join(pdf_text(preview.data).split())
    assert "异议部分成立，调整资助金额" in text and format_yuan(lower) in text
    preview.close()


def test_funds_received_are_recorded_and_shown_beside_the_payouts(qtbot: QtBot, demo: Demo) -> None:
    from core.records.funds import fund_position

    area = make_notice(qtbot, demo)
    before = fund_position(demo.db, "bishan-2024")
    assert before.received == Decimal("1000000.00")  # the demo's first transfer
    paid_before = before.paid
    assert area.funds.text().startswith("区财政局已拨入 1,000,000.00 元")
    dialog = area.record_funds()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.amount.setText("50万")
    ok.click()
    assert "第 3 个字符" in dialog.message.text() or "无法识别" in dialog.message.text()
    assert dialog.isVisible()
    dialog.amount.setText("500000")
    dialog.reference.setText("璧财行〔2024〕88号")
    ok.click()
    assert not dialog.isVisible()
    left = format_yuan(Decimal("1500000") - paid_before)
    assert area.funds.text() == (
        f"区财政局已拨入 1,500,000.00 元，已兑现 {format_yuan(paid_before)} 元，可兑现 {left} 元。"
    )
    assert "璧财行〔2024〕88号" in area.message.text()
