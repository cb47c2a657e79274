"""The desk's shape: one door to Qt, and a start-up that loads only what login needs."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.test_architecture import imported_modules

ROOT = Path(__file__).resolve().parents[2]
QT_DOOR = ROOT / "desktop" / "qt.py"


def test_only_desktop_qt_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        if path != QT_DOOR
        for name in imported_modules(path)
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
    ]
    assert offenders == []


STARTUP_PROBE = """
import sys, time
start = time.perf_counter()
from desktop.qt import QApplication
from desktop.app import prepare_application
from desktop.controllers.login import LoginWindow
app = QApplication([])
prepare_application(app)
window = LoginWindow()
window.show()
app.processEvents()
elapsed = time.perf_counter() - start
heavy = sorted(m for m in ("sqlalchemy", "alembic", "reportlab", "openpyxl", "pypdf") if m in sys.modules)
print(f"{elapsed:.3f} {','.join(heavy)}")
"""


def test_login_window_comes_up_without_heavy_imports(tmp_path: Path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "IPDESK_CACHE_DIR": str(tmp_path / "cache"),
        "IPDESK_DATA_DIR": str(tmp_path / "data"),
        "IPDESK_LOG_DIR": str(tmp_path / "logs"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    # The first run compiles the translation into the cache; measure the second.
    for _ in range(2):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_PROBE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        wall = time.perf_counter() - start
    inside, heavy = float(out[0]), out[1] if len(out) > 1 else ""
    assert heavy == "", f"start-up imported {heavy}"
    # Target 1.0 s on the office PC; generous here so a busy CI machine does not flake.
    assert wall < 3.0, f"cold start to login window took {wall:.2f} s ({inside:.2f} s inside)"


def test_dates_cross_the_qt_border_through_one_helper() -> None:
    import re

    # A hand-written converter is how a month/day swap or a 0-based month slips in.
    by_hand = re.compile(r"QDate\(\s*\w[\w.]*\.year\b|\.year\(\),\s*\w[\w.]*\.month\(\)")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        if path != QT_DOOR
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert offenders == []


def test_date_helpers_round_trip_through_a_date_edit(qtbot: object) -> None:
    import datetime as dt

    from desktop.qt import QDateEdit, from_qdate, to_qdate

    edit = QDateEdit()
    for day in (dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2027, 9, 30)):
        edit.setDate(to_qdate(day))
        assert from_qdate(edit.date()) == day


def test_every_table_model_is_built_on_the_one_base(qtbot: object) -> None:
    import importlib
    import inspect

    from desktop.models.table_model import TableModel
    from desktop.qt import QAbstractTableModel

    outside = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        module = importlib.import_module(
            ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        )
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and value.__module__ == module.__name__
                and issubclass(value, QAbstractTableModel)
                and not issubclass(value, TableModel)
            ):
                outside.append(f"{module.__name__}.{name}")
    assert outside == []
