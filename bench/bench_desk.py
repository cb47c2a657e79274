"""The desk as a clerk meets it, each figure from a fresh process (offscreen):

* ``ipdesk`` cold start: from launching the interpreter to the login window shown, and to the
  database opened behind it (the log-in button usable) — target < 1.0 s;
* log-in to the case list on 100,000 cases: the password checked, the main window built and
  the first page of this year's cases painted — target < 1.0 s;
* peak memory of the desk with 100,000 cases open, after browsing every year, jumping to the
  last row and searching — target < 300 MB (the process's maximum resident set);
* the size of the 100,000-case database file (recorded).

``python -m bench desk``. Each figure is the median of several runs; every run is a new
process, so the imports, the font loading and the translation load are all counted. The
database is bench.gen_data's (generated under bench/out/ on first use); a copy with a real
password for the clerk is made next to it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
START_TARGET_MS = 1000.0
LOGIN_TARGET_MS = 1000.0
MEMORY_TARGET_MB = 300.0
PASSWORD = "bench-2024"
PROBE_TIMEOUT_S = 300

# Each probe runs the real entry points in a child process and prints one number.
START_PROBE = r"""
import sys, time
launched = float(sys.argv[1])
from desktop.qt import QApplication, QTimer
from desktop.controllers import startup

shown = {}
original_start, original_found = startup.StartupController.start, startup.StartupController._found

def start(self):
    original_start(self)
    QApplication.processEvents()  # the window painted
    shown["window"] = time.time()

def found(self, result):
    original_found(self, result)
    QApplication.processEvents()
    shown["ready"] = time.time()
    print(f"{(shown['window'] - launched) * 1000:.1f} {(shown['ready'] - launched) * 1000:.1f}")
    QTimer.singleShot(0, QApplication.quit)

startup.StartupController.start = start
startup.StartupController._found = found
from desktop.app import main
sys.exit(main(["--db", sys.argv[2]]))
"""

LOGIN_PROBE = r"""
import sys, time
from pathlib import Path
from desktop.qt import QApplication, QEventLoop
app = QApplication([])
from desktop.app import prepare_application
prepare_application(app)
from core.db.database import open_database
from core.records.users import login
from desktop.context import DeskContext
from desktop.controllers.main_window import MainWindow
from desktop.programme import current_policy
db = open_database(Path(sys.argv[1]))
policy = current_policy(db)
start = time.perf_counter()
user = login(db, "clerk", sys.argv[2])
window = MainWindow(DeskContext(db, user, policy))
window.resize(1280, 800)
window.show()
app.processEvents()
case_list = window.area_widget("intake")
model = case_list.model
while model.pending:  # the first page is read on a worker; wait until it is shown
    time.sleep(0.002)
    app.processEvents()
app.processEvents()
took = (time.perf_counter() - start) * 1000
assert model.rowCount() > 0, "no rows shown"
print(f"{took:.1f} {model.total}")
"""

MEMORY_PROBE = r"""
import resource, sys, time
from pathlib import Path
from desktop.qt import QApplication, QEventLoop
app = QApplication([])
from desktop.app import prepare_application
prepare_application(app)
from core.db.database import open_database
from core.records.users import login
from desktop.context import DeskContext
from desktop.controllers.main_window import MainWindow
from desktop.programme import current_policy
db = open_database(Path(sys.argv[1]))
window = MainWindow(DeskContext(db, login(db, "clerk", sys.argv[2]), current_policy(db)))
window.resize(1280, 800)
window.show()
app.processEvents()
widget = window.area_widget("intake")
model = widget.model

def settle():
    # Poll rather than wait for ``refreshed``: a read made stale by a newer one never emits
    # it, and waiting for it would hang (a year change already asks for its own read).
    while model.pending:
        time.sleep(0.002)
        app.processEvents()
    app.processEvents()

