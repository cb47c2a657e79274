"""Column layout for terminal text where a hanzi takes two cells."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# Full-width ASCII (U+FF01..U+FF5E) is what a Chinese input method types when it is left in
# full-width mode (「１２」, 「４．３５％」); it maps one-to-one onto ASCII.
HALF_WIDTH: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def half_width(text: str) -> str:
    """``text`` with full-width ASCII letters, digits and signs made ordinary ASCII."""
    return text.translate(HALF_WIDTH)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most ``width`` cells (by character; Chinese has no spaces)."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in wrap(part, width)]
    lines: list[str] = []
    current = ""
    for ch in text:
        if display_width(current + ch) > width:
            lines.append(current)
            current = ch
        else:
            current += ch
    if current or not lines:
        lines.append(current)
    return lines


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    """A boxed table; cells wrap within their column widths so nothing is cut off."""
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [rule]

    def emit(cells: Sequence[str]) -> None:
        wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        for line_no in range(max(len(w) for w in wrapped)):
            parts = [
                pad(w[line_no] if line_no < len(w) else "", width)
                for w, width in zip(wrapped, widths, strict=True)
            ]
            out.append("| " + " | ".join(parts) + " |")

    emit(headers)
    out.append(rule.replace("-", "="))
    for row in rows:
        emit(row)
        out.append(rule)
    return "\n".join(out)
