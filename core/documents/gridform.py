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
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from core.documents.cjkwrap import break_lines
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
]

PAGE_WIDTH, PAGE_HEIGHT = A4
# platypus frames keep 6 pt inside the margins; the same here, so that a form drawn either
# way starts at the same height.
_FRAME_PADDING = 6.0
PAGE_TOP = PAGE_HEIGHT - TOP_MARGIN - _FRAME_PADDING
PAGE_BOTTOM = BOTTOM_MARGIN + _FRAME_PADDING
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


@dataclass(frozen=True)
class Block:
    """Plain text (newlines kept) in one style; ``balanced`` evens out the lengths of its
    lines, so a two-line label breaks in the middle rather than leaving one character alone."""

    text: str
    style: TextStyle
    balanced: bool = False
    space_after: float = 0.0


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Block, ...] = ()
    span: int = 1
    valign: VAlign = VAlign.MIDDLE


@dataclass(frozen=True)
class Row:
    """One row: its cells over ``widths`` (points, left to right; spans join columns).

    A ruled row has its borders drawn; an unruled one (a title) has none. ``min_height`` is
    the least height (an opinion box with room for a seal); text taller than it grows it."""

    cells: tuple[Cell, ...]
    widths: tuple[float, ...]
    ruled: bool = True
    min_height: float = 0.0
    pad_x: float = 4.0
    pad_top: float = 3.0
    pad_bottom: float = 3.0


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


@dataclass
class LaidOutPage:
    # Rules as (x1, y1, x2, y2), rounded: pages with the same rules share one XObject.
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    cells: list[PlacedCell] = field(default_factory=list)
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


def _balance(text: str, measure: Callable[[str], float], room: float, count: int) -> list[str]:
    """The same number of lines at the narrowest width that still gives that many."""
    low, high = 0.0, room
    best = break_lines(text, measure, [room])
    for _ in range(12):
        mid = (low + high) / 2
        lines = break_lines(text, measure, [mid])
        if len(lines) <= count and all(measure(line) <= mid for line in lines):
            best, high = lines, mid
        else:
            low = mid
    return best


@dataclass(frozen=True)
class _BrokenBlock:
    block: Block
    lines: tuple[tuple[str, float], ...]  # (text, width)
    mixed: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.block.style.leading + self.block.space_after


# Labels and standards repeat on every form of a batch (the 12 trial breaks of a balanced
# label are most of the work): each is broken once per width.
@lru_cache(maxsize=4096)
def _break(block: Block, width: float) -> _BrokenBlock:
    style = block.style
    mixed = needs_fallback(block.text, style.font)
    measure = _measure_in(style, mixed)
    room = width - style.left_indent - _SLACK
    lines = break_lines(block.text, measure, [room - style.first_line_indent, room])
    if block.balanced and len(lines) > 1:
        lines = _balance(block.text, measure, room, len(lines))
    return _BrokenBlock(block, tuple((line, measure(line)) for line in lines), mixed)


def _place(
    broken: _BrokenBlock, left: float, right: float, top: float
) -> tuple[list[PlacedLine], float]:
    """The lines of one block from ``top`` down; returns them and the height used."""
    style = broken.block.style
    placed: list[PlacedLine] = []
    y = top - style.size
    for n, (text, width) in enumerate(broken.lines):
        start = left + style.left_indent + (style.first_line_indent if n == 0 else 0.0)
        if style.align is Align.CENTER:
            x = start + (right - start - width) / 2
        elif style.align is Align.RIGHT:
            x = right - width
        else:
            x = start
        runs = tuple(font_runs(text, style.font)) if broken.mixed else ((text, style.font),)
        if text:
            placed.append(PlacedLine(x, y, style.size, runs, width))
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


def layout(sheet: Sheet) -> list[LaidOutPage]:
    """The pages of ``sheet``: each row whole, on the next page when it does not fit."""
    pages = [LaidOutPage()]
    y = PAGE_TOP
    previous_ruled = False
    for index, row in enumerate(sheet.rows):
        edges = _column_edges(row)
        broken = [
            [_break(b, right - left - 2 * row.pad_x) for b in cell.blocks]
            for cell, (left, right) in zip(row.cells, edges, strict=True)
        ]
        contents = [sum(b.height for b in blocks) for blocks in broken]
        height = max(row.min_height, max(contents, default=0.0) + row.pad_top + row.pad_bottom)
        if y - height < PAGE_BOTTOM and pages[-1].cells:
            pages.append(LaidOutPage())
            y, previous_ruled = PAGE_TOP, False
        page = pages[-1]
        page.row_heights[index] = height
        bottom = y - height
        for cell, (left, right), blocks, content in zip(
            row.cells, edges, broken, contents, strict=True
        ):
            if cell.valign is VAlign.TOP:
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
            page.cells.append(PlacedCell(index, row.pad_x, left, right, y, bottom, tuple(lines)))
        if row.ruled:
            x0, x1 = edges[0][0], edges[-1][1]
            if not previous_ruled:
                page.rules.append(_rule(x0, y, x1, y))
            page.rules.append(_rule(x0, bottom, x1, bottom))
            page.rules.extend(_rule(left, y, left, bottom) for left, _ in edges)
            page.rules.append(_rule(x1, y, x1, bottom))
        previous_ruled = row.ruled
        y = bottom
    return pages


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
    grids: dict[tuple[tuple[float, float, float, float], ...], str] = {}
    for index, sheet in enumerate(sheets):
        if started is not None:
            started(index)
        pages = layout(sheet)
        for number, page in enumerate(pages, start=1):
            key = tuple(page.rules)
            name = grids.get(key)
            if name is None:
                name = grids[key] = f"ipdeskGrid{len(grids)}"
                canvas.beginForm(name)
                canvas.setLineWidth(GRID_WIDTH)
                path = canvas.beginPath()
                for x1, y1, x2, y2 in key:
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
