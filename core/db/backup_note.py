"""What every backup leaves behind, whichever tool made the copy.

Its own module because both the file backup (core.db.backup) and the server backup
(core.db.server_backup) end with it, and the file backup hands server targets to the server
module: keeping it in either would make the two import each other.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.db.anchors import Anchor, remember_anchor
from core.db.audit import record
from core.db.clock import iso_utc
from core.db.database import Database
from core.db.settings import LAST_BACKUP, set_setting


def note_backup(
    db: Database,
    target: Path,
    at: dt.datetime,
    *,
    head: Anchor | None,
    count: int,
    actor_id: int | None,
    actor_name: str,
) -> tuple[Anchor | None, bool]:
    """After a backup of either kind: the time (for the 7-day reminder), the audit record of
    the head the copy holds, so that the copy and the original vouch for each other, and that
    head in this PC's anchor log. The anchor, and whether the log took it."""
    with db.write() as session:
        previous = set_setting(session, LAST_BACKUP, {"at": iso_utc(at), "file": str(target)})
        record(
            session,
            at=at,
            actor_id=actor_id,
            actor_name=actor_name,
            entity="database",
            entity_id="main",
            action="backup",
            before=previous,
            after={
                "at": iso_utc(at),
                "file": str(target),
                "head_id": head.id if head else 0,
                "head_hash": head.hash if head else "",
            },
        )
    if head is None:
        return None, False
    anchor = Anchor(head.id, head.hash, iso_utc(at), f"备份 {target}")
    return anchor, remember_anchor(db.identity, anchor, count=count, at=at)
