"""The case list: search as you type (after a pause), filters, counts, opening a case."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.records.states import Status
from desktop.controllers.case_list import SEARCH_DELAY_MS, CaseList
from desktop.qt import Qt
from tests.desktop.db_fixtures import credit_code


def make_list(qtbot: QtBot, context: Any, name: str = "intake") -> CaseList:
    widget = CaseList(context, name=name)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_search_waits_for_a_pause_then_asks_core(qtbot: QtBot, clerk_context: Any) -> None:
    widget = make_list(qtbot, clerk_context)
    assert widget.model.rowCount() == 5
    assert widget.summary.text() == "共 5 件"
    before = widget.model.queries
    qtbot.keyClicks(widget.search, credit_code(3))
    assert widget.model.queries == before  # nothing yet: still typing
    with qtbot.waitSignal(widget.model.refreshed, timeout=SEARCH_DELAY_MS + 3000):
        pass
    assert widget.model.rowCount() == 1
    assert widget.model.queries == before + 1


def test_enter_in_search_opens_the_single_hit(qtbot: QtBot, clerk_context: Any) -> None:
    widget = make_list(qtbot, clerk_context)
    widget.search.setText("重庆璧山测试科技有限公司004")
    with qtbot.waitSignal(widget.model.refreshed, timeout=3000):
        qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert widget.table.hasFocus() or widget.selected_case_id() is not None
    with qtbot.waitSignal(widget.open_requested) as opened:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert opened.args == [5]


def test_status_filter_and_counts(qtbot: QtBot, clerk_context: Any) -> None:
    widget = make_list(qtbot, clerk_context)
    counts = widget.status_model
    assert counts.data(counts.index(counts.row_of(Status.REGISTERED))) == "已登记（5）"
    with qtbot.waitSignal(widget.model.refreshed, timeout=3000):
        widget.statuses.setCurrentIndex(counts.index(counts.row_of(Status.ACCEPTED)))
    assert widget.model.rowCount() == 0
    # The counts label the statuses whatever status is chosen.
    assert counts.data(counts.index(0)) == "全部（5）"


def test_item_filter(qtbot: QtBot, clerk_context: Any) -> None:
    widget = make_list(qtbot, clerk_context)
    with qtbot.waitSignal(widget.model.refreshed, timeout=3000):
        widget.item_filter.setCurrentIndex(widget.item_filter.findData("license_in"))
    assert widget.model.rowCount() == 0


def test_filters_are_remembered(qtbot: QtBot, clerk_context: Any) -> None:
    widget = make_list(qtbot, clerk_context)
    counts = widget.status_model
    with qtbot.waitSignal(widget.model.refreshed, timeout=3000):
        widget.statuses.setCurrentIndex(counts.index(counts.row_of(Status.REGISTERED)))
    with qtbot.waitSignal(widget.model.refreshed, timeout=3000):
        widget.date_filter.setChecked(True)
    widget.close()
    again = make_list(qtbot, clerk_context)
    assert again.current_status() is Status.REGISTERED
    assert again.date_filter.isChecked()
    assert again.model.filters.received_from is not None
