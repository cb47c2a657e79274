"""Targets of the project's own beside the catalogue (issue 16 §7; 第七条「明确的任务目标和
考核指标」): a name, a unit, the value to reach and how it is verified."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from core.db.database import Database
from core.projects import records, workflow
from core.projects.documents import render_acceptance
from core.projects.model import CUSTOM_METRIC, ActualForm, ProgressForm, TargetForm
from core.projects.queries import get_project
from core.records.errors import InvalidInput
from tests.core.db.conftest import People
from tests.core.projects.helpers import S, acceptance, advance, at, project_form
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

CATALOGUE = [TargetForm("invention_applications", 20)]


def custom(target: Any = "3", **changes: str) -> TargetForm:
    values = {
        "label": "专利运营合同",
        "unit": "份",
        "verification": "合同原件及技术合同登记证明",
    } | changes
    return TargetForm(CUSTOM_METRIC, target, **values)


def register(db: Database, people: People, *targets: TargetForm) -> int:
    form = project_form(targets=[*CATALOGUE, *targets])
    return records.register_project(db, people.clerk, form).id


def test_a_custom_target_goes_from_application_to_acceptance(db: Database, people: People):
    pid = register(db, people, custom("3"), custom("150000.50", label="运营收入", unit="元"))
    detail = get_project(db, pid)
    own = [t for t in detail.targets if t.metric.startswith("custom:")]
    assert [(t.metric, t.label, t.unit, t.target, t.goal) for t in own] == [
        ("custom:1", "专利运营合同", "份", Decimal("3"), "合同原件及技术合同登记证明"),
        ("custom:2", "运营收入", "元", Decimal("150000.50"), "合同原件及技术合同登记证明"),
    ]
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 8, 1)
    at(db, day)
    report = ProgressForm(day, "按计划推进", "签订运营合同", "继续", [ActualForm("custom:1", "2")])
    workflow.report_progress(db, people.clerk, pid, report)
    with pytest.raises(InvalidInput, match="须为整数"):
        workflow.report_progress(
            db, people.clerk, pid, ProgressForm(day, "a", "b", "c", [ActualForm("custom:1", "2.5")])
        )
    day = dt.date(2027, 2, 10)
    at(db, day)
    actuals = [ActualForm("invention_applications", 22), ActualForm("custom:1", "4")]
    workflow.accept_project(db, people.supervisor, pid, acceptance(day, actuals=actuals))
    detail = get_project(db, pid)
    contracts = next(t for t in detail.targets if t.metric == "custom:1")
    assert contracts.actual == 4 and contracts.met
    pdf = render_acceptance(detail)
    assert_all_fonts_embedded(pdf)
    text = "".join(pdf_text(pdf).split())
    assert "专利运营合同" in text and "运营收入" in text


@pytest.mark.parametrize(
    ("target", "where", "problem"),
    [
        (custom(verification=""), "targets[1].verification", "考核方式"),
        (custom(unit=""), "targets[1].unit", "计量单位"),
        (custom(label=""), "targets[1].label", "自定目标名称"),
        (custom(label="发明专利申请量"), "targets[1].label", "目录中的指标"),
        (custom("0"), "targets[1].target", "须大于0"),
        (custom("1.5"), "targets[1].target", "须为整数"),
        (custom(label="很" * 41), "targets[1].label", "不超过40个字"),
    ],
)
def test_a_custom_target_is_refused_with_what_to_fix(
    db: Database, people: People, target: TargetForm, where: str, problem: str
):
    with pytest.raises(InvalidInput, match=problem) as caught:
        register(db, people, target)
    assert caught.value.where == where


def test_the_same_custom_target_twice_is_refused(db: Database, people: People):
    with pytest.raises(InvalidInput, match="重复填写"):
        register(db, people, custom("1"), custom("2"))
