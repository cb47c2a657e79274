"""The shipped fonts: coverage, registration with reportlab, embedding in PDFs."""

from __future__ import annotations

import io
import re
import sys
import threading
import time
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from core.documents import fonts
from core.documents.fonts import (
    PDF_FONT_NAMES,
    FontNames,
    fonts_dir,
    missing_chars,
    register_pdf_fonts,
    ui_font_files,
)
from tests.pdf_helpers import (
    PdfFont,
    assert_all_fonts_embedded,
    iter_fonts,
    pdf_text,
    to_unicode_map,
)

REPO = Path(__file__).resolve().parents[3]

SAMPLES = (
    "二〇二四年十一月二十二日",
    "壹万伍仟元整",
    "（盖章）",
    "《重庆市璧山区专利转化运用资助申请表》",
    "￥15,000.00",
)
# A hanzi of the 通用规范汉字表 outside the BMP (U+2C317), which reportlab's own
# ToUnicode CMap gets wrong (fixed by core.documents.fonts).
NON_BMP = "牙𬌗"

PUNCTUATION = "，。：；（）《》「」『』、“”‘’！？【】〔〕〇￥×≥≤—…·№①②③④⑤⑥⑦⑧⑨⑩"
ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
# 通用规范汉字表 characters that are not in GBK: Ext. A and supplementary planes.
TONGYONG_SAMPLE = "䶮㛃𬌗𬘭𫓧𬭚"

FACES = {  # reportlab name -> (file, family, style)
    PDF_FONT_NAMES.serif: ("IPDeskSerifSC-Regular.ttf", "IPDesk Serif SC", "Regular"),
    PDF_FONT_NAMES.serif_bold: ("IPDeskSerifSC-Bold.ttf", "IPDesk Serif SC", "Bold"),
    PDF_FONT_NAMES.sans: ("IPDeskSansSC-Regular.ttf", "IPDesk Sans SC", "Regular"),
}


@cache
def shipped_font(file_name: str) -> TTFont:
    return TTFont(str(fonts_dir() / file_name), lazy=True)


def gb2312_hanzi() -> list[str]:
    chars = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the five unassigned codes at the end of row 55 (D7FA-D7FE)
    return chars


def gbk_hanzi() -> list[str]:
    chars = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if 0x4E00 <= ord(char) <= 0x9FFF:
                chars.append(char)
    return chars


# --------------------------------------------------------------------------------------
# Files and coverage
# --------------------------------------------------------------------------------------


def test_fonts_dir_is_resources_fonts_in_the_repository() -> None:
    assert fonts_dir() == REPO / "resources" / "fonts"
    assert fonts_dir().is_dir()


def test_fonts_dir_in_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts_dir() == tmp_path / "resources" / "fonts"


def test_ui_font_files_exist_and_start_with_the_ui_face() -> None:
    files = ui_font_files()
    assert [f.name for f in files] == [
        "IPDeskSansSC-Regular.ttf",
        "IPDeskSerifSC-Regular.ttf",
        "IPDeskSerifSC-Bold.ttf",
    ]
    assert all(f.is_file() for f in files)
    assert shipped_font(files[0].name)["name"].getDebugName(1) == fonts.UI_FONT_FAMILY


