"""The command-line smoke run of issue 19: every ``ipdesk-cli`` path a counter PC relies on,
each as its own process, in a folder whose name has Chinese characters and spaces (like
``C:\\Users\\张晓燕\\…``), with a CASE file saved as Notepad does (BOM, CRLF).

Runs on any OS with the program importable: ``./dev wincheck`` runs it under Windows CPython,
and the bureau's IT can run it on the first PC (docs/installing.md):

    python tools/winsmoke.py

Prints one line per step and ``N/N 通过``; exits 1 at the first failure, showing its output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _environment(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["IPDESK_DATA_DIR"] = str(data)
    env["IPDESK_PASSWORD"] = "admin123"
    env.pop("IPDESK_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


class Smoke:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = _environment(folder / "数据")
        self.passed = 0

    def cli(self, title: str, args: Sequence[str], *, expect: int = 0, shows: str = "") -> str:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "core.cli", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            timeout=600,
        )
        out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        took = time.perf_counter() - started
        ok = done.returncode == expect and shows in out and "Traceback" not in out
        print(f"{'通过' if ok else '失败'}  {title}（{took:.1f} 秒）", flush=True)
        if not ok:
            print(f"  命令：ipdesk-cli {' '.join(args)}\n  退出码 {done.returncode}，应为 {expect}")
            print("  " + out.replace("\n", "\n  "))
            raise SystemExit(1)
        self.passed += 1
        return out

    def python(self, title: str, code: str) -> None:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=self.env, capture_output=True, timeout=600
        )
        ok = done.returncode == 0
        print(f"{'通过' if ok else '失败'}  {title}", flush=True)
        if not ok:
            print(done.stderr.decode("utf-8", "replace"))
            raise SystemExit(1)
        self.passed += 1


def run(folder: Path) -> int:
    s = Smoke(folder)
    db = str(folder / "ipdesk 数据库.sqlite3")
    backup = str(folder / "备份 U盘" / "ipdesk-备份.sqlite3")
    (folder / "备份 U盘").mkdir()
    s.cli("生成演示数据库", ["demo", "--db", db], shows="案件 30 件")
    s.cli("检查审计记录", ["audit", "verify", "--db", db], shows="审计记录完整")
    s.cli("备份到 U 盘", ["backup", backup, "--db", db], shows="已备份到")
    s.cli("核对备份链头", ["audit", "verify", "--db", db, "--against", backup], shows="延续")
    s.cli(
        "恢复备份（管理员）",
        ["restore", backup, "--db", db, "--user", "admin"],
        shows="恢复前的数据库已另存为",
    )
    s.cli("恢复后再检查", ["audit", "verify", "--db", db], shows="审计记录完整")
    s.cli(
        "打印审核意见表",
        [
            "print",
            "review-opinion",
            "璧市监专转〔2024〕第001号",
            "--db",
            db,
            "--out",
            str(folder / "审核意见〔2024〕第001号.pdf"),
        ],
    )
    s.cli(
        "打印申请表",
        [
            "print",
            "application-form",
            "璧市监专转〔2024〕第001号",
            "--db",
            db,
            "--out",
            str(folder / "申请表.pdf"),
        ],
    )
    s.cli("导出公示名单", ["export", "notice", "1", "--db", db, "--out", str(folder / "公示.pdf")])
    s.cli(
        "导出拨付清单",
        [
            "export",
            "payout",
            "1",
            "--include-paid",
            "--db",
            db,
            "--out",
            str(folder / "拨付清单.xlsx"),
        ],
    )
    s.cli("导出统计表", ["export", "statistics", "--db", db, "--out", str(folder / "统计.xlsx")])
    s.cli("生成导入模板", ["intake", "template", "--out", str(folder / "导入模板.xlsx")])
    filled = folder / "填好的导入表.xlsx"
    s.python(
        "填写导入表",
        "from core.documents.intake_import import intake_workbook\n"
        "from core.documents.samples import sample_case_document\n"
        "from core.records.statistics_source import find_policy\n"
        f"data = intake_workbook(find_policy('bishan-2024'), [sample_case_document(901, rich=False)])\n"
        f"open({str(filled)!r}, 'wb').write(data)\n",
    )
    s.cli("检查导入表", ["intake", "check", str(filled)])
    s.env["IPDESK_PASSWORD"] = "clerk123"
    s.cli("导入申请", ["import", str(filled), "--as", "clerk", "--db", db], shows="1")
    case = folder / "记事本保存的申请.json"
    document = {k: v for k, v in _sample().items() if k != "form"}
    # Notepad: a BOM, and CRLF line ends.
    case.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps(document, ensure_ascii=False, indent=2).replace("\n", "\r\n").encode("utf-8")
    )
    s.cli("测算（BOM、CRLF 的 CASE 文件）", ["calc", str(case)], shows="total")
    s.cli(
        "拒绝写到数据库文件上",
        ["intake", "template", "--out", db, "--overwrite"],
        expect=2,
        shows="数据库",
    )
    s.cli("自检", ["--self-test"])
    print(f"{s.passed}/{s.passed} 通过")
    return 0


def _sample() -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from core.documents.samples import sample_case_document

    return sample_case_document(902, rich=False)


def main() -> int:
    # As ipdesk-cli does: UTF-8 out, whatever the console's code page (cp936, cp1252).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="ipdesk 冒烟 张晓燕 ") as tmp:
        return run(Path(tmp))


if __name__ == "__main__":
    raise SystemExit(main())
