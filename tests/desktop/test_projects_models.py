"""The 培育项目 models over core's list, reminders and project detail pass Qt's model checks
and read as a clerk reads them."""

from __future__ import annotations

from typing import Any

from desktop.models.project_list_model import ProjectListModel, ProjectReminderModel
from desktop.models.project_table_model import (
    ERROR,
    KEY_ROLE,
    ROW_ROLE,
    ProjectBudgetModel,
    ProjectConditionModel,
    ProjectEventModel,
    ProjectReportModel,
    ProjectRequestModel,
    ProjectSpendingModel,
    ProjectTargetModel,
)
from desktop.qt import Qt
from tests.desktop.test_projects_support import Hvp, hvp

__all__ = ["hvp"]


def test_list_and_reminder_models(qtmodeltester: Any, hvp: Hvp) -> None:
    from core.projects.queries import list_projects, project_reminders

    model = ProjectListModel()
    qtmodeltester.check(model)
    model.set_rows(list_projects(hvp.db).rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 7 and model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Horizontal) == "项目编号"
    first = model.index(0, 0)
    assert model.data(first, KEY_ROLE) == model.rows[0].id
    assert model.data(first, ROW_ROLE) is model.rows[0]
    assert model.data(model.index(0, 5)) == "2025-02-01至2027-01-31"
    assert model.data(model.index(0, 6)) == "500,000.00"
    reminders = ProjectReminderModel()
    reminders.set_rows(project_reminders(hvp.db))
    qtmodeltester.check(reminders)
    assert reminders.rowCount() == 1
    assert reminders.data(reminders.index(0, 1), Qt.ItemDataRole.ForegroundRole) == ERROR


def test_detail_models(qtmodeltester: Any, hvp: Hvp) -> None:
    from core.projects.queries import get_project

    closed = get_project(hvp.db, hvp.project_id(1))
    flagged = get_project(hvp.db, hvp.project_id(2))
    refused = get_project(hvp.db, hvp.project_id(7))
    pending = get_project(hvp.db, hvp.project_id(3))
    cases: list[tuple[Any, Any]] = [
        (ProjectConditionModel(), refused.conditions),
        (ProjectReportModel(), closed.reports),
        (ProjectRequestModel(), pending.requests),
        (ProjectTargetModel(), closed.targets),
        (ProjectBudgetModel(), flagged.budget),
        (ProjectSpendingModel(), flagged.spending),
        (ProjectEventModel(), closed.events),
    ]
    for model, rows in cases:
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows) > 0
    conditions = cases[0][0]
    texts = [conditions.data(conditions.index(r, 2)) for r in range(conditions.rowCount())]
    assert texts.count("不符合") == 1 and texts.count("符合") == 4  # 第四条 and 第五条（一）…（四）
    requests = cases[2][0]
    assert requests.data(requests.index(0, 4)) == "待审定"
    targets = cases[3][0]
    assert targets.data(targets.index(0, 6)) in ("√", "×")
    spending = cases[5][0]
    flags = [spending.data(spending.index(r, 3)) for r in range(spending.rowCount())]
    assert "不在第十一条范围内" in flags
    events = cases[6][0]
    assert events.data(events.index(0, 1)) == "登记申报"
