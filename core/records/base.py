"""Plumbing shared by the operations: the acting user, role checks, audit rows, JSON of rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from core.db import audit as audit_log
from core.db.clock import local_text
from core.db.database import Database
from core.db.models import User
from core.records.errors import NotFound, PermissionDenied, StaleEdit
from core.records.roles import Role, parse_roles, roles_label


def load_user(session: Session, user_id: int, *, allow_inactive: bool = False) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"没有编号为 {user_id} 的用户")
    if not user.active and not allow_inactive:
        raise PermissionDenied(f"用户“{user.display_name}”已停用，不能办理业务")
    return user


def require_role(user: User, roles: Iterable[Role], what: str) -> None:
    allowed = set(roles)
    held = parse_roles(user.roles)
    if not held & allowed:
        raise PermissionDenied(
            f"「{what}」需要{roles_label(allowed)}角色；用户“{user.display_name}”的角色为"
            f"{roles_label(held)}。请由有权限的用户办理"
        )


@contextmanager
def write_op(
    db: Database, actor_id: int, roles: Iterable[Role], what: str
) -> Iterator[tuple[Session, User, dt.datetime]]:
    """One transaction for one operation by one user holding one of ``roles``."""
    with db.write() as session:
        actor = load_user(session, actor_id)
        require_role(actor, roles, what)
        yield session, actor, db.clock.now()


class VersionedRow(Protocol):
    """A row edited from screens that hold a copy: cases and projects (``version_id_col``)."""

    id: Any
    version: Any
    updated_at: Any
    updated_by_id: Any


V = TypeVar("V", bound=VersionedRow)


@dataclass(frozen=True)
class Versioned:
    """How a versioned kind of row is named to a user whose copy has gone stale."""

    model: type[Any]
    number: InstrumentedAttribute[str]
    noun: str  # 案件, 项目
    gone: str  # what to say when the row no longer exists


def stale_edit(db: Database, kind: Versioned, row_id: int, loaded: int | None) -> StaleEdit:
    """Who changed the row since the screen read it, when, and which version each side has."""
    model = kind.model
    with db.read() as session:
        row = session.execute(
            select(kind.number, model.version, model.updated_at, User.display_name)
            .join(User, model.updated_by_id == User.id)
            .where(model.id == row_id)
        ).one_or_none()
    if row is None:
        return StaleEdit(kind.gone)
    number, version, at, name = row
    yours = f"（您打开的是第 {loaded} 版，现为第 {version} 版）" if loaded else ""
    return StaleEdit(
        f"{kind.noun} {number} 已被 {name} 于 {local_text(at)} 修改{yours}，您看到的内容已过时，"
        "请刷新后重新操作",
        name,
        at,
    )


class _StaleVersion(Exception):
    def __init__(self, loaded: int) -> None:
        self.loaded = loaded


@contextmanager
def versioned_op(
    db: Database,
    actor_id: int,
    kind: Versioned,
    row_id: int,
    load: Callable[[Session, int], V],
    expected_version: int | None,
) -> Iterator[tuple[Session, User, V, dt.datetime]]:
    """One transaction on one versioned row. Refuses a stale copy (``expected_version``,
    or a concurrent writer caught by the version column) with who changed it, and stamps who
    changed the row and when, which also bumps its version."""
    try:
        with db.write() as session:
            actor = load_user(session, actor_id)
            row = load(session, row_id)
            if expected_version is not None and row.version != expected_version:
                raise _StaleVersion(expected_version)
            now = db.clock.now()
            yield session, actor, row, now
            row.updated_at = now
            row.updated_by_id = actor.id
            # Even a change that leaves this row as it was (a checklist tick, a child row
            # added) bumps the version, so that a screen holding an older copy is told.
            flag_modified(row, "updated_at")
    except _StaleVersion as exc:
        raise stale_edit(db, kind, row_id, exc.loaded) from None
    except StaleDataError:
        raise stale_edit(db, kind, row_id, expected_version) from None


def jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_dict(obj: object, only: Iterable[str] | None = None) -> dict[str, Any]:
    """The column values of a model instance, as JSON-ready values."""
    mapper = inspect(type(obj))
    names = list(only) if only is not None else [c.key for c in mapper.column_attrs]
    return {name: jsonable(getattr(obj, name)) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def audit(
    session: Session,
    now: dt.datetime,
    actor: User | None,
    entity: str,
    entity_id: object,
    action: str,
    before: Any,
    after: Any,
) -> None:
    audit_log.record(
        session,
        at=now,
        actor_id=None if actor is None else actor.id,
        actor_name="系统" if actor is None else actor.display_name,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
    )