def test_licences_and_build_notes_are_shipped() -> None:
    for name in ("OFL.txt", "README.md"):
        assert (fonts_dir() / name).is_file(), name
    ofl = (fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "Reserved Font Name 'Source'" in ofl


@pytest.mark.parametrize("font_name", list(FACES))
def test_face_is_truetype_and_renamed(font_name: str) -> None:
    file_name, family, style = FACES[font_name]
    font = shipped_font(file_name)
    assert "glyf" in font and "CFF " not in font, "reportlab needs TrueType outlines"
    name = font["name"]
    assert name.getDebugName(1) == family
    assert name.getDebugName(2) == style
    assert name.getDebugName(6) == font_name  # PostScript name, distinct per face
    # OFL: a modified version must not use the Reserved Font Name "Source";
    # and it is not Noto any more either.
    for record in name.names:
        if record.nameID in (1, 4, 6, 16, 17):
            assert "Source" not in record.toUnicode()
            assert "Noto" not in record.toUnicode()
    assert font["OS/2"].fsType & 0x0002 == 0, "embedding must be allowed"


def _assert_covered(file_name: str, chars: str | list[str]) -> None:
    font = shipped_font(file_name)
    cmap = font.getBestCmap()
    missing = [c for c in chars if ord(c) not in cmap]
    assert not missing, f"{file_name} lacks {len(missing)} characters: {''.join(missing[:50])}"
    # ... and every one of them has an outline (non-empty glyph data), except spaces.
    order = {glyph: index for index, glyph in enumerate(font.getGlyphOrder())}
    loca = font["loca"]
    empty = [
        c
        for c in chars
        if not c.isspace() and loca[order[cmap[ord(c)]] + 1] == loca[order[cmap[ord(c)]]]
    ]
    assert not empty, f"{file_name}: empty glyphs for {''.join(empty[:50])}"


def test_gb2312_and_gbk_hanzi_lists_are_complete() -> None:
    assert len(gb2312_hanzi()) == 6763
    assert len(gbk_hanzi()) == 20902  # GBK's hanzi in U+4E00..U+9FA5


@pytest.mark.parametrize("file_name", [face[0] for face in FACES.values()])
def test_face_covers_gb2312_gbk_and_form_symbols(file_name: str) -> None:
    _assert_covered(file_name, gb2312_hanzi())
    _assert_covered(file_name, gbk_hanzi())
    _assert_covered(file_name, PUNCTUATION + ASCII + TONGYONG_SAMPLE + "".join(SAMPLES))


# --------------------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------------------


def test_register_twice_is_cheap_and_returns_the_same_names() -> None:
    first = register_pdf_fonts()
    assert first == PDF_FONT_NAMES
    assert isinstance(first, FontNames)
    started = time.perf_counter()
    second = register_pdf_fonts()
    assert time.perf_counter() - started < 0.005
    assert second is first
    with pytest.raises(AttributeError):
        first.serif = "Helvetica"  # type: ignore[misc]


def test_register_from_many_threads_at_once() -> None:
    results: list[FontNames] = []

    def work() -> None:
        results.append(register_pdf_fonts())

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_registered_fonts_are_the_shipped_files() -> None:
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    names = register_pdf_fonts()
    assert (names.serif, names.serif_bold, names.sans) == tuple(FACES)
    for font_name, (file_name, _family, _style) in FACES.items():
        face = pdfmetrics.getFont(font_name).face
        assert Path(face.filename).resolve() == (fonts_dir() / file_name).resolve()
    # <b> in a Paragraph set in the Song face picks the bold Song.
    assert tt2ps(names.serif, 1, 0) == names.serif_bold
    assert tt2ps(names.sans, 1, 0) == names.sans


def test_missing_chars_lists_what_would_print_as_a_box() -> None:
    names = register_pdf_fonts()
    for font_name in (names.serif, names.serif_bold, names.sans):
        assert missing_chars("".join(SAMPLES) + PUNCTUATION + TONGYONG_SAMPLE, font_name) == ""
        assert missing_chars("□是 ☑否 ☐ ☑", font_name) == "☑☐"
        assert missing_chars("한국어", font_name) == "한국어"  # no Hangul shipped


# --------------------------------------------------------------------------------------
# A PDF made with the fonts
# --------------------------------------------------------------------------------------


def render_sample(names: FontNames) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=names.serif)
    y = 780.0
    for font_name in (names.serif, names.serif_bold, names.sans):
        for text in (*SAMPLES, NON_BMP):
            canvas.setFont(font_name, 12)
            canvas.drawString(60, y, text)
            y -= 20
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_sample(register_pdf_fonts())


def test_sample_pdf_text_can_be_extracted(sample_pdf: bytes) -> None:
    lines = pdf_text(sample_pdf).splitlines()
    for text in (*SAMPLES, NON_BMP):
        assert lines.count(text) == 3, (text, lines)  # once per face


def test_sample_pdf_embeds_every_font_as_a_subset(sample_pdf: bytes) -> None:
    base_fonts = assert_all_fonts_embedded(sample_pdf)
    assert base_fonts, "no fonts found"
    assert {re.sub(r"^/[A-Z]{6}\+", "", b) for b in base_fonts} == set(FACES)
    for font in iter_fonts(sample_pdf):
        assert re.fullmatch(r"/[A-Z]{6}\+\w+-\w+", font.base_font), "subset tag expected"
        data = font.font_file()
        assert data is not None
        assert len(data) < 100_000  # a subset, not the 7-9 MB font
    assert len(sample_pdf) < 150_000


def test_embedding_check_catches_a_viewer_font() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)  # preamble selects Helvetica, which is never embedded
    canvas.setFont(register_pdf_fonts().serif, 12)
    canvas.drawString(60, 700, "二〇二四年")
    canvas.save()
    with pytest.raises(AssertionError, match="Helvetica"):
        assert_all_fonts_embedded(buffer.getvalue())


def _embedded_glyph(font: PdfFont, char: str) -> tuple[int, list[tuple[int, int]]] | None:
    """(number of contours, points) of ``char``'s glyph in the embedded subset."""
    codes = [code for code, text in to_unicode_map(font).items() if text == char]
    if not codes:
        return None
    data = font.font_file()
    assert data is not None
    subset = TTFont(io.BytesIO(data))
    # reportlab's subsets map character code -> glyph with a (1, 0) cmap subtable.
    cmap = {}
    for table in subset["cmap"].tables:
        cmap.update(table.cmap)
    glyph = subset["glyf"][cmap[codes[0]]]
    return glyph.numberOfContours, list(glyph.getCoordinates(subset["glyf"])[0])


