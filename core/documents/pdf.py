"""Shared A4 layout for every printed form: styles, page frame, page numbers, seal area.

All text goes through :class:`reportlab.platypus.Paragraph` with ``wordWrap="CJK"`` so that a
long name wraps inside its cell instead of running over the border, and every face is one of
:func:`core.documents.fonts.register_pdf_fonts` (embedded as subsets; never a CID font that
would print blank on a PC without Chinese fonts).

Margins follow what an office printer can print at 100 % (most leave 5 mm unprinted): 20 mm
left and right, 13 mm top and 15 mm bottom; the page number sits 8 mm from the bottom edge.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from core.documents.cjkwrap import balance_lines, break_lines
from core.documents.fonts import FontNames, font_runs, needs_fallback, register_pdf_fonts
from core.money import format_yuan, rmb_capitals

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = RIGHT_MARGIN = 20 * mm
TOP_MARGIN = 13 * mm
BOTTOM_MARGIN = 15 * mm
FOOTER_Y = 8 * mm  # baseline of 第 N 页 共 M 页, inside the bottom margin
HEADER_MARGIN = 8.5 * mm  # top edge to the baseline of the case number on later pages
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
LANDSCAPE_FRAME_WIDTH = PAGE_HEIGHT - LEFT_MARGIN - RIGHT_MARGIN
GRID_WIDTH = 0.6
BLANK_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
# The shipped faces have no ☑/☒; √ and × are what clerks write by hand anyway.
BOX_EMPTY = "□"
BOX_TICKED = "√"
BOX_CROSSED = "×"


@dataclass(frozen=True)
class Styles:
    fonts: FontNames
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_indent: ParagraphStyle
    body_flush: ParagraphStyle
    body_hanging: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_label: ParagraphStyle
    cell_small: ParagraphStyle
    cell_hanging: ParagraphStyle
    small_hanging: ParagraphStyle
    note: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    small_right: ParagraphStyle
    corner: ParagraphStyle
    right: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles of all forms (fonts registered on first use, once per process)."""
    f = register_pdf_fonts()

    def style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    return Styles(
        fonts=f,
        title=style("title", f.sans, 18, 26, alignment=TA_CENTER, spaceAfter=3 * mm),
        subtitle=style("subtitle", f.serif, 11, 16, alignment=TA_CENTER, spaceAfter=2 * mm),
        heading=style("heading", f.sans, 12, 18, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        body=style("body", f.serif, 12, 21, firstLineIndent=24, alignment=TA_LEFT),
        body_indent=style("body_indent", f.serif, 12, 21, leftIndent=24),
        body_flush=style("body_flush", f.serif, 12, 21),
        body_hanging=style("body_hanging", f.serif, 12, 21, leftIndent=42, firstLineIndent=-18),
        cell=style("cell", f.serif, 10.5, 14.5),
        cell_center=style("cell_center", f.serif, 10.5, 14.5, alignment=TA_CENTER),
        cell_right=style("cell_right", f.serif, 10.5, 14.5, alignment=TA_RIGHT),
        cell_label=style("cell_label", f.serif, 10.5, 14.5, alignment=TA_CENTER),
        cell_small=style("cell_small", f.serif, 9, 12.5),
        cell_hanging=style(
            "cell_hanging", f.serif, 9, 12.5, leftIndent=11, firstLineIndent=-11, spaceAfter=1.5
        ),
        note=style("note", f.serif, 9, 12.5, spaceBefore=1.5 * mm),
        small_hanging=style("small_hanging", f.serif, 9, 12.5, leftIndent=11, firstLineIndent=-11),
        cell_head=style("cell_head", f.sans, 10.5, 14.5, alignment=TA_CENTER),
        small=style("small", f.serif, 9, 12),
        small_right=style("small_right", f.serif, 9, 12, alignment=TA_RIGHT),
        corner=style("corner", f.sans, 12, 16),
        right=style("right", f.serif, 12, 20, alignment=TA_RIGHT),
    )


class TextParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """Plain text (escaped: a name with ``&`` or ``<`` prints as typed), broken into lines by
    :func:`core.documents.cjkwrap.break_lines` for the width it is given.

    The breaks are made when the width is known (in ``wrap``) and handed to reportlab as
    explicit line breaks, so a cell never ends a line with ``（`` or splits ``1万元``.
    """

    def __init__(
        self, text: str | None, style: ParagraphStyle, balanced: bool = False, **kwargs: Any
    ) -> None:
        # reportlab's split() calls the class again with text=None and ready fragments: the
        # halves keep the lines already broken.
        self._plain = text
        self._balanced = balanced
        self._broken_for: float | None = None
        # Decided once per text: nearly every text needs no 生僻字 fallback, and then the
        # runs are never cut (the check is on each paragraph of every form).
        self._mixed = text is not None and needs_fallback(text, style.fontName)
        markup = None if text is None else _markup(text, style.fontName, self._mixed)
        super().__init__(markup, style, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._plain is not None and self._broken_for != availWidth:
            st = self.style
            # A hair narrower than the cell, so that reportlab never breaks a line again.
            room = availWidth - st.leftIndent - st.rightIndent - 0.05
            font, size = st.fontName, st.fontSize

            mixed = self._mixed

            def measure(t: str) -> float:
                if mixed:  # 生僻字 in a fallback face: each run in the face it prints in
                    return sum(float(stringWidth(r, f, size)) for r, f in font_runs(t, font))
                return float(stringWidth(t, font, size))

            lines = break_lines(self._plain, measure, [room - st.firstLineIndent, room])
            if self._balanced and len(lines) > 1:
                lines = balance_lines(self._plain, measure, room, len(lines))
            self._setup(
                _markup("\n".join(lines), font, self._mixed),
                _prebroken(st),
                self.bulletText,
                None,
                cleanBlockQuotedText,
            )
            self._broken_for = availWidth
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result


def _prebroken(style: ParagraphStyle) -> ParagraphStyle:
    """The style for text already broken into lines: without reportlab's own CJK pass,
    which would only find that every line fits (and is most of the time a form takes)."""
    if style.wordWrap is None:
        return style
    derived: ParagraphStyle | None = getattr(style, "_ipdesk_prebroken", None)
    # A style made from this one copies its attributes, this cache included: check whose it is.
    if derived is None or derived.parent is not style:
        derived = ParagraphStyle(f"{style.name}-prebroken", parent=style, wordWrap=None)
        style._ipdesk_prebroken = derived
    return derived


def _markup(text: str, font_name: str, mixed: bool) -> str:
    # reportlab collapses runs of whitespace, U+3000 included, but keeps no-break spaces:
    # four of them are as wide as one ideographic space (the blanks of 年　月　日).
    if not mixed:
        return escape(text).replace("\u3000", "\xa0" * 4).replace("\n", "<br/>")
    pieces = []
    for run, face in font_runs(text, font_name):
        body = escape(run).replace("\u3000", "\xa0" * 4).replace("\n", "<br/>")
        pieces.append(body if face == font_name else f'<font name="{face}">{body}</font>')
    return "".join(pieces)


def p(text: str, style: ParagraphStyle, *, balanced: bool = False) -> Paragraph:
    """A paragraph of plain text; line breaks in the text are kept. ``balanced`` evens out
    the lengths of the lines (for labels)."""
    return TextParagraph(text, style, balanced=balanced)


def markup(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of trusted reportlab markup (only for fixed texts built in this package)."""
    return Paragraph(text, style)


def date_text(d: dt.date | None) -> str:
    """``2024年11月10日``; a blank ``年 月 日`` line to fill by hand when unknown."""
    return f"{d.year}年{d.month}月{d.day}日" if d else BLANK_DATE


def yuan_text(amount: Decimal) -> str:
    return f"{format_yuan(amount)}元"


def amount_with_capitals(amount: Decimal) -> str:
    """``104,250.00元（大写：壹拾万零肆仟贰佰伍拾元整）``."""
    return f"{format_yuan(amount)}元（大写：{rmb_capitals(amount)}）"


def box(value: bool | None) -> str:
    if value is None:
        return BOX_EMPTY
    return BOX_TICKED if value else BOX_CROSSED


def grid_style(
    *extra: tuple[Any, ...], head_rows: int = 0, ruled_rows: int | None = None
) -> TableStyle:
    last_ruled = -1 if ruled_rows is None else ruled_rows - 1
    commands: list[tuple[Any, ...]] = [
        # Empty cells are drawn as strings in the table's font: never the default Helvetica,
        # which would be a font the PDF refers to without embedding it.
        ("FONTNAME", (0, 0), (-1, -1), styles().fonts.serif),
        ("GRID", (0, 0), (-1, last_ruled), GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if head_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), colors.Color(0.93, 0.93, 0.93)))
    commands.extend(extra)
    return TableStyle(commands)


# The height of a whole frame, portrait and landscape (less platypus's 6 pt frame padding).
_FULL_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN - 12
_FULL_HEIGHT_LANDSCAPE = PAGE_WIDTH - TOP_MARGIN - BOTTOM_MARGIN - 12


class _Table(Table):  # type: ignore[misc]  # reportlab is untyped
    """A table that splits inside a row when that row could never fit a page.

    Free text has no length limit (an objection's substance, an opinion). A row taller than a
    whole page made platypus raise LayoutError, and the form could not be printed at all;
    such a row now continues on the next page. Every other row moves whole, as before."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        already: int = self.splitInRow  # type: ignore[has-type]  # set by Table.__init__
        if parts or already:
            return parts
        heads = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        heights = self._rowHeights
        full = _FULL_HEIGHT if availWidth < FRAME_WIDTH else _FULL_HEIGHT_LANDSCAPE
        if heads < len(heights) and heights[heads] > full - sum(heights[:heads]):
            self.splitInRow = 1
            parts = super().split(availWidth, availHeight)
        return parts


def table(
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float],
    *extra: tuple[Any, ...],
    head_rows: int = 0,
    heights_mm: Sequence[float | None] | None = None,
    split_rows: bool = False,
    ruled_rows: int | None = None,
) -> Table:
    """A ruled table; ``head_rows`` are repeated at the top of every page the table spans.

    ``split_rows`` lets a row taller than what is left of a page continue on the next one
    (a claim with a long explanation), instead of failing to lay out. ``ruled_rows`` limits
    the grid to the first rows (the rest, e.g. a seal area riding with the table, unruled).
    """
    t = _Table(
        [list(r) for r in rows],
        colWidths=[w * mm for w in widths_mm],
        rowHeights=None if heights_mm is None else [h * mm if h else None for h in heights_mm],
        repeatRows=head_rows,
        hAlign="CENTER",
        splitInRow=1 if split_rows else 0,
    )
    t.setStyle(grid_style(*extra, head_rows=head_rows, ruled_rows=ruled_rows))
    return t


def corner_line(left: str, right: str) -> Table:
    """The top line: 附件2 at the left as on the original, the case number at the right."""
    s = styles()
    t = Table(
        [[p(left, s.corner), p(right, s.small_right)]],
        colWidths=[FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6],
        hAlign="CENTER",
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.serif),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def seal_lines(issuer: str, date: dt.date | None, *, label: str = "（盖章）") -> list[Flowable]:
    """The bureau's name and the date at the right, with room above for the seal (about
    42 mm across, pressed over the name and date)."""
    s = styles()
    return [Spacer(1, 18 * mm), p(f"{issuer}{label}", s.right), p(date_text(date), s.right)]


def seal_block(issuer: str, date: dt.date | None, *, label: str = "（盖章）") -> Flowable:
    """:func:`seal_lines` kept on one page, for the foot of a notice."""
    return KeepTogether(seal_lines(issuer, date, label=label))


def signature_line(role: str, name: str, date: dt.date | None) -> str:
    """The name as recorded, then a blank for the ink signature: an opinion is signed by hand
    on paper, so a typed name never stands where the signature goes (issue 16 §8)."""
    gap = "\u3000"
    shown = name or gap * 5
    return f"{role}：{shown}{gap * 2}签名：{gap * 7}日期：{date_text(date)}"


PageHook = Callable[[Canvas, Any], None]


def _numbered_canvas(fonts: FontNames, info: DocumentInfo) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        """Defers each page until the count is known, then writes 第 N 页 共 M 页 on all."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", fonts.serif)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, len(self._pages))
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(fonts.serif, 9)
            self.drawCentredString(width / 2, FOOTER_Y, f"第 {number} 页 共 {total} 页")
            if info.verification:
                self.setFont(fonts.serif, 7.5)
                self.drawString(LEFT_MARGIN, FOOTER_Y, f"核验码 {info.verification}")
            if info.header and number > 1:
                # Continuation pages name the case, so loose sheets can be put back together.
                self.drawRightString(width - RIGHT_MARGIN, height - HEADER_MARGIN, info.header)
            self.restoreState()

    return NumberedCanvas


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str = ""
    author: str = ""
    header: str = ""  # printed small at the top of continuation pages (e.g. the case number)
    landscape: bool = False  # wide lists (公示名单) are posted in landscape
    # 核验码 ``ID:HASH12`` of the audit chain's head when printed (core/db/anchors.py): the
    # paper in the archive pins the trail as it stood. Printed small, bottom left, every page.
    verification: str = ""


def build_pdf(story: list[Flowable], info: DocumentInfo) -> bytes:
    """Lay out ``story`` on A4 pages (landscape if ``info`` says so) with page numbers and
    return the PDF bytes. (The 申请表 and the 审核意见表, printed in batches, are drawn by
    :mod:`core.documents.gridform` instead.)"""
    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if info.landscape else A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=info.title,
        subject=info.subject,
        author=info.author,
        creator="IP Subsidy Desk (ipdesk)",
        invariant=1,  # same input, same bytes: printed forms can be compared and archived
        initialFontName=s.fonts.serif,
        lang="zh-CN",
    )
    doc.build(story, canvasmaker=_numbered_canvas(s.fonts, info))
    return buffer.getvalue()


def write_pdf(data: bytes, path: str | Path) -> Path:
    """Write PDF bytes to ``path`` (parent folders created); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target
