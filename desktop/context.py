"""What every screen needs to know: the open database, who is logged in, the programme."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.db.database import Database
    from core.policy.model import Policy
    from core.records.users import UserInfo


@dataclass
class DeskContext:
    db: Database
    user: UserInfo
    policy: Policy
    demo: bool = False
    # Open case editors by case id, so a second "open" raises the existing window.
    editors: dict[int, object] = field(default_factory=dict)

    @property
    def database_path(self) -> Path | None:
        return self.db.path

    def has_role(self, role: str) -> bool:
        from core.records.users import Role

        return self.user.has(Role(role))
