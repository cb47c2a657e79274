"""Checks shared by the PDF tests: text as a reader sees it, glyphs, page size."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core.documents.fonts import register_pdf_fonts, unprintable_chars
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

A4_POINTS = (595.28, 841.89)


def flat(text: str) -> str:
    """Text without any whitespace: lines wrapped inside a cell join up again."""
    return "".join(text.split())


def flat_text(pdf: bytes) -> str:
    return flat(pdf_text(pdf))


def pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader.pages
    ]


def check_pdf(pdf: bytes, *, landscape: bool = False) -> str:
    """Every font embedded, no character without a glyph, A4 pages; returns the flat text."""
    assert pdf.startswith(b"%PDF")
    assert_all_fonts_embedded(pdf)
    text = flat(pdf_text(pdf))
    names = register_pdf_fonts()
    # Both faces cover the same characters, so whichever one printed a character has it;
    # a 生僻字 they lack must be one the fallback faces have.
    for face in (names.serif, names.sans):
        assert unprintable_chars(text, face) == "", f"no glyph in {face} or the fallback"
    expected = A4_POINTS[::-1] if landscape else A4_POINTS
    assert set(page_sizes(pdf)) == {expected}
    return text
