"""Each case computes with the policy version it was registered under (issue 17 §1).

The first time a case is registered under a version, that version's text is stored
(policy_texts). A policy file changed afterwards without raising its ``version`` is refused
for new registrations — the bureau must not have two different texts under one version —
and the cases already registered keep computing with the stored text. Raising the version
makes the changed file a new version; old cases keep theirs.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.models import Application, PolicyText
from core.policy.loader import PolicyError, parse_policy
from core.policy.model import Policy
from core.records.errors import RecordsError


def _file_text(policy: Policy) -> str:
    return Path(policy.source_path).read_text(encoding="utf-8")


def pin_version(session: Session, policy: Policy, now: dt.datetime) -> None:
    """Store the text of ``policy``'s version when first used; refuse a changed file that
    kept its version."""
    stored = session.scalar(
        select(PolicyText).where(
            PolicyText.policy_id == policy.id, PolicyText.version == policy.version
        )
    )
    if stored is None:
        # The text the policy was read from, with its fingerprint (not the file as it is now,
        # which may have changed since the program read it).
        session.add(
            PolicyText(
                policy_id=policy.id,
                version=policy.version,
                sha256=policy.sha256,
                text=policy.source_text or _file_text(policy),
                first_used_at=now,
            )
        )
        session.flush()
        return
    if stored.sha256 != policy.sha256:
        raise RecordsError(
            f"政策文件 {policy.source_path} 与已登记案件所用的「{policy.id}」版本 {policy.version} "
            f"内容不同：修改政策文件后须提高 version（如 {next_version(policy.version)}），"
            "已登记的案件仍按原版本办理"
        )


def next_version(version: str) -> str:
    """The version to suggest after ``version``: its last number raised (2024.2 → 2024.3)."""
    head, _, last = version.rpartition(".")
    if last.isdigit():
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{version}.1"


@lru_cache(maxsize=16)
def _parsed(text: str, where: str) -> Policy:
    return parse_policy(text, where)


def policy_of_case(session: Session, app: Application, current: Policy) -> Policy:
    """The policy ``app`` computes with: the current file when it is the version the case was
    registered under (same text), else that version's stored text."""
    version = app.policy_version
    if version is None:
        return current
    stored = session.scalar(
        select(PolicyText).where(
            PolicyText.policy_id == app.policy_id, PolicyText.version == version
        )
    )
    if stored is None or (current.version == version and current.sha256 == stored.sha256):
        return current
    try:
        return _parsed(stored.text, f"数据库中保存的「{app.policy_id}」版本 {version}")
    except PolicyError as exc:  # a text that once loaded: only a newer program could refuse it
        raise RecordsError(f"案件 {app.case_number} 所用的政策版本无法读取：{exc}") from None
