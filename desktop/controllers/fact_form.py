"""A claim's entry form, built from the facts the policy declares for its item.

Nothing here knows any item: the rows come from ``Item.facts`` (name, type, label, choices)
and every check is core's own validator (``parse_fact``, ``parse_date``,
``parse_patent_number``), so a new policy year with new facts needs no GUI change. Each row
shows the result of its check as it is typed, in core's Chinese words.

Values are kept in the form of the calc contract (docs/cli.md): text for patents, money,
rates and text, int, bool, a choice code, and the date as YYYY-MM-DD; an empty optional fact
is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QObject,
    QSignalBlocker,
    QSpinBox,
    QWidget,
    Signal,
    qconnect,
    translate,
)
from desktop.views.fact_form_view import ERROR_STYLE, OK_STYLE, WARN_STYLE, FactFormView

if TYPE_CHECKING:
    from core.engine.results import ClaimResult
    from core.policy.model import Fact, Item, Policy

CONTEXT = "FactForm"
# Spin boxes need a ceiling; no count in the programme comes near it.
INT_MAXIMUM = 999_999_999
DATE_KEY = "date"

# (date text) -> a warning to show beside a valid date (e.g. outside the programme window).
DateCheck = Callable[[str], str | None]


def _set_status(label: QLabel, text: str, style: str) -> None:
    label.setText(text)
    label.setStyleSheet(style)
    label.setToolTip(text)


class FactEditor(QObject):
    """One row: an editor widget, a status label, the value and its check."""

    changed = Signal()

    def __init__(self, name: str, label: str, widget: QWidget, required: bool) -> None:
        super().__init__(widget)
        self.name = name
        self.label = label
        self.widget = widget
        self.required = required
        self.status = QLabel()
        self.status.setObjectName(f"status_{name}")
        self.widget.setObjectName(f"fact_{name}")

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        """Core's reason the value cannot be used, or None when it can (or may stay empty)."""
        return None

    def refresh(self) -> None:
        problem = self.problem()
        if problem:
            _set_status(self.status, problem, ERROR_STYLE)
        else:
            _set_status(self.status, "", OK_STYLE)

    def _changed(self, *_: object) -> None:
        self.refresh()
        self.changed.emit()


class TextFactEditor(FactEditor):
    """patent, money, rate and text facts: a line edit checked by core's parser."""

    def __init__(self, fact: Fact) -> None:
        self.edit = QLineEdit()
        super().__init__(fact.name, fact.label, self.edit, fact.required)
        self.fact = fact
        self._declined: str | None = None  # 「4.35」 the clerk said is not 4.35 %
        # The item's condition on this fact (发明专利 only), set by the form: a value that
        # parses but fails it is shown as a warning, not as a green tick (issue 20 §4).
        self.condition_check: Callable[[Any], str | None] | None = None
        if fact.type == "money":
            self.edit.setPlaceholderText(translate("FactForm", "yuan, e.g. 150000.00"))
        elif fact.type == "rate":
            self.edit.setPlaceholderText(
                translate("FactForm", "as on the contract: 4.35% or 0.0435")
            )
            qconnect(self.edit.editingFinished, self._confirm_percent)
        elif fact.type == "patent":
            self.edit.setPlaceholderText(translate("FactForm", "e.g. ZL201710601862.3"))
        qconnect(self.edit.textChanged, self._changed)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if text and self.fact.type == "rate":
            # The contract's form (「0.0435」), whatever way it was typed (issue 20 §3).
            reading = self._rate()
            if reading is not None:
                return f"{reading.rate.normalize():f}"
        return text or None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText("" if value is None else str(value))
        self.refresh()

    def _rate(self) -> Any:
        """Core's reading of the typed rate, or None when it cannot be read (or was not
        confirmed as a percentage)."""
        from core.engine.inputs import InputError, read_rate

        try:
            reading = read_rate(self.edit.text())
        except InputError:
            return None
        if reading.percent_assumed and self.edit.text() == self._declined:
            return None
        return reading

    def _confirm_percent(self) -> None:
        """「4.35」 means 4.35 %? Asked once, when the clerk leaves the field."""
        from core.engine.inputs import InputError, percent_text, read_rate
        from desktop import messages

        text = self.edit.text()
        try:
            reading = read_rate(text)
        except InputError:
            return
        if not reading.percent_assumed:
            return
        question = (
            translate("FactForm", "Does 「%1」 mean an annual rate of %2?")
            .replace("%1", text.strip())
            .replace("%2", percent_text(reading.rate))
        )
        if messages.confirm(self.edit, self.label, question):
            self.edit.setText(percent_text(reading.rate))
        else:
            self._declined = text
            self.refresh()

    def problem(self) -> str | None:
        from core.engine.inputs import InputError, parse_fact, read_rate

        value = self.value()
        if value is None:
            if self.required:
                return translate("FactForm", "Required")
            return None
        try:
            if self.fact.type == "rate":
                read_rate(self.edit.text())
                if self._rate() is None:
                    return translate("FactForm", "Write the rate as 4.35% or 0.0435")
            else:
                parse_fact(self.fact, value, "")
        except InputError as exc:
            return exc.problem
        return None

    def refresh(self) -> None:
        from core.engine.inputs import InputError, parse_fact

        value = self.value()
        problem = self.problem()
        if problem:
            _set_status(self.status, problem, WARN_STYLE if value is None else ERROR_STYLE)
            return
        if value is None:
            _set_status(self.status, "", OK_STYLE)
            return
        try:
            parsed = parse_fact(self.fact, value, "")
        except InputError:  # pragma: no cover - problem() said it parses
            return
        warning = self.condition_check(parsed) if self.condition_check else None
        if warning:
            _set_status(self.status, f"⚠ {warning}", WARN_STYLE)
            return
        _set_status(self.status, self._describe(parsed), OK_STYLE)

    def _describe(self, parsed: Any) -> str:
        """What the checked value means, so the clerk can compare it with the paper."""
        if self.fact.type == "patent":
            from core.identifiers import parse_patent_number

            number = parse_patent_number(str(parsed))
            return f"✓ {number.patent_type.label}（{number.normalized}）"
        if self.fact.type == "money":
            from core.money import format_yuan, rmb_capitals

            return f"✓ {format_yuan(parsed)}元（{rmb_capitals(parsed)}）"
        if self.fact.type == "rate":
            reading = self._rate()
            return f"✓ {reading.echo}" if reading is not None else "✓"
        return "✓"


