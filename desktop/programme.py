"""Which programme (policy file) the desk works on: core's answer for new cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.db.database import Database
    from core.policy.model import Policy


def current_policy(db: Database | None = None) -> Policy:
    """The programme an administrator activated in 政策管理, or else the newest year found
    (the 政策文件夹 set in the database is searched too: core.records.policy_admin)."""
    from core.records.policy_admin import programme_for_new_cases

    return programme_for_new_cases(db)
