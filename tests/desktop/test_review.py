"""待我审核 on the demo database: the queue, the read-only file, approve / return / refuse,
four eyes, and the bureau meeting — driven through the widgets, checked against core."""

from __future__ import annotations

from typing import Any

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.records import workflow
from core.records.case_queries import get_case
from core.records.roles import Role
from core.records.states import Status
from core.records.users import set_roles
from desktop.controllers.review import Review
from desktop.models.table_model import KEY_ROLE
from desktop.qt import QDialogButtonBox, QMessageBox, Qt
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo"]

TRANSFER = 18  # 璧市监专转〔2024〕第018号, registered by clerk2 (陈静), 接受高校院所发明专利转让
CERTIFIED = 19  # 第019号, registered by clerk (张晓燕), 专利密集型产品认定
RETURNED = 16  # 第016号, returned to clerk2 earlier


def yes(messages: Any, times: int = 1) -> None:
    """Answer the next confirmation(s) with Yes (the fixture's default is the box's: No)."""
    messages.answers.extend([QMessageBox.StandardButton.Yes] * times)


def case_ids(model: Any) -> list[int]:
    return [model.data(model.index(r, 0), KEY_ROLE) for r in range(model.rowCount())]


def make_review(qtbot: QtBot, demo: Demo, user: str = "supervisor") -> Review:
    review = Review(demo.context(user))
    qtbot.addWidget(review)
    review.show()
    return review