class HalfWidthSpinBox(QSpinBox):
    """A spin box that reads 「１２」 (full-width digits, from an input method or a paste) as
    12 instead of refusing them and leaving 0 (issue 20 §3)."""

    def validate(self, text: str, pos: int) -> Any:
        from core.textwidth import half_width

        return super().validate(half_width(text), pos)

    def fixup(self, text: str) -> str:
        from core.textwidth import half_width

        return str(super().fixup(half_width(text)))

    def valueFromText(self, text: str) -> int:
        from core.textwidth import half_width

        return int(super().valueFromText(half_width(text)))


class IntFactEditor(FactEditor):
    def __init__(self, fact: Fact) -> None:
        self.spin = HalfWidthSpinBox()
        # The policy's declared bound (e.g. 贷款期限 ≤ 360 个月) caps typing; core checks again.
        self.spin.setRange(0, fact.maximum if fact.maximum is not None else INT_MAXIMUM)
        self.spin.setGroupSeparatorShown(True)
        super().__init__(fact.name, fact.label, self.spin, fact.required)
        qconnect(self.spin.valueChanged, self._changed)

    def value(self) -> Any:
        return int(self.spin.value())

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(int(value) if isinstance(value, int | str) and str(value) else 0)
        self.refresh()


class BoolFactEditor(FactEditor):
    def __init__(self, fact: Fact) -> None:
        self.check = QCheckBox()
        super().__init__(fact.name, fact.label, self.check, fact.required)
        qconnect(self.check.toggled, self._changed)

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))
        self.refresh()


class ChoiceFactEditor(FactEditor):
    def __init__(self, fact: Fact) -> None:
        from core.policy.model import CHOICE_LABELS

        self.combo = QComboBox()
        super().__init__(fact.name, fact.label, self.combo, fact.required)
        for code in fact.choices:
            self.combo.addItem(CHOICE_LABELS.get(code, code), code)
        self.combo.setPlaceholderText(translate("FactForm", "Please choose"))
        self.combo.setCurrentIndex(-1)
        qconnect(self.combo.currentIndexChanged, self._changed)

    def value(self) -> Any:
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(value) if value is not None else -1)
        self.refresh()

    def problem(self) -> str | None:
        if self.value() is None and self.required:
            return translate("FactForm", "Required")
        return None


class DateEditor(FactEditor):
    """The claim's completion date (the item's ``date_label``), checked as it is typed."""

    def __init__(self, label: str, date_check: DateCheck | None) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("FactForm", "YYYY-MM-DD"))
        self.edit.setMaxLength(10)
        super().__init__(DATE_KEY, label, self.edit, True)
        self.date_check = date_check
        qconnect(self.edit.textChanged, self._changed)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText("" if value is None else str(value))
        self.refresh()

    def problem(self) -> str | None:
        from core.engine.inputs import InputError, parse_date

        value = self.value()
        if value is None:
            return translate("FactForm", "Required")
        try:
            parse_date(value, "")
        except InputError as exc:
            return exc.problem
        return None

    def refresh(self) -> None:
        problem = self.problem()
        if problem:
            style = WARN_STYLE if self.value() is None else ERROR_STYLE
            _set_status(self.status, problem, style)
            return
        warning = self.date_check(str(self.value())) if self.date_check else None
        if warning:
            _set_status(self.status, f"⚠ {warning}", WARN_STYLE)
        else:
            _set_status(self.status, "✓", OK_STYLE)


