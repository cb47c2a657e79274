"""Run every benchmark: ``python -m bench`` (or ``./dev bench``); ``python -m bench NAME…`` for some.

Each ``bench/bench_*.py`` prints its own figures. Large data sets are generated on first use
under bench/out/ (git-ignored); nothing here is part of the test run.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    chosen = [n for n in names if not argv or any(a in n for a in argv)]
    failed = []
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as exc:  # keep going: one broken benchmark must not hide the others
            failed.append(name)
            print(f"FAILED: {exc!r}")
        print(f"({time.perf_counter() - start:.1f} s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
