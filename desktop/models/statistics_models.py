"""统计's tables over core's ``StatisticsReport``: the programme targets with a progress bar,
amounts by item and by month, and the cases behind a figure. Every figure keeps its case
references (``REFERENCES_ROLE``), so a double-click can list them."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.models.table_model import (
    CENTER,
    ERROR,
    GOOD,
    RIGHT,
    Column,
    RowsTableModel,
)
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QObject,
    QPainter,
    QPixmap,
    QRect,
    Qt,
    translate,
)

if TYPE_CHECKING:
    from core.records.supervisor_queries import CaseRef
    from core.statistics import ItemFigure, MonthFigure, TargetFigure

REFERENCES_ROLE = Qt.ItemDataRole.UserRole + 10
R = TypeVar("R")
BAR_SIZE = (120, 14)
BAR_MET = QColor("#2e7d32")
BAR_SHORT = QColor("#e0a030")
BAR_BACK = QColor("#e6e6e6")
BAR_FRAME = QColor("#9e9e9e")


def progress_bar(share: Decimal | None, met: bool | None) -> QPixmap:
    """A small bar for a table cell (the model's decoration): filled to ``share``, at most
    full; green once the target is met."""
    width, height = BAR_SIZE
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.fillRect(QRect(0, 0, width - 1, height - 1), BAR_BACK)
        if share is not None and share > 0:
            filled = round(min(float(share), 1.0) * (width - 2))
            painter.fillRect(QRect(1, 1, max(filled, 1), height - 2), BAR_MET if met else BAR_SHORT)
        painter.setPen(BAR_FRAME)
        painter.drawRect(QRect(0, 0, width - 1, height - 1))
    finally:
        painter.end()
    return pixmap


def figure_text(value: Decimal | None, unit: str) -> str:
    """A target's figure as the office reads it: 元 as money, 比例 as a percentage."""
    from core.money import format_yuan

    if value is None:
        return "—"
    if unit == "比例":
        return f"{value * 100:.2f}%"
    if unit == "元":
        return format_yuan(value)
    return f"{value.normalize():f}" if value == value.to_integral_value() else str(value)


class FigureTableModel(RowsTableModel[R]):
    """Rows that are figures: each hands its case references out (``REFERENCES_ROLE``)."""

    def role_data(self, row: R, key: str, role: int) -> Any:
        return getattr(row, "references", None) if role == REFERENCES_ROLE else None


class StatisticsTargetsModel(FigureTableModel["TargetFigure"]):
    CONTEXT = "StatisticsTargetsModel"
    COLUMNS = (
        Column("label", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Target")),
        Column("unit", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Unit"), CENTER),
        Column("required", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Target value"), RIGHT),
        Column("achieved", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Achieved"), RIGHT),
        Column("progress", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Progress")),
        Column("gap", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Still to go"), RIGHT),
        Column("met", QT_TRANSLATE_NOOP("StatisticsTargetsModel", "Met"), CENTER),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars: dict[str, QPixmap] = {}

    def key(self, row: TargetFigure) -> Hashable:
        return row.code

    def set_rows(self, rows: Any, *, keep_checks: bool = True) -> None:
        self._bars = {}
        super().set_rows(rows, keep_checks=keep_checks)

    def text(self, row: TargetFigure, key: str) -> str:
        if key == "label":
            return row.label
        if key == "unit":
            return "%" if row.unit == "比例" else row.unit
        if key == "required":
            sign = ">" if row.comparison == ">" else "≥"
            return f"{sign} {figure_text(row.required, row.unit)}"
        if key == "achieved":
            if row.achieved is None:
                return row.missing_reason or "—"
            return figure_text(row.achieved, row.unit)
        if key == "progress":
            return f"{row.share * 100:.1f}%" if row.share is not None else "—"
        if key == "gap":
            return figure_text(row.gap, row.unit) if row.gap is not None else "—"
        if key == "met":
            if row.met is None:
                return "—"
            return (
                translate("StatisticsTargetsModel", "Yes")
                if row.met
                else translate("StatisticsTargetsModel", "No")
            )
        return ""

    def decoration(self, row: TargetFigure, key: str) -> Any:
        if key != "progress":
            return None
        bar = self._bars.get(row.code)
        if bar is None:
            bar = progress_bar(row.share, row.met)
            self._bars[row.code] = bar
        return bar

    def foreground(self, row: TargetFigure, key: str) -> QColor | None:
        if key in ("met", "progress") and row.met is not None:
            return GOOD if row.met else ERROR
        if key == "achieved" and row.achieved is None:
            return ERROR
        return None

    def tooltip(self, row: TargetFigure, key: str) -> str | None:
        lines = [row.clause, row.measure]
        if row.numerator is not None and row.denominator is not None:
            lines.append(f"{row.numerator} ÷ {row.denominator}")
        lines.append(
            translate(
                "StatisticsTargetsModel", "Double-click for the %1 case(s) behind it."
            ).replace("%1", str(len(row.references)))
        )
        return "\n".join(line for line in lines if line)


class StatisticsItemsModel(FigureTableModel["ItemFigure"]):
    CONTEXT = "StatisticsItemsModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("StatisticsItemsModel", "Item")),
        Column("form_row", QT_TRANSLATE_NOOP("StatisticsItemsModel", "Form row (附件2)")),
        Column("claims", QT_TRANSLATE_NOOP("StatisticsItemsModel", "Claims paid"), RIGHT),
        Column("amount", QT_TRANSLATE_NOOP("StatisticsItemsModel", "Approved (yuan)"), RIGHT),
    )

    def key(self, row: ItemFigure) -> Hashable:
        return row.item

    def text(self, row: ItemFigure, key: str) -> str:
        from core.money import format_yuan

        if key == "name":
            return row.name
        if key == "form_row":
            return row.form_row
        if key == "claims":
            return str(row.claims)
        if key == "amount":
            return format_yuan(row.amount)
        return ""

    def foreground(self, row: ItemFigure, key: str) -> QColor | None:
        return QColor("#888888") if not row.claims else None


class StatisticsMonthsModel(FigureTableModel["MonthFigure"]):
    CONTEXT = "StatisticsMonthsModel"
    COLUMNS = (
        Column("month", QT_TRANSLATE_NOOP("StatisticsMonthsModel", "Month paid"), CENTER),
        Column("cases", QT_TRANSLATE_NOOP("StatisticsMonthsModel", "Cases paid"), RIGHT),
        Column("paid", QT_TRANSLATE_NOOP("StatisticsMonthsModel", "Paid (yuan)"), RIGHT),
    )

    def key(self, row: MonthFigure) -> Hashable:
        return row.month

    def text(self, row: MonthFigure, key: str) -> str:
        from core.money import format_yuan

        if key == "month":
            return row.month
        if key == "cases":
            return str(row.cases)
        if key == "paid":
            return format_yuan(row.paid)
        return ""


class StatisticsCasesModel(RowsTableModel["CaseRef"]):
    """The cases behind one figure (``core.records.supervisor_queries.case_refs``)."""

    CONTEXT = "StatisticsCasesModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Applicant")),
        Column("status", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Status")),
        Column("approved", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Approved (yuan)"), RIGHT),
        Column("paid", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Paid (yuan)"), RIGHT),
        Column("paid_on", QT_TRANSLATE_NOOP("StatisticsCasesModel", "Paid on"), CENTER),
    )

    def text(self, row: CaseRef, key: str) -> str:
        from core.money import format_yuan

        if key == "case_number":
            return row.case_number
        if key == "applicant":
            return row.applicant_name
        if key == "status":
            return row.status.label
        if key == "approved":
            return format_yuan(row.approved_amount) if row.approved_amount is not None else ""
        if key == "paid":
            return format_yuan(row.paid_amount) if row.paid_amount is not None else ""
        if key == "paid_on":
            return row.paid_on.isoformat() if row.paid_on is not None else ""
        return ""
