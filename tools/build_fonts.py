#!/usr/bin/env python3
"""Build the Chinese fonts shipped in ``resources/fonts/``.

Run from the repository root::

    .venv/bin/python tools/build_fonts.py            # build all faces
    .venv/bin/python tools/build_fonts.py --check    # rebuild in memory, compare with the files

Inputs are the Debian package ``fonts-noto-cjk`` (``/usr/share/fonts/opentype/noto/``,
Noto Serif CJK 2.001 and Noto Sans CJK 2.004, OFL-1.1). Debian ships them as CFF
(PostScript) outlines, which reportlab refuses, so for each face this script

1. picks the *SC* face (mainland / GB glyph shapes) out of the ``.ttc`` collection,
2. subsets it to the characters the program needs (see :func:`build_charset`: every
   character of GBK, the 8,105 hanzi of the 通用规范汉字表, and the symbol blocks used on
   official forms),
3. converts the cubic CFF outlines to quadratic TrueType (``glyf``) outlines with
   fontTools' cu2qu (max. error 1 font unit = 0.001 em),
4. renames the face (the OFL forbids modified versions to keep a Reserved Font Name;
   our faces are called "IPDesk Serif SC" and "IPDesk Sans SC"),
5. writes a standalone ``.ttf`` with fixed timestamps, so that the output is byte-for-byte
   reproducible from the same inputs and fontTools version.

See ``resources/fonts/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import fontTools
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._g_a_s_p import table__g_a_s_p
from fontTools.ttLib.tables._g_l_y_f import table__g_l_y_f
from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "resources" / "fonts"
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")

# Maximum distance (font units, 1000 per em) between the cubic source curve and its
# quadratic approximation. 2 units = 0.002 em = 0.007 mm at 10.5 pt (五号) and 0.016 mm at
# 22 pt (二号), well below a 600 dpi printer dot (0.042 mm). fontmake's default, 1 unit,
# would make the three files 1.5 MB bigger for no visible gain.
CU2QU_MAX_ERR = 2.0

VENDOR_NOTE = (
    "Modified version of {source} for IP Subsidy Desk: subset to GBK, the 通用规范汉字表 and "
    "symbols used on forms, outlines converted from CFF to TrueType, renamed. "
    "Built by tools/build_fonts.py."
)


@dataclass(frozen=True)
class Face:
    """One output font."""

    source: Path  # .ttc file in fonts-noto-cjk
    source_ps_name: str  # PostScript name of the face to take out of the collection
    source_family: str  # for the notes written into the name table
    file_name: str
    family: str
    style: str  # "Regular" or "Bold"
    ps_name: str


FACES: tuple[Face, ...] = (
    Face(
        source=NOTO_DIR / "NotoSerifCJK-Regular.ttc",
        source_ps_name="NotoSerifCJKsc-Regular",
        source_family="Noto Serif CJK SC",
        file_name="IPDeskSerifSC-Regular.ttf",
        family="IPDesk Serif SC",
        style="Regular",
        ps_name="IPDeskSerifSC-Regular",
    ),
    Face(
        source=NOTO_DIR / "NotoSerifCJK-Bold.ttc",
        source_ps_name="NotoSerifCJKsc-Bold",
        source_family="Noto Serif CJK SC",
        file_name="IPDeskSerifSC-Bold.ttf",
        family="IPDesk Serif SC",
        style="Bold",
        ps_name="IPDeskSerifSC-Bold",
    ),
    Face(
        source=NOTO_DIR / "NotoSansCJK-Regular.ttc",
        source_ps_name="NotoSansCJKsc-Regular",
        source_family="Noto Sans CJK SC",
        file_name="IPDeskSansSC-Regular.ttf",
        family="IPDesk Sans SC",
        style="Regular",
        ps_name="IPDeskSansSC-Regular",
    ),
)

# --------------------------------------------------------------------------------------
# Character set
# --------------------------------------------------------------------------------------

# Hanzi of the 通用规范汉字表 (2013, 8,105 characters) that are NOT in GBK: 80 in CJK
# Extension A / URO additions and 196 in the supplementary planes (Ext. B–F). They turn
# up in personal and company names (e.g. 䶮, 𬌗, 𬘭). Derived once from the Unihan
# database (field kTGH, Unicode 15.0, Debian package unicode-data):
#   bzcat /usr/share/unicode/Unihan_OtherMappings.txt.bz2 | awk '$2=="kTGH"{print $1}'
# minus the characters that encode in GBK. Kept here so the build needs no Unihan.
TONGYONG_NOT_IN_GBK = (
    "㑇㑊㕮㘎㙍㙘㙦㛃㛚㛹㟃㠇㠓㤘㥄㧐㧑㧟㫰㬊㬎㬚㭎㭕㮾㰀㳇㳘㳚㴔㵐㶲㸆㸌㺄㻬㽏㿠䁖䂮䃅䃎䅟䌹䎃䎖"
    "䏝䏡䏲䐃䓖䓛䓨䓫䓬䗖䗛䗪䗴䜣䝙䢺䢼䣘䥽䦃䲟䲠䲢䴓䴔䴕䴖䴗䴘䴙䶮鿍鿎鿏"
    "𠅤𠙶𠳐𡎚𡐓𣗋𣲗𣲘𣸣𤧛𤩽𤫉𥔲𥕢𥖨𥻗𦈡𦒍𦙶𦝼𦭜𦰡𧿹𨐈𨙸𨚕𨟠𨭉𨱇𨱏𨱑𨱔𨺙𩽾𩾃𩾌𪟝𪣻𪤗"
    "𪨰𪨶𪩘𪾢𫄧𫄨𫄷𫄸𫇭𫌀𫍣𫍯𫍲𫍽𫐄𫐐𫐓𫑡𫓧𫓯𫓶𫓹𫔍𫔎𫔶𫖮𫖯𫖳𫗧𫗴𫘜𫘝𫘦𫘧𫘨𫘪𫘬𫚕𫚖𫚭"
    "𫛭𫞩𫟅𫟦𫟹𫟼𫠆𫠊𫠜𫢸𫫇𫭟𫭢𫭼𫮃𫰛𫵷𫶇𫷷𫸩𬀩𬀪𬂩𬃊𬇕𬇙𬇹𬉼𬊈𬊤𬌗𬍛𬍡𬍤𬒈𬒔𬒗𬕂𬘓𬘘"
    "𬘡𬘩𬘫𬘬𬘭𬘯𬙂𬙊𬙋𬜬𬜯𬞟𬟁𬟽𬣙𬣞𬣡𬣳𬤇𬤊𬤝𬨂𬨎𬩽𬪩𬬩𬬭𬬮𬬱𬬸𬬹𬬻𬬿𬭁𬭊𬭎𬭚𬭛𬭤𬭩"
    "𬭬𬭯𬭳𬭶𬭸𬭼𬮱𬮿𬯀𬯎𬱖𬱟𬳵𬳶𬳽𬳿𬴂𬴃𬴊𬶋𬶍𬶏𬶐𬶟𬶠𬶨𬶭𬶮𬷕𬸘𬸚𬸣𬸦𬸪𬹼𬺈𬺓"
)

# Whole Unicode blocks (or parts) kept in addition to GBK. Characters the source font
# does not have are simply skipped.
EXTRA_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A (pinyin ā ē ī ō ū)"),
    (0x01CD, 0x01DC, "Latin Extended-B (pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)"),
    (0x02C6, 0x02DD, "Spacing modifier letters"),
    (0x0391, 0x03C9, "Greek"),
    (0x0401, 0x0451, "Cyrillic"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols (№ ℃ ™)"),
    (0x2150, 0x218F, "Number Forms (Ⅰ–Ⅻ)"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics (①–⑳)"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x2580, 0x259F, "Block Elements"),
    (0x25A0, 0x25FF, "Geometric Shapes (□ ■ ○ ● △)"),
    (0x2600, 0x26FF, "Miscellaneous Symbols (☐ ☑ ☒ ★)"),
    (0x2700, 0x27BF, "Dingbats (✓ ✔ ✗ ❶)"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation (〇 、 。 《 》 「 」)"),
    (0x3280, 0x3289, "Circled ideographs ㊀–㊉ (GBK has ㈠–㈩, ㊣, kana, ㎡, ㎏ already)"),
    (0xFE10, 0xFE1F, "Vertical Forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFE50, 0xFE6F, "Small Form Variants"),
    (0xFF01, 0xFFEF, "Halfwidth and Fullwidth Forms (，：；（）￥)"),
    (0xFFFD, 0xFFFD, "Replacement character"),
)


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF


def gbk_chars() -> Iterator[int]:
    """Every character that has a two-byte code in GBK (Python's ``gbk`` codec)."""
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                text = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            cp = ord(text)
            if not _is_private_use(cp):
                yield cp


def build_charset() -> list[int]:
    """Sorted list of the code points to keep in every face."""
    chars: set[int] = set(gbk_chars())
    chars.update(ord(c) for c in TONGYONG_NOT_IN_GBK)
    for first, last, _name in EXTRA_RANGES:
        chars.update(range(first, last + 1))
    return sorted(chars)


# Characters that MUST be present in every output face (checked after the build).
REQUIRED_TEXT = (
    "〇，。：；（）《》「」『』、“”‘’！？【】〔〕—…·￥×÷≥≤±№①②③④⑤⑥⑦⑧⑨⑩"
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.,:;-/()"
    "壹贰叁肆伍陆柒捌玖拾佰仟万亿元整角分璧山区专利转化运用资助申请表盖章"
)

# GBK characters that Noto CJK SC does not have (so no output face has them either).
KNOWN_ABSENT = frozenset({0x2252})  # ≒ APPROXIMATELY EQUAL TO OR THE IMAGE OF

# --------------------------------------------------------------------------------------
# Font surgery
# --------------------------------------------------------------------------------------


def find_face(collection_path: Path, ps_name: str) -> int:
    """Index of the face called ``ps_name`` inside a ``.ttc`` collection."""
    collection = TTCollection(str(collection_path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(6) == ps_name:
                return index
    finally:
        collection.close()
    raise SystemExit(f"{collection_path}: no face with PostScript name {ps_name!r}")


def subset(font: TTFont, unicodes: Iterable[int]) -> None:
    options = Options()
    options.layout_features = []  # reportlab does no shaping; the SC cmap is enough
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.notdef_glyph = True
    options.glyph_names = False
    options.hinting = False  # CFF hints mean nothing once the outlines are TrueType
    options.desubroutinize = True
    options.recalc_timestamp = False
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=list(unicodes))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by quadratic TrueType outlines (after fontTools otf2ttf)."""
    if "CFF " not in font:
        raise ValueError("expected a font with CFF outlines")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf: table__g_l_y_f = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType contours clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = tt_pen.glyph(dropImpliedOnCurves=True)
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes the bounding boxes

    # TrueType requires left side bearing == xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    font["maxp"] = maxp  # point/contour counts are recalculated on save

    post = font["post"]
    post.formatType = 3.0  # no glyph names: they would only add ~250 KB of "cidNNNNN"
    post.extraNames = []
    post.mapping = {}

    # The outlines carry no hinting: ask rasterisers for smoothing at every size.
    gasp: table__g_a_s_p = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, face: Face, source_version: str) -> None:
    """Give the modified face its own names (OFL-1.1, condition 3)."""
    name: table__n_a_m_e = font["name"]
    old = {rec.nameID: rec.toUnicode() for rec in name.names if rec.platformID == 3}
    full_name = face.family if face.style == "Regular" else f"{face.family} {face.style}"
    version = source_version.split(";", 1)[0]  # "Version 2.001"
    keep = {
        0: old.get(0, ""),  # copyright
        1: face.family,
        2: face.style,
        3: f"{version.removeprefix('Version ')};IPDESK;{face.ps_name}",
        4: full_name,
        5: f"{version}; IPDesk build of {face.source_family}",
        6: face.ps_name,
        8: old.get(8, ""),  # manufacturer
        9: old.get(9, ""),  # designers
        10: VENDOR_NOTE.format(source=f"{face.source_family} ({version})"),
        13: old.get(13, ""),  # licence description
        14: "https://openfontlicense.org",
    }
    # Drop every record (localised Chinese names, Mac names, the "Noto" trademark
    # notice, typographic family names) and write plain Windows-English ones.
    name.names = []
    for name_id, text in keep.items():
        if text:
            name.setName(text, name_id, 3, 1, 0x409)

    os2 = font["OS/2"]
    head = font["head"]
    if face.style == "Bold":
        os2.usWeightClass = 700
        os2.fsSelection = (os2.fsSelection | 0x20) & ~0x41  # BOLD, not REGULAR/ITALIC
        head.macStyle = 0x01
    else:
        os2.usWeightClass = 400
        os2.fsSelection = (os2.fsSelection | 0x40) & ~0x21  # REGULAR
        head.macStyle = 0x00


@dataclass(frozen=True)
class BuildResult:
    face: Face
    data: bytes
    glyphs: int
    mapped: int
    seconds: float


def build_face(face: Face) -> BuildResult:
    started = time.perf_counter()
    index = find_face(face.source, face.source_ps_name)
    font = TTFont(str(face.source), fontNumber=index, recalcTimestamp=False)
    source_version = font["name"].getDebugName(5) or "Version ?"
    subset(font, build_charset())
    cff_to_glyf(font)
    rename(font, face, source_version)
    # Fixed timestamps: keep the source's own dates so that rebuilds are identical.
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    data = buffer.getvalue()
    check = TTFont(io.BytesIO(data))
    verify(check, face)
    return BuildResult(
        face=face,
        data=data,
        glyphs=len(check.getGlyphOrder()),
        mapped=len(check.getBestCmap()),
        seconds=time.perf_counter() - started,
    )


def verify(font: TTFont, face: Face) -> None:
    """Fail loudly if an output face misses something the forms need."""
    problems: list[str] = []
    if "glyf" not in font or "CFF " in font:
        problems.append("outlines are not TrueType")
    if font["name"].getDebugName(6) != face.ps_name:
        problems.append("PostScript name not set")
    cmap = font.getBestCmap()
    required = (set(gbk_chars()) - KNOWN_ABSENT) | {
        ord(c) for c in TONGYONG_NOT_IN_GBK + REQUIRED_TEXT
    }
    missing = sorted(cp for cp in required if cp not in cmap)
    if missing:
        sample = "".join(chr(cp) for cp in missing[:40])
        problems.append(f"{len(missing)} required characters missing, e.g. {sample!r}")
    glyf = font["glyf"]
    for char in "〇永￥①":
        glyph = glyf[cmap[ord(char)]]
        if glyph.numberOfContours <= 0:
            problems.append(f"{char!r} has an empty outline")
    if problems:
        raise SystemExit(f"{face.file_name}: " + "; ".join(problems))


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="build in memory and compare with the files in resources/fonts (no writes)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="parallel processes (default 2)")
    parser.add_argument(
        "--only", action="append", metavar="FILE", help="build only this output file name"
    )
    args = parser.parse_args(argv)

    faces = [f for f in FACES if not args.only or f.file_name in args.only]
    for face in faces:
        if not face.source.is_file():
            raise SystemExit(f"missing {face.source}: apt-get install fonts-noto-cjk")
    print(f"fontTools {fontTools.version}, {len(build_charset())} code points requested")

    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(build_face, faces))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    mismatches = 0
    for result in results:
        target = OUT_DIR / result.face.file_name
        digest = hashlib.sha256(result.data).hexdigest()
        status = ""
        if args.check:
            same = target.is_file() and target.read_bytes() == result.data
            status = "  identical" if same else "  DIFFERS"
            mismatches += 0 if same else 1
        else:
            target.write_bytes(result.data)
        print(
            f"{result.face.file_name:28} {len(result.data):>10,} bytes  "
            f"{result.glyphs:>6,} glyphs  {result.mapped:>6,} chars  "
            f"{result.seconds:5.1f} s  sha256 {digest[:16]}{status}"
        )
    total = sum(len(r.data) for r in results)
    elapsed = time.perf_counter() - started
    print(f"total {total:,} bytes ({total / 2**20:.1f} MiB) in {elapsed:.1f} s")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