def editor_for(fact: Fact) -> FactEditor:
    if fact.type in ("patent", "money", "rate", "text"):
        return TextFactEditor(fact)
    if fact.type == "int":
        return IntFactEditor(fact)
    if fact.type == "bool":
        return BoolFactEditor(fact)
    if fact.type == "choice":
        return ChoiceFactEditor(fact)
    raise ValueError(f"unknown fact type {fact.type!r}")  # the policy loader refuses these


class FactForm(FactFormView):
    """The form of one claim. ``changed`` fires on every edit (for drafts and recompute)."""

    changed = Signal()

    def __init__(
        self,
        policy: Policy,
        item: Item,
        *,
        reviewer_facts_editable: bool = False,
        date_check: DateCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.item = item
        self.title.setText(f"{item.name}（{item.category}）")
        self.standard.setText(
            translate("FactForm", "Standard: %1").replace("%1", item.standard)
            + (f"　{item.remark}" if item.remark else "")
        )
        self.editors: dict[str, FactEditor] = {}
        self.date = DateEditor(item.date_label, date_check or self._window_warning)
        self._add(self.date)
        for fact in item.facts:
            editor = editor_for(fact)
            if isinstance(editor, TextFactEditor):
                editor.condition_check = self._condition_warning(fact.name)
            self._add(editor)
            if fact.reviewer:
                # Facts such as 经认定 are the reviewer's finding, not the applicant's word.
                editor.widget.setEnabled(reviewer_facts_editable)
                if not reviewer_facts_editable:
                    _set_status(
                        editor.status, translate("FactForm", "Set by the supervisor"), WARN_STYLE
                    )

    def _window_warning(self, text: str) -> str | None:
        """Core's warning for a completion date outside the programme window (issue 20 §4)."""
        import datetime as dt

        from core.engine.rules import completion_warning

        return completion_warning(self.policy, self.item, dt.date.fromisoformat(text))

    def _condition_warning(self, fact: str) -> Callable[[Any], str | None]:
        def check(value: Any) -> str | None:
            from core.engine.rules import fact_warning

            return fact_warning(self.item, fact, value)

        return check

    def _add(self, editor: FactEditor) -> None:
        self.editors[editor.name] = editor
        self.add_row(editor.label, editor.widget, editor.status)
        editor.refresh()
        qconnect(editor.changed, self.changed.emit)

    def first_editor(self) -> QWidget:
        return self.date.widget

    def values(self) -> dict[str, Any]:
        """The claim as the calc contract writes it: item, date and the given facts."""
        result: dict[str, Any] = {"item": self.item.code}
        for name, editor in self.editors.items():
            value = editor.value()
            if value is not None:
                result[name] = value
        return result

    def set_values(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))
        for fact in self.item.facts:
            if fact.reviewer and not self.editors[fact.name].widget.isEnabled():
                _set_status(
                    self.editors[fact.name].status,
                    translate("FactForm", "Set by the supervisor"),
                    WARN_STYLE,
                )

    def problems(self) -> dict[str, str]:
        """Field name → core's reason, for every field that cannot be used as it is."""
        return {
            name: problem
            for name, editor in self.editors.items()
            if editor.widget.isEnabled() and (problem := editor.problem())
        }

    def show_assessment(self, result: ClaimResult | None) -> None:
        """Core's verdict on the claim as typed: its status and, unless simply awarded, why."""
        from core.engine.results import ClaimStatus

        if result is None:
            self.assessment.clear()
            return
        lines = [translate("FactForm", "Calculation: %1").replace("%1", result.status.label)]
        if result.status is not ClaimStatus.AWARDED:
            lines += [f"• {line}" for line in result.explanation]
        self.assessment.setText("\n".join(lines))
        self.assessment.setStyleSheet(
            OK_STYLE
            if result.status is ClaimStatus.AWARDED
            else ERROR_STYLE
            if result.status is ClaimStatus.INELIGIBLE
            else WARN_STYLE
        )

    def set_editable(self, editable: bool, reviewer_facts_editable: bool = False) -> None:
        for name, editor in self.editors.items():
            reviewer = name != DATE_KEY and self.item.fact(name).reviewer
            editor.widget.setEnabled(reviewer_facts_editable if reviewer else editable)
