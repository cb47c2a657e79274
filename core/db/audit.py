"""The append-only audit log, chained by SHA-256.

Each row stores ``hash = sha256(canonical JSON of the row's fields + previous row's hash)``.
Editing a row changes its hash; deleting one breaks the ``prev_hash`` link or the numbering;
deleting the last rows is caught by the chain head kept in ``settings`` (``audit_head``).
Someone who rewrites the whole tail and the head can still escape a hash chain: the chain shows
accidents and casual tampering, and a backup taken off the machine pins the past.

Rows are appended inside the same transaction as the change they describe, so a change and
its record are committed together or not at all. Writers hold SQLite's write lock from BEGIN
(``BEGIN IMMEDIATE``), so two writers cannot fork the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.clock import iso_utc
from core.db.models import AuditEntry, Setting
from core.db.types import dumps, loads

GENESIS_HASH = "0" * 64
HEAD_KEY = "audit_head"
# Fields that never go into the log in clear.
SECRET_FIELDS = frozenset({"password_hash"})


def _canonical_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at,
        "actor_id": entry.actor_id,
        "actor_name": entry.actor_name,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
    }


def entry_hash(entry: AuditEntry, prev_hash: str) -> str:
    text = dumps(_canonical_fields(entry)) + prev_hash
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("***" if k in SECRET_FIELDS else _scrub(v)) for k, v in value.items()}
    return value


def record(
    session: Session,
    *,
    at: dt.datetime,
    actor_id: int | None,
    actor_name: str,
    entity: str,
    entity_id: object,
    action: str,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one record to the chain (in the caller's transaction)."""
    head = session.get(Setting, HEAD_KEY, with_for_update=True)
    if head is None:
        last_id = session.scalar(select(func.max(AuditEntry.id))) or 0
        prev = GENESIS_HASH
        if last_id:
            last = session.get(AuditEntry, last_id)
            assert last is not None
            prev = last.hash
        head = Setting(key=HEAD_KEY, value={"id": last_id, "hash": prev})
        session.add(head)
    last_id, prev = int(head.value["id"]), str(head.value["hash"])
    entry = AuditEntry(
        id=last_id + 1,
        at=iso_utc(at),
        actor_id=actor_id,
        actor_name=actor_name,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        before=None if before is None else dumps(_scrub(before)),
        after=None if after is None else dumps(_scrub(after)),
        prev_hash=prev,
    )
    entry.hash = entry_hash(entry, prev)
    session.add(entry)
    head.value = {"id": entry.id, "hash": entry.hash}
    return entry


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    count: int
    first_broken_id: int | None = None
    message: str = ""


def verify_chain(
    session: Session, progress: Callable[[int, int], bool] | None = None
) -> AuditReport:
    """Walk the chain from the first record; name the first one that does not fit."""
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    prev = GENESIS_HASH
    expected_id = 1
    count = 0
    rows = session.execute(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    )
    for entry in rows.scalars():
        if entry.id != expected_id:
            return AuditReport(
                False,
                count,
                expected_id,
                f"第 {expected_id} 条审计记录缺失（已被删除），其后为第 {entry.id} 条",
            )
        if entry.prev_hash != prev:
            return AuditReport(
                False,
                count,
                entry.id,
                f"第 {entry.id} 条审计记录与前一条衔接不上（前一条记录被改动或删除）",
            )
        if entry_hash(entry, prev) != entry.hash:
            return AuditReport(
                False,
                count,
                entry.id,
                f"第 {entry.id} 条审计记录的内容与其哈希不符（记录已被改动）：{entry.entity} "
                f"{entry.entity_id} {entry.action}，{entry.at}",
            )
        prev = entry.hash
        count += 1
        expected_id += 1
        if progress is not None and count % 2000 == 0 and not progress(count, total):
            return AuditReport(False, count, None, "已取消检查")
    head = session.get(Setting, HEAD_KEY)
    if head is not None:
        head_id, head_hash = int(head.value["id"]), str(head.value["hash"])
        if head_id != count or head_hash != prev:
            missing = count + 1 if head_id > count else head_id
            return AuditReport(
                False,
                count,
                missing,
                f"审计记录链尾与登记的链头不符：应有 {head_id} 条，实有 {count} 条"
                "（末尾的记录被删除或改动）",
            )
    elif count:
        return AuditReport(False, count, count, "审计记录链头丢失（设置表中的 audit_head 被删除）")
    return AuditReport(True, count, None, f"审计记录完整：共 {count} 条")


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor_name: str
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any


def history(session: Session, entity: str, entity_id: object) -> list[AuditRecord]:
    """What happened to one record, oldest first (for the GUI's history panel)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.id)
    )
    return [
        AuditRecord(
            id=r.id,
            at=dt.datetime.fromisoformat(r.at),
            actor_name=r.actor_name,
            entity=r.entity,
            entity_id=r.entity_id,
            action=r.action,
            before=None if r.before is None else loads(r.before),
            after=None if r.after is None else loads(r.after),
        )
        for r in rows
    ]
