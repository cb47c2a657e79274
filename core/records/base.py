"""Plumbing shared by the operations: the acting user, role checks, audit rows, JSON of rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from core.db import audit as audit_log
from core.db.database import Database
from core.db.models import User
from core.records.errors import NotFound, PermissionDenied
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
