#!/usr/bin/env python3
"""Build the rare-character (生僻字) fallback faces shipped in ``resources/fonts/``.

Run from the repository root::

    apt-get install fonts-hanazono                       # Debian 12: 20170904-2.1
    .venv/bin/python tools/build_rare_fonts.py           # write the two faces
    .venv/bin/python tools/build_rare_fonts.py --check   # rebuild in memory and compare

The main faces (``tools/build_fonts.py``) cover GBK and the 通用规范汉字表. Names of
companies and people still contain hanzi from CJK Extension A–F beyond those (issue 20
§19: 𠀀 U+20000 printed as an empty box). The fallback comes from the GlyphWiki
Project's Hanazono Mincho (花園明朝), which Debian packages as ``fonts-hanazono``. It is
offered under the Hanazono Font License ("unlimited permission … to use, copy, and
distribute it, with or without modification, either commercially and noncommercially")
or the OFL; we take it under the Hanazono Font License, which puts no condition on
embedding or on renaming. TrueType glyph ids stop at 65,535, so the fallback stays two
files, as upstream has it:

* ``IPDeskRareA-Regular.ttf`` from HanaMinA: CJK Extension A, the compatibility
  ideographs and their supplement (the main faces carry 77 of Extension A's 6,592);
* ``IPDeskRareB-Regular.ttf`` from HanaMinB: CJK Extensions B, C, D, E and F.

Both are renamed, so that an installed Hanazono on the PC never shadows them in Qt; their
layout tables are dropped (reportlab does not shape) and timestamps kept, so the output is
byte-for-byte reproducible. Extensions G and H (2020, 2022) are newer than Hanazono; no
font in Debian covers them whole under a licence as free, so they stay uncovered, and the
program warns at the field and on printing when a name needs one of them.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "resources" / "fonts"
HANAZONO_DIR = Path("/usr/share/fonts/truetype/hanazono")

EXT_A = range(0x3400, 0x4DC0)
COMPAT = range(0xF900, 0xFB00)
COMPAT_SUPPLEMENT = range(0x2F800, 0x2FA20)
EXT_B_TO_F = range(0x20000, 0x2EBF0)  # B, C, D, E and F are contiguous


@dataclass(frozen=True)
class RareFace:
    source: str
    file_name: str
    family: str
    ranges: tuple[range, ...]

    @property
    def ps_name(self) -> str:
        return self.file_name.removesuffix(".ttf")


FACES = (
    RareFace(
        "HanaMinA.ttf",
        "IPDeskRareA-Regular.ttf",
        "IPDesk Rare A",
        (EXT_A, COMPAT, COMPAT_SUPPLEMENT),
    ),
    RareFace("HanaMinB.ttf", "IPDeskRareB-Regular.ttf", "IPDesk Rare B", (EXT_B_TO_F,)),
)

NOTE = (
    "Modified version of {source} (GlyphWiki Project, Hanazono Font License) for IP "
    "Subsidy Desk: subset to CJK Extension A-F fallback ranges, layout tables dropped, "
    "renamed."
)
HANAZONO_LICENSE_URL = "https://glyphwiki.org/hanazono/"


def build(face: RareFace) -> bytes:
    font = TTFont(str(HANAZONO_DIR / face.source), recalcTimestamp=False)
    source_name = font["name"].getDebugName(4) or face.source
    version = (font["name"].getDebugName(5) or "").split(";", 1)[0]
    cmap = font.getBestCmap()
    wanted = [cp for r in face.ranges for cp in r if cp in cmap]
    options = Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.notdef_glyph = True
    options.glyph_names = False
    options.hinting = False
    options.recalc_timestamp = False
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)

    name: table__n_a_m_e = font["name"]
    copyright_text = font["name"].getDebugName(0) or "Copyright GlyphWiki Project."
    name.names = []
    for name_id, text in {
        0: copyright_text,
        1: face.family,
        2: "Regular",
        3: f"{version.removeprefix('Version ')};IPDESK;{face.ps_name}",
        4: face.family,
        5: f"{version}; IPDesk build of {source_name}",
        6: face.ps_name,
        10: NOTE.format(source=f"{source_name} {version}"),
        13: "Hanazono Font License: unlimited permission to use, copy and distribute, "
        "with or without modification, commercially and non-commercially.",
        14: HANAZONO_LICENSE_URL,
    }.items():
        name.setName(text, name_id, 3, 1, 0x409)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not HANAZONO_DIR.is_dir():
        print(f"{HANAZONO_DIR} missing: apt-get install fonts-hanazono", file=sys.stderr)
        return 2
    different = 0
    for face in FACES:
        data = build(face)
        target = OUT_DIR / face.file_name
        digest = hashlib.sha256(data).hexdigest()
        mapped = len(TTFont(io.BytesIO(data)).getBestCmap())
        print(f"{face.file_name}: {len(data):,} B, {mapped:,} characters, sha256 {digest}")
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                print(f"  differs from {target}")
                different += 1
        else:
            target.write_bytes(data)
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
