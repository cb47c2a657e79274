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


def test_batch_print_lays_the_selected_cases_into_one_preview(
    qtbot: QtBot, clerk_context: Any
) -> None:
    from core.records.case_queries import get_case
    from desktop.printing import Form
    from desktop.qt import QItemSelectionModel
    from tests.pdf_helpers import pdf_text

    widget = make_list(qtbot, clerk_context)
    assert [a.text() for a in widget.print_menu.actions()] == ["申请表", "审核意见"]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2, 3):
        widget.table.selectionModel().select(widget.model.index(row, 0), flags)
    ids = widget.selected_case_ids()
    assert len(ids) == 3
    job = widget.print_selected(Form.APPLICATION)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    (preview,) = widget.previews
    assert preview.document.pageCount() == 3
    text = pdf_text(preview.data)
    for case_id in ids:
        assert get_case(clerk_context.db, case_id).case_number in text
    preview.close()


def test_batch_print_of_a_form_a_case_lacks_names_the_case(
    qtbot: QtBot, clerk_context: Any, messages: Any
) -> None:
    from desktop.printing import Form

    widget = make_list(qtbot, clerk_context)
    widget.table.selectAll()
    job = widget.print_selected(Form.REVIEW_OPINION)  # registered cases: not accepted yet
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert not widget.previews
    assert "尚未受理" in messages.last().text and "璧市监专转" in messages.last().text


def test_a_broad_search_shows_no_status_counts_and_says_to_type_more(
    qtbot: QtBot, clerk_context: Any, monkeypatch: Any
) -> None:
    from core.records import queries
    from desktop.models import case_list_model
    from tests.desktop.typing import type_text

    monkeypatch.setattr(case_list_model, "PAGE_SIZE", 2)
    monkeypatch.setattr(queries, "BROAD_CAP", 3)
    widget = make_list(qtbot, clerk_context)
    with qtbot.waitSignal(widget.model.refreshed, timeout=SEARCH_DELAY_MS + 3000):
        type_text(qtbot, widget.search, "重")
    assert widget.model.rowCount() == 3 and widget.model.more
    assert "超过 3 件" in widget.summary.text()
    assert all("（" not in widget.status_model.index(r).data() for r in range(3))
    with qtbot.waitSignal(widget.model.refreshed, timeout=SEARCH_DELAY_MS + 3000):
        type_text(qtbot, widget.search, "庆璧山测试")
    assert widget.summary.text() == "共 5 件"
    assert widget.status_model.index(0).data() == "全部（5）"
