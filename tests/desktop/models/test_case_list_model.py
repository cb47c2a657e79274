"""The case list model pages through core's query and passes Qt's model checks."""

from __future__ import annotations

from typing import Any

from pytestqt.modeltest import ModelTester

from core.policy.loader import load_policy
from core.records.queries import CaseFilters
from core.records.states import Status
from desktop.models.case_list_model import CASE_ID_ROLE, CaseListModel
from desktop.models.status_counts_model import STATUS_ROLE, StatusCountsModel
from desktop.qt import Qt


def make_model(desk_db: Any) -> CaseListModel:
    model = CaseListModel(desk_db.db, load_policy("bishan-2024"))
    model.refresh()
    return model


def test_model_passes_qt_checks(desk_db: Any, qtmodeltester: ModelTester) -> None:
    model = make_model(desk_db)
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    model.set_search("测试科技有限公司003")
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_rows_show_case_data_and_ids(desk_db: Any) -> None:
    model = make_model(desk_db)
    ids = {model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(model.rowCount())}
    assert ids == set(desk_db.case_ids)
    first = model.index(0, 0)
    assert "璧市监专转〔2024〕" in model.data(first)
    assert model.data(model.index(0, 5)) == Status.REGISTERED.label
    assert model.counts == {Status.REGISTERED: 5}


def test_sorting_is_done_by_core(desk_db: Any) -> None:
    model = make_model(desk_db)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    numbers = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert numbers == sorted(numbers)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == sorted(
        numbers, reverse=True
    )


def test_duplicate_patents_are_flagged(desk_db: Any) -> None:
    model = make_model(desk_db)
    # cases 0 and 3 share PATENTS[0]
    flagged = [
        model.data(model.index(r, 0))
        for r in range(model.rowCount())
        if model.data(model.index(r, 0)).endswith("⚠")
    ]
    assert len(flagged) >= 2


def test_status_counts_model(desk_db: Any, qtmodeltester: ModelTester) -> None:
    counts = StatusCountsModel()
    qtmodeltester.check(counts)
    model = make_model(desk_db)
    counts.set_counts(model.counts)
    assert counts.data(counts.index(0)).endswith("（5）")
    row = counts.row_of(Status.REGISTERED)
    assert counts.data(counts.index(row), STATUS_ROLE) is Status.REGISTERED
    model.set_filters(CaseFilters(statuses=(Status.ACCEPTED,)))
    assert model.rowCount() == 0


def test_rows_are_read_a_page_at_a_time_never_all(
    desk_db: Any, monkeypatch: Any, qtmodeltester: ModelTester
) -> None:
    """Pages of two rows over five cases: the count is core's, rows come when asked for."""
    from desktop.models import case_list_model

    monkeypatch.setattr(case_list_model, "PAGE_SIZE", 2)
    monkeypatch.setattr(case_list_model, "MAX_CACHED_PAGES", 2)
    model = make_model(desk_db)
    assert model.queries == 1 and model.rowCount() == 5
    assert list(model._pages) == [0]
    first = [model.data(model.index(r, 0)) for r in range(2)]
    assert model.queries == 1  # the first page came with the count
    last = model.data(model.index(4, 0))
    assert model.queries == 2 and list(model._pages) == [0, 2]
    model.data(model.index(3, 0))  # page 1: page 0, the oldest, is dropped
    assert model.queries == 3 and list(model._pages) == [2, 1]
    again = [model.data(model.index(r, 0)) for r in range(2)]
    assert again == first and model.queries == 4
    numbers = {model.data(model.index(r, 0)) for r in range(5)}
    assert len(numbers) == 5 and last in numbers
    qtmodeltester.check(model)
