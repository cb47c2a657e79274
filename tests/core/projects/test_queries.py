"""The project list, reminders as of a controlled date, allowed actions, finding a project."""

from __future__ import annotations

import datetime as dt

import pytest

from core.db.database import Database
from core.projects import workflow
from core.projects.model import DecisionForm, ProjectFilters
from core.projects.queries import (
    allowed_project_actions,
    get_project,
    get_project_by_number,
    list_project_details,
    list_projects,
    project_policy_ids,
    project_reminders,
    resolve_project,
)
from core.projects.rules import ProjectAction, ReminderKind
from core.records.errors import NotFound
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    BEGIN,
    S,
    advance,
    at,
    code,
    extension,
    midterm,
    progress,
    register,
)


@pytest.fixture
def three(db: Database, people: People) -> dict[str, int]:
    """In progress (started 2025-02-01), under evaluation, terminated."""
    ids = {
        "running": register(db, people, 1, title="智能底盘专利培育"),
        "evaluating": register(db, people, 2, title="镁合金器械专利培育"),
        "ended": register(db, people, 3, title="功率半导体专利培育"),
    }
    advance(db, people, ids["running"], S.IN_PROGRESS)
    advance(db, people, ids["evaluating"], S.UNDER_EVALUATION)
    advance(db, people, ids["ended"], S.TERMINATED)
    return ids


def test_list_with_status_counts_and_filters(db: Database, three: dict[str, int]):
    page = list_projects(db)
    assert [r.number[-4:] for r in page.rows] == ["第01号", "第02号", "第03号"]
    assert page.counts_by_status == {S.IN_PROGRESS: 1, S.UNDER_EVALUATION: 1, S.TERMINATED: 1}
    only = list_projects(db, ProjectFilters(statuses=(S.IN_PROGRESS, S.TERMINATED)))
    assert [r.id for r in only.rows] == [three["running"], three["ended"]]
    # The tabs keep counting every status under the other filters.
    assert only.counts_by_status == page.counts_by_status
    assert list_projects(db, ProjectFilters(year=2025)).total == 3  # the year of application
    assert list_projects(db, ProjectFilters(year=2024)).total == 0


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("镁合金", ["evaluating"]),  # title
        ("第03号", ["ended"]),  # number
        ("测试01", ["running"]),  # unit name
        ("璧山理工", ["running", "evaluating", "ended"]),  # a joint unit of all three
        (code(102)[:17], ["evaluating"]),  # credit code prefix
        (code(102).lower(), ["evaluating"]),
        ("没有这个", []),
    ],
)
def test_search(db: Database, three: dict[str, int], search: str, expected: list[str]):
    rows = list_projects(db, ProjectFilters(search=search)).rows
    assert [r.id for r in rows] == [three[k] for k in expected]


def test_list_rows_carry_money_and_reminders_as_of_the_given_day(
    db: Database, three: dict[str, int]
):
    # The first progress report is due 6 months after the start: 2025-08-01.
    quiet = list_projects(db, today=dt.date(2025, 7, 17))
    assert all(r.reminders == () for r in quiet.rows)
    due = list_projects(db, today=dt.date(2025, 7, 18))
    running = next(r for r in due.rows if r.id == three["running"])
    assert [(x.kind, x.due, x.overdue) for x in running.reminders] == [
        (ReminderKind.PROGRESS_REPORT, dt.date(2025, 8, 1), False)
    ]
    late = list_projects(db, today=dt.date(2025, 8, 2))
    assert next(r for r in late.rows if r.id == three["running"]).overdue
    ended = next(r for r in late.rows if r.id == three["ended"])
    assert ended.reminders == () and ended.recovered == 200000
    attention = list_projects(db, ProjectFilters(needs_attention=True), today=dt.date(2025, 8, 2))
    assert [r.id for r in attention.rows] == [three["running"]]


def test_the_database_clock_is_today_by_default(db: Database, three: dict[str, int]):
    at(db, dt.date(2025, 9, 2))  # the fixture's termination left the clock at 2025-09-01
    page = list_projects(db)
    assert page.today == dt.date(2025, 9, 2)
    assert get_project(db, three["running"]).reminders[0].overdue


