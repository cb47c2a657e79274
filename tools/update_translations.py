"""Refresh the zh_CN translation from the sources, then compile it.

    .venv/bin/python tools/update_translations.py          # lupdate, then lrelease
    .venv/bin/python tools/update_translations.py --check  # fail if the .ts is out of date

1. ``pyside6-lupdate`` scans every ``desktop/**/*.py`` for ``self.tr(...)``,
   ``translate(...)`` and ``QT_TRANSLATE_NOOP(...)`` and updates ``i18n/ipdesk_zh_CN.ts``,
   keeping the translations already there and dropping strings no longer used.
2. ``pyside6-lrelease`` compiles it to ``i18n/ipdesk_zh_CN.qm`` (git-ignored; the desk also
   compiles it on demand into its cache, see desktop/i18n.py).

Translate new strings in the ``.ts`` with Qt Linguist (``pyside6-linguist``) or a text
editor; tests/desktop/test_i18n.py fails while any string is unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "ipdesk_zh_CN.ts"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A PySide6 tool next to this Python (``Scripts\\name.exe`` on Windows)."""
    return shutil.which(name, path=str(BIN)) or name


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "desktop").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the .ts is current")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            shutil.copy2(TS, copy)
            lupdate(copy)
            if copy.read_text(encoding="utf-8") != TS.read_text(encoding="utf-8"):
                print(f"{TS.relative_to(ROOT)} is out of date: run tools/update_translations.py")
                return 1
        print(f"{TS.relative_to(ROOT)} is up to date")
        return 0
    lupdate(TS)
    qm = lrelease(TS)
    print(f"updated {TS.relative_to(ROOT)}; compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
