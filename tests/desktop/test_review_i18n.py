"""Every part-2 screen (review, notice and payout, statistics, administration) shows Chinese:
no visible text is still an English source string, on every tab of every window."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from desktop.qt import QTabWidget, QWidget
from tests.desktop.test_i18n import untranslated
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo"]


def part_two_screens(qtbot: QtBot, demo: Demo) -> list[QWidget]:
    from desktop.controllers.admin import Admin
    from desktop.controllers.admin_user import ADD, PASSWORD, ROLES, AdminUserDialog
    from desktop.controllers.notice import Notice
    from desktop.controllers.review import Review
    from desktop.controllers.statistics import Statistics

    supervisor = demo.context("supervisor")
    admin = demo.context("admin")
    review = Review(supervisor)
    window = review.open_case(18)
    review.approved_model.check_all(True)
    meeting = review.record_meeting()
    notice = Notice(supervisor)
    batch = notice.new_batch()
    notice.batches_table.selectRow(0)
    payment = notice.mark_paid()
    notice.batches_table.selectRow(1)
    notice.entries_table.selectRow(0)
    objection = notice.objection(resolve=False)
    # 第007号 of the first batch has an objection waiting to be handled.
    notice.batches_table.selectRow(notice.batches.row_of_key(1) or 0)
    held = notice.entries.row_of_key(7)
    assert held is not None
    notice.entries_table.setCurrentIndex(notice.entries.index(held, 1))
    handling = notice.objection(resolve=True)
    statistics = Statistics(supervisor)
    cases = statistics.show_cases(
        "x", statistics.report.budget.references if statistics.report else ()
    )
    area = Admin(admin)
    area.users.table.selectRow(1)
    dialogs = [
        AdminUserDialog(admin, mode, area.users.current_user()) for mode in (ADD, PASSWORD, ROLES)
    ]
    widgets = [
        review,
        window,
        meeting,
        notice,
        batch,
        payment,
        objection,
        handling,
        statistics,
        cases,
        area,
        *dialogs,
    ]
    assert None not in widgets  # every dialog opened
    shown = [w for w in widgets if w is not None]
    for widget in shown:
        qtbot.addWidget(widget)
        widget.show()
    return shown


def test_every_part_two_screen_shows_chinese(qtbot: QtBot, demo: Demo, messages: Any) -> None:
    found: dict[str, list[str]] = {}
    for widget in part_two_screens(qtbot, demo):
        tabs = widget.findChildren(QTabWidget)
        pages = [(tab, i) for tab in tabs for i in range(tab.count())] or [(None, 0)]
        for tab, index in pages:
            if tab is not None:
                tab.setCurrentIndex(index)
            left = untranslated(widget)
            if left:
                found[f"{type(widget).__name__}[{index}]"] = left
    assert found == {}