def test_the_models_pass_qt_checks(qtmodeltester: ModelTester, qtbot: QtBot, demo: Demo) -> None:
    review = make_review(qtbot, demo)
    qtmodeltester.check(review.queue_model)
    qtmodeltester.check(review.approved_model)
    window = review.open_case(TRANSFER)
    qtbot.addWidget(window)
    for model in (window.claims_model, window.materials_model, window.history_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_the_queue_is_oldest_first_with_the_days_waited(qtbot: QtBot, demo: Demo) -> None:
    review = make_review(qtbot, demo)
    from core.records.supervisor_queries import review_queue

    expected = review_queue(demo.db, demo.users["supervisor"].id)
    assert case_ids(review.queue_model) == [r.id for r in expected] == [TRANSFER, CERTIFIED]
    days = review.queue_model.index(0, review.queue_model.columnCount() - 1)
    assert review.queue_model.data(days) == str(expected[0].days_waited)
    assert expected[0].days_waited > 100  # submitted in June, today is 2024-12-10
    assert review.tabs.tabText(0) == "待我审核(&A)（2）"
    assert review.queue_summary.text() == (
        f"待审核案件 2 件，最早的已等待 {expected[0].days_waited} 天。"
    )
    assert sorted(case_ids(review.approved_model)) == [13, 14]


def test_the_file_is_shown_read_only(qtbot: QtBot, demo: Demo) -> None:
    review = make_review(qtbot, demo)
    review.queue_table.setCurrentIndex(review.queue_model.index(0, 0))
    review.open_button.click()
    window = review.windows[TRANSFER]
    qtbot.addWidget(window)
    detail = get_case(demo.db, TRANSFER)
    assert window.case_number.text() == detail.case_number
    assert window.fields["credit_code"].text() == detail.applicant.credit_code
    assert window.fields["clerk"].text() == "陈静"
    assert "材料齐全" in window.clerk_opinion.text()
    assert window.total.text() == "资助合计：10,000.00 元"
    claims = window.claims_model
    assert claims.data(claims.index(0, 1)) == "接受高校院所发明专利转让"
    assert "转让方类型：科研院所；与转让方存在关联关系：否" in claims.data(claims.index(0, 3))
    assert claims.data(claims.index(0, 5)) == "予以资助"
    assert window.materials_model.rowCount() == len(detail.materials)
    assert "齐全" in window.materials_intro.text()
    assert "失信被执行人" in window.intake_checks.text()
    # Nothing in the window edits the case: no editable field, only the decision.
    from desktop.qt import QLineEdit

    assert [e for e in window.findChildren(QLineEdit) if e.isVisible()] == []
    assert window.approve_button.isEnabled() and window.return_button.isEnabled()
    assert not window.meeting_button.isVisible()
    assert window.edit_button.isEnabled()  # the case window, for recognition results
    edits: list[int] = []
    review.edit_requested.connect(edits.append)
    window.edit_button.click()
    assert edits == [TRANSFER]
    preview = window.print_opinion()  # core's 审核意见表
    assert preview is not None and preview.document.pageCount() >= 1


def test_approve_return_and_refuse(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    review = make_review(qtbot, demo)
    changed: list[Any] = []
    review.changed.connect(changed.append)

    window = review.open_case(TRANSFER)
    qtbot.addWidget(window)
    window.opinion.setPlainText("同意资助1万元")
    yes(messages)
    window.approve_button.click()
    assert messages.texts("question")[-1].startswith("审核通过 璧市监专转〔2024〕第018号？")
    detail = get_case(demo.db, TRANSFER)
    assert detail.status is Status.APPROVED
    assert detail.snapshot is not None and detail.approved_amount == detail.snapshot.amount
    assert detail.decisions[-1].reason == "同意资助1万元"
    assert window.status.text() == "审核通过"
    assert "10,000.00" in window.message.text()
    assert not window.approve_button.isEnabled()
    assert changed and TRANSFER in changed[-1].case_ids
    assert case_ids(review.queue_model) == [CERTIFIED]
    assert TRANSFER in case_ids(review.approved_model)

    # Returning needs a reason: asked before core is called.
    other = review.open_case(CERTIFIED)
    qtbot.addWidget(other)
    other.return_button.click()
    assert "请先在意见栏填写理由" in other.message.text()
    assert get_case(demo.db, CERTIFIED).status is Status.AWAITING_SUPERVISOR
    other.opinion.setPlainText("产品认定证书复印件不清晰，请补充后重新初审")
    yes(messages)
    other.return_button.click()
    assert get_case(demo.db, CERTIFIED).status is Status.RETURNED
    assert review.queue_model.rowCount() == 0

    # A returned case comes back (clerk2 reviews and submits it again), then is refused.
    clerk2 = demo.users["clerk2"].id
    workflow.clerk_review(demo.db, clerk2, RETURNED, "已核对开放许可公告")
    workflow.submit_for_approval(demo.db, clerk2, RETURNED)
    review.refresh()
    assert case_ids(review.queue_model) == [RETURNED]
    refused = review.open_case(RETURNED)
    qtbot.addWidget(refused)
    refused.opinion.setPlainText("开放许可未实际实施，不符合资助条件")
    yes(messages)
    refused.refuse_button.click()
    detail = get_case(demo.db, RETURNED)
    assert detail.status is Status.REFUSED
    assert detail.decisions[-1].reason == "开放许可未实际实施，不符合资助条件"
    assert not refused.refuse_button.isEnabled()


def test_declining_the_question_changes_nothing(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    review = make_review(qtbot, demo)
    window = review.open_case(TRANSFER)
    qtbot.addWidget(window)
    messages.answers.append(QMessageBox.StandardButton.No)
    window.approve_button.click()
    assert get_case(demo.db, TRANSFER).status is Status.AWAITING_SUPERVISOR


def test_four_eyes_refusal_is_core_s_message(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    # 张晓燕 (clerk) also becomes a supervisor; she registered and reviewed 第019号.
    clerk = demo.users["clerk"].id
    set_roles(demo.db, demo.users["admin"].id, clerk, [Role.CLERK, Role.SUPERVISOR])
    review = make_review(qtbot, demo, "clerk")
    rows = {r: review.queue_model.row_of_key(r) for r in (TRANSFER, CERTIFIED)}
    tip = review.queue_model.data(
        review.queue_model.index(rows[CERTIFIED], 1), Qt.ItemDataRole.ToolTipRole
    )
    assert "另一位审核人" in tip
    assert (
        review.queue_model.data(
            review.queue_model.index(rows[TRANSFER], 1), Qt.ItemDataRole.ToolTipRole
        )
        is None
    )

    window = review.open_case(CERTIFIED)
    qtbot.addWidget(window)
    # Issue 20 §10: greyed with core's reason, not asked and then refused.
    assert window.four_eyes.isVisible()
    assert "四眼原则" in window.four_eyes.text() and "登记人不能审核通过" in window.four_eyes.text()
    assert not window.approve_button.isEnabled()
    assert window.approve_button.toolTip() == window.four_eyes.text()
    messages.clear()
    window.approve_button.click()
    assert messages.shown == []
    # Core refuses all the same if the step is forced.
    from core.records.states import Action

    yes(messages)
    assert not window.decide(Action.APPROVE)
    assert messages.last().kind == "warning" and "四眼原则" in messages.last().text
    assert get_case(demo.db, CERTIFIED).status is Status.AWAITING_SUPERVISOR
    # The other clerk's case is hers to approve.
    other = review.open_case(TRANSFER)
    qtbot.addWidget(other)
    assert not other.four_eyes.isVisible()
    yes(messages)
    other.approve_button.click()
    assert get_case(demo.db, TRANSFER).status is Status.APPROVED


def test_the_bureau_meeting_for_many_cases_or_one(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    review = make_review(qtbot, demo)
    review.tabs.setCurrentIndex(1)
    assert not review.meeting_button.isEnabled()
    review.select_all_button.click()
    assert len(review.approved_model.checked) == 2
    dialog = review.record_meeting()
    assert dialog is not None
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.message.text() == "请填写会议纪要编号。"
    dialog.minute.setText("璧市监办〔2024〕18号")
    ok.click()
    for case_id in (13, 14):
        detail = get_case(demo.db, case_id)
        assert detail.status is Status.DECIDED
        assert detail.meeting_minute == "璧市监办〔2024〕18号"
        assert detail.meeting_date is not None and detail.meeting_date.isoformat() == "2024-12-10"
    assert review.approved_model.rowCount() == 0
    assert "已记录办公会审定 2 件" in messages.last().text

    # One case at a time, from its window, after approval.
    window = review.open_case(TRANSFER)
    qtbot.addWidget(window)
    yes(messages)
    window.approve_button.click()
    assert window.meeting_button.isVisible() and window.meeting_button.isEnabled()
    single = window.record_meeting()
    qtbot.addWidget(single)
    single.minute.setText("璧市监办〔2024〕19号")
    single.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(demo.db, TRANSFER).status is Status.DECIDED
    assert window.status.text() == "办公会已审定"


def test_a_duplicate_links_to_the_other_case(qtbot: QtBot, demo: Demo) -> None:
    review = make_review(qtbot, demo)
    window = review.open_case(2)  # its patent is claimed again by 第030号
    qtbot.addWidget(window)
    assert "第030号" in window.duplicates.text()
    opened: list[int] = []
    window.open_case_requested.connect(opened.append)
    window._link("case:30")
    assert opened == [30]
    assert window.tabs.count() == 5
    # 第002号 was approved and paid: the amounts shown are the snapshot frozen at approval.
    assert window.result_note.text().startswith("审核通过时已冻结。")
    assert get_case(demo.db, 2).snapshot is not None


def test_a_supervisor_saves_the_case_as_a_test_case(
    qtbot: QtBot, demo: Demo, messages: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    """存为测算用例 (issue 17 §3): the case and its amounts become a rule test in the bureau's
    policy folder, which then runs with the shipped ones."""
    from core.engine.casebook import load_cases, policy_case_files, run_cases
    from core.policy.loader import set_configured_folders
    from core.records.policy_admin import set_policy_folder
    from desktop.qt import QInputDialog

    answers = iter([("局内：第018号的转让", True), ("附件1·专利转让许可·第1行", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    review = make_review(qtbot, demo)
    review.queue_table.setCurrentIndex(review.queue_model.index(0, 0))
    review.open_button.click()
    window = review.windows[TRANSFER]
    qtbot.addWidget(window)
    try:
        window.rule_case_button.click()  # no policy folder yet: core says what to do
        assert "政策文件夹" in messages.last().text
        set_policy_folder(demo.db, demo.users["admin"].id, tmp_path)
        answers = iter([("局内：第018号的转让", True), ("附件1·专利转让许可·第1行", True)])
        path = window.save_rule_case()
        assert path is not None and path.parent == tmp_path / "bishan-2024.cases"
        mine = [c for c in load_cases(policy_case_files("bishan-2024")) if c.file == path]
        assert [(c.name, c.clause) for c in mine] == [
            ("局内：第018号的转让", "附件1·专利转让许可·第1行")
        ]
        assert mine[0].expect["total"] == "10000.00"
        assert all(o.ok for o in run_cases(mine))
    finally:
        set_configured_folders(())
