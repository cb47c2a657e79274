"""The demonstration projects: one in each state a clerk meets, deterministic."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from core.db.audit import verify_chain
from core.db.clock import FixedClock
from core.db.database import Database, open_database
from core.projects.demo import LAST_DAY, populate_demo_projects
from core.projects.model import PaymentKind
from core.projects.queries import list_project_details, list_projects
from core.projects.rules import ReminderKind
from tests.core.db.conftest import People
from tests.core.projects.helpers import START, S


def _populate(db: Database, people: People) -> int:
    clock = db.clock
    assert isinstance(clock, FixedClock)
    return populate_demo_projects(
        db, clock, clerk=people.clerk, clerk2=people.clerk2, supervisor=people.supervisor
    )


def test_every_state_a_clerk_meets(db: Database, people: People):
    assert _populate(db, people) == 7
    details = {d.number[-4:-1]: d for d in list_project_details(db, today=LAST_DAY)}
    assert {k: d.status for k, d in details.items()} == {
        "第01": S.CLOSED,
        "第02": S.IN_PROGRESS,
        "第03": S.IN_PROGRESS,
        "第04": S.TERMINATED,
        "第05": S.UNDER_EVALUATION,
        "第06": S.APPLIED,
        "第07": S.NOT_APPROVED,
    }
    closed = details["第01"]
    assert closed.paid(PaymentKind.APPROVAL) == Decimal("300000.00")
    assert closed.paid(PaymentKind.CLOSURE) == Decimal("200000.00")
    assert closed.accepted_early and all(t.met for t in closed.targets)
    overdue = details["第02"]
    assert [(r.kind, r.overdue) for r in overdue.reminders] == [
        (ReminderKind.PROGRESS_REPORT, True)
    ]
    assert [i.category for i in overdue.spending_issues] == ["业务招待费"]
    extension = details["第03"].pending_request
    assert extension is not None and extension.kind.label == "延期"
    ended = details["第04"]
    assert ended.settlement is not None
    assert ended.settlement.recovered + ended.settlement.kept == ended.paid()
    assert [c.met for c in details["第07"].conditions if c.code == "no_dishonesty"] == [False]
    rows = list_projects(db, today=LAST_DAY).rows
    assert sum(1 for r in rows if r.reminders or r.pending_request) == 2
    with db.read() as session:
        assert verify_chain(session).ok


def test_the_demo_projects_are_deterministic(people_template: tuple[Path, People], tmp_path: Path):
    template, people = people_template
    paths = [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"]
    for path in paths:
        shutil.copyfile(template, path)
        database = open_database(path, clock=FixedClock(START))
        try:
            _populate(database, people)
        finally:
            database.close()
    query = (
        "SELECT p.number, p.status, p.title, p.end_date, p.recovered, p.kept, p.version,"
        " (SELECT group_concat(credit_code) FROM project_units u WHERE u.project_id = p.id),"
        " (SELECT sum(amount) FROM project_spending s WHERE s.project_id = p.id),"
        " (SELECT group_concat(action || happened_on || actor_id) FROM project_events e"
        "  WHERE e.project_id = p.id)"
        " FROM projects p ORDER BY p.id"
    )
    with sqlite3.connect(paths[0]) as a, sqlite3.connect(paths[1]) as b:
        first = a.execute(query).fetchall()
        assert len(first) == 7
        assert first == b.execute(query).fetchall()
