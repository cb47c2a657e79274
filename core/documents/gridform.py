"""Forms drawn straight onto the page: ruled rows of cells, each cell's text broken into
lines and set at measured positions (issue 20 §20, batch printing).

reportlab's platypus lays a form out as markup paragraphs in a table: each paragraph is
parsed, each table measured and split, and a one-page 申请表 cost 44 ms that way, too slow
to print 200 of them ten times faster than LibreOffice. A form whose frame is fixed (附件2)
needs none of it: its columns and rows are known and only the typed text varies. Here a form
is a :class:`Sheet` of :class:`Row` s; :func:`layout` breaks each cell's text with
:func:`core.documents.cjkwrap.break_lines` (the same 禁则 as the paragraphs of the other
forms), makes each row as tall as its tallest cell, and moves a row that does not fit to the
next page. :func:`render_sheets` draws the rules of a page once per distinct geometry as a PDF
form XObject that every page with the same geometry reuses (all the one-page forms of a batch
share one), and the text of each page in reading order, so that text copied from the PDF
reads label, then value, row by row.

Characters the main face lacks (生僻字) are set in the fallback faces, run by run, as in
:mod:`core.documents.pdf`; every face is embedded as a subset.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from core.documents.cjkwrap import balance_lines, break_lines
from core.documents.fonts import FontNames, font_runs, needs_fallback, register_pdf_fonts
from core.documents.pdf import (
    BOTTOM_MARGIN,
    FOOTER_Y,
    GRID_WIDTH,
    HEADER_MARGIN,
    LEFT_MARGIN,
    RIGHT_MARGIN,
    TOP_MARGIN,
    DocumentInfo,
)

__all__ = [
    "Align",
    "Block",
    "Cell",
    "LaidOutPage",
    "Row",
    "Sheet",
    "TextStyle",
    "VAlign",
    "layout",
    "render_sheets",
    "text_style",
]

PAGE_WIDTH, PAGE_HEIGHT = A4
# platypus frames keep 6 pt inside the margins; the same here, so that a form drawn either
# way starts at the same height.
_FRAME_PADDING = 6.0
PAGE_TOP: float = PAGE_HEIGHT - TOP_MARGIN - _FRAME_PADDING
PAGE_BOTTOM: float = BOTTOM_MARGIN + _FRAME_PADDING
SHADE = Color(0.93, 0.93, 0.93)  # as core.documents.pdf shades a table's head rows
# A line is broken a hair narrower than its cell, so rounding never pushes a glyph onto
# the rule (TextParagraph does the same).
_SLACK = 0.05


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class VAlign(Enum):
    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


@dataclass(frozen=True)
class TextStyle:
    """A face, its size and line spacing (points), and where lines sit in their cell."""

    font: str
    size: float
    leading: float
    align: Align = Align.LEFT
    left_indent: float = 0.0
    first_line_indent: float = 0.0  # more (or less) room before the block's first line


def text_style(style: Any) -> TextStyle:
    """The :class:`TextStyle` of a platypus ``ParagraphStyle`` (the shared styles of
    :mod:`core.documents.pdf`), so that every form sets its text alike."""
    align = {TA_CENTER: Align.CENTER, TA_RIGHT: Align.RIGHT}.get(style.alignment, Align.LEFT)
    return TextStyle(
        style.fontName,
        float(style.fontSize),
        float(style.leading),
        align,
        float(style.leftIndent),
        float(style.firstLineIndent),
    )


@dataclass(frozen=True)
class Block:
    """Plain text (newlines kept) in one style; ``balanced`` evens out the lengths of its
    lines, so a two-line label breaks in the middle rather than leaving one character alone."""

    text: str
    style: TextStyle
    balanced: bool = False
    space_before: float = 0.0
    space_after: float = 0.0


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Block, ...] = ()
    span: int = 1
    valign: VAlign = VAlign.MIDDLE


@dataclass(frozen=True)
class Row:
    """One row: its cells over ``widths`` (points, left to right; spans join columns).

    A ruled row has its borders drawn; an unruled one (a title, a heading, a paragraph) has
    none. ``min_height`` is the least height (an opinion box with room for a seal); text
    taller than it grows it. Pagination, as platypus's tables and flowables do it:

    * ``table`` names the table a row belongs to; its ``head`` rows are repeated at the top
      of every page the table continues on (and never end a page alone);
    * ``keep_with_next`` keeps a row on the page of the row after it (a heading);
    * ``room_before``: start a new page unless this much is left (a section heading);
    * ``splittable``: a row that does not fit continues on the next page, line by line,
      instead of moving whole (a claim with a long explanation). Any row taller than a whole
      page is split so, at the foot of the page;
    * ``space_before`` is room above the row that is dropped at the top of a page, as
      platypus drops a paragraph's ``spaceBefore`` there (``pad_top`` is inside the row).
    """

    cells: tuple[Cell, ...]
    widths: tuple[float, ...]
    ruled: bool = True
    min_height: float = 0.0
    pad_x: float = 4.0
    pad_top: float = 3.0
    pad_bottom: float = 3.0
    shade: bool = False  # a light grey ground, for a table's head
    table: str = ""
    head: bool = False
    keep_with_next: bool = False
    room_before: float = 0.0
    splittable: bool = False
    space_before: float = 0.0


@dataclass(frozen=True)
class Sheet:
    """One form: its rows top to bottom, and its document facts (page header and footer)."""

    rows: tuple[Row, ...]
    info: DocumentInfo


@dataclass(frozen=True)
class PlacedLine:
    """One line of text at its baseline: runs of (text, face) set one after the other."""

    x: float
    y: float
    size: float
    runs: tuple[tuple[str, str], ...]
    width: float


@dataclass(frozen=True)
class PlacedCell:
    """Where a cell landed, for tests and for anyone checking the geometry."""

    row: int
    pad_x: float
    left: float
    right: float
    top: float
    bottom: float
    lines: tuple[PlacedLine, ...]


Rect = tuple[float, float, float, float]


@dataclass
class LaidOutPage:
    # Rules as (x1, y1, x2, y2) and grey grounds as (x, y, width, height), rounded: pages
    # with the same ones share one XObject.
    rules: list[Rect] = field(default_factory=list)
    shades: list[Rect] = field(default_factory=list)
    cells: list[PlacedCell] = field(default_factory=list)
    # Index of each row on the page and its height (a row split over two pages is on both).
    row_heights: dict[int, float] = field(default_factory=dict)

    @property
    def lines(self) -> list[PlacedLine]:
        return [line for cell in self.cells for line in cell.lines]


def _measure_in(style: TextStyle, mixed: bool) -> Callable[[str], float]:
    font, size = style.font, style.size
    if mixed:  # 生僻字 in a fallback face: each run measured in the face it prints in

        def measure(text: str) -> float:
            return sum(float(stringWidth(r, f, size)) for r, f in font_runs(text, font))

        return measure
    return lambda text: float(stringWidth(text, font, size))


@dataclass(frozen=True)
class _Line:
    text: str
    width: float
    indent: float  # from the left of the cell's text area (left and first-line indents)


@dataclass(frozen=True)
class _BrokenBlock:
    style: TextStyle
    lines: tuple[_Line, ...]
    mixed: bool
    space_before: float
    space_after: float

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.style.leading + self.space_after


# Labels and standards repeat on every form of a batch (the 12 trial breaks of a balanced
# label are most of the work): each is broken once per width.
@lru_cache(maxsize=4096)
def _break(block: Block, width: float) -> _BrokenBlock:
    style = block.style
    mixed = needs_fallback(block.text, style.font)
    measure = _measure_in(style, mixed)
    room = width - style.left_indent - _SLACK
    # An empty block is only its spacing (a blank to write in), not an empty line.
    lines = break_lines(block.text, measure, [room - style.first_line_indent, room])
    if not block.text:
        lines = []
    if block.balanced and len(lines) > 1:
        lines = balance_lines(block.text, measure, room, len(lines))
    first = style.left_indent + style.first_line_indent
    return _BrokenBlock(
        style,
        tuple(
            _Line(line, measure(line), first if n == 0 else style.left_indent)
            for n, line in enumerate(lines)
        ),
        mixed,
        block.space_before,
        block.space_after,
    )


def _place(
    broken: _BrokenBlock, left: float, right: float, top: float
) -> tuple[list[PlacedLine], float]:
    """The lines of one block from ``top`` down; returns them and the height used."""
    style = broken.style
    placed: list[PlacedLine] = []
    y = top - broken.space_before - style.size
    for line in broken.lines:
        start = left + line.indent
        if style.align is Align.CENTER:
            x = start + (right - start - line.width) / 2
        elif style.align is Align.RIGHT:
            x = right - line.width
        else:
            x = start
        if line.text:
            runs = (
                tuple(font_runs(line.text, style.font))
                if broken.mixed
                else ((line.text, style.font),)
            )
            placed.append(PlacedLine(x, y, style.size, runs, line.width))
        y -= style.leading
    return placed, broken.height


def _column_edges(row: Row) -> list[tuple[float, float]]:
    """(left, right) of each cell of ``row``, the row centred on the page."""
    left = (PAGE_WIDTH - sum(row.widths)) / 2
    edges: list[tuple[float, float]] = []
    column = 0
    for cell in row.cells:
        right = left + sum(row.widths[column : column + cell.span])
        edges.append((left, right))
        left, column = right, column + cell.span
    if column != len(row.widths):
        raise ValueError(f"cells span {column} columns of {len(row.widths)}")
    return edges


@dataclass(frozen=True)
class _Measured:
    """A row (or the part of a split row) with its text broken and its height known."""

    index: int
    row: Row
    edges: tuple[tuple[float, float], ...]
    cells: tuple[tuple[_BrokenBlock, ...], ...]
    height: float
    continued: bool = False  # the rest of a row split at the foot of the previous page


def _content(blocks: Sequence[_BrokenBlock]) -> float:
    return sum(b.height for b in blocks)


def _cell_blocks(blocks: Sequence[Block], width: float) -> tuple[_BrokenBlock, ...]:
    broken = [_break(b, width) for b in blocks]
    if broken and broken[-1].space_after:
        # As in a platypus cell: the last paragraph's space after adds nothing (an empty
        # block's spacing, a blank to write in, still does).
        broken[-1] = replace(broken[-1], space_after=0.0)
    return tuple(broken)


def _measure(index: int, row: Row) -> _Measured:
    edges = tuple(_column_edges(row))
    cells = tuple(
        _cell_blocks(cell.blocks, right - left - 2 * row.pad_x)
        for cell, (left, right) in zip(row.cells, edges, strict=True)
    )
    tallest = max((_content(blocks) for blocks in cells), default=0.0)
    height = max(row.min_height, tallest + row.pad_top + row.pad_bottom) + row.space_before
    return _Measured(index, row, edges, cells, height)


def _split_blocks(
    blocks: Sequence[_BrokenBlock], room: float
) -> tuple[list[_BrokenBlock], list[_BrokenBlock]]:
    """The lines that fit in ``room`` points, and the rest."""
    first: list[_BrokenBlock] = []
    rest: list[_BrokenBlock] = []
    used = 0.0
    for block in blocks:
        if rest:
            rest.append(block)
            continue
        leading = block.style.leading
        fit = int((room - used - block.space_before + 0.01) // leading)
        if fit >= len(block.lines):
            first.append(block)
            used += block.height
        elif fit > 0:
            first.append(replace(block, lines=block.lines[:fit], space_after=0.0))
            rest.append(replace(block, lines=block.lines[fit:], space_before=0.0))
            used = room
        else:
            rest.append(block)
    return first, rest


def _split(m: _Measured, available: float) -> tuple[_Measured, _Measured] | None:
    """``m`` cut so that its first part fills ``available``; None when no line would fit."""
    row = m.row
    room = available - row.space_before - row.pad_top - row.pad_bottom
    parts = [_split_blocks(blocks, room) for blocks in m.cells]
    if not any(first for first, _ in parts) or not any(rest for _, rest in parts):
        return None
    pads = row.space_before + row.pad_top + row.pad_bottom
    first = tuple(tuple(f) for f, _ in parts)
    rest = tuple(tuple(r) for _, r in parts)
    return (
        replace(m, cells=first, height=max(_content(c) for c in first) + pads),
        replace(m, cells=rest, height=max(_content(c) for c in rest) + pads, continued=True),
    )


class _Pager:
    """Places measured rows down the pages of one sheet."""

    def __init__(self) -> None:
        self.pages = [LaidOutPage()]
        self.y = PAGE_TOP
        self.previous_ruled = False
        self.only_heads = True  # nothing on this page yet but repeated table heads
        self.heads: dict[str, list[_Measured]] = {}

    @property
    def available(self) -> float:
        return self.y - PAGE_BOTTOM

    def new_page(self, table: str) -> None:
        self.pages.append(LaidOutPage())
        self.y, self.previous_ruled, self.only_heads = PAGE_TOP, False, True
        for head in self.heads.get(table, []):
            self.place(head)
        self.only_heads = True

    def place(self, m: _Measured) -> None:
        row, page = m.row, self.pages[-1]
        at_top = self.y >= PAGE_TOP - 0.01
        y = self.y if at_top else self.y - row.space_before
        height = m.height - row.space_before
        bottom = y - height
        page.row_heights[m.index] = height
        if row.shade:
            x0, x1 = m.edges[0][0], m.edges[-1][1]
            page.shades.append(_rule(x0, bottom, x1 - x0, height))
        for cell, (left, right), blocks in zip(row.cells, m.edges, m.cells, strict=True):
            content = _content(blocks)
            if cell.valign is VAlign.TOP or m.continued:
                top = y - row.pad_top
            elif cell.valign is VAlign.BOTTOM:
                top = bottom + row.pad_bottom + content
            else:
                top = y - row.pad_top - (height - row.pad_top - row.pad_bottom - content) / 2
            lines: list[PlacedLine] = []
            for block in blocks:
                placed, used = _place(block, left + row.pad_x, right - row.pad_x, top)
                lines.extend(placed)
                top -= used
            page.cells.append(PlacedCell(m.index, row.pad_x, left, right, y, bottom, tuple(lines)))
        if row.ruled:
            x0, x1 = m.edges[0][0], m.edges[-1][1]
            if not self.previous_ruled:
                page.rules.append(_rule(x0, y, x1, y))
            page.rules.append(_rule(x0, bottom, x1, bottom))
            page.rules.extend(_rule(left, y, left, bottom) for left, _ in m.edges)
            page.rules.append(_rule(x1, y, x1, bottom))
        self.previous_ruled = row.ruled
        self.only_heads = False
        self.y = bottom


def layout(sheet: Sheet) -> list[LaidOutPage]:
    """The pages of ``sheet``, rows placed as :class:`Row` describes."""
    pager = _Pager()
    queue = [_measure(index, row) for index, row in enumerate(sheet.rows)]
    k = 0
    while k < len(queue):
        m = queue[k]
        row = m.row
        # What must go on this page with it: the rows it is kept with, and of the last of
        # them as much as it needs (two lines of one that may continue on the next page).
        j = k
        while (queue[j].row.keep_with_next or queue[j].row.head) and j + 1 < len(queue):
            j += 1
        need = max(sum(q.height for q in queue[k:j]) + _least(queue[j]), row.room_before)
        if need > pager.available and not pager.only_heads:
            pager.new_page(row.table)
            continue  # once more, on the new page
        if m.height > pager.available and _can_split(m):
            parts = _split(m, pager.available)
            if parts is not None:
                pager.place(parts[0])
                queue[k + 1 : k + 1] = [parts[1]]
                pager.new_page(row.table)
                k += 1
                continue
            if not pager.only_heads:
                pager.new_page(row.table)
                continue
        pager.place(m)
        if row.head and not m.continued:
            pager.heads.setdefault(row.table, []).append(m)
        k += 1
    return pager.pages


_FULL_PAGE = PAGE_TOP - PAGE_BOTTOM


def _can_split(m: _Measured) -> bool:
    """A row may continue on the next page if it says so, or if no page could hold it."""
    return m.row.splittable or m.height > _FULL_PAGE


def _least(m: _Measured) -> float:
    """The room a row needs on a page: all of it, or two lines if it may continue."""
    if not _can_split(m):
        return m.height
    pads = m.row.space_before + m.row.pad_top + m.row.pad_bottom
    return min(m.height, pads + 2 * _line_height(m))


def _line_height(m: _Measured) -> float:
    return max((b.style.leading for blocks in m.cells for b in blocks), default=0.0)


def _rule(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    return (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))


def _header(canvas: Canvas, fonts: FontNames, info: DocumentInfo, number: int) -> None:
    """The case number at the top of continuation pages, as :mod:`core.documents.pdf` does,
    so that loose sheets can be put back together. Drawn first: it is read first."""
    if info.header and number > 1:
        canvas.setFont(fonts.serif, 7.5 if info.verification else 9)
        canvas.drawRightString(PAGE_WIDTH - RIGHT_MARGIN, PAGE_HEIGHT - HEADER_MARGIN, info.header)


def _footer(canvas: Canvas, fonts: FontNames, info: DocumentInfo, number: int, total: int) -> None:
    """第 N 页 共 M 页 and the 核验码, as :mod:`core.documents.pdf` numbers its pages."""
    canvas.setFont(fonts.serif, 9)
    canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, f"第 {number} 页 共 {total} 页")
    if info.verification:
        canvas.setFont(fonts.serif, 7.5)
        canvas.drawString(LEFT_MARGIN, FOOTER_Y, f"核验码 {info.verification}")


def _draw_text(canvas: Canvas, cells: Sequence[PlacedCell]) -> None:
    """The text of a page as PDF operators, the way reportlab's ttfonts module documents for
    its subset fonts (``splitString``/``getSubsetInternalName``): its text object would also
    measure every string to advance a cursor this layout has already placed, which was a
    third of the time of a form.

    One text object per cell: readers that copy text (and pypdf) break lines where a text
    object ends, so a wrapped value copies as its lines, not run into its neighbour."""
    doc = canvas._doc
    out: list[str] = []
    for cell in cells:
        if not cell.lines:
            continue
        # Starting from the identity matrix, as reportlab's text objects do: text extractors
        # (pypdf among them) read the jump to the first line as the start of a new line.
        out.append("BT 1 0 0 1 0 0 Tm")
        for line in cell.lines:
            out.append(f"1 0 0 1 {line.x:.2f} {line.y:.2f} Tm")
            for run, face in line.runs:
                font = getFont(face)
                for subset, chunk in font.splitString(run, doc):
                    name = font.getSubsetInternalName(subset, doc)
                    out.append(f"{name} {line.size:g} Tf ({escapePDF(chunk)}) Tj")
        out.append("ET")
    if out:
        canvas.addLiteral("\n".join(out))


def render_sheets(
    sheets: Sequence[Sheet],
    info: DocumentInfo,
    started: Callable[[int], None] | None = None,
) -> bytes:
    """The sheets in one A4 PDF, each from a new page and numbered on its own; ``info`` is
    the file's own title. ``started(i)`` is called before sheet ``i`` is laid out: it may
    raise to stop (cancel) the batch."""
    fonts = register_pdf_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=A4,
        invariant=1,  # same input, same bytes: printed forms can be compared and archived
        initialFontName=fonts.serif,
        lang="zh-CN",
    )
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setCreator("IP Subsidy Desk (ipdesk)")
    grids: dict[tuple[tuple[Rect, ...], tuple[Rect, ...]], str] = {}
    for index, sheet in enumerate(sheets):
        if started is not None:
            started(index)
        pages = layout(sheet)
        for number, page in enumerate(pages, start=1):
            key = (tuple(page.shades), tuple(page.rules))
            name = grids.get(key)
            if name is None:
                name = grids[key] = f"ipdeskGrid{len(grids)}"
                canvas.beginForm(name)
                if page.shades:
                    canvas.setFillColor(SHADE)
                    for x, y, w, h in page.shades:
                        canvas.rect(x, y, w, h, stroke=0, fill=1)
                    canvas.setFillColor(black)
                canvas.setLineWidth(GRID_WIDTH)
                path = canvas.beginPath()
                for x1, y1, x2, y2 in page.rules:
                    path.moveTo(x1, y1)
                    path.lineTo(x2, y2)
                canvas.drawPath(path, stroke=1, fill=0)
                canvas.endForm()
            _header(canvas, fonts, sheet.info, number)
            canvas.doForm(name)
            _draw_text(canvas, page.cells)
            _footer(canvas, fonts, sheet.info, number, len(pages))
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()
