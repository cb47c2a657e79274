"""统计 on the demo database: every figure shown is core's, traced to its cases, charted and
exported; a payout made in the desk moves the figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.money import format_yuan
from core.records import notice
from core.records.statistics_source import statistics_report
from core.records.supervisor_queries import case_refs, payouts_by_month_and_item
from desktop.controllers.statistics import Statistics
from desktop.models.statistics_models import REFERENCES_ROLE, figure_text
from desktop.qt import QPixmap, Qt
from tests.desktop.test_review_support import POLICY, Demo, demo, wait_for_jobs

__all__ = ["demo"]


def make_statistics(qtbot: QtBot, demo: Demo) -> Statistics:
    area = Statistics(demo.context("supervisor"))
    qtbot.addWidget(area)
    area.resize(1200, 760)
    area.show()
    return area


def test_the_models_pass_qt_checks(qtmodeltester: ModelTester, qtbot: QtBot, demo: Demo) -> None:
    area = make_statistics(qtbot, demo)
    for model in (area.targets, area.items, area.months):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    dialog = area.show_cases("x", statistics_report(demo.db, POLICY).budget.references)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_the_figures_are_core_s(qtbot: QtBot, demo: Demo) -> None:
    area = make_statistics(qtbot, demo)
    report = statistics_report(demo.db, POLICY)
    targets = area.targets
    assert targets.rowCount() == len(report.targets) == 9
    for row, target in enumerate(report.targets):
        cells = [targets.data(targets.index(row, c)) for c in range(targets.columnCount())]
        assert cells[0] == target.label
        assert cells[2].endswith(figure_text(target.required, target.unit))
        if target.achieved is None:
            assert cells[3] == target.missing_reason == "未填报"
        else:
            assert cells[3] == figure_text(target.achieved, target.unit)
            assert cells[4] == f"{target.share * 100:.1f}%"
            assert cells[5] == figure_text(target.gap, target.unit)
            assert cells[6] == ("是" if target.met else "否")
        bar = targets.data(targets.index(row, 4), Qt.ItemDataRole.DecorationRole)
        assert isinstance(bar, QPixmap) and bar.width() == 120
        assert targets.data(targets.index(row, 0), REFERENCES_ROLE) == target.references
    count = report.target("transfer_license_count")
    assert (count.achieved, count.required, count.gap) == (3, 30, 27)
    assert targets.data(targets.index(0, 3)) == "3" and targets.data(targets.index(0, 5)) == "27"
    amount = report.target("pledge_amount")
    row = [t.code for t in report.targets].index("pledge_amount")
    assert targets.data(targets.index(row, 3)) == format_yuan(amount.achieved)
    ratio_row = [t.code for t in report.targets].index("pledge_sme_ratio")
    assert targets.data(targets.index(ratio_row, 2)) == "> 60.00%"

    items = {area.items.data(area.items.index(r, 0)): r for r in range(area.items.rowCount())}
    for figure in report.items:
        r = items[figure.name]
        assert area.items.data(area.items.index(r, 2)) == str(figure.claims)
        assert area.items.data(area.items.index(r, 3)) == format_yuan(figure.amount)
    assert [area.months.data(area.months.index(r, 2)) for r in range(area.months.rowCount())] == [
        format_yuan(m.paid) for m in report.months
    ]
    assert area.budget_labels["paid"].text() == f"{format_yuan(report.budget.paid)} 元"
    assert area.budget_labels["budget"].text() == "1,000,000.00 元"
    assert area.budget_labels["share"].text() == f"{report.budget.share * 100:.2f}%"
    assert "未填报" in area.summary.text()


def test_a_figure_leads_to_its_cases_and_a_case_opens(qtbot: QtBot, demo: Demo) -> None:
    area = make_statistics(qtbot, demo)
    report = statistics_report(demo.db, POLICY)
    opened: list[int] = []
    area.open_case_requested.connect(opened.append)
    index = area.targets.index(0, 3)
    area.targets_table.doubleClicked.emit(index)
    dialog = area.dialogs[-1]
    qtbot.addWidget(dialog)
    expected = case_refs(demo.db, report.targets[0].references)
    assert [
        dialog.model.data(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount())
    ] == [r.case_number for r in expected]
    assert "3 件" in dialog.figure.text()
    dialog.table.doubleClicked.emit(dialog.model.index(1, 0))
    assert opened == [expected[1].id]
    dialog.close()
    # An item with nothing paid says so.
    zero = [
        r for r in range(area.items.rowCount()) if area.items.data(area.items.index(r, 2)) == "0"
    ]
    area.items_table.doubleClicked.emit(area.items.index(zero[0], 3))
    assert "尚无" in area.dialogs[-1].figure.text()
    area.dialogs[-1].close()
    # From the keyboard: Enter on a figure does what a double-click does.
    area.tabs.setCurrentIndex(0)
    with qtbot.waitActive(area):
        area.activateWindow()
    area.targets_table.setFocus()
    area.targets_table.setCurrentIndex(area.targets.index(0, 3))
    qtbot.keyClick(area.targets_table, Qt.Key.Key_Return)
    assert "3 件" in area.dialogs[-1].figure.text()


def test_the_chart_draws_what_was_paid(qtbot: QtBot, demo: Demo) -> None:
    area = make_statistics(qtbot, demo)
    area.tabs.setCurrentIndex(2)
    qtbot.waitExposed(area.chart)
    area.chart.grab()  # paints, recording where each bar is
    cells = payouts_by_month_and_item(demo.db, POLICY)
    assert len(area.chart.hits) == len(cells)
    paid = statistics_report(demo.db, POLICY).budget.paid
    assert sum(h.amount for h in area.chart.hits) == paid
    assert area.chart_note.text().startswith(f"兑现合计：{format_yuan(paid)} 元")
    hit = max(area.chart.hits, key=lambda h: h.amount)
    shown: list[Any] = []
    area.chart.figure_activated.connect(lambda *a: shown.append(a))
    center = hit.rect.center().toPoint()
    qtbot.mouseDClick(area.chart, Qt.MouseButton.LeftButton, pos=center)
    assert shown and shown[0][0] == hit.label and shown[0][2] == hit.references
    area.by_item.setChecked(True)
    area.chart.grab()
    assert len(area.chart.hits) == len({c.item for c in cells})


def test_a_payout_moves_the_figures_and_the_export_matches(
    qtbot: QtBot, demo: Demo, file_dialogs: Any, messages: Any, tmp_path: Path
) -> None:
    supervisor = demo.users["supervisor"].id
    before = statistics_report(demo.db, POLICY)
    # The demo's first batch still has two cases cleared for payout.
    cleared = [line.case_id for line in notice.payout_list(demo.db, 1) if line.paid_on is None]
    notice.mark_paid(
        demo.db, supervisor, [notice.Payment(c, f"V{c}") for c in cleared], dt.date(2024, 12, 9)
    )
    area = make_statistics(qtbot, demo)
    after = statistics_report(demo.db, POLICY)
    assert after.paid_cases == before.paid_cases + len(cleared) == 7
    months = [area.months.data(area.months.index(r, 0)) for r in range(area.months.rowCount())]
    assert months == ["2024-11", "2024-12"]
    assert area.budget_labels["paid"].text() == f"{format_yuan(after.budget.paid)} 元"
    open_licenses = [t.code for t in after.targets].index("open_licenses")
    assert area.targets.data(area.targets.index(open_licenses, 3)) == figure_text(
        after.targets[open_licenses].achieved, "件"
    )

    target = tmp_path / "统计.xlsx"
    file_dialogs.answers.append(str(target))
    area.export_button.click()
    wait_for_jobs(qtbot)
    assert target.exists()
    book = openpyxl.load_workbook(target)
    sheet = book["工作目标"]
    for offset, figure in enumerate(after.targets, start=1):
        row = [c.value for c in sheet[3 + offset]]
        assert row[1] == figure.label
        if figure.achieved is not None:
            assert float(row[4]) == float(figure.achieved)
    by_month = book["按月份"]
    assert [by_month.cell(3 + i, 3).value for i in range(2)] == [
        float(m.paid) for m in after.months
    ]
    assert "已保存到" in messages.last().text
