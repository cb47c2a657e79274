"""Anchors: the audit chain's head, kept outside the database file (issue 14 §1).

The hash chain proves a row was not edited *in place*; someone holding the file can still
rewrite history and recompute every later hash, cut the tail and move ``audit_head`` with it,
or wipe the log. What stops that is a copy of the head kept somewhere they did not touch:

- **backups**: every backup holds the whole chain up to its head, and a manifest of that head
  (``backup_manifest`` in its settings) — ``audit verify --against BACKUP`` checks that the
  live chain *extends* it, record by record;
- **the anchor log**: each backup appends its head to ``audit-anchors.jsonl`` in the user's data
  folder, keyed by the database file; ``audit verify`` with no option checks those;
- **paper**: the 审核意见, 公示名单 and 拨付清单 print a 核验码 ``ID:HASH12`` (the record id and
  the first 12 hex digits of its hash); ``audit verify --anchor ID:HASH12`` checks one.

Because each record's hash covers the one before, a record that still has its anchored hash
proves every record up to it is unchanged. What an anchor cannot prove is anything written
after it; docs/records.md sets out the trust model.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.audit import HEAD_KEY
from core.db.models import AuditEntry, Setting
from core.db.types import dumps, loads
from core.paths import user_data_folder

ANCHOR_LOG = "audit-anchors.jsonl"
MANIFEST_KEY = "backup_manifest"
CODE_DIGITS = 12  # 48 bits: a forged chain that matches a printed code is out of reach
_CODE = re.compile(r"^\s*(\d{1,12})\s*[:：]\s*([0-9a-fA-F]{12,64})\s*$")


@dataclass(frozen=True)
class Anchor:
    """One record of the chain, pinned: its id and its hash (whole, or a 12-digit prefix)."""

    id: int
    hash: str
    at: str = ""  # when it was taken (UTC ISO), for messages
    source: str = ""  # 备份 FILE / 核验码, for messages

    @property
    def code(self) -> str:
        return f"{self.id}:{self.hash[:CODE_DIGITS]}"

    @property
    def described(self) -> str:
        where = f"（{self.source}）" if self.source else ""
        return f"核验码 {self.code}{where}"


def parse_anchor(text: str) -> Anchor:
    """``123:abcdef012345`` as printed in a form's footer; ValueError with a Chinese reason."""
    found = _CODE.match(text)
    if found is None:
        raise ValueError(
            f"核验码“{text}”格式不对：应为“记录号:12位校验值”，如 128:3f9a0c51d2e7（见表单页脚）"
        )
    number = int(found.group(1))
    if number < 1:
        raise ValueError(f"核验码“{text}”的记录号应从 1 起，如 128:3f9a0c51d2e7（见表单页脚）")
    return Anchor(number, found.group(2).lower(), source="核验码")


def chain_head(session: Session) -> Anchor | None:
    """The last record of the chain, or None while the log is empty."""
    head = session.get(Setting, HEAD_KEY)
    if head is not None and int(head.value["id"]) > 0:
        return Anchor(int(head.value["id"]), str(head.value["hash"]))
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return None if row is None else Anchor(int(row[0]), str(row[1]))


def verification_code(session: Session) -> str:
    """The 核验码 a printed form carries in its footer ("" while the log is empty)."""
    head = chain_head(session)
    return "" if head is None else head.code


# ---------------------------------------------------------------------------
# The anchor log
# ---------------------------------------------------------------------------


def anchor_log_path() -> Path:
    return user_data_folder() / ANCHOR_LOG


def _database_key(path: Path | str) -> str:
    # A server database is keyed by its address without the password (Database.identity).
    if isinstance(path, str) and "://" in path:
        return path
    # One database reached by two spellings (a symlink, ``..``) is one key.
    return os.path.normcase(os.path.realpath(path))


def remember_anchor(database: Path | str, anchor: Anchor, *, count: int, at: dt.datetime) -> bool:
    """Append ``anchor`` to the anchor log; False (and nothing else) if it cannot be written.

    Not being able to write the log must not fail the backup that is its reason: the backup
    itself carries the same head.
    """
    return _append(
        {
            "database": _database_key(database),
            "id": anchor.id,
            "hash": anchor.hash,
            "count": count,
            "at": at.isoformat(),
            "source": anchor.source,
        }
    )


def _append(line: dict[str, Any]) -> bool:
    try:
        with anchor_log_path().open("a", encoding="utf-8", newline="\n") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
            log.flush()
            os.fsync(log.fileno())
    except OSError:
        return False
    return True


def remember_restore(database: Path | str, head_id: int, *, at: dt.datetime, reset: bool) -> bool:
    """Note in the anchor log that ``database`` was restored to a chain ending at ``head_id``.

    Anchors past that head belonged to a history the restore gave up (kept in the safety
    copy); from here the chain grows anew, so they no longer bind it. An override (``reset``)
    also gives up the anchors the restored chain did not match.
    """
    return _append(
        {
            "database": _database_key(database),
            "restored_to": head_id,
            "reset": reset,
            "at": at.isoformat(),
        }
    )


