"""The shared layout pieces: paragraphs that break Chinese lines, styles, page numbering."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from core.documents.pdf import (
    DocumentInfo,
    TextParagraph,
    _prebroken,
    build_pdf,
    date_text,
    p,
    styles,
)
from tests.core.documents.pdf_checks import check_pdf, flat, pages


def x_positions(pdf: bytes, needle: str) -> list[float]:
    """Where (x, points from the left edge) text runs containing ``needle`` start."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if needle in text:
            found.append(cm[4] + tm[4] * cm[0])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_derived_style_keeps_its_own_indent_when_prebroken() -> None:
    s = styles()
    _prebroken(s.cell)  # caches on the parent …
    child = ParagraphStyle("child", parent=s.cell, leftIndent=50)
    derived = _prebroken(child)  # … which the child copies: it must not be reused
    assert derived.leftIndent == 50 and derived.wordWrap is None
    assert _prebroken(child) is derived


def test_indented_lines_print_where_they_should() -> None:
    s = styles()
    indented = ParagraphStyle("far", parent=s.body_flush, leftIndent=80 * mm)
    pdf = build_pdf(
        [p("靠左的一行", s.body_flush), Spacer(1, 5 * mm), p("盖章（签名）:", indented)],
        DocumentInfo(title="t"),
    )
    check_pdf(pdf)
    (left,) = x_positions(pdf, "靠左")
    (right,) = x_positions(pdf, "盖章")
    assert abs((right - left) - 80 * mm) < 1


def test_ideographic_spaces_keep_their_width() -> None:
    s = styles()
    para = TextParagraph("年\u3000\u3000月", s.cell)
    para.wrap(500, 100)
    narrow = TextParagraph("年月", s.cell)
    narrow.wrap(500, 100)
    assert date_text(None) == "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
    width = 500 - para.blPara.lines[0][0]
    assert width - (500 - narrow.blPara.lines[0][0]) > 19  # two spaces of 10.5 pt


def test_markup_characters_are_text() -> None:
    pdf = build_pdf([p("A&B <b>not bold</b> 甲", styles().body)], DocumentInfo(title="t"))
    assert "A&B<b>notbold</b>甲" in check_pdf(pdf)


def test_pages_are_numbered_and_continuation_pages_carry_the_header() -> None:
    s = styles()
    story = [p(f"第{i}段：专利转化运用资助" * 8, s.body) for i in range(60)]
    pdf = build_pdf(story, DocumentInfo(title="t", header="璧市监专转〔2024〕第001号"))
    texts = [flat(t) for t in pages(pdf)]
    assert len(texts) > 2
    for n, text in enumerate(texts, start=1):
        assert f"第{n}页共{len(texts)}页" in text
        assert ("璧市监专转〔2024〕第001号" in text) == (n > 1)


def test_a_row_taller_than_a_page_continues_on_the_next_one() -> None:
    """Free text has no length limit: a cell longer than a page used to stop the whole
    form with LayoutError (an objection's substance, an opinion)."""
    from core.documents.pdf import table

    s = styles()
    long = "经核实，异议人反映的情况属实。" * 300
    rows = [[p("前", s.cell), p("短", s.cell)], [p("异议内容", s.cell), p(long, s.cell)]]
    pdf = build_pdf([table(rows, (30.0, 140.0))], DocumentInfo(title="表"))
    texts = pages(pdf)
    assert len(texts) >= 3
    assert flat("".join(texts)).count("经核实，异议人反映的情况属实。") >= 290  # a few cut by 第N页


def test_a_row_that_fits_a_page_still_moves_whole() -> None:
    from core.documents.pdf import table

    s = styles()
    rows = [[p(f"第{n}行", s.cell), p("内容" * 200, s.cell)] for n in range(4)]
    pdf = build_pdf([Spacer(1, 150 * mm), table(rows, (30.0, 140.0))], DocumentInfo(title="表"))
    texts = [flat(t) for t in pages(pdf)]
    # No row is cut: each page holds whole rows, label and text.
    assert len(texts) >= 2
    for page in texts:
        labels = sum(f"第{n}行" in page for n in range(4))
        assert labels and page.count("内容") == 200 * labels


def test_a_long_objection_prints(tmp_path: object) -> None:
    import datetime as dt
    from decimal import Decimal

    from core.documents.model import ObjectionRecord
    from core.documents.objection_record import render_objection_record

    record = ObjectionRecord(
        "重庆市璧山区市场监督管理局",
        "专利转化运用资助",
        "璧市监专转〔2024〕第001号",
        "重庆某公司",
        "第一批",
        dt.date(2024, 11, 1),
        dt.date(2024, 11, 7),
        Decimal(1000),
        Decimal(1000),
        "王某",
        "13800001111",
        dt.date(2024, 11, 2),
        "反映情况。" * 600,
        "张三",
        None,
        "经核实。" * 600,
        "rejected",
        None,
        None,
        "李四",
        None,
    )
    text = check_pdf(render_objection_record(record))
    assert "公示异议处理记录" in text and "负责人" in text