def test_project_reminders_over_time(db: Database, people: People, three: dict[str, int]):
    pid = three["running"]
    assert project_reminders(db, dt.date(2025, 7, 1)) == []
    first = project_reminders(db, dt.date(2025, 7, 20))
    assert [(r.project_id, r.reminder.kind) for r in first] == [(pid, ReminderKind.PROGRESS_REPORT)]
    assert first[0].lead_unit == "重庆璧山测试01科技有限公司"
    # Reports for the first two periods; the mid-term (half of 24 months) falls due.
    for day in (dt.date(2025, 7, 30), dt.date(2026, 1, 28)):
        at(db, day)
        workflow.report_progress(db, people.clerk, pid, progress(day))
    mid = project_reminders(db, dt.date(2026, 1, 30))
    assert [(r.reminder.kind, r.reminder.due) for r in mid] == [
        (ReminderKind.MIDTERM, dt.date(2026, 2, 1))
    ]
    at(db, dt.date(2026, 2, 3))
    workflow.record_midterm(db, people.supervisor, pid, midterm(dt.date(2026, 2, 3)))
    for day in (dt.date(2026, 7, 30), dt.date(2027, 1, 10)):
        at(db, day)
        workflow.report_progress(db, people.clerk, pid, progress(day))
    # 60 days before the end (2027-01-31): prepare acceptance or ask for an extension.
    assert project_reminders(db, dt.date(2026, 12, 1)) == []
    near = project_reminders(db, dt.date(2026, 12, 2))
    assert [r.reminder.kind for r in near] == [ReminderKind.END_NEAR]
    passed = project_reminders(db, dt.date(2027, 2, 1))
    assert [(r.reminder.kind, r.reminder.overdue) for r in passed] == [
        (ReminderKind.END_PASSED, True)
    ]
    # A pending extension request silences the end reminders until decided.
    at(db, dt.date(2027, 2, 1))
    workflow.request_extension(
        db, people.clerk, pid, extension(dt.date(2027, 2, 1), dt.date(2027, 12, 31))
    )
    assert project_reminders(db, dt.date(2027, 2, 1)) == []
    row = list_projects(db, ProjectFilters(needs_attention=True), dt.date(2027, 2, 1)).rows[0]
    assert row.pending_request is not None and row.pending_request.label == "延期"


def test_allowed_actions_include_the_recordings(db: Database, people: People):
    pid = register(db, people)
    applied = allowed_project_actions(db, people.clerk, pid)
    assert applied.actions == (ProjectAction.CHECK_ELIGIBILITY,)
    assert applied.edit and not applied.record_spending and not applied.record_actuals
    assert ProjectAction.CHECK_ELIGIBILITY in applied
    advance(db, people, pid, S.IN_PROGRESS)
    running = allowed_project_actions(db, people.clerk, pid)
    assert not running.edit and running.record_spending and running.record_actuals
    assert set(running.actions) == {
        ProjectAction.REPORT_PROGRESS,
        ProjectAction.REQUEST_EXTENSION,
        ProjectAction.REQUEST_TERMINATION,
    }
    supervisor = allowed_project_actions(db, people.supervisor, pid)
    assert {ProjectAction.MIDTERM, ProjectAction.ACCEPT} <= set(supervisor.actions)


def test_detail_of_an_extended_project(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    workflow.request_extension(db, people.clerk, pid, extension(day, dt.date(2027, 6, 30)))
    workflow.decide_extension(db, people.supervisor, pid, DecisionForm(day, True, "同意延期"))
    detail = get_project(db, pid)
    assert (detail.approved_end, detail.end) == (dt.date(2027, 1, 31), dt.date(2027, 6, 30))
    assert detail.start == BEGIN
    assert detail.latest_request is not None and detail.latest_request.new_end == detail.end
    assert [e.label for e in detail.events][-2:] == ["登记延期申请", "审定延期申请"]


def test_finding_a_project_by_what_a_clerk_types(db: Database, people: People):
    first = register(db, people, 1)
    register(db, people, 2)
    number = get_project(db, first).number
    for text in (number, f" {number} ", "2025-1", "2025年1", "1", "01", "第01号", "第1号"):
        assert resolve_project(db, text) == first, text
    for text in ("2024-1", "9", "abc", ""):
        with pytest.raises(NotFound):
            resolve_project(db, text)
    assert get_project_by_number(db, number).id == first
    with pytest.raises(NotFound, match="没有项目编号"):
        get_project_by_number(db, "渝高价值培育〔2024〕第99号")
    assert project_policy_ids(db) == ["chongqing-hvp-2024"]
    assert [d.id for d in list_project_details(db)] == [first, first + 1]
    assert list_project_details(db, policy_id="other") == []


def test_an_unknown_project_is_not_found(db: Database, people: People):
    with pytest.raises(NotFound):
        get_project(db, 42)
    with pytest.raises(NotFound):
        allowed_project_actions(db, people.clerk, 42)
