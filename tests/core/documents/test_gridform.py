"""Forms drawn straight onto the page (core.documents.gridform): rows, pages, shared rules."""

from __future__ import annotations

import io
import re
import zlib

import pytest
from pypdf import PdfReader

from core.documents.fonts import register_pdf_fonts
from core.documents.gridform import (
    PAGE_BOTTOM,
    PAGE_TOP,
    Align,
    Block,
    Cell,
    Row,
    Sheet,
    TextStyle,
    VAlign,
    layout,
    render_sheets,
)
from core.documents.pdf import DocumentInfo
from tests.core.documents.pdf_checks import check_pdf, flat, pages

WIDTHS = (100.0, 200.0)


def style(align: Align = Align.LEFT) -> TextStyle:
    return TextStyle(register_pdf_fonts().serif, 10.5, 13.5, align)


def row(label: str, value: str, min_height: float = 0.0) -> Row:
    return Row(
        (Cell((Block(label, style(Align.CENTER)),)), Cell((Block(value, style()),))),
        WIDTHS,
        min_height=min_height,
    )


def sheet(*rows: Row, header: str = "璧市监专转〔2024〕第001号") -> Sheet:
    return Sheet(rows, DocumentInfo(title="表", header=header))


def form_xobjects(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Form", pdf))


def test_a_row_is_as_tall_as_its_tallest_cell() -> None:
    long = "重庆璧山" * 30  # about 120 characters in a 200 pt column: several lines
    (page,) = layout(sheet(row("名称", "短"), row("名称", long)))
    short_height, long_height = page.row_heights[0], page.row_heights[1]
    assert short_height == pytest.approx(13.5 + 6)
    lines = [cell for cell in page.cells if cell.row == 1][1].lines
    assert len(lines) > 3
    assert long_height == pytest.approx(13.5 * len(lines) + 6)
    # Every line inside its cell, none wider than the column less its padding.
    for cell in page.cells:
        for line in cell.lines:
            assert cell.left + 4 - 0.01 <= line.x
            assert line.x + line.width <= cell.right - 4 + 0.01
            assert cell.bottom < line.y < cell.top


def test_min_height_and_vertical_alignment() -> None:
    cells = tuple(
        Cell((Block("字", style()),), valign=v) for v in (VAlign.TOP, VAlign.MIDDLE, VAlign.BOTTOM)
    )
    (page,) = layout(sheet(Row(cells, (100.0, 100.0, 100.0), min_height=100)))
    assert page.row_heights[0] == 100
    top, middle, bottom = (cell.lines[0].y for cell in page.cells)
    assert top > middle > bottom
    assert PAGE_TOP - top == pytest.approx(3 + 10.5)  # padding, then the first baseline
    assert middle == pytest.approx(PAGE_TOP - 50 - 13.5 / 2 + (13.5 - 10.5))


def test_alignment_within_the_cell() -> None:
    cells = tuple(Cell((Block("一二", style(a)),)) for a in (Align.LEFT, Align.CENTER, Align.RIGHT))
    (page,) = layout(sheet(Row(cells, (100.0, 100.0, 100.0))))
    left, center, right = page.cells
    assert left.lines[0].x == pytest.approx(left.left + 4)
    middle = center.lines[0].x + center.lines[0].width / 2
    assert middle == pytest.approx((center.left + center.right) / 2)
    assert right.lines[0].x + right.lines[0].width == pytest.approx(right.right - 4)


def test_cells_must_cover_the_columns() -> None:
    with pytest.raises(ValueError, match="span 1 columns of 2"):
        layout(sheet(Row((Cell(),), WIDTHS)))


def test_a_row_that_does_not_fit_starts_the_next_page() -> None:
    rows = [row(f"第{n}行", "内容", min_height=100) for n in range(16)]
    laid_out = layout(sheet(*rows))
    room = PAGE_TOP - PAGE_BOTTOM
    per_page = int(room // 100)
    assert [len(p.row_heights) for p in laid_out] == [per_page, per_page, 16 - 2 * per_page]
    for page in laid_out:
        assert all(cell.bottom >= PAGE_BOTTOM - 0.01 for cell in page.cells)
        # Each page ruled on its own: a top rule over its first row.
        first = min(page.row_heights)
        top = max(cell.top for cell in page.cells if cell.row == first)
        assert any(y1 == y2 == round(top, 2) for _, y1, _, y2 in page.rules)
    pdf = render_sheets([sheet(*rows)], DocumentInfo(title="表"))
    texts = pages(pdf)
    assert len(texts) == 3
    assert [flat(t).count("第") for t in texts] == [
        per_page + 1,
        per_page + 2,
        16 - 2 * per_page + 2,
    ]
    assert "第1页共3页" in flat(texts[0]) and "第3页共3页" in flat(texts[2])
    # Continuation pages name the case at the top; the first page does not repeat it.
    assert "璧市监专转〔2024〕第001号" not in texts[0]
    assert all(flat(t).startswith("璧市监专转〔2024〕第001号") for t in texts[1:])


def test_text_reads_label_then_value_row_by_row() -> None:
    pdf = render_sheets(
        [sheet(row("单位名称", "甲公司"), row("开户银行", "乙银行"))], DocumentInfo("表")
    )
    text = check_pdf(pdf)
    assert text.startswith("单位名称甲公司开户银行乙银行")
    assert pages(pdf)[0].splitlines()[:2] == ["单位名称", "甲公司"]


def test_forms_with_the_same_rules_share_one_xobject() -> None:
    same = [sheet(row("名称", f"第{n}家公司")) for n in range(20)]
    pdf = render_sheets(
        same,
        DocumentInfo("表"),
    )
    assert len(pages(pdf)) == 20
    assert form_xobjects(pdf) == 1
    # A taller row is another geometry: a second frame, drawn once.
    other = sheet(row("名称", "重庆璧山" * 40))
    assert form_xobjects(render_sheets([*same, other, other], DocumentInfo("表"))) == 2


def test_each_sheet_is_numbered_on_its_own_and_the_file_carries_its_title() -> None:
    two_pages = sheet(*[row("行", "内容", min_height=300) for _ in range(3)])
    one_page = sheet(row("行", "内容"))
    pdf = render_sheets(
        [one_page, two_pages], DocumentInfo("申请表（2份）", author="璧山区市场监督管理局")
    )
    assert [re.search(r"第\d页共\d页", flat(t)).group() for t in pages(pdf)] == [  # type: ignore[union-attr]
        "第1页共1页",
        "第1页共2页",
        "第2页共2页",
    ]
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None and meta.title == "申请表（2份）"
    assert meta.author == "璧山区市场监督管理局"


def test_started_is_called_per_sheet_and_may_stop_the_batch() -> None:
    seen: list[int] = []

    def started(index: int) -> None:
        seen.append(index)
        if index == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render_sheets([sheet(row("行", str(n))) for n in range(5)], DocumentInfo("表"), started)
    assert seen == [0, 1, 2]


def test_rare_hanzi_are_set_in_the_fallback_face_and_extract_as_typed() -> None:
    name = "𠀀𬌗科技有限公司"
    pdf = render_sheets([sheet(row("名称", name))], DocumentInfo("表"))
    text = check_pdf(pdf)  # every face embedded, every character with a glyph
    assert name in text
    (page,) = layout(sheet(row("名称", name)))
    faces = {face for line in page.lines for _, face in line.runs}
    assert len(faces) > 1


def test_streams_are_compressed_but_not_ascii85() -> None:
    pdf = render_sheets([sheet(row("名称", "甲"))], DocumentInfo("表"))
    assert b"/ASCII85Decode" not in pdf and b"/FlateDecode" in pdf
    # The page's own stream inflates to text operators (a sanity check of the encoding).
    stream = re.search(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    assert stream is not None
    zlib.decompressobj().decompress(stream.group(1))


def test_the_same_input_gives_the_same_bytes() -> None:
    forms = [sheet(row("名称", f"第{n}家")) for n in range(3)]
    assert render_sheets(forms, DocumentInfo("表")) == render_sheets(forms, DocumentInfo("表"))


def para(text: str, **kwargs: object) -> Row:
    return Row((Cell((Block(text, style()),)),), (300.0,), ruled=False, **kwargs)  # type: ignore[arg-type]


def test_a_table_head_repeats_on_every_page_the_table_continues_on() -> None:
    head = Row(
        (Cell((Block("序号", style()),)), Cell((Block("说明", style()),))),
        WIDTHS,
        shade=True,
        table="t",
        head=True,
    )
    body = [
        Row(
            (Cell((Block(str(n), style()),)), Cell((Block("内容", style()),))),
            WIDTHS,
            min_height=100,
            table="t",
        )
        for n in range(12)
    ]
    after = para("表后")
    laid_out = layout(sheet(head, *body, after))
    assert len(laid_out) == 2
    for page in laid_out:
        # The head is the first row of each page, with its grey ground.
        first = max(page.cells, key=lambda c: c.top)
        assert first.row == 0 and page.shades
    text = pages(render_sheets([sheet(head, *body, after)], DocumentInfo("表")))
    assert [flat(t).count("序号说明") for t in text] == [1, 1]


def test_a_head_or_a_kept_row_never_ends_a_page_alone() -> None:
    filler = row("占", "位", min_height=PAGE_TOP - PAGE_BOTTOM - 30)
    heading = para("一、标题", keep_with_next=True)
    box = row("框", "内容", min_height=60)
    first, second = layout(sheet(filler, heading, box))
    assert set(first.row_heights) == {0}
    assert set(second.row_heights) == {1, 2}


def test_room_before_starts_a_new_page_when_less_is_left() -> None:
    filler = row("占", "位", min_height=PAGE_TOP - PAGE_BOTTOM - 100)
    assert len(layout(sheet(filler, para("标题", room_before=90)))) == 1
    assert len(layout(sheet(filler, para("标题", room_before=110)))) == 2


def test_a_splittable_row_continues_on_the_next_page_line_by_line() -> None:
    filler = row("占", "位", min_height=PAGE_TOP - PAGE_BOTTOM - 200)
    lines = "\n".join(f"第{n}行说明" for n in range(40))  # 40 × 13.5 pt: more than is left
    long = Row(
        (Cell((Block("1", style()),), valign=VAlign.TOP), Cell((Block(lines, style()),))),
        WIDTHS,
        splittable=True,
    )
    first, second = layout(sheet(filler, long))
    assert 1 in first.row_heights and 1 in second.row_heights
    placed = [line.runs[0][0] for page in (first, second) for line in page.lines]
    assert [t for t in placed if t.endswith("行说明")] == [f"第{n}行说明" for n in range(40)]
    # The first part fills the page; nothing runs past its foot.
    assert all(cell.bottom >= PAGE_BOTTOM - 0.01 for cell in first.cells)
    # Kept whole, it would have moved: a row that is not splittable does.
    whole = Row(long.cells, WIDTHS)
    first, second = layout(sheet(filler, whole))
    assert 1 not in first.row_heights and 1 in second.row_heights


def test_a_row_taller_than_a_page_is_split_even_when_not_splittable() -> None:
    text = "重庆璧山" * 2000  # far more than a page in a 200 pt column
    laid_out = layout(sheet(row("意见", text)))
    assert len(laid_out) > 3
    for page in laid_out:
        assert all(cell.bottom >= PAGE_BOTTOM - 0.01 for cell in page.cells)
    printed = "".join(line.runs[0][0] for page in laid_out for line in page.lines)
    assert printed.count("重庆璧山") == 2000


def test_an_empty_block_is_its_spacing_only() -> None:
    blank = Row((Cell((Block("", style(), space_before=50),)),), (300.0,), pad_top=0, pad_bottom=0)
    (page,) = layout(sheet(blank))
    assert page.row_heights[0] == 50 and not page.lines


def test_text_style_follows_the_platypus_style() -> None:
    from core.documents.gridform import text_style
    from core.documents.pdf import styles

    s = styles()
    hanging = text_style(s.cell_hanging)
    assert (hanging.size, hanging.leading) == (9, 12.5)
    assert (hanging.left_indent, hanging.first_line_indent) == (11, -11)
    assert text_style(s.cell_right).align is Align.RIGHT
    assert text_style(s.title).align is Align.CENTER
    assert text_style(s.body).align is Align.LEFT


def test_a_heading_stays_with_a_box_taller_than_a_page() -> None:
    """Heading, box title and a body longer than a page: the heading and title go where the
    body starts, never alone at the foot of the page before."""
    filler = row("占", "位", min_height=300)
    heading = para("四、审核人意见", keep_with_next=True)
    title = Row((Cell((Block("科室负责人审核意见", style()),)),), (300.0,), keep_with_next=True)
    body = Row((Cell((Block("经复核，同意资助。" * 400, style()),)),), (300.0,))
    laid_out = layout(sheet(filler, heading, title, body))
    first = laid_out[0]
    assert {0, 1, 2, 3} <= set(first.row_heights)  # all start on the first page
    assert all(cell.bottom >= PAGE_BOTTOM - 0.01 for page in laid_out for cell in page.cells)
    printed = "".join(line.runs[0][0] for page in laid_out for line in page.lines)
    assert printed.count("经复核，同意资助。") == 400
    # With too little room for the title and two lines of the body, all three move on.
    tight = row("占", "位", min_height=PAGE_TOP - PAGE_BOTTOM - 40)
    first, second = layout(sheet(tight, heading, title, body))[:2]
    assert set(first.row_heights) == {0} and {1, 2, 3} <= set(second.row_heights)
