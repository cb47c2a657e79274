"""The UI font: the program's own Hei face, so a PC without Chinese fonts still shows hanzi."""

from __future__ import annotations

import logging

from desktop.qt import QApplication, QFont, QFontDatabase

log = logging.getLogger(__name__)

# Counter PCs are often set to 96 dpi with the default 9 pt; hanzi below 10 pt are hard to
# read at arm's length, which is how a clerk sits with the applicant across the counter.
MIN_POINT_SIZE = 10.0


def load_ui_fonts(app: QApplication) -> str | None:
    """Register the shipped faces and make the Hei face the application font.

    Returns the family in use, or None when the files could not be loaded (the system font
    then stays; the program still works where Windows has Chinese fonts).
    """
    from core.documents.fonts import RARE_FAMILIES, UI_FONT_FAMILY, rare_font_files, ui_font_files

    try:
        files = ui_font_files()
    except FileNotFoundError as exc:
        log.warning("UI fonts missing: %s", exc)
        return None
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt refused font file %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    family = UI_FONT_FAMILY if UI_FONT_FAMILY in families else (families[0] if families else None)
    if family is None:
        return None
    fallbacks = []
    try:
        rare = rare_font_files()
    except FileNotFoundError as exc:
        log.warning("生僻字 fallback fonts missing: %s", exc)
        rare = []
    for path in rare:
        font_id = QFontDatabase.addApplicationFont(str(path))
        fallbacks += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(family)
    # Qt falls back to these, in order, for a 生僻字 the UI face lacks (issue 20 §19); on a
    # PC without them Qt's own system fallback still applies.
    font.setFamilies([family, *[f for f in RARE_FAMILIES if f in fallbacks]])
    font.setPointSizeF(max(app.font().pointSizeF(), MIN_POINT_SIZE))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return family
