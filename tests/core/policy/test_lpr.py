"""The LPR table: which rate is in force on a day (TECH-NOTES; issue's table)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.policy import PolicyError
from core.policy.lpr import LprRate, load_lpr, parse_lpr


@pytest.mark.parametrize(
    ("day", "one_year", "over_five"),
    [
        ("2023-06-20", "0.0355", "0.0420"),
        ("2023-08-20", "0.0355", "0.0420"),
        ("2023-08-21", "0.0345", "0.0420"),
        ("2024-02-19", "0.0345", "0.0420"),
        ("2024-02-20", "0.0345", "0.0395"),
        ("2024-07-21", "0.0345", "0.0395"),
        ("2024-07-22", "0.0335", "0.0385"),
        ("2024-10-20", "0.0335", "0.0385"),
        ("2024-10-21", "0.0310", "0.0360"),
        ("2025-01-31", "0.0310", "0.0360"),
    ],
)
def test_rate_in_force(day: str, one_year: str, over_five: str) -> None:
    rate = load_lpr().in_force(dt.date.fromisoformat(day))
    assert rate is not None
    assert (rate.one_year, rate.over_five_years) == (Decimal(one_year), Decimal(over_five))


def test_before_the_table_there_is_no_rate() -> None:
    assert load_lpr().in_force(dt.date(2023, 6, 19)) is None


def test_an_admin_added_rate_takes_over_from_its_date() -> None:
    table = load_lpr().with_rates(
        [LprRate(dt.date(2025, 5, 20), Decimal("0.03"), Decimal("0.035"))]
    )
    assert table.in_force(dt.date(2025, 5, 19)).one_year == Decimal("0.0310")  # type: ignore[union-attr]
    assert table.in_force(dt.date(2025, 5, 20)).one_year == Decimal("0.03")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        '[[rates]]\neffective = 2024-01-01\none_year = 0.03\nover_five_years = "0.04"\n',
        '[[rates]]\neffective = 2024-01-01\none_year = "3.1"\nover_five_years = "0.04"\n',
        '[[rates]]\neffective = "2024-01-01"\none_year = "0.03"\nover_five_years = "0.04"\n',
        "rates = []\n",
    ],
)
def test_bad_lpr_file_is_refused(text: str) -> None:
    with pytest.raises(PolicyError, match=r"lpr\.toml"):
        parse_lpr(text, "lpr.toml")
