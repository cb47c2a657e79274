"""Who may edit which case and open which area: the one answer the desk and core share."""

from __future__ import annotations

import pytest

from core.records.permissions import AREA_ROLES, can_edit, may_open_area
from core.records.roles import Role
from core.records.states import AWARDED_STATUSES, CLOSED_STATUSES, Status

CLERK = {Role.CLERK}
SUPERVISOR = {Role.SUPERVISOR}
ADMIN = {Role.ADMIN}


def test_only_a_clerk_registers_a_new_case() -> None:
    assert can_edit(None, CLERK)
    assert not can_edit(None, SUPERVISOR)
    assert not can_edit(None, ADMIN)


@pytest.mark.parametrize(
    "status",
    [Status.REGISTERED, Status.CORRECTION_REQUESTED, Status.ACCEPTED, Status.RETURNED],
)
def test_the_clerk_edits_a_case_still_at_the_counter(status: Status) -> None:
    assert can_edit(status, CLERK)
    assert not can_edit(status, SUPERVISOR)


def test_awaiting_review_is_the_supervisors_to_change() -> None:
    assert can_edit(Status.AWAITING_SUPERVISOR, SUPERVISOR)
    assert not can_edit(Status.AWAITING_SUPERVISOR, CLERK)


@pytest.mark.parametrize("status", sorted(AWARDED_STATUSES | CLOSED_STATUSES))
def test_nobody_edits_a_decided_or_closed_case(status: Status) -> None:
    # Approved facts are frozen in the snapshot; a payee changes only by a second person.
    assert not can_edit(status, CLERK | SUPERVISOR | ADMIN)


def test_areas_by_role() -> None:
    def areas(roles: set[Role]) -> set[str]:
        return {area for area in AREA_ROLES if may_open_area(roles, area)}

    assert areas(CLERK) == {"intake", "cultivation"}
    assert areas(SUPERVISOR) == {"intake", "review", "notice", "cultivation", "statistics"}
    assert areas(ADMIN) == {"admin"}
    assert areas(set()) == set()
    assert not may_open_area(CLERK | SUPERVISOR | ADMIN, "no-such-area")
