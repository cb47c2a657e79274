"""系统管理 · 政策: the programme's policy file as a read-only tree — general terms, items with
their rates, caps, stacking, grounds, targets and readings, each with the clause it rests on.

The content is the policy file's (``core.policy``); the tree only arranges it for reading.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QFont,
    QObject,
    QStandardItem,
    QStandardItemModel,
    translate,
)

if TYPE_CHECKING:
    from core.policy.model import Item, Policy

CONTEXT = "PolicyModel"
HEADERS = (
    QT_TRANSLATE_NOOP("PolicyModel", "Entry"),
    QT_TRANSLATE_NOOP("PolicyModel", "Content"),
    QT_TRANSLATE_NOOP("PolicyModel", "Clause"),
)
# The engine's calculation kinds (core.policy.model.RuleKind), as the office names them.
RULES = {
    "per_unit": QT_TRANSLATE_NOOP("PolicyModel", "A fixed sum per unit"),
    "per_unit_with_bonus": QT_TRANSLATE_NOOP(
        "PolicyModel", "A fixed sum plus a share above a threshold"
    ),
    "interest_subsidy": QT_TRANSLATE_NOOP("PolicyModel", "Interest subsidy at the LPR"),
    "fee_share": QT_TRANSLATE_NOOP("PolicyModel", "A share of the fees paid"),
    "approved_amount": QT_TRANSLATE_NOOP("PolicyModel", "The amount approved by the reviewer"),
    "ranking": QT_TRANSLATE_NOOP("PolicyModel", "By rank among the applicants"),
    "tiers": QT_TRANSLATE_NOOP("PolicyModel", "By tier"),
    "actual_cost": QT_TRANSLATE_NOOP("PolicyModel", "The actual cost, up to a cap"),
}
PARAMS = {
    "rate": QT_TRANSLATE_NOOP("PolicyModel", "Rate or sum"),
    "bonus_threshold": QT_TRANSLATE_NOOP("PolicyModel", "Bonus above"),
    "bonus_rate": QT_TRANSLATE_NOOP("PolicyModel", "Bonus share"),
    "bonus_cap": QT_TRANSLATE_NOOP("PolicyModel", "Bonus cap"),
    "max_months": QT_TRANSLATE_NOOP("PolicyModel", "Months at most"),
    "long_term_after_months": QT_TRANSLATE_NOOP("PolicyModel", "Long-term loan after months"),
    "share": QT_TRANSLATE_NOOP("PolicyModel", "Share"),
    "rank_awards": QT_TRANSLATE_NOOP("PolicyModel", "Awards by rank"),
    "per_event_cap": QT_TRANSLATE_NOOP("PolicyModel", "Cap per event"),
}


def _t(text: str) -> str:
    return translate(CONTEXT, text)


def _row(label: str, content: object = "", clause: str = "") -> list[QStandardItem]:
    cells = [QStandardItem(label), QStandardItem(_value(content)), QStandardItem(clause)]
    for cell in cells:
        cell.setEditable(False)
        cell.setToolTip(cell.text())
    return cells


def _value(value: object) -> str:
    from core.money import format_yuan

    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("PolicyModel", "Yes") if value else translate("PolicyModel", "No")
    if isinstance(value, Decimal):
        if value < 1 and value != value.to_integral_value():
            return f"{(value * 100).normalize():f}%"
        return format_yuan(value)
    if isinstance(value, tuple | list):
        return "、".join(_value(v) for v in value)
    return str(value)


def _section(title: str) -> list[QStandardItem]:
    cells = _row(title)
    font = QFont(cells[0].font())
    font.setBold(True)
    cells[0].setFont(font)
    return cells


class PolicyModel(QStandardItemModel):
    """The tree of one policy; rebuilt by :meth:`set_policy`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy: Policy | None = None

    def set_policy(self, policy: Policy) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([_t(h) for h in HEADERS])
        self.policy = policy
        root = self.invisibleRootItem()

        general = _section(translate("PolicyModel", "General"))
        for cells in (
            _row(translate("PolicyModel", "Title"), policy.title),
            _row(translate("PolicyModel", "Issued by"), policy.issuer),
            _row(translate("PolicyModel", "Source"), policy.source),
            _row(translate("PolicyModel", "Version"), policy.version),
            _row(translate("PolicyModel", "File fingerprint (SHA-256)"), policy.sha256),
            _row(translate("PolicyModel", "Programme year"), policy.year),
            _row(
                translate("PolicyModel", "Activities completed"),
                f"{policy.window_start.isoformat()} — {policy.window_end.isoformat()}",
                policy.window_clause,
            ),
            _row(
                translate("PolicyModel", "Applications until"),
                policy.deadline.isoformat(),
                policy.deadline_clause,
            ),
            _row(translate("PolicyModel", "Budget"), policy.budget, policy.budget_clause),
            _row(
                translate("PolicyModel", "Notice (working days)"),
                policy.notice_working_days,
                policy.notice_clause,
            ),
            _row(
                translate("PolicyModel", "Correction period (days, default)"),
                policy.correction_days,
                f"{policy.correction_clause}；{policy.readings[policy.correction_reading].text}",
            ),
            _row(
                translate("PolicyModel", "Copies of each material"),
                policy.copies_required,
                policy.copies_clause,
            ),
            _row(
                translate("PolicyModel", "Application form"), policy.form_title, policy.form_clause
            ),
        ):
            general[0].appendRow(cells)
        root.appendRow(general)

        items = _section(
            translate("PolicyModel", "Items (%1)").replace("%1", str(len(policy.items)))
        )
        for item in policy.items.values():
            items[0].appendRow(self._item(item))
        root.appendRow(items)

        caps = _section(translate("PolicyModel", "Cumulative caps"))
        for cap in policy.caps:
            row = _row(cap.label, cap.amount, cap.clause)
            names = [policy.items[c].name for c in cap.items if c in policy.items]
            row[0].appendRow(_row(translate("PolicyModel", "Items"), names))
            if cap.reading and cap.reading in policy.readings:
                reading = policy.readings[cap.reading]
                row[0].appendRow(
                    _row(translate("PolicyModel", "Reading"), reading.text, reading.clause)
                )
            caps[0].appendRow(row)
        root.appendRow(caps)

        stacking = _section(translate("PolicyModel", "Best of, never stacked"))
        for group in policy.stacking_groups:
            names = [policy.items[c].name for c in group.items if c in policy.items]
            stacking[0].appendRow(_row(group.label, names, group.clause))
        root.appendRow(stacking)

        grounds = _section(translate("PolicyModel", "Grounds for not accepting"))
        for ground in policy.rejection_grounds:
            who = (
                translate("PolicyModel", "the program")
                if ground.decided_by == "system"
                else translate("PolicyModel", "the clerk")
            )
            grounds[0].appendRow(
                _row(
                    ground.text,
                    translate("PolicyModel", "decided by %1").replace("%1", who),
                    ground.clause,
                )
            )
        root.appendRow(grounds)

        materials = _section(translate("PolicyModel", "Materials"))
        for material in policy.materials.values():
            materials[0].appendRow(_row(material.name, "", material.clause))
        root.appendRow(materials)

        targets = _section(translate("PolicyModel", "Targets"))
        for target in policy.targets:
            sign = ">" if target.comparison == ">" else "≥"
            value = _value(target.value) if target.unit != "比例" else f"{target.value * 100:.0f}%"
            unit = "" if target.unit == "比例" else target.unit
            targets[0].appendRow(_row(target.label, f"{sign} {value}{unit}", target.clause))
        root.appendRow(targets)

        readings = _section(translate("PolicyModel", "Readings taken"))
        for reading in policy.readings.values():
            readings[0].appendRow(_row(reading.code, reading.text, reading.clause))
        root.appendRow(readings)

    def _item(self, item: Item) -> list[QStandardItem]:
        from core.policy.model import CHOICE_LABELS

        policy = self.policy
        assert policy is not None
        row = _row(item.name, item.standard, item.clause)
        add = row[0].appendRow
        add(_row(translate("PolicyModel", "Category"), item.category))
        add(_row(translate("PolicyModel", "For"), item.content))
        add(_row(translate("PolicyModel", "Standard"), item.standard))
        if item.remark:
            add(_row(translate("PolicyModel", "Remark"), item.remark))
        rule = _row(
            translate("PolicyModel", "Calculation"),
            _t(RULES[item.rule]) if item.rule in RULES else item.rule,
        )
        for name, label in PARAMS.items():
            value = getattr(item.params, name)
            if value not in (None, ()):
                rule[0].appendRow(_row(_t(label), value))
        for tier in item.params.tiers:
            rule[0].appendRow(_row(translate("PolicyModel", "Tier"), tier.text))
        add(rule)
        kinds = [k.label for k in item.applicant_kinds]
        add(_row(translate("PolicyModel", "Applicants"), kinds, item.applicant_kinds_clause))
        add(_row(translate("PolicyModel", "Small or medium enterprises only"), item.requires_sme))
        add(_row(translate("PolicyModel", "Needs recognition"), item.needs_recognition))
        add(_row(translate("PolicyModel", "Date that counts"), item.date_label))
        for condition in item.conditions:
            add(_row(translate("PolicyModel", "Condition"), condition.message, condition.clause))
        facts = []
        for fact in item.facts:
            choices = "、".join(CHOICE_LABELS.get(c, c) for c in fact.choices)
            facts.append(f"{fact.label}（{choices}）" if choices else fact.label)
        if facts:
            add(_row(translate("PolicyModel", "Declared"), facts))
        names = [policy.materials[m].name for m in item.materials if m in policy.materials]
        add(_row(translate("PolicyModel", "Materials"), names))
        if item.reading and item.reading in policy.readings:
            reading = policy.readings[item.reading]
            add(_row(translate("PolicyModel", "Reading"), reading.text, reading.clause))
        return row
