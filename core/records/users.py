"""Users, roles and logins.

Roles: clerk (窗口经办), supervisor (审核人), admin (系统管理员); one user may hold several.
Passwords are hashed with argon2id. Five wrong passwords in a row lock the account for 15
minutes (the error carries the time left). Users are deactivated, never deleted, so that
the history keeps their names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.clock import local_text
from core.db.database import Database
from core.db.models import User
from core.db.settings import get_setting, set_setting
from core.records.base import audit, load_user, row_dict, write_op
from core.records.changes import Changes
from core.records.errors import (
    AccountInactive,
    AccountLocked,
    InvalidInput,
    LoginFailed,
    NotFound,
    PermissionDenied,
    RecordsError,
)
from core.records.roles import Role, parse_roles, roles_label, roles_text

MAX_FAILED_LOGINS = 5
LOCK_DURATION = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
__all__ = [
    "LOCK_DURATION",
    "MAX_FAILED_LOGINS",
    "MIN_PASSWORD_LENGTH",
    "Role",
    "UserInfo",
    "change_password",
    "create_first_admin",
    "create_user",
    "deactivate_user",
    "get_user",
    "list_users",
    "login",
    "needs_setup",
    "parse_roles",
    "reactivate_user",
    "reset_password",
    "roles_label",
    "roles_text",
    "set_password_hasher",
    "set_roles",
]


_hasher = PasswordHasher()


def set_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Swap the hasher (tests use cheap parameters); returns the previous one."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None = None
    version: int = 1

    def has(self, role: Role) -> bool:
        return role in self.roles


def user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=parse_roles(user.roles),
        active=user.active,
        must_change_password=user.must_change_password,
        locked_until=user.locked_until,
        version=user.version,
    )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password", f"密码至少 {MIN_PASSWORD_LENGTH} 位，请设置更长的密码")
    if password.strip() != password:
        raise InvalidInput("password", "密码首尾不能有空格")


def _check_username(username: str) -> str:
    name = username.strip()
    if not name:
        raise InvalidInput("username", "请填写用户名")
    if len(name) > 64 or any(c.isspace() for c in name):
        raise InvalidInput("username", "用户名不能含空格，且不超过 64 个字符")
    return name


def _check_roles(roles: Iterable[Role | str]) -> frozenset[Role]:
    try:
        result = frozenset(Role(r) for r in roles)
    except ValueError:
        allowed = "、".join(f"{r.value}（{r.label}）" for r in Role)
        raise InvalidInput("roles", f"未知角色；可用：{allowed}") from None
    if not result:
        raise InvalidInput("roles", "请至少选择一个角色")
    return result


def _new_user(
    session: Session,
    now: dt.datetime,
    username: str,
    display_name: str,
    password: str,
    roles: frozenset[Role],
    must_change: bool,
) -> User:
    name = _check_username(username)
    if not display_name.strip():
        raise InvalidInput("display_name", "请填写姓名")
    _check_password(password)
    if session.scalar(select(User.id).where(func.lower(User.username) == name.lower())):
        raise InvalidInput("username", f"用户名“{name}”已被使用，请换一个")
    user = User(
        username=name,
        display_name=display_name.strip(),
        password_hash=_hasher.hash(password),
        roles=roles_text(roles),
        active=True,
        must_change_password=must_change,
        failed_logins=0,
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    session.flush()
    return user


def needs_setup(db: Database) -> bool:
    """True on first run: no user exists yet, so the GUI must create the administrator."""
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(User)) == 0


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> UserInfo:
    """The first-run setup: create the administrator. Refused once any user exists."""
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise PermissionDenied("系统已设置过管理员；新用户请由管理员在「用户管理」中添加")
        now = db.clock.now()
        user = _new_user(
            session, now, username, display_name, password, frozenset({Role.ADMIN}), False
        )
        audit(session, now, user, "user", user.id, "create_first_admin", None, row_dict(user))
        return user_info(user)


def create_user(
    db: Database,
    actor_id: int,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[Role | str],
    *,
    must_change_password: bool = True,
) -> tuple[UserInfo, Changes]:
    """An administrator adds a user (who must change the password at first login)."""
    with write_op(db, actor_id, {Role.ADMIN}, "添加用户") as (session, actor, now):
        user = _new_user(
            session,
            now,
            username,
            display_name,
            password,
            _check_roles(roles),
            must_change_password,
        )
        audit(session, now, actor, "user", user.id, "create", None, row_dict(user))
        return user_info(user), Changes(users=True, id=user.id)


def list_users(db: Database, include_inactive: bool = True) -> list[UserInfo]:
    with db.read() as session:
        query = select(User).order_by(User.id)
        if not include_inactive:
            query = query.where(User.active.is_(True))
        return [user_info(u) for u in session.scalars(query)]


def get_user(db: Database, user_id: int) -> UserInfo:
    with db.read() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(f"没有编号为 {user_id} 的用户")
        return user_info(user)


def _locked_message(remaining: dt.timedelta) -> str:
    minutes = max(1, -(-int(remaining.total_seconds()) // 60))
    return f"密码连续输错 {MAX_FAILED_LOGINS} 次，账户已锁定，请 {minutes} 分钟后再试，或请管理员重置密码"


def _unknown_name_failed(
    session: Session, username: str, password: str, now: dt.datetime
) -> NoReturn:
    key = "login_unknown:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    state = get_setting(session, key) or {}
    locked = state.get("locked_until")
    locked_until = dt.datetime.fromisoformat(locked) if isinstance(locked, str) else None
    if locked_until is not None and locked_until > now:
        remaining = locked_until - now
        raise AccountLocked(_locked_message(remaining), remaining, locked_until)
    failed = 0 if locked_until is not None else int(state.get("failed", 0))
    with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
        _hasher.verify(_decoy_hash(), password)
    failed += 1
    if failed >= MAX_FAILED_LOGINS:
        until = now + LOCK_DURATION
        set_setting(session, key, {"failed": failed, "locked_until": until.isoformat()})
        session.commit()
        raise AccountLocked(_locked_message(LOCK_DURATION), LOCK_DURATION, until)
    set_setting(session, key, {"failed": failed, "locked_until": None})
    session.commit()
    left = MAX_FAILED_LOGINS - failed
    raise LoginFailed(f"用户名或密码不正确，请重新输入（再错 {left} 次账户将锁定 15 分钟）", left)


@cache
def _decoy_hash() -> str:
    return _hasher.hash("no such user: decoy")


def login(db: Database, username: str, password: str) -> UserInfo:
    """Check a password. Raises LoginFailed, AccountLocked (with time left) or AccountInactive."""
    with db.write() as session:
        now = db.clock.now()
        user = session.scalar(
            select(User).where(func.lower(User.username) == username.strip().lower())
        )
        if user is None:
            # The same answer, the same count and the same lock as for a real name, and the
            # same work (a hash check): nothing tells which user names exist (issue 14 §5).
            _unknown_name_failed(session, username, password, now)
        if not user.active:
            raise AccountInactive("该账户已停用，请联系系统管理员")
        if user.locked_until is not None and user.locked_until > now:
            remaining = user.locked_until - now
            raise AccountLocked(_locked_message(remaining), remaining, user.locked_until)
        if user.locked_until is not None:
            # The lock has run out: start counting afresh.
            user.locked_until = None
            user.failed_logins = 0
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            user.failed_logins += 1
            user.updated_at = now
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCK_DURATION
                audit(
                    session,
                    now,
                    user,
                    "user",
                    user.id,
                    "locked",
                    None,
                    {"locked_until": user.locked_until, "failed_logins": user.failed_logins},
                )
                session.commit()
                raise AccountLocked(
                    _locked_message(LOCK_DURATION), LOCK_DURATION, user.locked_until
                ) from None
            left = MAX_FAILED_LOGINS - user.failed_logins
            audit(
                session,
                now,
                user,
                "user",
                user.id,
                "login_failed",
                None,
                {"failed_logins": user.failed_logins},
            )
            session.commit()
            raise LoginFailed(
                f"用户名或密码不正确，请重新输入（再错 {left} 次账户将锁定 15 分钟）", left
            ) from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.last_login_at = now
        user.updated_at = now
        audit(session, now, user, "user", user.id, "login", None, None)
        return user_info(user)


def change_password(db: Database, user_id: int, old_password: str, new_password: str) -> Changes:
    """A user changes their own password (the old one is asked again)."""
    with db.write() as session:
        now = db.clock.now()
        user = load_user(session, user_id)
        try:
            _hasher.verify(user.password_hash, old_password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise InvalidInput("old_password", "原密码不正确，请重新输入") from None
        if new_password == old_password:
            raise InvalidInput("new_password", "新密码不能与原密码相同")
        _check_password(new_password)
        user.password_hash = _hasher.hash(new_password)
        user.must_change_password = False
        user.updated_at = now
        audit(session, now, user, "user", user.id, "change_password", None, None)
        return Changes(users=True)


def reset_password(db: Database, actor_id: int, user_id: int, new_password: str) -> Changes:
    """An administrator sets a new password; it also lifts a lock. Must be changed at login."""
    with write_op(db, actor_id, {Role.ADMIN}, "重置密码") as (session, actor, now):
        user = load_user(session, user_id, allow_inactive=True)
        _check_password(new_password)
        user.password_hash = _hasher.hash(new_password)
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until = None
        user.updated_at = now
        audit(
            session,
            now,
            actor,
            "user",
            user.id,
            "reset_password",
            None,
            {"username": user.username},
        )
        return Changes(users=True)


def _active_admins(session: Session) -> list[User]:
    users = session.scalars(select(User).where(User.active.is_(True)))
    return [u for u in users if Role.ADMIN in parse_roles(u.roles)]


def set_roles(db: Database, actor_id: int, user_id: int, roles: Iterable[Role | str]) -> Changes:
    with write_op(db, actor_id, {Role.ADMIN}, "修改角色") as (session, actor, now):
        user = load_user(session, user_id, allow_inactive=True)
        new = _check_roles(roles)
        admins = _active_admins(session)
        if Role.ADMIN not in new and user in admins and len(admins) == 1:
            raise RecordsError(
                "不能取消最后一位在用系统管理员的管理员角色，请先为其他用户设置管理员角色"
            )
        before = {"roles": user.roles}
        user.roles = roles_text(new)
        user.updated_at = now
        audit(session, now, actor, "user", user.id, "set_roles", before, {"roles": user.roles})
        return Changes(users=True)


def deactivate_user(db: Database, actor_id: int, user_id: int) -> Changes:
    """Stop a user from logging in; their name stays in every record they touched."""
    with write_op(db, actor_id, {Role.ADMIN}, "停用用户") as (session, actor, now):
        user = load_user(session, user_id, allow_inactive=True)
        if not user.active:
            raise RecordsError(f"用户“{user.display_name}”已是停用状态")
        if user.id == actor.id:
            raise RecordsError("不能停用自己的账户，请由另一位管理员操作")
        admins = _active_admins(session)
        if user in admins and len(admins) == 1:
            raise RecordsError("不能停用最后一位在用的系统管理员")
        user.active = False
        user.updated_at = now
        audit(
            session, now, actor, "user", user.id, "deactivate", {"active": True}, {"active": False}
        )
        return Changes(users=True)


def reactivate_user(db: Database, actor_id: int, user_id: int) -> Changes:
    with write_op(db, actor_id, {Role.ADMIN}, "启用用户") as (session, actor, now):
        user = load_user(session, user_id, allow_inactive=True)
        if user.active:
            raise RecordsError(f"用户“{user.display_name}”已是在用状态")
        user.active = True
        user.failed_logins = 0
        user.locked_until = None
        user.updated_at = now
        audit(
            session, now, actor, "user", user.id, "reactivate", {"active": False}, {"active": True}
        )
        return Changes(users=True)


def lock_text(user: UserInfo, now: dt.datetime) -> str:
    """For the users list: '锁定至 2024年3月5日 14:22' or ''."""
    if user.locked_until is None or user.locked_until <= now:
        return ""
    return f"锁定至 {local_text(user.locked_until)}"
