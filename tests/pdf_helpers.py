"""Helpers for tests that look inside PDFs (pypdf only; poppler is not required).

* :func:`pdf_text` — the text of every page, as a PDF viewer would copy it;
* :func:`assert_all_fonts_embedded` — fail unless every font the PDF refers to carries
  its own glyphs (a form must print the same on a PC without Chinese fonts);
* :func:`iter_fonts` and :func:`to_unicode_map` — the building blocks, for closer looks.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

FONT_FILE_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFont:
    """A font dictionary found in a PDF, with where it was found."""

    where: str  # e.g. "page 1 /F1+0"
    font: DictionaryObject

    @property
    def base_font(self) -> str:
        return str(self.font.get("/BaseFont", "?"))

    @property
    def subtype(self) -> str:
        return str(self.font.get("/Subtype", "?"))

    def descriptor(self) -> DictionaryObject | None:
        """The FontDescriptor (of the descendant font, for a Type0 font)."""
        font = self.font
        if self.subtype == "/Type0":
            descendants = font.get("/DescendantFonts")
            if not descendants:
                return None
            font = _resolve(descendants[0])
        descriptor = font.get("/FontDescriptor")
        return None if descriptor is None else _resolve(descriptor)

    def font_file(self) -> bytes | None:
        """The embedded font program, or None if the font is not embedded."""
        descriptor = self.descriptor()
        if descriptor is None:
            return None
        for key in FONT_FILE_KEYS:
            if key in descriptor:
                stream = _resolve(descriptor[key])
                data: bytes = stream.get_data()
                return data
        return None

    def is_embedded(self) -> bool:
        if self.subtype == "/Type3":
            return True  # glyphs are drawn by content streams inside the PDF
        data = self.font_file()
        return data is not None and len(data) > 0


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def pdf_text(pdf_bytes: bytes) -> str:
    """Text of all pages (pypdf's extraction, pages separated by newlines)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def iter_fonts(pdf_bytes: bytes) -> Iterator[PdfFont]:
    """Every distinct font dictionary referenced by the PDF.

    Looks at page resources, form XObjects and tiling patterns (recursively), annotation
    appearance streams and the interactive form's default resources (/AcroForm /DR).
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    seen_fonts: set[int] = set()
    seen_resources: set[int] = set()

    def from_resources(resources: Any, where: str) -> Iterator[PdfFont]:
        resources = _resolve(resources)
        if not isinstance(resources, DictionaryObject) or id(resources) in seen_resources:
            return
        seen_resources.add(id(resources))
        fonts = _resolve(resources.get("/Font"))
        if isinstance(fonts, DictionaryObject):
            for key, ref in fonts.items():
                font = _resolve(ref)
                if id(font) not in seen_fonts:
                    seen_fonts.add(id(font))
                    yield PdfFont(f"{where} {key}", font)
        for group in ("/XObject", "/Pattern"):
            children = _resolve(resources.get(group))
            if isinstance(children, DictionaryObject):
                for key, ref in children.items():
                    child = _resolve(ref)
                    if isinstance(child, DictionaryObject) and "/Resources" in child:
                        yield from from_resources(child["/Resources"], f"{where} {key}")

    def from_appearance(appearance: Any, where: str) -> Iterator[PdfFont]:
        appearance = _resolve(appearance)
        if isinstance(appearance, StreamObject):
            if "/Resources" in appearance:
                yield from from_resources(appearance["/Resources"], where)
        elif isinstance(appearance, DictionaryObject):
            for key, state in appearance.items():
                yield from from_appearance(state, f"{where} {key}")

    for number, page in enumerate(reader.pages, start=1):
        where = f"page {number}"
        if "/Resources" in page:
            yield from from_resources(page["/Resources"], where)
        for annotation in _resolve(page.get("/Annots")) or []:
            annotation = _resolve(annotation)
            appearances = _resolve(annotation.get("/AP"))
            if isinstance(appearances, DictionaryObject):
                for kind, appearance in appearances.items():
                    yield from from_appearance(appearance, f"{where} annotation AP {kind}")
    acro_form = _resolve(reader.trailer["/Root"].get("/AcroForm"))
    if isinstance(acro_form, DictionaryObject) and "/DR" in acro_form:
        yield from from_resources(acro_form["/DR"], "AcroForm /DR")


def assert_all_fonts_embedded(pdf_bytes: bytes) -> list[str]:
    """Fail unless every font in the PDF is embedded; return the fonts' BaseFont names.

    Every font dictionary counts, used or not: reportlab's canvas selects Helvetica (not
    embedded) in each page's preamble unless it is created with
    ``initialFontName=register_pdf_fonts().serif``.
    """
    fonts = list(iter_fonts(pdf_bytes))
    missing = [f"{f.base_font} ({f.subtype}, {f.where})" for f in fonts if not f.is_embedded()]
    assert not missing, (
        "fonts not embedded: "
        + "; ".join(missing)
        + ". Use only the faces from core.documents.fonts.register_pdf_fonts(), and pass "
        "initialFontName=<one of them> to Canvas / BaseDocTemplate."
    )
    return [f.base_font for f in fonts]


_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(r"<([0-9A-Fa-f]*)>")


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be")


def to_unicode_map(font: PdfFont) -> dict[int, str]:
    """Character code -> text, from the font's ToUnicode CMap (bfchar and bfrange)."""
    stream = font.font.get("/ToUnicode")
    if stream is None:
        return {}
    cmap = _resolve(stream).get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        values = _HEX.findall(block)
        for src, dst in zip(values[0::2], values[1::2], strict=True):
            mapping[int(src, 16)] = _utf16(dst)
    for block in _BFRANGE.findall(cmap):
        for line in block.strip().splitlines():
            if "[" in line:  # <lo> <hi> [<dst> <dst> ...]
                values = _HEX.findall(line)
                lo, hi, targets = int(values[0], 16), int(values[1], 16), values[2:]
                for offset, code in enumerate(range(lo, hi + 1)):
                    mapping[code] = _utf16(targets[offset])
            else:  # <lo> <hi> <dst>, incrementing the last UTF-16 unit
                lo_hex, hi_hex, dst = _HEX.findall(line)
                start = bytes.fromhex(dst)
                for offset, code in enumerate(range(int(lo_hex, 16), int(hi_hex, 16) + 1)):
                    last = int.from_bytes(start[-2:], "big") + offset
                    mapping[code] = (start[:-2] + last.to_bytes(2, "big")).decode("utf-16-be")
    return mapping
