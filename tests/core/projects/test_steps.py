"""core.projects.steps: one table from a step's form values to core's operation."""

from __future__ import annotations

import pytest

from core.db.database import Database
from core.projects.model import RECORD_ACTUALS, RECORD_SPENDING
from core.projects.queries import get_project
from core.projects.rules import ProjectAction
from core.projects.steps import STEP_CALLS, run_step
from core.records.errors import StaleEdit
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    CHECKED,
    SENT,
    S,
    all_met,
    at,
    register,
)


def test_every_step_of_the_rules_and_both_recordings_have_a_call() -> None:
    assert set(STEP_CALLS) == {a.value for a in ProjectAction} | {RECORD_SPENDING, RECORD_ACTUALS}


def test_a_step_runs_from_its_form_values_and_refuses_a_stale_copy(
    db: Database, people: People
) -> None:
    project_id = register(db, people)
    version = get_project(db, project_id).version
    at(db, CHECKED)
    values = {"findings": all_met(), "checked_on": CHECKED}
    run_step(db, people.clerk2, project_id, "check_eligibility", values, expected_version=version)
    assert get_project(db, project_id).status is S.ELIGIBILITY_CHECKED
    at(db, SENT)
    with pytest.raises(StaleEdit):
        run_step(
            db,
            people.clerk2,
            project_id,
            "evaluate",
            {"submitted_on": SENT, "note": ""},
            expected_version=version,
        )
    run_step(db, people.clerk2, project_id, "evaluate", {"submitted_on": SENT, "note": "送评"})
    assert get_project(db, project_id).status is S.UNDER_EVALUATION
