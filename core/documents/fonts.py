"""The Chinese fonts shipped with the program, for PDFs (reportlab) and the Qt UI.

The files live in ``resources/fonts/`` (see the README there; they are made by
``tools/build_fonts.py``). Every PDF the program prints embeds subsets of these faces,
so a form prints the same on a PC that has no Chinese fonts at all.

* ``IPDeskSerifSC-Regular.ttf`` — Song/Ming style (宋体) for body text and tables;
* ``IPDeskSerifSC-Bold.ttf`` — bold Song for titles (the 小标宋 role);
* ``IPDeskSansSC-Regular.ttf`` — Hei style (黑体) for headings, and the UI face;
* ``IPDeskRareA-Regular.ttf`` / ``IPDeskRareB-Regular.ttf`` — the 生僻字 fallback
  (CJK Extension A and B–F, from Hanazono Mincho), for any character the faces above lack.
  reportlab has no font fallback of its own: :func:`font_runs` cuts a text into runs per
  face, and the fallback faces are registered only when a text needs them (0.2 s).

This module does not import Qt. reportlab is imported only when
:func:`register_pdf_fonts` is first called.

Usage::

    names = register_pdf_fonts()
    c = Canvas(buffer, pagesize=A4, initialFontName=names.serif)  # no stray Helvetica
    c.setFont(names.sans, 16)
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "PDF_FONT_NAMES",
    "RARE_FAMILIES",
    "SANS_FAMILY",
    "SERIF_FAMILY",
    "UI_FONT_FAMILY",
    "FontNames",
    "font_runs",
    "fonts_dir",
    "missing_chars",
    "needs_fallback",
    "rare_font_files",
    "register_pdf_fonts",
    "ui_font_files",
    "unprintable_chars",
]

SERIF_FILE = "IPDeskSerifSC-Regular.ttf"
SERIF_BOLD_FILE = "IPDeskSerifSC-Bold.ttf"
SANS_FILE = "IPDeskSansSC-Regular.ttf"
#: The 生僻字 fallback faces, tried in this order (reportlab name, file).
RARE_FACES = (
    ("IPDeskRareA-Regular", "IPDeskRareA-Regular.ttf"),
    ("IPDeskRareB-Regular", "IPDeskRareB-Regular.ttf"),
)

#: Family names inside the files (what Qt reports after ``addApplicationFont``).
SERIF_FAMILY = "IPDesk Serif SC"
SANS_FAMILY = "IPDesk Sans SC"
#: Family names of the 生僻字 fallback faces, in the order they are tried.
RARE_FAMILIES = ("IPDesk Rare A", "IPDesk Rare B")
#: The family the Qt UI should use as its application font.
UI_FONT_FAMILY = SANS_FAMILY


@dataclass(frozen=True, slots=True)
class FontNames:
    """reportlab font names to pass to ``setFont`` / ``ParagraphStyle(fontName=...)``."""

    serif: str
    serif_bold: str
    sans: str


#: The names :func:`register_pdf_fonts` registers (the faces' PostScript names).
PDF_FONT_NAMES = FontNames(
    serif="IPDeskSerifSC-Regular",
    serif_bold="IPDeskSerifSC-Bold",
    sans="IPDeskSansSC-Regular",
)

_lock = threading.Lock()
_registered: FontNames | None = None


def fonts_dir() -> Path:
    """``resources/fonts`` of the source tree, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _font_file(name: str) -> Path:
    path = fonts_dir() / name
    if not path.is_file():
        raise FileNotFoundError(
            f"font file {path} is missing; it is part of the repository "
            "(rebuild with: .venv/bin/python tools/build_fonts.py)"
        )
    return path


def ui_font_files() -> list[Path]:
    """Font files the Qt UI should load with ``QFontDatabase.addApplicationFont``.

    The first one is the UI face (family :data:`UI_FONT_FAMILY`); the Song faces follow
    so that widgets can show text in the same face as the printed forms.
    """
    return [_font_file(name) for name in (SANS_FILE, SERIF_FILE, SERIF_BOLD_FILE)]


def rare_font_files() -> list[Path]:
    """The fallback faces, for the Qt UI to load after :func:`ui_font_files`."""
    return [_font_file(file_name) for _, file_name in RARE_FACES]


def register_pdf_fonts() -> FontNames:
    """Register the shipped faces with reportlab, once per process, and return their names.

    Thread-safe and cheap after the first call (which reads the files: about 0.1 s).
    Also registers font families, so that ``<b>`` in a ``Paragraph`` set in
    ``names.serif`` selects ``names.serif_bold``. The sans face has no bold weight:
    ``<b>`` in sans text stays regular.
    """
    global _registered
    names = _registered  # set last, so a non-None value means "fully registered"
    if names is not None:
        return names
    with _lock:
        if _registered is None:
            _registered = _register(PDF_FONT_NAMES)
        return _registered


def _register(names: FontNames) -> FontNames:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _fix_reportlab_tounicode()
    _binary_streams()
    already = set(pdfmetrics.getRegisteredFontNames())
    for font_name, file_name in (
        (names.serif, SERIF_FILE),
        (names.serif_bold, SERIF_BOLD_FILE),
        (names.sans, SANS_FILE),
    ):
        if font_name not in already:
            # TTFont embeds only the glyphs a document uses (subsets of <= 256 glyphs).
            pdfmetrics.registerFont(TTFont(font_name, str(_font_file(file_name))))
    pdfmetrics.registerFontFamily(
        names.serif,
        normal=names.serif,
        bold=names.serif_bold,
        italic=names.serif,
        boldItalic=names.serif_bold,
    )
    pdfmetrics.registerFontFamily(
        names.sans, normal=names.sans, bold=names.sans, italic=names.sans, boldItalic=names.sans
    )
    return names


