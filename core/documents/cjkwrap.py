"""Line breaking for Chinese text in narrow form cells.

reportlab's ``wordWrap="CJK"`` breaks after any hanzi, so a cell could end a line with an
opening bracket (``高价值专利培育（`` / ``转化）中心``) or split ``1万元`` into ``1`` and
``万元``. This module breaks lines the way a typesetter would (the usual 禁则):

* no line starts with closing punctuation (，。、；：）」 …) and none ends with an opening one;
* a run of Latin letters and digits (an amount, a phone number, a patent number) stays whole;
* a number stays on the line of the unit after it (``1万元``, ``30,000.00元``, ``2件``), and
  with the 第 before it (``第52号``);
* only what is wider than a whole line on its own is broken anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["balance_lines", "break_lines"]

# Closing punctuation must not begin a line.
# A slash joins what is on both sides of it (``元/件``).
NO_LINE_START = frozenset("，。、；：？！）】」』》〕〉’”…—%％·,.;:?!)]}'\"/")
# Opening punctuation must not end a line.
NO_LINE_END = frozenset("（【「『《〔〈‘“([{/")
# A number is not separated from the unit that follows it.
UNITS = frozenset("万亿元角分件个笔家项次月年日号份页条人")


def _atoms(text: str) -> list[str]:
    """ASCII runs (no spaces) as one atom each; every other character on its own."""
    atoms: list[str] = []
    run = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            run += ch
            continue
        if run:
            atoms.append(run)
            run = ""
        atoms.append(ch)
    if run:
        atoms.append(run)
    return atoms


def _glued(before: str, after: str) -> bool:
    if after[0] in NO_LINE_START or before[-1] in NO_LINE_END:
        return True
    if before[-1] == "第" and after[0].isdigit():
        return True  # 第52号: an ordinal is one word
    # 1万元, 30,000.00元: the units after a number belong to it.
    return after[0] in UNITS and before.rstrip("".join(UNITS))[-1:].isdigit()


def _words(text: str) -> list[str]:
    """Atoms joined where no break is allowed between them; spaces stay separate words."""
    words: list[str] = []
    for atom in _atoms(text):
        if words and not atom.isspace() and not words[-1].isspace() and _glued(words[-1], atom):
            words[-1] += atom
        else:
            words.append(atom)
    return words


def break_lines(text: str, measure: Callable[[str], float], widths: Sequence[float]) -> list[str]:
    """Split ``text`` into lines no wider than ``widths[n]`` (the last width repeats).

    ``measure`` gives the width of a string in the same unit; widths are taken to add up
    (true of reportlab's TrueType metrics, which do not kern), so each word is measured once.
    Newlines in the text are kept; spaces at the start and end of a wrapped line are dropped.
    """
    lines: list[str] = []
    cache: dict[str, float] = {}

    def width(part: str) -> float:
        value = cache.get(part)
        if value is None:
            value = cache[part] = measure(part)
        return value

    def room() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    for paragraph in text.split("\n"):
        line, used, spaces = "", 0.0, 0.0  # spaces: trailing, counted once a word follows
        for word in _words(paragraph):
            if word.isspace():
                if line:
                    line += word
                    spaces += width(word)
                continue
            needed = width(word)
            if used + spaces + needed <= room():
                line, used, spaces = line + word, used + spaces + needed, 0.0
                continue
            if line:
                lines.append(line.rstrip())
                line, used, spaces = "", 0.0, 0.0
            if needed <= room():
                line, used = word, needed
                continue
            # A word wider than a whole line is broken by character, as a last resort.
            for ch in word:
                if line and used + width(ch) > room():
                    lines.append(line)
                    line, used = "", 0.0
                line += ch
                used += width(ch)
        lines.append(line.rstrip())
    return lines


def balance_lines(text: str, measure: Callable[[str], float], room: float, count: int) -> list[str]:
    """``text`` in ``count`` lines (what :func:`break_lines` gives at ``room``) at the
    narrowest width that still gives that many: a two-line label breaks in the middle
    (``高价值专利培育`` / ``（转化）中心``) rather than leaving one character alone."""
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
