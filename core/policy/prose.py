"""Prose that cannot lie: every number the policy file's prose restates must be one of its values.

The policy file keeps the schedule's own words beside the values the engine computes with
(``standard = "1万元/件"`` beside ``rate = "10000.00"``), because the clerk and the applicant
read the words. A bureau officer making next year's file who changes the rate and forgets the
words would have the program pay 12,345.00 and explain it as 「1万元/件」. So the loader reads
every amount, percentage, month count, count and date in the prose and refuses the file when
one of them is not a value the prose may restate (issue 17 §2, choice (a)).

What each prose field may restate:
- an item's ``standard``, ``remark`` and ``content``: that item's own values (rates, bonus,
  tiers, caps on the event, condition thresholds) and the caps that list it;
- a reading, a cap's or target's label: any value of the policy, and its dates.

Clauses are not checked: they quote the programme text itself, which is the authority and does
not change with the file. Numbers without a unit (clause numbers such as 五(一)2) are not
amounts and are passed over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from core.policy.model import Item, Policy

_NUMBER = r"(\d+(?:\.\d+)?)"
# Longest units first, so 「万元」 is not read as 「元」 and 「个月」 not as 「个」.
_MONEY = re.compile(_NUMBER + r"\s*(万元|元)")
_PERCENT = re.compile(_NUMBER + r"\s*%")
_MONTHS = re.compile(r"(\d+)\s*个月")
_COUNT = re.compile(r"(\d+)\s*(件|家|个|次|项|笔)(?!月)")
_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月(?!\d{1,2}日)")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

_KINDS = {"money": "金额", "percent": "比例", "months": "月数", "count": "数量", "date": "日期"}


@dataclass(frozen=True)
class ProseMismatch:
    """A number in prose that is not among the values it may restate."""

    key: str  # e.g. items[0].standard
    prose: str  # the whole prose text
    restated: str  # the number as written, e.g. 「1万元」
    allowed: str  # what the values say, e.g. 「rate = 12345.00」
    line: int | None = None  # in the policy file, where the loader could find the prose

    def __str__(self) -> str:
        where = f"第 {self.line} 行 " if self.line else ""
        return (
            f"{where}{self.key}：文字「{self.prose}」中的「{self.restated}」与数值不符"
            f"（{self.allowed}）"
        )


@dataclass
class _Values:
    """The values a prose field may restate, by kind, each with where it comes from."""

    money: dict[Decimal, str] = field(default_factory=dict)
    percent: dict[Decimal, str] = field(default_factory=dict)
    months: dict[int, str] = field(default_factory=dict)
    count: dict[int, str] = field(default_factory=dict)
    dates: dict[dt.date, str] = field(default_factory=dict)

    def add_money(self, value: Decimal | None, where: str) -> None:
        if value is not None:
            self.money.setdefault(value.normalize(), f"{where} = {value}")

    def merge(self, other: _Values) -> None:
        for name in ("money", "percent", "months", "count", "dates"):
            mine: dict[object, str] = getattr(self, name)
            for key, where in getattr(other, name).items():
                mine.setdefault(key, where)

    def describe(self, kind: str) -> str:
        by_kind: dict[str, dict[Any, str]] = {
            "money": dict(self.money),
            "percent": dict(self.percent),
            "months": dict(self.months),
            "count": dict(self.count),
            "date": dict(self.dates),
        }
        values = by_kind[kind]
        if not values:
            return f"此处没有可对应的{_KINDS[kind]}数值"
        return "可对应的数值：" + "；".join(sorted(set(values.values())))


def _item_values(policy: Policy, item: Item) -> _Values:
    key = f"items.{item.code}"
    values = _Values()
    p = item.params
    for name in ("rate", "bonus_threshold", "bonus_cap", "per_event_cap"):
        values.add_money(getattr(p, name), f"{key}.{name}")
    for i, award in enumerate(p.rank_awards):
        values.add_money(award, f"{key}.rank_awards[{i}]")
    for i, tier in enumerate(p.tiers):
        values.add_money(tier.amount, f"{key}.tiers[{i}].amount")
        values.add_money(tier.lower_bound, f"{key}.tiers[{i}].lower_bound")
        # A tier's threshold may be a count (「3家以上」) as well as an amount.
        if tier.lower_bound == tier.lower_bound.to_integral_value():
            values.count.setdefault(int(tier.lower_bound), f"{key}.tiers[{i}].lower_bound")
    for name in ("share", "bonus_rate"):
        value = getattr(p, name)
        if value is not None:
            values.percent.setdefault((value * 100).normalize(), f"{key}.{name} = {value}")
    for name in ("max_months", "long_term_after_months"):
        value = getattr(p, name)
        if value is not None:
            values.months.setdefault(value, f"{key}.{name} = {value}")
    for i, cond in enumerate(item.conditions):
        where = f"{key}.conditions[{i}]（{cond.fact}）"
        value = cond.value
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            continue
        # A threshold is an amount (「3000万元以上」) or a count (「3家以上」, 「30件及以上」).
        values.add_money(Decimal(value), where)
        if value == int(value):
            values.count.setdefault(int(value), f"{where} = {value}")
            values.months.setdefault(int(value), f"{where} = {value}")
    for cap in policy.caps_for(item.code):
        values.add_money(cap.amount, f"caps.{cap.code}.amount")
    for fact in item.facts:
        for name, bound in (("min", fact.minimum), ("max", fact.maximum)):
            if bound is not None:
                where = f"{key}.facts.{fact.name}.{name} = {bound}"
                values.months.setdefault(bound, where)
                values.count.setdefault(bound, where)
    return values


def _policy_values(policy: Policy) -> _Values:
    values = _Values()
    for item in policy.items.values():
        values.merge(_item_values(policy, item))
    values.add_money(policy.budget, "budget.amount")
    values.add_money(policy.amount_limit, "input_limits.amount")
    for target in policy.targets:
        where = f"targets.{target.code}.value"
        if target.value == target.value.to_integral_value():
            values.count.setdefault(int(target.value), f"{where} = {target.value}")
        values.add_money(target.value, where)
    for name in ("window_start", "window_end", "deadline"):
        day: dt.date = getattr(policy, name)
        values.dates.setdefault(day, f"{name} = {day.isoformat()}")
    values.count.setdefault(policy.correction_days, f"correction.days = {policy.correction_days}")
    values.count.setdefault(policy.copies_required, f"copies = {policy.copies_required}")
    return values


def _restated(text: str) -> Iterator[tuple[str, str, object]]:
    """(kind, as written, value) for every number with a unit in ``text``."""
    for m in _MONEY.finditer(text):
        number = Decimal(m.group(1))
        yield "money", m.group(0), (number * 10000 if m.group(2) == "万元" else number).normalize()
    for m in _PERCENT.finditer(text):
        yield "percent", m.group(0), Decimal(m.group(1)).normalize()
    for m in _MONTHS.finditer(text):
        yield "months", m.group(0), int(m.group(1))
    for m in _COUNT.finditer(text):
        # 「1000元/个」 is an amount per unit, already read as money.
        if text[max(0, m.start() - 2) : m.start()].endswith("元/"):
            continue
        yield "count", m.group(0), int(m.group(1))
    for pattern in (_DAY, _ISO_DAY):
        for m in pattern.finditer(text):
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                yield "date", m.group(0), None
                continue
            yield "date", m.group(0), day
    for m in _MONTH.finditer(text):
        yield "date", m.group(0), (int(m.group(1)), int(m.group(2)))


def _check(key: str, text: str, values: _Values) -> Iterator[ProseMismatch]:
    said: set[str] = set()
    for kind, written, value in _restated(text):
        if written in said:  # the same number twice in one text is one problem
            continue
        said.add(written)
        if kind == "money":
            ok = value in values.money
        elif kind == "percent":
            ok = value in values.percent
        elif kind == "months":
            ok = value in values.months
        elif kind == "count":
            ok = value in values.count or value in values.months
        elif isinstance(value, tuple):  # a month: some date of the policy falls in it
            ok = any((d.year, d.month) == value for d in values.dates)
        else:
            ok = value in values.dates
        if not ok:
            yield ProseMismatch(key, text, written, values.describe(kind))


def prose_mismatches(policy: Policy) -> list[ProseMismatch]:
    """Every number in the prose that its values do not bear out, in file order."""
    found: list[ProseMismatch] = []
    everything = _policy_values(policy)
    for index, item in enumerate(policy.items.values()):
        own = _item_values(policy, item)
        for name in ("standard", "remark", "content"):
            found += _check(f"items[{index}].{name}", getattr(item, name), own)
    for index, cap in enumerate(policy.caps):
        found += _check(f"caps[{index}].label", cap.label, everything)
    for index, target in enumerate(policy.targets):
        found += _check(f"targets[{index}].label", target.label, everything)
    for index, reading in enumerate(policy.readings.values()):
        found += _check(f"readings[{index}].text", reading.text, everything)
    return found


def with_lines(mismatches: Iterable[ProseMismatch], source: str) -> list[ProseMismatch]:
    """The mismatches with the line of the file their prose stands on (TOML keeps the
    text as written, so the first line holding it is where the officer edits)."""
    lines = source.splitlines()
    placed = []
    for m in mismatches:
        line = next((i for i, text in enumerate(lines, 1) if m.prose in text), None)
        placed.append(replace(m, line=line))
    return placed
