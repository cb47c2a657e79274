"""The loan prime rate (LPR) table: which rate was in force on a given day."""

from __future__ import annotations

import bisect
import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from core.paths import resources_dir
from core.policy.loader import PolicyError


@dataclass(frozen=True, order=True)
class LprRate:
    effective: dt.date
    one_year: Decimal
    over_five_years: Decimal


class LprTable:
    """Rates sorted by effective date; a rate holds from its date until the next one."""

    def __init__(self, rates: Iterable[LprRate], source: str = "") -> None:
        by_date: dict[dt.date, LprRate] = {}
        for rate in rates:
            by_date[rate.effective] = rate  # a later entry for the same day replaces an earlier
        self.rates: tuple[LprRate, ...] = tuple(sorted(by_date.values()))
        self.source = source
        self._dates = [r.effective for r in self.rates]

    def in_force(self, on: dt.date) -> LprRate | None:
        index = bisect.bisect_right(self._dates, on) - 1
        return self.rates[index] if index >= 0 else None

    def with_rates(self, extra: Iterable[LprRate]) -> LprTable:
        return LprTable((*self.rates, *extra), self.source)


def _rate(value: object, file: str, key: str) -> Decimal:
    if not isinstance(value, str):
        raise PolicyError(file, key, f'应为写成文本的小数（如 "0.0345"），实为 {value!r}')
    try:
        rate = Decimal(value)
    except InvalidOperation:
        raise PolicyError(file, key, f"不是数：{value!r}") from None
    if not rate.is_finite() or not Decimal(0) < rate < Decimal(1):
        raise PolicyError(file, key, f"利率应为0到1之间的小数，实为 {value}")
    return rate


def parse_lpr(text: str, file: str) -> LprTable:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(file, "", f"TOML 格式错误：{exc}") from None
    unknown = set(data) - {"source", "rates"}
    if unknown:
        raise PolicyError(file, sorted(unknown)[0], "未知的键")
    rows = data.get("rates")
    if not isinstance(rows, list) or not rows:
        raise PolicyError(file, "rates", "缺少 LPR 数据")
    rates = []
    for i, row in enumerate(rows):
        key = f"rates[{i}]"
        if not isinstance(row, dict) or set(row) != {"effective", "one_year", "over_five_years"}:
            raise PolicyError(file, key, "每行须有且只有 effective、one_year、over_five_years")
        effective = row["effective"]
        if isinstance(effective, dt.datetime) or not isinstance(effective, dt.date):
            raise PolicyError(file, f"{key}.effective", f"应为日期，实为 {effective!r}")
        rates.append(
            LprRate(
                effective,
                _rate(row["one_year"], file, f"{key}.one_year"),
                _rate(row["over_five_years"], file, f"{key}.over_five_years"),
            )
        )
    dates = [r.effective for r in rates]
    if len(set(dates)) != len(dates):
        raise PolicyError(file, "rates", "生效日期重复")
    return LprTable(rates, str(data.get("source", "")))


@cache
def load_lpr(path: Path | None = None) -> LprTable:
    file = path or resources_dir() / "lpr.toml"
    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PolicyError(str(file), "", f"无法读取：{exc.strerror}") from None
    return parse_lpr(text, str(file))
