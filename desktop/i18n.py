"""Translations: ``i18n/ipdesk_<lang>.ts`` compiled to ``.qm`` on demand, then installed.

The ``.qm`` files are build outputs (git-ignored). A checkout therefore compiles the ``.ts``
with ``lrelease`` (shipped inside PySide6) into a cache folder the first time, and again
whenever the ``.ts`` is newer than the cached ``.qm``; this costs about 20 ms once. A
PyInstaller bundle ships a compiled ``.qm`` next to the ``.ts`` and uses it as it is.

Source strings are English; the program starts in zh_CN. Qt's own strings (standard dialog
buttons, the print dialog) come from Qt's ``qtbase_zh_CN.qm``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator, pyside_dir

DEFAULT_LANGUAGE = "zh_CN"
CACHE_ENV = "IPDESK_CACHE_DIR"
TS_STEM = "ipdesk"


class TranslationError(RuntimeError):
    """A translation could not be compiled or loaded (the message says which file)."""


def i18n_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "i18n"
    return Path(__file__).resolve().parent.parent / "i18n"


def ts_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return i18n_dir() / f"{TS_STEM}_{language}.ts"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ipdesk", appauthor=False))


def lrelease_executable() -> Path:
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return pyside_dir() / name


def compile_ts(ts: Path, qm: Path) -> Path:
    """Compile one ``.ts`` into ``qm`` with lrelease; raise TranslationError on failure."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    tool = lrelease_executable()
    if not tool.exists():
        raise TranslationError(f"lrelease not found at {tool}; cannot compile {ts}")
    # Write to a temporary name first so a reader never sees a half-written file.
    partial = qm.with_suffix(".qm.part")
    result = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.exists():
        raise TranslationError(f"lrelease failed on {ts}: {result.stderr.strip()}")
    os.replace(partial, qm)
    return qm


def qm_path(language: str = DEFAULT_LANGUAGE) -> Path | None:
    """The compiled translation for ``language`` (compiling it if needed), or None if none."""
    ts = ts_path(language)
    shipped = ts.with_suffix(".qm")
    if not ts.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    cached = cache_dir() / "i18n" / shipped.name
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        compile_ts(ts, cached)
    return cached


# Translators must outlive the application's use of them; Qt does not take ownership.
_installed: list[QTranslator] = []


def install_translators(language: str = DEFAULT_LANGUAGE) -> bool:
    """Install the desk's and Qt's translators for ``language``; False if English stays."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return False
    QLocale.setDefault(QLocale(language))
    qt_own = QTranslator()
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    path = qm_path(language)
    if path is None:
        return False
    desk = QTranslator()
    if not desk.load(str(path)):
        raise TranslationError(f"cannot load translation {path}")
    app.installTranslator(desk)
    _installed.append(desk)
    return True
