"""Warnings at the field (issue 20 §4): the engine's rules asked of one typed value."""

from __future__ import annotations

import datetime as dt

from core.engine.rules import completion_warning, fact_warning, received_warning
from core.identifiers import normalize_patent_number, patent_check_char
from core.policy import load_policy

POLICY = load_policy("bishan-2024")


def test_received_on_the_deadline_is_in_time_the_day_after_is_late() -> None:
    # 五(一)1: 申报时间为……至2024年11月22日; 《民法典》第一千二百五十九条: 「至」 includes it.
    assert received_warning(POLICY, dt.date(2024, 11, 22)) is None
    late = received_warning(POLICY, dt.date(2024, 11, 23))
    assert late is not None and "逾期" in late and POLICY.deadline_clause in late


def test_the_completion_window_includes_both_ends() -> None:
    item = POLICY.item("pledge_interest")
    assert completion_warning(POLICY, item, dt.date(2023, 11, 1)) is None
    assert completion_warning(POLICY, item, dt.date(2024, 10, 31)) is None
    for outside in (dt.date(2023, 10, 31), dt.date(2024, 11, 1)):
        warning = completion_warning(POLICY, item, outside)
        assert warning is not None and item.date_label in warning and "不予资助" in warning


def test_a_utility_model_on_an_invention_only_item_is_named() -> None:
    item = POLICY.item("transfer_in")
    utility = normalize_patent_number(f"201720601862{patent_check_char('201720601862')}")
    design = normalize_patent_number(f"201730601862{patent_check_char('201730601862')}")
    invention = normalize_patent_number("ZL201710601862.3")
    assert fact_warning(item, "patent", invention) is None
    for other, label in ((utility, "实用新型"), (design, "外观设计")):
        warning = fact_warning(item, "patent", other)
        assert warning is not None and label in warning and "须为发明专利" in warning
    assert fact_warning(item, "counterparty_kind", "university") is None