def test_ling_glyph_is_really_embedded(sample_pdf: bytes) -> None:
    """〇 (U+3007) — missing in some Song fonts, where 二〇二四 prints as 二 二四."""
    found = set()
    for font in iter_fonts(sample_pdf):
        glyph = _embedded_glyph(font, "〇")
        if glyph is None:
            continue
        contours, points = glyph
        assert contours > 0
        name = re.sub(r"^/[A-Z]{6}\+", "", font.base_font)
        shipped = shipped_font(FACES[name][0])
        original = shipped["glyf"][shipped.getBestCmap()[0x3007]]
        assert contours == original.numberOfContours
        assert points == list(original.getCoordinates(shipped["glyf"])[0])
        found.add(name)
    assert found == set(FACES)


def _form_pdfs() -> dict[str, bytes]:
    from core.documents import notices
    from core.documents.application_form import render_application_form
    from core.documents.model import form_case_from_case_document
    from core.documents.notice_list import render_notice_list
    from core.documents.review_opinion import render_review_opinion
    from core.documents.samples import notice_list_sample, sample_case_document
    from core.policy import load_policy

    case = form_case_from_case_document(sample_case_document(1))
    late_doc = sample_case_document(9, rich=False)
    late_doc["received_on"] = "2024-11-25"
    late_doc["form"]["rejection_grounds"] = ["late"]
    late = form_case_from_case_document(late_doc)
    return {
        "application-form": render_application_form(case),
        "review-opinion": render_review_opinion(case),
        "receipt": notices.render_receipt(case),
        "correction": notices.render_correction_notice(case),
        "rejection": notices.render_rejection_notice(late),
        "notice-list": render_notice_list(notice_list_sample(load_policy("bishan-2024"))),
    }


@pytest.fixture(scope="module")
def every_pdf(sample_pdf: bytes) -> dict[str, bytes]:
    return {"sample": sample_pdf, **_form_pdfs()}


def check_embedded_fonts(pdf: bytes, name: str) -> None:
    """What ``pdffonts`` reports as emb / sub / uni, checked with pypdf and fontTools, so that
    it runs on a machine without poppler-utils (CI does not install it); and one step further:
    every character code maps to a real glyph of the embedded subset, never to .notdef (a
    box on paper)."""
    fonts_seen = list(iter_fonts(pdf))
    assert fonts_seen, name
    # reportlab draws a character its face lacks as code 0, the .notdef box, which the
    # ToUnicode CMap gives back as U+0000.
    assert "\x00" not in pdf_text(pdf), f"{name}: a character printed as the .notdef box"
    for font in fonts_seen:
        where = f"{name}: {font.base_font} ({font.where})"
        assert font.subtype == "/TrueType", where
        assert re.fullmatch(r"/[A-Z]{6}\+IPDesk\w+-\w+", font.base_font), where  # sub
        descriptor = font.descriptor()
        assert descriptor is not None and "/FontFile2" in descriptor, where  # emb
        data = font.font_file()
        assert data, where
        subset = TTFont(io.BytesIO(data))
        assert "glyf" in subset, where  # TrueType outlines, not CFF
        to_unicode = to_unicode_map(font)  # uni
        first, last = int(font.font["/FirstChar"]), int(font.font["/LastChar"])
        assert set(range(first, last + 1)) <= set(to_unicode), where
        cmap: dict[int, str] = {}
        for table in subset["cmap"].tables:
            cmap.update(table.cmap)
        glyf = subset["glyf"]
        for code, text in to_unicode.items():
            if unicodedata.category(text[0]) == "Cc":
                continue  # reportlab keeps ASCII control codes (0, 127) unmapped, never drawn
            glyph_name = cmap.get(code, ".notdef")
            assert glyph_name != ".notdef", (where, f"U+{ord(text[0]):04X}", "no glyph")
            if not text.isspace():
                # -1 is a composite glyph; 0 contours would print nothing
                assert glyf[glyph_name].numberOfContours != 0, (where, text)


def test_every_font_is_an_embedded_truetype_subset_with_tounicode(
    every_pdf: dict[str, bytes],
) -> None:
    for name, pdf in every_pdf.items():
        check_embedded_fonts(pdf, name)


def test_the_font_check_catches_a_character_the_face_lacks() -> None:
    names = register_pdf_fonts()
    absent = "\ua66e"  # CYRILLIC LETTER MULTIOCULAR O: in no CJK face
    assert missing_chars(absent, names.serif) == absent
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=names.serif)
    canvas.setFont(names.serif, 12)
    canvas.drawString(60, 700, f"二〇二四{absent}")
    canvas.save()
    with pytest.raises(AssertionError, match="notdef"):
        check_embedded_fonts(buffer.getvalue(), "absent")
