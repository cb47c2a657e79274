"""Administrator-added LPR rates (系统管理 → LPR) feed every later interest calculation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.db.audit import verify_chain
from core.records import case_queries
from core.records.errors import InvalidInput, PermissionDenied
from core.records.lpr import add_lpr_rate, list_lpr_rates, lpr_table
from tests.core.db.conftest import case_form, register


def interest_claim(date: str) -> dict[str, object]:
    return {
        "item": "pledge_interest",
        "date": date,
        "principal": "1000000",
        "annual_rate": "0.05",
        "term_months": 12,
        "interest_months": 12,
        "interest_paid": "50000.00",
    }


def test_the_shipped_table_is_listed_as_from_the_file(db, people):
    entries = list_lpr_rates(db)
    assert [e.effective for e in entries][-1] == dt.date(2024, 10, 21)
    assert {e.source for e in entries} == {"文件"}


def test_an_admin_adds_a_rate_and_it_is_used_from_its_date(db, people):
    case_id = register(db, people, case_form(1, [interest_claim("2024-10-30")]))
    before = case_queries.recalculate(db, case_id)
    assert before.claims[0].amount == Decimal("31000.00")  # 50,000 × 3.10% ÷ 5%

    changes = add_lpr_rate(db, people.admin, dt.date(2024, 10, 28), "3.00%", "0.0350", "测试公告")
    assert changes.settings
    entries = list_lpr_rates(db)
    assert entries[-1].effective == dt.date(2024, 10, 28)
    assert entries[-1].one_year == Decimal("0.03") and "王管理" in entries[-1].source

    after = case_queries.recalculate(db, case_id)
    assert after.claims[0].amount == Decimal("30000.00")  # 50,000 × 3.00% ÷ 5%
    assert any("2024年10月28日起执行" in line for line in after.claims[0].explanation)
    with db.read() as session:
        assert lpr_table(session).in_force(dt.date(2024, 10, 27)).one_year == Decimal("0.0310")  # type: ignore[union-attr]
        assert verify_chain(session).ok


@pytest.mark.parametrize(
    ("effective", "one", "five", "message"),
    [
        (dt.date(2024, 10, 21), "3.0%", "3.5%", "已有LPR报价"),
        (dt.date(2024, 1, 1), "3.0%", "3.5%", "早于"),
        (dt.date(2025, 1, 20), "abc", "3.5%", "不是利率"),
        (dt.date(2025, 1, 20), "31%", "3.5%", "不合理"),
    ],
)
def test_bad_rates_are_refused_and_nothing_changes(db, people, effective, one, five, message):
    with pytest.raises(InvalidInput, match=message):
        add_lpr_rate(db, people.admin, effective, one, five)
    assert {e.source for e in list_lpr_rates(db)} == {"文件"}


def test_only_an_admin_adds_rates(db, people):
    with pytest.raises(PermissionDenied, match="系统管理员"):
        add_lpr_rate(db, people.supervisor, dt.date(2025, 1, 20), "3.0%", "3.5%")
