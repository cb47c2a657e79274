"""Who may do what, asked by the desk and enforced by the operations: one answer for both.

Two questions live here. Which areas of the desk a user may open is a matter of the roles
held (docs/desk.md lists the areas). Whether a user may change a case's facts now depends on
its status and the roles held (``CLERK_EDITABLE``/``SUPERVISOR_EDITABLE`` in states.py); the
operations in cases.py refuse with a reason when this says no, and the desk greys the
editor by the same answer instead of letting the user type and then refusing.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.records.roles import Role
from core.records.states import CLERK_EDITABLE, SUPERVISOR_EDITABLE, Status

# The desk's areas (desktop/areas.py names them with the same codes) and the roles that open
# each. Cases: clerks register, supervisors look up what they review. Review, notice and
# statistics are the supervisor's work (seed 002 五(二)–(三) decide and pay); projects are
# followed by both; administration is the administrator's alone.
AREA_ROLES: dict[str, frozenset[Role]] = {
    "intake": frozenset({Role.CLERK, Role.SUPERVISOR}),
    "review": frozenset({Role.SUPERVISOR}),
    "notice": frozenset({Role.SUPERVISOR}),
    "cultivation": frozenset({Role.CLERK, Role.SUPERVISOR}),
    "statistics": frozenset({Role.SUPERVISOR}),
    "admin": frozenset({Role.ADMIN}),
}


def may_open_area(roles: Iterable[Role], area: str) -> bool:
    """Whether someone holding ``roles`` sees the area; an unknown area is seen by nobody."""
    return not AREA_ROLES.get(area, frozenset()).isdisjoint(roles)


def can_edit(status: Status | None, roles: Iterable[Role]) -> bool:
    """Whether someone holding ``roles`` may change the facts of a case in ``status``.

    ``None`` is a case not registered yet: only a clerk registers (seed 002 五(一) 受理)."""
    held = frozenset(roles)
    if status is None:
        return Role.CLERK in held
    return (status in CLERK_EDITABLE and Role.CLERK in held) or (
        status in SUPERVISOR_EDITABLE and Role.SUPERVISOR in held
    )