settle()
for index in range(widget.year_filter.count()):  # every year, all years last (index 0)
    widget.year_filter.setCurrentIndex(widget.year_filter.count() - 1 - index)
    settle()
    for _ in range(20):  # page down through the first screens
        widget.table.verticalScrollBar().setValue(widget.table.verticalScrollBar().value() + 40)
        app.processEvents()
    widget.table.scrollToBottom()
    app.processEvents()
for text in ("重庆", "9150", "2024", "ZL20"):
    widget.search.setText(text)
    widget.apply_filters()
    settle()
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{peak_kb / 1024:.1f} {model.total}")
"""


def run_probe(code: str, *args: str) -> list[str]:
    # Each probe is a first start: its own empty settings and data folder. The desk
    # remembers the case list's filters, so a probe started on the settings a previous one
    # left (all years instead of this year) measured another desk.
    with tempfile.TemporaryDirectory(prefix="ipdesk-bench-") as home:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            PYTHONDONTWRITEBYTECODE="0",
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            IPDESK_DATA_DIR=str(Path(home) / "data"),
        )
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
            timeout=PROBE_TIMEOUT_S,  # a hung probe fails the benchmark instead of blocking it
        )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    return lines[-1].split()


def bench_database() -> Path:
    """bench.gen_data's 100,000 cases, copied once, with a real password for the clerk."""
    from bench.gen_data import ensure
    from core.db.database import open_database
    from core.records.users import PasswordHasher

    source = ensure()
    copy = source.with_name("desk.sqlite3")
    if not copy.exists() or copy.stat().st_mtime < source.stat().st_mtime:
        open_database(source).close()  # upgrade the generated file if the schema moved on
        shutil.copyfile(source, copy)
        conn = sqlite3.connect(copy)
        with conn:
            conn.execute(
                "UPDATE users SET password_hash = ? WHERE username = 'clerk'",
                (PasswordHasher().hash(PASSWORD),),
            )
        conn.close()
    return copy


def main() -> None:
    db = bench_database()
    size_mb = sum(
        Path(str(db) + suffix).stat().st_size
        for suffix in ("", "-wal")
        if Path(str(db) + suffix).exists()
    ) / (1024 * 1024)

    # Warm the disk cache once so the first run is not an outlier of the file system.
    run_probe(START_PROBE, str(time.time()), str(db))
    window, ready = [], []
    for _ in range(RUNS):
        shown = run_probe(START_PROBE, str(time.time()), str(db))
        window.append(float(shown[0]))
        ready.append(float(shown[1]))

    login_ms, total = [], 0
    for _ in range(RUNS):
        took, count = run_probe(LOGIN_PROBE, str(db), PASSWORD)
        login_ms.append(float(took))
        total = int(count)

    peaks = [float(run_probe(MEMORY_PROBE, str(db), PASSWORD)[0]) for _ in range(3)]

    rows = [
        (
            "ipdesk cold start → login window",
            statistics.median(window),
            max(window),
            START_TARGET_MS,
            "ms",
        ),
        (
            "ipdesk cold start → database open, log-in usable",
            statistics.median(ready),
            max(ready),
            START_TARGET_MS,
            "ms",
        ),
        (
            f"log-in → case list painted ({total:,} cases this year)",
            statistics.median(login_ms),
            max(login_ms),
            LOGIN_TARGET_MS,
            "ms",
        ),
        (
            "peak memory, desk with 100,000 cases browsed",
            statistics.median(peaks),
            max(peaks),
            MEMORY_TARGET_MB,
            "MB",
        ),
    ]
    print(f"database: {db} ({size_mb:.1f} MB for 100,000 cases)")
    print(f"{'measure':<56} {'median':>10} {'worst':>10} {'target':>9}")
    for label, median, worst, target, unit in rows:
        flag = "ok" if median <= target else "MISSED"
        print(f"{label:<56} {median:8.1f}{unit} {worst:8.1f}{unit} {target:7.0f}{unit}  {flag}")


if __name__ == "__main__":
    main()
