"""Recovery drafts: a case window's unsaved state, written on every change.

If the desk or the PC stops before the clerk saves, at most the field being typed is lost:
the next start (or the next opening of that case) offers the draft back. A draft is the
editor's own state as JSON (the same shapes core takes: ApplicantForm fields and claims in
the calc contract), kept per database and per user in the data folder, and written
atomically (a temporary file renamed over the old one) so a crash mid-write leaves the
previous draft intact. Saving or discarding the changes deletes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.settings import data_dir

FORMAT = 1


@dataclass(frozen=True)
class Draft:
    key: str
    case_id: int | None
    case_number: str
    user_id: int
    saved_at: dt.datetime
    state: dict[str, Any]
    path: Path


def _folder(database: Path | str, kind: str = "") -> Path:
    # One folder per database file, so a draft is never offered for another database; other
    # kinds of window (``kind``, e.g. "projects") keep theirs in a subfolder of it, so the
    # case windows' start-up offer never sees them.
    # A server database by its address without the password (Database.identity).
    key = database if isinstance(database, str) and "://" in database else Path(database).absolute()
    digest = hashlib.sha1(str(key).encode("utf-8")).hexdigest()[:16]
    folder = data_dir() / "drafts" / digest
    if kind:
        folder = folder / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_key() -> str:
    return f"new-{uuid.uuid4().hex[:12]}"


def case_key(case_id: int) -> str:
    return f"case-{case_id}"


def write(
    database: Path | str,
    key: str,
    *,
    case_id: int | None,
    case_number: str,
    user_id: int,
    state: dict[str, Any],
    kind: str = "",
) -> Path:
    folder = _folder(database, kind)
    target = folder / f"{key}.json"
    document = {
        "format": FORMAT,
        "key": key,
        "case_id": case_id,
        "case_number": case_number,
        "user_id": user_id,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(),
        "state": state,
    }
    partial = folder / f".{key}.{os.getpid()}.tmp"
    partial.write_text(json.dumps(document, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(partial, target)
    return target


def _read(path: Path) -> Draft | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            return None
        return Draft(
            key=str(doc["key"]),
            case_id=doc.get("case_id"),
            case_number=str(doc.get("case_number") or ""),
            user_id=int(doc["user_id"]),
            saved_at=dt.datetime.fromisoformat(doc["saved_at"]),
            state=dict(doc["state"]),
            path=path,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable draft is ignored, never a crash at start


def load(database: Path | str, key: str, kind: str = "") -> Draft | None:
    path = _folder(database, kind) / f"{key}.json"
    return _read(path) if path.exists() else None


def load_all(database: Path | str, user_id: int, kind: str = "") -> list[Draft]:
    drafts = [_read(p) for p in sorted(_folder(database, kind).glob("*.json"))]
    return sorted(
        (d for d in drafts if d is not None and d.user_id == user_id), key=lambda d: d.saved_at
    )


def remove(database: Path | str, key: str, kind: str = "") -> None:
    (_folder(database, kind) / f"{key}.json").unlink(missing_ok=True)
