"""The payouts chart, painted with QPainter (QtCharts is not shipped).

Two pictures of the same figures: by month, one bar per payout month stacked by item; by item,
one horizontal bar per item. Double-clicking a bar (or a segment) reports the figure and the
cases behind it, so the controller can list them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.money import total_yuan
from desktop.qt import (
    QColor,
    QFontMetrics,
    QPainter,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
)

BY_MONTH = "month"
BY_ITEM = "item"
# Distinct, print-friendly colours (ColorBrewer "Paired"), one per item in the policy's order.
PALETTE = (
    "#1f78b4",
    "#33a02c",
    "#e31a1c",
    "#ff7f00",
    "#6a3d9a",
    "#b15928",
    "#a6cee3",
    "#b2df8a",
    "#fb9a99",
    "#fdbf6f",
    "#cab2d6",
    "#8dd3c7",
    "#bebada",
    "#80b1d3",
    "#fccde5",
)
AXIS = QColor("#555555")
GRID = QColor("#dddddd")


@dataclass(frozen=True)
class ChartCell:
    """What was paid for one item in one month, with the cases behind it."""

    month: str
    item: str
    amount: Decimal
    references: tuple[str, ...]


@dataclass(frozen=True)
class _Hit:
    rect: QRectF
    label: str
    amount: Decimal
    references: tuple[str, ...]


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` grid lines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def amount_text(value: float) -> str:
    return f"{value:,.0f}"


def money_text(value: Decimal) -> str:
    return f"{value:,.2f}"


class StatisticsChart(QWidget):
    """``figure_activated(label, amount, references)`` on a double-click on a bar."""

    figure_activated = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payout_chart")
        self.setMouseTracking(True)
        self.setMinimumHeight(260)
        self.mode = BY_MONTH
        self.cells: list[ChartCell] = []
        self.items: list[tuple[str, str]] = []  # (code, name) in the policy's order
        self.empty_text = ""
        self.axis_label = ""
        self.hits: list[_Hit] = []

    def sizeHint(self) -> QSize:
        return QSize(800, 360)

    def set_data(self, cells: Sequence[ChartCell], items: Sequence[tuple[str, str]]) -> None:
        self.cells = list(cells)
        present = {c.item for c in self.cells}
        self.items = [(code, name) for code, name in items if code in present]
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.update()

    def color(self, item: str) -> QColor:
        codes = [code for code, _ in self.items]
        index = codes.index(item) if item in codes else 0
        return QColor(PALETTE[index % len(PALETTE)])

    def name(self, item: str) -> str:
        return dict(self.items).get(item, item)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor("#ffffff"))
            self.hits = []
            if not self.cells:
                painter.setPen(AXIS)
                painter.drawText(
                    QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), self.empty_text
                )
                return
            if self.mode == BY_MONTH:
                self._paint_months(painter)
            else:
                self._paint_items(painter)
        finally:
            painter.end()

    def _legend(self, painter: QPainter, right: float, top: float) -> float:
        """The items' colours down the right side; returns the legend's left edge."""
        metrics = QFontMetrics(self.font())
        width = max((metrics.horizontalAdvance(n) for _, n in self.items), default=0) + 28
        left = right - width
        y = top
        for code, name in self.items:
            painter.fillRect(QRectF(left, y + 3, 12, 12), self.color(code))
            painter.setPen(AXIS)
            painter.drawText(QPointF(left + 18, y + 14), name)
            y += metrics.height() + 4
        return left - 12

    def _paint_months(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        months = sorted({c.month for c in self.cells})
        totals = {m: total_yuan(c.amount for c in self.cells if c.month == m) for m in months}
        top_value = float(max(totals.values()))
        step = nice_step(top_value)
        top_axis = step * math.ceil(top_value / step)
        label_width = metrics.horizontalAdvance(amount_text(top_axis)) + 10
        plot = QRectF(
            label_width + 8,
            metrics.height() + 10,
            0,
            self.height() - 2 * metrics.height() - 26,
        )
        plot.setRight(self._legend(painter, self.width() - 8, plot.top()))
        painter.setPen(AXIS)
        painter.drawText(QPointF(4, metrics.height()), self.axis_label)
        value = 0.0
        while value <= top_axis + step / 2:
            y = plot.bottom() - plot.height() * value / top_axis
            painter.setPen(GRID)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, label_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                amount_text(value),
            )
            value += step
        slot = plot.width() / len(months)
        bar = min(slot * 0.6, 90.0)
        for n, month in enumerate(months):
            x = plot.left() + slot * n + (slot - bar) / 2
            bottom = plot.bottom()
            for code, _ in self.items:
                cell = next((c for c in self.cells if c.month == month and c.item == code), None)
                if cell is None or cell.amount <= 0:
                    continue
                height = plot.height() * float(cell.amount) / top_axis
                rect = QRectF(x, bottom - height, bar, height)
                painter.fillRect(rect, self.color(code))
                self.hits.append(
                    _Hit(rect, f"{month} {self.name(code)}", cell.amount, cell.references)
                )
                bottom -= height
            total = totals[month]
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(x - 40, bottom - metrics.height() - 2, bar + 80, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                money_text(total),
            )
            painter.drawText(
                QRectF(plot.left() + slot * n, plot.bottom() + 4, slot, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                month,
            )
        painter.setPen(AXIS)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _paint_items(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        totals: dict[str, tuple[Decimal, tuple[str, ...]]] = {}
        for code, _ in self.items:
            cells = [c for c in self.cells if c.item == code]
            refs = list(dict.fromkeys(r for c in cells for r in c.references))
            totals[code] = (total_yuan(c.amount for c in cells), tuple(refs))
        names_width = max(metrics.horizontalAdvance(n) for _, n in self.items) + 16
        top_value = float(max(t for t, _ in totals.values()))
        step = nice_step(top_value)
        top_axis = step * math.ceil(top_value / step)
        # Room on the right for the longest bar's amount.
        value_width = metrics.horizontalAdvance(money_text(max(t for t, _ in totals.values()))) + 16
        plot = QRectF(
            names_width,
            metrics.height() + 10,
            self.width() - names_width - value_width,
            self.height() - 2 * metrics.height() - 26,
        )
        painter.setPen(AXIS)
        painter.drawText(QPointF(4, metrics.height()), self.axis_label)
        value = 0.0
        while value <= top_axis + step / 2:
            x = plot.left() + plot.width() * value / top_axis
            painter.setPen(GRID)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(x - 60, plot.bottom() + 4, 120, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                amount_text(value),
            )
            value += step
        slot = plot.height() / len(self.items)
        bar = min(slot * 0.6, 28.0)
        for n, (code, name) in enumerate(self.items):
            total, references = totals[code]
            y = plot.top() + slot * n + (slot - bar) / 2
            width = plot.width() * float(total) / top_axis
            rect = QRectF(plot.left(), y, width, bar)
            painter.fillRect(rect, self.color(code))
            self.hits.append(_Hit(rect, name, total, references))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(0, y, names_width - 8, bar),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            painter.drawText(
                QRectF(plot.left() + width + 6, y, 160, bar),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                money_text(total),
            )
        painter.drawLine(plot.topLeft(), plot.bottomLeft())

    # -- pointing ------------------------------------------------------------------------------

    def hit_at(self, point: QPointF) -> _Hit | None:
        for hit in self.hits:
            if hit.rect.contains(point):
                return hit
        return None

    def mouseMoveEvent(self, event: Any) -> None:
        hit = self.hit_at(event.position())
        self.setToolTip(f"{hit.label}：{money_text(hit.amount)}" if hit else "")
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        hit = self.hit_at(event.position())
        if hit is not None:
            self.figure_activated.emit(hit.label, hit.amount, hit.references)
        super().mouseDoubleClickEvent(event)
