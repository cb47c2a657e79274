#!/usr/bin/env python3
"""Render a one-page A4 specimen of the shipped fonts, to look at.

    .venv/bin/python tools/render_font_sample.py [--out-dir tmp]

Writes ``font-sample.pdf`` and, if poppler's ``pdftoppm`` is installed,
``font-sample-1.png`` (110 dpi) into the output directory (default: ``tmp/`` in the
repository, which git ignores). Check on the PNG: mainland (GB) glyph shapes, 〇 present,
no empty boxes, full-width punctuation centred correctly, and that ``pdffonts`` lists only
embedded subsets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core.documents.fonts import missing_chars, register_pdf_fonts

REPO = Path(__file__).resolve().parents[1]

TITLE = "重庆市璧山区专利转化运用资助申请表"
ROWS = (
    ("申请单位（盖章）", "重庆璧山示例科技有限公司"),
    ("统一社会信用代码", "91500227MA5U7XQ12K"),
    ("专利号", "ZL202010566088.9（发明）"),
    ("资助金额（大写）", "壹万伍仟元整"),
    ("资助金额（小写）", "￥15,000.00"),
    ("申请日期", "二〇二四年十一月二十二日"),
)
PUNCTUATION = "，。：；（）《》「」『』、“”‘’！？【】〔〕〇￥×÷≥≤±—…·№℃㎡"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩ ⅠⅡⅢⅣⅤ ㈠㈡㈢ □是 ■否 √ ✓ ※ → ★ ○ ●"
# Glyphs whose mainland (GB) shape differs from the Taiwan / Japan ones.
SHAPES = "骨 直 真 今 令 角 没 写 周 户 这 值 过 辶 亮 黄 敢 免 强 着"
RARE = "通用规范汉字表（GBK 之外）：䶮 㛃 𬌗 𬘭 𫓧 𬭚 鿍"
LATIN = "ABCDEFGHIJKLM nopqrstuvwxyz 0123456789 ¥ € % @ & # ā á ǎ à ü"


def render(path: Path) -> None:
    names = register_pdf_fonts()
    width, height = A4
    c = Canvas(str(path), pagesize=A4, initialFontName=names.serif)
    c.setTitle("IPDesk font specimen")
    left, right = 25 * mm, width - 25 * mm

    c.setFont(names.serif_bold, 20)
    c.drawCentredString(width / 2, height - 30 * mm, TITLE)
    c.setFont(names.serif, 10.5)
    c.drawCentredString(width / 2, height - 38 * mm, "（本页用于检查字体：宋体、粗宋、黑体）")

    c.setFont(names.sans, 14)
    c.drawString(left, height - 50 * mm, "一、申请单位基本情况")

    # A simple ruled table in the Song face.
    top = height - 55 * mm
    row_h = 9 * mm
    split = left + 45 * mm
    c.setLineWidth(0.8)
    c.rect(left, top - row_h * len(ROWS), right - left, row_h * len(ROWS))
    c.line(split, top, split, top - row_h * len(ROWS))
    for i, (label, value) in enumerate(ROWS):
        y = top - row_h * (i + 1)
        if i:
            c.line(left, y + row_h, right, y + row_h)
        c.setFont(names.sans, 11)
        c.drawString(left + 3 * mm, y + 3 * mm, label)
        c.setFont(names.serif, 12)
        c.drawString(split + 3 * mm, y + 3 * mm, value)

    y = top - row_h * len(ROWS) - 12 * mm
    for font_name, label in (
        (names.serif, "宋体 IPDesk Serif SC"),
        (names.serif_bold, "粗宋 IPDesk Serif SC Bold"),
        (names.sans, "黑体 IPDesk Sans SC"),
    ):
        c.setFont(names.sans, 9)
        c.drawString(left, y, f"{label}（{font_name}）")
        y -= 6.5 * mm
        for line in (TITLE, PUNCTUATION, CIRCLED, SHAPES, RARE, LATIN):
            c.setFont(font_name, 13)
            c.drawString(left, y, line)
            y -= 6.5 * mm
        y -= 2 * mm

    c.setFont(names.serif, 12)
    c.drawRightString(right, 28 * mm, "（盖章）")
    c.drawRightString(right, 20 * mm, "二〇二四年十一月二十二日")
    c.showPage()
    c.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--out-dir", type=Path, default=REPO / "tmp")
    args = parser.parse_args()
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / "font-sample.pdf"
    render(pdf)
    names = register_pdf_fonts()
    text = TITLE + PUNCTUATION + CIRCLED + SHAPES + RARE + LATIN + "".join(map("".join, ROWS))
    for font_name in (names.serif, names.serif_bold, names.sans):
        missing = missing_chars(text.replace(" ", ""), font_name)
        print(f"{font_name}: " + (f"NO GLYPH for {missing!r}" if missing else "all glyphs present"))
    print(f"{pdf} ({pdf.stat().st_size:,} bytes)")
    if shutil.which("pdffonts"):
        subprocess.run(["pdffonts", str(pdf)], check=True)
    if shutil.which("pdftoppm"):
        stem = out_dir / "font-sample"
        subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(stem)], check=True)
        print(f"{stem}-1.png")
    else:
        print("pdftoppm not found (apt-get install poppler-utils): PNG not written")


if __name__ == "__main__":
    main()
