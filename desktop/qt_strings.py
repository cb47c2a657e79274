"""Qt's own strings that Qt's Chinese translation (qtbase_zh_CN) lacks in this Qt version,
translated in the desk's ``.ts`` under Qt's context (issue 20 §8: the file dialog showed
「Look in:」 and 「Files of type:」). The desk's translator is installed after Qt's, so these
take precedence. ``tests/desktop/test_i18n.py`` opens the dialog and checks its labels."""

from __future__ import annotations

from desktop.qt import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
