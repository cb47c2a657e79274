"""The main window's areas, as a registry: part 2 adds screens without touching the shell.

An area is registered with its place in the navigation, a translatable title (marked with
``QT_TRANSLATE_NOOP`` and translated when shown) and a factory that builds its widget for the
logged-in session. The shell lists the registered areas the user may see; an area nobody has
registered yet is simply not there, so there is never a dead button.

Which areas a user may open is core's decision (``permission``: a permission code asked of the
records layer); the registry only carries the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desktop.qt import QT_TRANSLATE_NOOP, QWidget, translate

if TYPE_CHECKING:
    from core.records.changes import Changes
    from desktop.context import DeskContext

AREA_CONTEXT = "Area"

# The areas of the issue, in navigation order. Titles are translated when shown.
INTAKE = "intake"
REVIEW = "review"
NOTICE = "notice"
CULTIVATION = "cultivation"
STATISTICS = "statistics"
ADMIN = "admin"

TITLES: dict[str, str] = {
    INTAKE: QT_TRANSLATE_NOOP("Area", "Intake"),
    REVIEW: QT_TRANSLATE_NOOP("Area", "Awaiting my review"),
    NOTICE: QT_TRANSLATE_NOOP("Area", "Notice and payout"),
    CULTIVATION: QT_TRANSLATE_NOOP("Area", "Cultivation projects"),
    STATISTICS: QT_TRANSLATE_NOOP("Area", "Statistics"),
    ADMIN: QT_TRANSLATE_NOOP("Area", "Administration"),
}
ORDER: tuple[str, ...] = (INTAKE, REVIEW, NOTICE, CULTIVATION, STATISTICS, ADMIN)


class AreaHost(Protocol):
    """What an area may ask of the shell (the main window)."""

    def open_case(self, case_id: int) -> None: ...

    def new_case(self) -> None: ...

    def refresh_areas(self, changes: Changes | None = None) -> None:
        """Every area with ``refresh()`` reads again (``None``: everything, e.g. a restore)."""
        ...

    def close_editors(self) -> bool:
        """Close every case window before the database is replaced; False if one stayed."""
        ...


class Refreshable(Protocol):
    """An area widget with ``refresh()`` is told when cases change (a save, a restore)."""

    def refresh(self) -> None: ...


AreaFactory = Callable[["DeskContext", AreaHost], QWidget]
# Whether the logged-in user may see the area; asked of core through the context.
AreaGuard = Callable[["DeskContext"], bool]


@dataclass(frozen=True)
class Area:
    key: str
    factory: AreaFactory
    visible_to: AreaGuard
    # Keyboard shortcut in the navigation (Ctrl+1 …), assigned from ORDER.
    order: int = 0

    @property
    def title(self) -> str:
        return translate(AREA_CONTEXT, TITLES.get(self.key, self.key))


_registry: dict[str, Area] = {}


def register_area(key: str, factory: AreaFactory, visible_to: AreaGuard) -> None:
    """Register (or replace) an area. ``key`` should be one of ORDER; others go last."""
    order = ORDER.index(key) if key in ORDER else len(ORDER) + len(_registry)
    _registry[key] = Area(key, factory, visible_to, order)


def unregister_area(key: str) -> None:
    _registry.pop(key, None)


def registered_areas() -> list[Area]:
    return sorted(_registry.values(), key=lambda a: a.order)


def areas_for(context: DeskContext) -> list[Area]:
    return [area for area in registered_areas() if area.visible_to(context)]
