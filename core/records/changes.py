"""What an operation changed, so the GUI refreshes just that (Anki's OpChanges idea)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Returned by every operation. ``id`` is the id of what was created, if anything."""

    case_ids: frozenset[int] = field(default_factory=frozenset)
    case_list: bool = False
    applicants: bool = False
    materials: bool = False
    users: bool = False
    notice: bool = False
    budget: bool = False
    settings: bool = False
    id: int | None = None
    # A user-facing note about what was done (e.g. "已登记 璧市监专转〔2024〕第001号").
    note: str = ""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            case_ids=self.case_ids | other.case_ids,
            case_list=self.case_list or other.case_list,
            applicants=self.applicants or other.applicants,
            materials=self.materials or other.materials,
            users=self.users or other.users,
            notice=self.notice or other.notice,
            budget=self.budget or other.budget,
            settings=self.settings or other.settings,
            id=self.id if self.id is not None else other.id,
            note="；".join(n for n in (self.note, other.note) if n),
        )

    @property
    def empty(self) -> bool:
        return self == Changes()