def missing_chars(text: str, font_name: str) -> str:
    """The distinct characters of ``text`` that the registered face has no glyph for.

    reportlab does not fall back to another font: it prints such characters as the
    empty ``.notdef`` box. The shipped faces cover GBK and the 通用规范汉字表, but not
    e.g. ☐ ☑ ☒ (draw check boxes with □ and √, or with canvas lines).
    """
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    char_to_glyph = pdfmetrics.getFont(font_name).face.charToGlyph
    missing = (c for c in text if ord(c) not in char_to_glyph and c != "\xa0")
    return "".join(dict.fromkeys(missing))


_rare_registered: tuple[tuple[str, Any], ...] | None = None


def _rare_faces() -> tuple[tuple[str, Any], ...]:
    """(reportlab name, char-to-glyph map) of each fallback face, registered on first use."""
    global _rare_registered
    faces = _rare_registered
    if faces is not None:
        return faces
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_pdf_fonts()  # before the lock: it takes the same (non-reentrant) lock
    with _lock:
        if _rare_registered is None:
            loaded = []
            already = set(pdfmetrics.getRegisteredFontNames())
            for font_name, file_name in RARE_FACES:
                if font_name not in already:
                    pdfmetrics.registerFont(TTFont(font_name, str(_font_file(file_name))))
                loaded.append((font_name, pdfmetrics.getFont(font_name).face.charToGlyph))
            _rare_registered = tuple(loaded)
        return _rare_registered


def _has_glyph(char: str, char_to_glyph: Any) -> bool:
    return ord(char) in char_to_glyph or char in "\xa0\n"


_glyph_maps: dict[str, Any] = {}


def _glyph_map(font_name: str) -> Any:
    """A registered face's char-to-glyph map, looked up once per face (every paragraph of
    every form asks)."""
    found = _glyph_maps.get(font_name)
    if found is None:
        from reportlab.pdfbase import pdfmetrics

        register_pdf_fonts()
        found = _glyph_maps[font_name] = pdfmetrics.getFont(font_name).face.charToGlyph
    return found


def needs_fallback(text: str, font_name: str) -> bool:
    """Whether ``text`` has a character ``font_name`` lacks (then :func:`font_runs` cuts it)."""
    glyphs = _glyph_map(font_name)
    return not all(_has_glyph(c, glyphs) for c in set(text))


def font_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """``text`` cut into (run, reportlab font name) pieces: each character in ``font_name``
    when that face has it, else in the first fallback face that has it.

    A character no face has stays in ``font_name`` (it prints as a box: callers warn first,
    with :func:`unprintable_chars`). Texts of GBK and 通用规范汉字表 characters, nearly all of
    them, come back as one run without the fallback faces ever being read.
    """
    if not needs_fallback(text, font_name):
        return [(text, font_name)] if text else []
    main = _glyph_map(font_name)
    rare = _rare_faces()
    runs: list[tuple[str, str]] = []
    for char in text:
        face = font_name
        if not _has_glyph(char, main):
            face = next((name for name, glyphs in rare if ord(char) in glyphs), font_name)
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + char, face)
        else:
            runs.append((char, face))
    return runs


def unprintable_chars(text: str, font_name: str | None = None) -> str:
    """The distinct characters of ``text`` that no shipped face can print (not even the
    生僻字 fallback): they would come out as an empty box. For example CJK Extension G/H
    hanzi (Unicode 13 and 14), which no font in Debian covers under a free licence."""
    name = font_name or register_pdf_fonts().serif
    missing = missing_chars(text, name)
    if not missing.strip():
        return ""
    rare = _rare_faces()
    return "".join(
        c for c in missing if not c.isspace() and not any(ord(c) in glyphs for _, glyphs in rare)
    )


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ToUnicode CMap for one reportlab TrueType subset, with UTF-16BE destinations.

    reportlab (up to 5.x at least) writes ``<%04X>`` for each character, which is wrong
    for characters outside the BMP (e.g. the 通用规范汉字表 hanzi 𬌗 U+2C317): PDF text
    extraction and copy/paste would then yield a different character. UTF-16BE, as the
    PDF specification requires, gives a surrogate pair for those and is unchanged for
    every other character.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    lines += [
        f"<{code:02X}> <{chr(cp).encode('utf-16-be').hex().upper()}>"
        for code, cp in enumerate(subset)
    ]
    lines += [
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _binary_streams() -> None:
    """Page streams compressed only, not also ASCII85-encoded (reportlab's default).

    A PDF is a binary file anyway; ASCII85 makes every stream a quarter larger and, without
    reportlab's optional C accelerator (not installed here, nor in the bundle), costs about
    2 ms a page in pure Python (measured on a batch of 200 申请表, issue 20 §20)."""
    from reportlab import rl_config

    rl_config.useA85 = 0


def _fix_reportlab_tounicode() -> None:
    """Install :func:`_to_unicode_cmap` if this reportlab has the non-BMP bug."""
    from reportlab.pdfbase import ttfonts

    current = ttfonts.makeToUnicodeCMap
    if current is _to_unicode_cmap:
        return
    if "<D870DF17>" in current("X", [0x41, 0x2C317]):
        return  # fixed upstream: leave reportlab alone
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
