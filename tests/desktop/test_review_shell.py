"""Part 2's areas in the main window: who sees which, and what they tell the shell."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.records.case_queries import get_case
from core.records.states import Status
from desktop.controllers.main_window import MainWindow
from desktop.qt import QApplication, QDialogButtonBox, QMessageBox
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo"]


def window_for(qtbot: QtBot, demo: Demo, user: str) -> MainWindow:
    window = MainWindow(demo.context(user))
    qtbot.addWidget(window)
    window.show()
    return window


def titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_each_role_sees_its_areas(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    assert titles(window_for(qtbot, demo, "clerk")) == ["受理登记", "培育项目"]
    supervisor = window_for(qtbot, demo, "supervisor")
    assert titles(supervisor) == ["受理登记", "待我审核", "公示与兑现", "培育项目", "统计"]
    admin = window_for(qtbot, demo, "admin")
    assert titles(admin) == ["系统管理"]
    QApplication.processEvents()
    # The administrator's first area is built at login: the backup reminder with it.
    assert "从未备份" in messages.last().text


def test_a_decision_in_review_reaches_the_other_areas(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    window = window_for(qtbot, demo, "supervisor")
    notice = window.area_widget("notice")
    review = window.area_widget("review")
    assert review is not None and notice is not None
    before = notice.waiting.text()
    # Approve 第018号 and record the meeting: one more decided case awaits a notice.
    case = review.open_case(18)
    messages.answers += [QMessageBox.StandardButton.Yes]
    case.approve_button.click()
    assert get_case(demo.db, 18).status is Status.APPROVED
    dialog = case.record_meeting()
    dialog.minute.setText("璧市监办〔2024〕21号")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(demo.db, 18).status is Status.DECIDED
    # The hidden area reads again when it is shown, not at every change.
    assert "notice" in window.stale_areas and notice.waiting.text() == before
    assert window.area_widget("notice") is notice
    assert notice.waiting.text() != before and "3 件" in notice.waiting.text()
    assert "notice" not in window.stale_areas
    # Part 1's case window opens from the notice table and from the review window.
    notice.open_case_requested.emit(9)
    assert 9 in window.editors
    review.open_case(19).edit_button.click()
    assert 19 in window.editors


def test_the_supervisor_path_through_the_shell(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    """Approve → meeting → notice → close → payout, each in its area of one main window; the
    statistics area, built before, shows the payout afterwards (the shell tells every area)."""
    import datetime as dt

    from core.money import format_yuan
    from core.records.notice import list_notice_batches
    from core.records.statistics_source import statistics_report

    window = window_for(qtbot, demo, "supervisor")
    statistics = window.area_widget("statistics")
    review = window.area_widget("review")
    notice = window.area_widget("notice")
    assert statistics is not None and review is not None and notice is not None
    before = statistics_report(demo.db, "bishan-2024")
    assert statistics.budget_labels["paid"].text() == f"{format_yuan(before.budget.paid)} 元"

    case = review.open_case(18)
    messages.answers += [QMessageBox.StandardButton.Yes]
    case.approve_button.click()
    meeting = case.record_meeting()
    meeting.minute.setText("璧市监办〔2024〕22号")
    meeting.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert get_case(demo.db, 18).status is Status.DECIDED

    dialog = notice.new_batch()
    dialog.candidates.set_checked([18])
    dialog.update_preview()
    messages.answers += [QMessageBox.StandardButton.Yes]
    dialog.ok_button.click()
    batch = list_notice_batches(demo.db)[-1]
    assert notice.batch is not None and notice.batch.id == batch.id and batch.cases == 1
    assert get_case(demo.db, 18).status is Status.ON_NOTICE

    # The day after the notice period: close it, then pay.
    end = batch.end_date + dt.timedelta(days=1)
    demo.clock.set(dt.datetime(end.year, end.month, end.day, 9, 0, tzinfo=demo.clock.now().tzinfo))
    messages.answers += [QMessageBox.StandardButton.Yes]
    notice.close_button.click()
    assert get_case(demo.db, 18).status is Status.CLEARED
    notice.entries.set_checked([18])
    payment = notice.mark_paid()
    payment.voucher.setText("璧财拨〔2024〕420号")
    payment.fill_button.click()
    payment.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    paid = get_case(demo.db, 18)
    assert paid.status is Status.PAID and paid.paid_on == end

    after = statistics_report(demo.db, "bishan-2024")
    assert window.area_widget("statistics") is statistics
    assert paid.notice_amount is not None
    assert after.budget.paid == before.budget.paid + paid.notice_amount
    assert statistics.budget_labels["paid"].text() == f"{format_yuan(after.budget.paid)} 元"
    months = statistics.months
    shown = [
        (months.data(months.index(r, 0)), months.data(months.index(r, 2)))
        for r in range(months.rowCount())
    ]
    assert shown == [(m.month, format_yuan(m.paid)) for m in after.months]
    assert f"{end:%Y-%m}" in dict(shown)


def test_a_hidden_area_with_an_open_window_reads_again_at_once(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    from core.records import workflow
    from core.records.changes import Changes

    window = window_for(qtbot, demo, "supervisor")
    review = window.area_widget("review")
    assert review is not None
    case = review.open_case(18)
    window.area_widget("intake")  # the review area is hidden, its window stays open
    assert not review.isVisible() and case.isVisible()
    # A change made elsewhere (as the case window's save would report it).
    changes = workflow.approve_case(demo.db, demo.users["supervisor"].id, 18)
    window.refresh_areas(changes)
    assert case.status.text() == "审核通过"
    assert "review" not in window.stale_areas
    # Without a window of its own, a hidden area waits until it is shown.
    case.close()
    window.refresh_areas(Changes(case_list=True))
    assert "review" in window.stale_areas
