"""Column types: money in whole fen, instants in UTC, JSON with exact decimals."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from core.money import from_fen, to_fen


class Money(TypeDecorator[Decimal]):
    """``Decimal`` yuan in Python, INTEGER fen in the database; fractions of a fen are refused.

    Integers in the database keep sums exact in SQL (``SUM`` of fen never drifts) on SQLite and
    PostgreSQL alike.
    """

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # SQLite's INTEGER is 64-bit already; PostgreSQL's is 32-bit (21,474,836.47 元 at
        # most), so a server gets BIGINT (migration 0014).
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Integer())
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        # to_fen refuses floats and amounts like 0.001 with a Chinese message.
        return to_fen(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_fen(int(value))


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in Python, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("时间缺少时区信息：请使用 Clock.now() 取得的时间")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def json_default(value: object) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset | set | tuple):
        return sorted(value) if isinstance(value, frozenset | set) else list(value)
    raise TypeError(f"无法写成 JSON：{type(value).__name__}")


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, Chinese kept readable, decimals as text."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=json_default
    )


def loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


class JsonText(TypeDecorator[Any]):
    """JSON stored as canonical text; decimals come back as ``Decimal``, never float."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return dumps(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return loads(value)
