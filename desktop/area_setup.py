"""The areas this version of the desk has. Part 2 registers its screens here, not in the shell.

Each factory imports its screen lazily, so an area costs nothing until it is first opened.
An area that changes cases tells the host (``refresh_areas``), which tells every other area.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.areas import (
    ADMIN,
    CULTIVATION,
    INTAKE,
    NOTICE,
    REVIEW,
    STATISTICS,
    AreaHost,
    register_area,
)

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
    # The supervisor's queues and read-only review windows (part 2).
    from desktop.controllers.review import Review
    from desktop.qt import qconnect

    widget = Review(context)
    qconnect(widget.changed, host.refresh_areas)
    qconnect(widget.edit_requested, host.open_case)
    return widget


def _notice(context: DeskContext, host: AreaHost) -> QWidget:
    from desktop.controllers.notice import Notice
    from desktop.qt import qconnect

    widget = Notice(context)
    qconnect(widget.changed, host.refresh_areas)
    qconnect(widget.open_case_requested, host.open_case)
    return widget


def _cultivation(context: DeskContext, host: AreaHost) -> QWidget:
    # The municipal cultivation projects (seed 000) have their own list and editor.
    from desktop.controllers.projects import Projects

    return Projects(context)


def _statistics(context: DeskContext, host: AreaHost) -> QWidget:
    from desktop.controllers.statistics import Statistics
    from desktop.qt import qconnect

    widget = Statistics(context)
    qconnect(widget.open_case_requested, host.open_case)
    return widget


def _admin(context: DeskContext, host: AreaHost) -> QWidget:
    from desktop.controllers.admin import Admin
    from desktop.qt import qconnect

    # The backup reminder is shown once at login by the shell (MainWindow), not here.
    widget = Admin(context)
    # A restore replaces every case: the case windows are closed first (or nothing happens).
    widget.backup.before_restore = host.close_editors
    qconnect(widget.changed, host.refresh_areas)
    qconnect(widget.database_replaced, lambda: host.refresh_areas(None))
    return widget


def _guard(area: str) -> Callable[[DeskContext], bool]:
    def visible(context: DeskContext) -> bool:
        from core.records.permissions import may_open_area

        return may_open_area(context.user.roles, area)

    return visible


def register_builtin_areas() -> None:
    # Who sees an area is core's answer (core.records.permissions.AREA_ROLES); what they may
    # do in it is asked of core case by case (available_actions).
    for key, factory in (
        (INTAKE, _intake),
        (REVIEW, _review),
        (NOTICE, _notice),
        (CULTIVATION, _cultivation),
        (STATISTICS, _statistics),
        (ADMIN, _admin),
    ):
        register_area(key, factory, _guard(key))
