"""Which programme (policy file) the desk works on: the newest district programme shipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.db.database import Database
    from core.policy.model import Policy


def current_policy(db: Database | None = None) -> Policy:
    """The programme of the newest year among the shipped policy files.

    ``db`` is accepted so that a programme chosen in the database (a future core setting) can
    take precedence without changing the callers.
    """
    from core.policy.loader import available_policies, load_policy

    policies = [load_policy(p) for p in available_policies()]
    if not policies:
        raise RuntimeError("no programme policy files are installed (resources/policies)")
    return max(policies, key=lambda p: (p.year, p.id))
