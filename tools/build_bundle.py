"""Build the one-folder bundle with PyInstaller and run its self-test (not part of the tests).

    .venv/bin/python tools/build_bundle.py            # build into dist/, then self-test
    .venv/bin/python tools/build_bundle.py --no-build # self-test an existing bundle

Prints the build time, the folder's size (and what Qt takes of it), and the self-test lines of
both programs. Exits non-zero when the build or a self-test fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import core  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="只运行已有打包目录的自检")
    args = parser.parse_args()
    bundle = ROOT / "dist" / f"{core.APP_NAME}-{core.__version__}"
    if not args.no_build:
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                str(ROOT / "build_installer.spec"),
            ],
            cwd=ROOT,
            check=True,
        )
        print(f"build: {time.perf_counter() - start:.0f} s")
    exe = ".exe" if os.name == "nt" else ""
    size = folder_size(bundle)
    qt = sum(folder_size(p) for p in bundle.rglob("PySide6") if p.is_dir())
    print(f"bundle: {bundle} — {size / 2**20:.0f} MiB (PySide6 {qt / 2**20:.0f} MiB)")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    failed = False
    for program in (f"{core.APP_NAME}-cli{exe}", f"{core.APP_NAME}{exe}"):
        start = time.perf_counter()
        done = subprocess.run(
            [str(bundle / program), "--self-test"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        took = time.perf_counter() - start
        output = (done.stdout + done.stderr).strip()
        print(f"{program} --self-test → exit {done.returncode} in {took:.1f} s: {output}")
        failed |= done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
