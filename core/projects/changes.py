"""What a project operation changed, so the screens refresh just that.

The records layer's :class:`core.records.changes.Changes` speaks of cases, applicants and
notices; the projects are a separate register with their own list and detail, so they get
their own small value of the same shape instead of a flag squeezed into that one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProjectChanges:
    """Returned by every project operation. ``id`` is the project's id."""

    project_ids: frozenset[int] = field(default_factory=frozenset)
    # A column of the project list changed (status, title, unit, dates, money, reminders).
    project_list: bool = False
    # Payments, the settlement or spending changed (the money tab and the workbook).
    money: bool = False
    # Targets or their reported actual values changed.
    targets: bool = False
    id: int | None = None
    # A user-facing sentence about what was done (e.g. "已立项 渝高价值培育〔2024〕第01号").
    note: str = ""
    # Things done but worth a second look (an extension beyond 36 months, a flagged spending).
    warnings: tuple[str, ...] = ()

    def __or__(self, other: ProjectChanges) -> ProjectChanges:
        return ProjectChanges(
            project_ids=self.project_ids | other.project_ids,
            project_list=self.project_list or other.project_list,
            money=self.money or other.money,
            targets=self.targets or other.targets,
            id=self.id if self.id is not None else other.id,
            note="；".join(n for n in (self.note, other.note) if n),
            warnings=self.warnings + other.warnings,
        )

    @property
    def empty(self) -> bool:
        return self == ProjectChanges()
