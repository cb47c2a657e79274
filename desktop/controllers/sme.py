"""The SME helper's logic: everything is core.sme's; this only reads the fields."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.qt import QWidget, Signal, qconnect
from desktop.views.sme_view import SmeView

if TYPE_CHECKING:
    from core.sme import SmeResult


class SmeDialog(SmeView):
    """``size_chosen(size_code)`` when the clerk takes the result (micro/small/medium/large)."""

    size_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.sme import Industry

        for industry in Industry:
            self.industry.addItem(industry.label, industry.value)
        self.industry.setCurrentIndex(self.industry.findData(Industry.INDUSTRY.value))
        self.last: SmeResult | None = None
        self.use_button.setEnabled(False)
        qconnect(self.classify_button.clicked, self.classify)
        qconnect(self.buttons.accepted, self.use)
        qconnect(self.buttons.rejected, self.reject)
        for edit in (self.revenue, self.assets):
            qconnect(edit.returnPressed, self.classify)

    def _amount(self, text: str, what: str) -> Decimal | None:
        from core.engine.inputs import parse_money

        if not text.strip():
            return None
        return parse_money(text, what)

    def classify(self) -> None:
        from core.engine.inputs import InputError
        from core.sme import Industry, classify_sme

        self.last = None
        self.use_button.setEnabled(False)
        try:
            result = classify_sme(
                Industry(self.industry.currentData()),
                self.employees.value(),
                self._amount(self.revenue.text(), self.tr("Revenue")),
                self._amount(self.assets.text(), self.tr("Total assets")),
            )
        except (InputError, ValueError) as exc:
            self.result_label.setText(str(exc))
            self.explanation.clear()
            return
        self.last = result
        self.result_label.setText(
            self.tr("Result: %1 enterprise").replace("%1", result.size.label)
            if result.is_sme
            else self.tr("Result: %1 enterprise (not an SME)").replace("%1", result.size.label)
        )
        self.explanation.setPlainText("\n".join(result.explanation))
        self.use_button.setEnabled(True)
        self.use_button.setFocus()

    def use(self) -> None:
        if self.last is None:
            return
        self.size_chosen.emit(self.last.size.value)
        self.accept()
