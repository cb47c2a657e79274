"""The policy file: every value the engine uses is there, cited, and a bad file is refused clearly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from core.paths import policies_dir
from core.policy import PolicyError, available_policies, load_policy, parse_policy
from core.policy.loader import PolicyProseError, load_policy_file

SOURCE = (policies_dir() / "bishan-2024.toml").read_text(encoding="utf-8")


def test_bishan_2024_holds_the_values_of_seed_002() -> None:
    p = load_policy("bishan-2024")
    assert (p.window_start, p.window_end) == (dt.date(2023, 11, 1), dt.date(2024, 10, 31))
    assert p.deadline == dt.date(2024, 11, 22)
    assert p.budget == Decimal("1000000.00")
    assert [g.code for g in p.rejection_grounds] == [
        "out_of_scope",
        "incomplete_materials",
        "dispute",
        "dishonest_debtor",
        "late",
        "major_accident",
    ]
    assert len(p.targets) == 9
    assert {c.code: c.amount for c in p.caps} == {
        "transfer_cumulative": Decimal(30000),
        "interest_cumulative": Decimal(200000),
        "pledge_fees_cumulative": Decimal(50000),
        "product_filing_cumulative": Decimal(10000),
    }
    assert p.items["transfer_in"].params.rate == Decimal(10000)
    assert p.items["license_in"].params.bonus_rate == Decimal("0.0005")
    assert [t.amount for t in p.items["license_broker"].params.tiers] == [
        Decimal(20000),
        Decimal(30000),
    ]
    assert p.items["bank_ranking"].params.rank_awards == (
        Decimal(80000),
        Decimal(60000),
        Decimal(40000),
    )
    assert p.case_number(7) == "璧市监专转〔2024〕第007号"


def test_every_value_cites_a_clause() -> None:
    p = load_policy("bishan-2024")
    assert all(i.clause and i.standard for i in p.items.values())
    assert all(c.clause for i in p.items.values() for c in i.conditions)
    assert all(m.clause for m in p.materials.values())
    assert all(c.clause for c in p.caps) and all(t.clause for t in p.targets)
    assert all(g.clause.startswith("五(一)2") for g in p.rejection_grounds)


def test_materials_follow_five_two() -> None:
    p = load_policy("bishan-2024")
    needed = p.materials_for(["license_in", "transfer_in", "license_in"])
    assert needed[:6] == p.common_materials
    assert {"license_contract", "transfer_contract"} <= set(needed)
    assert len(needed) == len(set(needed))
    assert p.materials["transfer_contract"].clause == "五(二)4"


def test_lists_the_shipped_policies() -> None:
    assert "bishan-2024" in available_policies()


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (('rate = "10000.00"', 'rat = "10000.00"'), "items[0]", "缺少此项"),
        (
            ('budget]\namount = "1000000.00"', "budget]\namount = 1000000.5"),
            "budget.amount",
            "写成文本",
        ),
        (("[budget]", '[budget]\ncolour = "red"'), "budget.colour", "未知的键"),
        (('rule = "per_unit"', 'rule = "per_whatever"'), "items[0].rule", "未知计算方式"),
        (("start = 2023-11-01", 'start = "soon"'), "activity_window.start", "应为日期"),
        (
            ('form_row = "接受发明专利转让"', 'form_row = "不存在的行"'),
            "items[0].form_row",
            "申请表",
        ),
        (
            ('items = ["transfer_in"]', 'items = ["transfer_out"]'),
            "caps[0].items",
            "不是本政策的资助事项",
        ),
        (('op = "invention"', 'op = "roughly"'), "items[0].conditions[0].op", "未知比较"),
        (('comparison = ">="', 'comparison = "=>"'), "targets[0].comparison", "应为"),
        (("days = 15", "days = 0"), "correction.days", "1 至 90"),
        (("days = 15", "days = 91"), "correction.days", "1 至 90"),
        (
            ('reading = "correction_period"', 'reading = "no_such_reading"'),
            "correction.reading",
            "未知解释",
        ),
    ],
)
def test_bad_file_names_file_key_and_problem(
    change: tuple[str, str], key: str, problem: str
) -> None:
    old, new = change
    assert old in SOURCE
    with pytest.raises(PolicyError) as info:
        parse_policy(SOURCE.replace(old, new, 1), "bad.toml")
    message = str(info.value)
    assert "bad.toml" in message and key in message and problem in message


def test_toml_syntax_error_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="TOML"):
        parse_policy("schema = 1\n[programme\n", "broken.toml")


def test_id_must_match_file_name(tmp_path: Path) -> None:
    file = tmp_path / "bishan-2025.toml"
    file.write_text(SOURCE, encoding="utf-8")
    with pytest.raises(PolicyError, match="文件名"):
        load_policy_file(file)


def test_a_new_year_is_a_new_file_and_no_code(tmp_path: Path) -> None:
    text = (
        SOURCE.replace('id = "bishan-2024"', 'id = "bishan-2025"')
        .replace("year = 2024", "year = 2025")
        .replace('rate = "10000.00"', 'rate = "12000.00"', 1)
        .replace('standard = "1万元/件"', 'standard = "1.2万元/件"', 1)
    )
    file = tmp_path / "bishan-2025.toml"
    file.write_text(text, encoding="utf-8")
    p = load_policy_file(file)
    assert p.items["transfer_in"].params.rate == Decimal(12000)
    assert p.items["transfer_in"].standard == "1.2万元/件"
    assert p.case_number(1) == "璧市监专转〔2025〕第001号"


def _without_the_prose_check(text: str, tmp_path: Path) -> list[str]:
    file = tmp_path / "bishan-2024.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyProseError) as info:
        load_policy_file(file)
    return [str(m) for m in info.value.mismatches]


def test_a_changed_rate_with_stale_prose_is_refused_naming_both(tmp_path: Path) -> None:
    # Issue 17: rate 12345 beside 「1万元/件」 would pay 12,345.00 explained as 1万元/件.
    text = SOURCE.replace('rate = "10000.00"', 'rate = "12345.00"', 1)
    problems = _without_the_prose_check(text, tmp_path)
    assert len(problems) == 1
    assert "items[0].standard" in problems[0]
    assert "「1万元/件」" in problems[0] and "「1万元」" in problems[0]
    assert "rate = 12345.00" in problems[0]


@pytest.mark.parametrize(
    ("old", "new", "key", "restated"),
    [
        # A cap changed, its remark not: 「同一企业累计资助最高不超过3万元」.
        ('amount = "30000.00"', 'amount = "40000.00"', "items[0].remark", "3万元"),
        # The months cap of 贴息 changed, its standard still says 36个月.
        ("max_months = 36", "max_months = 24", "standard", "36个月"),
        # The fee share changed, 「按50%给予资助」 not.
        ('share = "0.5"', 'share = "0.4"', "standard", "50%"),
        # The window moved a year, a reading still names 2023年11月1日.
        ("start = 2023-11-01", "start = 2024-11-01", "readings[1].text", "2023年11月1日"),
        # A bank's ranking award changed, 「分别资助8万元」 not.
        ('rank_awards = ["80000.00"', 'rank_awards = ["90000.00"', "standard", "8万元"),
    ],
)
def test_each_kind_of_restated_value_is_checked(
    tmp_path: Path, old: str, new: str, key: str, restated: str
) -> None:
    assert old in SOURCE
    text = SOURCE.replace(old, new, 1)
    if old.startswith("start"):  # keep the window valid, so only the prose is wrong
        text = text.replace("end = 2024-10-31", "end = 2025-10-31", 1)
    problems = _without_the_prose_check(text, tmp_path)
    assert any(key in p and f"「{restated}」" in p for p in problems), problems


def test_the_shipped_policy_prose_matches_its_values() -> None:
    from core.policy.prose import prose_mismatches

    assert prose_mismatches(load_policy("bishan-2024")) == []


def test_unknown_policy_says_which_exist() -> None:
    with pytest.raises(PolicyError, match="bishan-2024"):
        load_policy("nowhere-1999")


@pytest.mark.parametrize(
    "policy_id",
    ["../policies/bishan-2024", "policies/../bishan-2024", "./bishan-2024", "", "bishan-2024.toml"],
)
def test_a_policy_id_is_a_name_not_a_path(policy_id: str) -> None:
    # These all reach the shipped file (or the folder) through the file system; as ids they
    # are unknown programmes, and a CASE naming one is refused (exit 2), not silently computed.
    with pytest.raises(PolicyError, match="没有政策"):
        load_policy(policy_id)


def test_an_absolute_path_does_not_load_a_file_from_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "bishan-2024.toml"
    elsewhere.write_text((policies_dir() / "bishan-2024.toml").read_text("utf-8"), "utf-8")
    with pytest.raises(PolicyError, match="没有政策"):
        load_policy(str(tmp_path / "bishan-2024"))


@pytest.mark.parametrize("policy_id", available_policies())
def test_lookups_by_item_answer_as_the_lists_they_index(policy_id: str) -> None:
    # caps_for, stacking_group_for and item_order are worked out once per policy; they must
    # say exactly what reading the caps, the groups and the items in file order says.
    p = load_policy(policy_id)
    codes = list(p.items)
    assert p.item_order == {code: codes.index(code) for code in codes}
    for code in [*codes, "no_such_item"]:
        assert p.caps_for(code) == tuple(c for c in p.caps if code in c.items)
        groups = [g for g in p.stacking_groups if code in g.items]
        assert p.stacking_group_for(code) == (groups[0] if groups else None)
        if code in p.items:
            item = p.items[code]
            assert item.claim_keys == ("item", "date", *(f.name for f in item.facts))
