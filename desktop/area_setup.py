"""The areas this version of the desk has. Part 2 registers its screens here, not in the shell.

Each factory imports its screen lazily, so an area costs nothing until it is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.areas import INTAKE, REVIEW, AreaHost, register_area

if TYPE_CHECKING:
    from desktop.context import DeskContext
    from desktop.qt import QWidget


def _intake(context: DeskContext, host: AreaHost) -> QWidget:
    from desktop.controllers.case_list import CaseList
    from desktop.qt import qconnect

    widget = CaseList(context, name="intake", can_create=context.has_role("clerk"))
    qconnect(widget.open_requested, host.open_case)
    qconnect(widget.new_requested, host.new_case)
    return widget


def _review(context: DeskContext, host: AreaHost) -> QWidget:
    from core.records.states import Status
    from desktop.controllers.case_list import CaseList
    from desktop.qt import qconnect

    widget = CaseList(
        context, name="review", fixed_statuses=(Status.AWAITING_SUPERVISOR,), can_create=False
    )
    qconnect(widget.open_requested, host.open_case)
    return widget


def register_builtin_areas() -> None:
    # Who sees an area is a question of roles held (core's Role); what they may do in it is
    # asked of core case by case (available_actions).
    register_area(INTAKE, _intake, lambda c: c.has_role("clerk") or c.has_role("supervisor"))
    register_area(REVIEW, _review, lambda c: c.has_role("supervisor"))
