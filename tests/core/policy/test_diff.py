"""政策管理 → 比较: the diff of two programme years lists exactly the values that changed."""

from __future__ import annotations

from pathlib import Path

from core.paths import policies_dir
from core.policy import load_policy
from core.policy.diff import policy_changes
from core.policy.loader import load_policy_file, parse_policy

ROOT = Path(__file__).resolve().parents[3]
WORKED = ROOT / "docs" / "examples" / "bishan-2025.toml"
SOURCE = (policies_dir() / "bishan-2024.toml").read_text(encoding="utf-8")


def test_the_worked_bishan_2025_differs_in_exactly_its_changed_values() -> None:
    changes = policy_changes(load_policy("bishan-2024"), load_policy_file(WORKED))
    assert [(c.subject, c.name, c.old, c.new) for c in changes] == [
        ("实施期间", "开始", "2023-11-01", "2024-11-01"),
        ("实施期间", "结束", "2024-10-31", "2025-10-31"),
        ("申报", "截止日期", "2024-11-22", "2025-11-21"),
        ("预算", "资助资金（元）", "1,000,000.00", "1,200,000.00"),
        ("接受高校院所发明专利转让", "标准（元/单位）", "10,000.00", "12,000.00"),
        ("发明专利开放许可", "标准（元/单位）", "10,000.00", "15,000.00"),
    ]
    assert all(c.clause for c in changes)


def test_a_year_compared_with_itself_has_no_changes() -> None:
    policy = load_policy("bishan-2024")
    assert policy_changes(policy, policy) == []


def test_caps_targets_materials_and_conditions_are_compared() -> None:
    old = load_policy("bishan-2024")
    text = (
        SOURCE.replace('amount = "200000.00"', 'amount = "250000.00"', 1)
        .replace(
            'comparison = ">="\nclause = "二、工作目标「新增中小微企业接收',
            'comparison = ">"\nclause = "二、工作目标「新增中小微企业接收',
            1,
        )
        .replace(
            'materials = ["license_contract", "license_certificate", "license_registration"]',
            'materials = ["license_contract", "license_certificate"]',
            1,
        )
        .replace(
            '{ fact = "enterprises_served", op = "ge", value = 3,',
            '{ fact = "enterprises_served", op = "ge", value = 4,',
            1,
        )
    )
    text = text.replace(
        "每家企业累计贴息资金不超过20万元，贴息期限",
        "每家企业累计贴息资金不超过25万元，贴息期限",
        1,
    )
    text = text.replace("再计入每家企业累计20万元上限", "再计入每家企业累计25万元上限", 1)
    text = text.replace("专利质押贷款惠企数量3家以上）", "专利质押贷款惠企数量4家以上）", 1)
    text = text.replace("惠企数量3家及以上且", "惠企数量4家及以上且", 1)
    new = parse_policy(text, "changed.toml")
    found = {(c.section, c.subject, c.name) for c in policy_changes(old, new)}
    assert ("累计上限", "每家企业累计贴息资金", "金额（元）") in found
    assert ("工作目标", "新增中小微企业接收高校院所专利转让许可次数", "目标值（次）") in found
    assert ("资助事项", "接受高校院所发明专利许可", "所需材料") in found
    assert ("资助事项", "银行专利质押贷款惠企排名", "条件") in found
    assert len(found) == 4
