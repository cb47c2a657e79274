"""What changed between two programme years, item by item (issue 17 §1, 政策管理 → 比较).

A supervisor activating next year's file must see exactly which values differ from this
year's: rates, caps, windows, deadline, budget, materials and targets, each with the clause the
new file gives for it. Prose that only restates values is not compared (the loader already
ties it to them); what is compared is what the engine computes with and what the counter asks
for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.money import format_yuan
from core.policy.model import Item, Policy, RuleParams


@dataclass(frozen=True)
class Change:
    section: str  # 「资助事项」「累计上限」「期间与预算」「材料」「工作目标」
    subject: str  # what the value belongs to, e.g. 「接受高校院所发明专利转让」
    name: str  # which value, e.g. 「资助标准（元/件）」
    old: str  # 「—」 when the subject is new
    new: str  # 「—」 when it is gone
    clause: str  # where the new file (or the old one, for a removal) says it

    def __str__(self) -> str:
        return (
            f"{self.section}·{self.subject}·{self.name}：{self.old} → {self.new}（{self.clause}）"
        )


_ABSENT = "—"

_PARAM_NAMES: dict[str, str] = {
    "rate": "标准（元/单位）",
    "bonus_threshold": "额外资助门槛（元）",
    "bonus_rate": "额外资助比例",
    "bonus_cap": "额外资助上限（元）",
    "max_months": "贴息期限上限（月）",
    "long_term_after_months": "长期贷款起算（月）",
    "share": "资助比例",
    "per_event_cap": "单次上限（元）",
    "rank_awards": "名次资助（元）",
    "tiers": "分档（门槛→金额，元）",
}


def _text(value: Any) -> str:
    if value is None:
        return _ABSENT
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_yuan(value) if value >= 1 else f"{value.normalize():f}"
    if isinstance(value, tuple | list):
        return "、".join(_text(v) for v in value) or _ABSENT
    return str(value)


def _params(params: RuleParams) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in _PARAM_NAMES:
        value = getattr(params, name)
        if name == "tiers":
            value = tuple(f"{_text(t.lower_bound)}→{_text(t.amount)}" for t in value)
        if value in (None, ()):
            continue
        out[name] = _text(value)
    return out


def _item_changes(old: Item | None, new: Item | None) -> Iterator[Change]:
    item = new or old
    assert item is not None
    subject = item.name
    if old is None or new is None:
        yield Change(
            "资助事项",
            subject,
            "事项",
            _ABSENT if old is None else "有",
            _ABSENT if new is None else "有",
            item.clause,
        )
        return
    old_params, new_params = _params(old.params), _params(new.params)
    for name in _PARAM_NAMES:
        before, after = old_params.get(name, _ABSENT), new_params.get(name, _ABSENT)
        if before != after:
            yield Change("资助事项", subject, _PARAM_NAMES[name], before, after, new.clause)
    simple: dict[str, tuple[str, Any, Any]] = {
        "rule": ("计算方式", old.rule, new.rule),
        "applicant_kinds": (
            "申请人类型",
            "、".join(k.label for k in old.applicant_kinds),
            "、".join(k.label for k in new.applicant_kinds),
        ),
        "requires_sme": ("限中小微企业", old.requires_sme, new.requires_sme),
        "needs_recognition": ("须经认定", old.needs_recognition, new.needs_recognition),
        "materials": ("所需材料", old.materials, new.materials),
        "conditions": (
            "条件",
            tuple(f"{c.fact}{c.op}{_text(c.value)}" for c in old.conditions),
            tuple(f"{c.fact}{c.op}{_text(c.value)}" for c in new.conditions),
        ),
    }
    for label, before, after in simple.values():
        if before != after:
            yield Change("资助事项", subject, label, _text(before), _text(after), new.clause)


def policy_changes(old: Policy, new: Policy) -> list[Change]:
    """Every value that differs from ``old`` to ``new``, in the order of the new file."""
    changes: list[Change] = []

    def compare(section: str, subject: str, name: str, a: Any, b: Any, clause: str) -> None:
        if a != b:
            changes.append(Change(section, subject, name, _text(a), _text(b), clause))

    compare("期间与预算", "实施期间", "开始", old.window_start, new.window_start, new.window_clause)
    compare("期间与预算", "实施期间", "结束", old.window_end, new.window_end, new.window_clause)
    compare("期间与预算", "申报", "截止日期", old.deadline, new.deadline, new.deadline_clause)
    compare("期间与预算", "预算", "资助资金（元）", old.budget, new.budget, new.budget_clause)
    compare(
        "期间与预算",
        "公示",
        "公示期（工作日）",
        old.notice_working_days,
        new.notice_working_days,
        new.notice_clause,
    )
    compare(
        "期间与预算",
        "补正",
        "默认补正期限（日）",
        old.correction_days,
        new.correction_days,
        new.correction_clause,
    )
    compare("材料", "全部申请", "份数", old.copies_required, new.copies_required, new.copies_clause)
    compare(
        "材料",
        "全部申请",
        "通用材料",
        tuple(old.materials[m].name for m in old.common_materials if m in old.materials),
        tuple(new.materials[m].name for m in new.common_materials if m in new.materials),
        new.copies_clause,
    )
    for code in dict.fromkeys([*new.items, *old.items]):
        changes += _item_changes(old.items.get(code), new.items.get(code))
    old_caps = {c.code: c for c in old.caps}
    new_caps = {c.code: c for c in new.caps}
    for code in dict.fromkeys([*new_caps, *old_caps]):
        a, b = old_caps.get(code), new_caps.get(code)
        cap = b or a
        assert cap is not None
        compare(
            "累计上限",
            cap.label,
            "金额（元）",
            None if a is None else a.amount,
            None if b is None else b.amount,
            cap.clause,
        )
        if a is not None and b is not None:
            compare("累计上限", cap.label, "适用事项", a.items, b.items, cap.clause)
    old_targets = {t.code: t for t in old.targets}
    new_targets = {t.code: t for t in new.targets}
    for code in dict.fromkeys([*new_targets, *old_targets]):
        ta, tb = old_targets.get(code), new_targets.get(code)
        target = tb or ta
        assert target is not None
        compare(
            "工作目标",
            target.label,
            f"目标值（{target.unit}）",
            None if ta is None else f"{ta.comparison}{ta.value.normalize():f}",
            None if tb is None else f"{tb.comparison}{tb.value.normalize():f}",
            target.clause,
        )
    return changes
