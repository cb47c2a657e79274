"""Roles, kept apart from the users module so that every other module can name them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {Role.CLERK: "窗口经办", Role.SUPERVISOR: "审核人", Role.ADMIN: "系统管理员"}


def parse_roles(text: str) -> frozenset[Role]:
    return frozenset(Role(r) for r in text.split(",") if r)


def roles_text(roles: Iterable[Role]) -> str:
    return ",".join(sorted(Role(r).value for r in roles))


def roles_label(roles: Iterable[Role]) -> str:
    held = set(roles)
    return "、".join(r.label for r in Role if r in held) or "（无角色）"