def forget_anchors(database: Path | str, *, at: dt.datetime, why: str) -> bool:
    """A new database now lives at ``database`` (``demo --force`` set the old one aside): the
    old one's anchors do not bind it."""
    return _append(
        {
            "database": _database_key(database),
            "restored_to": 0,
            "reset": True,
            "why": why,
            "at": at.isoformat(),
        }
    )


def known_anchors(database: Path | str) -> list[Anchor]:
    """The anchors that bind this database file now, oldest first (malformed lines skipped)."""
    log = anchor_log_path()
    if not log.is_file():
        return []
    key = _database_key(database)
    found: list[Anchor] = []
    with log.open(encoding="utf-8-sig", errors="replace") as lines:
        for line in lines:
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or item.get("database") != key:
                    continue
                if "restored_to" in item:
                    head = int(item["restored_to"])
                    found = [] if item.get("reset") else [a for a in found if a.id <= head]
                    continue
                found.append(
                    Anchor(
                        int(item["id"]),
                        str(item["hash"]),
                        str(item.get("at", "")),
                        str(item.get("source", "")),
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
    return found


# ---------------------------------------------------------------------------
# Checking a chain against anchors and backups
# ---------------------------------------------------------------------------


def anchor_problem(hashes: dict[int, str], count: int, anchor: Anchor) -> str | None:
    """Why a chain (``hashes`` of the anchored ids, ``count`` records) does not hold
    ``anchor``, or None when it does."""
    found = hashes.get(anchor.id)
    if found is None:
        return (
            f"{anchor.described}指向第 {anchor.id} 条审计记录，现只有 {count} 条："
            f"第 {count + 1} 条起的记录被删除"
        )
    if not found.startswith(anchor.hash.lower()):
        return (
            f"第 {anchor.id} 条审计记录与{anchor.described}不符：该条或其之前的记录被改写或重新串链"
        )
    return None


def check_anchors(session: Session, anchors: list[Anchor]) -> list[str]:
    """Problems of the live chain against each anchor (run after :func:`verify_chain`)."""
    if not anchors:
        return []
    ids = sorted({a.id for a in anchors})
    hashes = {
        int(i): str(h)
        for i, h in session.execute(
            select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(ids))
        )
    }
    count = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    return [p for a in anchors if (p := anchor_problem(hashes, count, a)) is not None]


def _backup_hashes(path: Path) -> Iterator[tuple[int, str]]:
    uri = path.absolute().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        yield from conn.execute("SELECT id, hash FROM audit_log ORDER BY id")


def compare_with_backup(session: Session, backup: Path) -> str | None:
    """None when the live chain extends the backup's; else the first record that differs.

    Both chains are walked in id order side by side, so memory stays flat on long logs.
    """
    live = session.execute(
        select(AuditEntry.id, AuditEntry.hash)
        .order_by(AuditEntry.id)
        .execution_options(yield_per=5000)
    )
    live_rows = iter(live)
    for backup_id, backup_hash in _backup_hashes(backup):
        row = next(live_rows, None)
        if row is None:
            return (
                f"备份 {backup} 中有第 {backup_id} 条及以后的审计记录，现有数据库没有："
                f"第 {backup_id} 条起的记录被删除"
            )
        if int(row[0]) != backup_id or str(row[1]) != backup_hash:
            return f"第 {backup_id} 条审计记录与备份 {backup} 中的不同：自该条起的记录被改写、删除或重新串链"
    return None


def stamp_manifest(conn: sqlite3.Connection, *, at: dt.datetime, source: str) -> dict[str, Any]:
    """Write the backup's manifest into the copy (``conn``) and return it."""
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    manifest = {
        "head_id": 0 if row is None else int(row[0]),
        "head_hash": "" if row is None else str(row[1]),
        "count": int(count),
        "at": at.isoformat(),
        "source": source,
    }
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
        (MANIFEST_KEY, dumps(manifest)),
    )
    return manifest


def read_manifest(backup: Path) -> dict[str, Any] | None:
    """The manifest a backup carries, or None (a backup made before manifests, or not ours)."""
    uri = backup.absolute().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (MANIFEST_KEY,)
            ).fetchone()
    except sqlite3.DatabaseError:
        return None
    value = None if row is None else loads(row[0])
    return value if isinstance(value, dict) else None


def backup_anchors(backup: Path) -> tuple[dict[int, str], int]:
    """Every record id → hash of a backup's chain, and its count (for restore's checks)."""
    hashes = dict(_backup_hashes(backup))
    return hashes, max(hashes, default=0)


__all__ = [
    "ANCHOR_LOG",
    "Anchor",
    "anchor_log_path",
    "anchor_problem",
    "backup_anchors",
    "chain_head",
    "check_anchors",
    "compare_with_backup",
    "forget_anchors",
    "known_anchors",
    "parse_anchor",
    "read_manifest",
    "remember_anchor",
    "remember_restore",
    "stamp_manifest",
    "verification_code",
]
