"""``--self-test``: prove on the target PC that the installed program can do its work.

Run from the built folder (``ipdesk-cli --self-test``; the desk adds its window check to the
same steps in ``ipdesk --self-test``). Each step is timed; the result is one line.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from core.documents.model import form_case_from_case_document
from core.engine import calc_case_document
from core.paths import DATA_ENV

SAMPLE_CASE = {
    "policy": "bishan-2024",
    "received_on": "2024-11-10",
    "applicant": {
        "name": "自检示例科技有限公司",
        "credit_code": "91500227MA5U00000B",
        "kind": "enterprise",
        "size": "small",
    },
    "claims": [
        {
            "item": "license_in",
            "date": "2024-03-15",
            "patent": "ZL201710601862.3",
            "counterparty_kind": "university",
            "related_party": False,
            "contract_amount": "3000000",
        },
        {"item": "product_certified", "date": "2024-06-01", "product": "〇型密封圈"},
    ],
}
EXPECTED_TOTAL = Decimal("11500.00")  # 5,000 + 3,000,000 × 0.05% + 5,000 (附件1)


@dataclass
class SelfTest:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def step(self, name: str, check: Callable[[], str]) -> None:
        start = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # every failure is reported, never a traceback
            self.failed.append(f"{name}失败：{exc}")
            return
        took = time.perf_counter() - start
        self.passed.append(f"{name}{'（' + detail + '）' if detail else ''} {took:.2f}s")

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        if self.ok:
            return "自检通过：" + "；".join(self.passed)
        return (
            "自检未通过："
            + "；".join(self.failed)
            + ("。已通过：" + "；".join(self.passed) if self.passed else "")
        )


def check_database(folder: Path) -> str:
    from core.db.database import open_database
    from core.db.migrate import current_revision, head_revision

    db = open_database(folder / "selftest.sqlite3")
    try:
        revision = current_revision(db)
        if revision != head_revision():
            raise RuntimeError(f"迁移后版本为 {revision}，应为 {head_revision()}")
        with db.read() as session:
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
        if str(mode).lower() != "wal":
            raise RuntimeError(f"日志模式为 {mode}，应为 WAL")
        return f"迁移至 {revision}"
    finally:
        db.close()


def check_backup_round_trip(folder: Path) -> str:
    """Backup then restore, as on the counter PC: on Windows this is where a POSIX-only call
    failed every time (``os.fsync`` on a read-only handle, issue 19)."""

    # The anchors of this throwaway database stay in the temporary folder, not in the
    # user's anchor log.
    previous = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(folder / "data")
    try:
        return _round_trip(folder)
    finally:
        if previous is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = previous


def _round_trip(folder: Path) -> str:
    from core.db.audit import verify_chain
    from core.db.backup import backup_database, restore_database
    from core.db.database import open_database

    live = folder / "selftest.sqlite3"
    copy = folder / "备份" / "selftest-备份.sqlite3"
    copy.parent.mkdir()
    db = open_database(live)
    try:
        backup_database(db, copy, actor_name="自检")
    finally:
        db.close()
    result = restore_database(live, copy, actor_name="自检")
    if not result.report.ok or result.safety_copy is None or not result.safety_copy.exists():
        raise RuntimeError("恢复后没有留下安全副本")
    db = open_database(live)
    try:
        with db.read() as session:
            report = verify_chain(session)
    finally:
        db.close()
    if not report.ok:
        raise RuntimeError(f"恢复后审计记录不完整：{report.message}")
    return f"备份 {copy.stat().st_size // 1024} KB，恢复后审计 {report.count} 条完整"


def check_engine() -> str:

    result = calc_case_document(SAMPLE_CASE)
    if Decimal(result["total"]) != EXPECTED_TOTAL:
        raise RuntimeError(f"示例测算合计 {result['total']}，应为 {EXPECTED_TOTAL}")
    return f"合计{result['total']}元"


def check_pdf(folder: Path) -> str:
    from core.documents.application_form import render_application_form

    pdf = render_application_form(form_case_from_case_document(SAMPLE_CASE))
    (folder / "selftest.pdf").write_bytes(pdf)
    fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf)
    if not fonts:
        raise RuntimeError("申请表中没有字体")
    # Subset-embedded faces carry a six-letter tag ("ABCDEF+Name"); any other is not embedded.
    loose = sorted({f.decode() for f in fonts if not re.match(rb"[A-Z]{6}\+", f)})
    if loose:
        raise RuntimeError(f"字体未嵌入：{'、'.join(loose)}")
    if b"/FontFile2" not in pdf:
        raise RuntimeError("申请表未嵌入 TrueType 字体")
    return f"{len(pdf) // 1024} KB，字体已嵌入"


def run_self_test(extra: Callable[[SelfTest], None] | None = None) -> SelfTest:
    """Temporary database migrated, backed up and restored, a sample case computed, the 申请表
    rendered; ``extra`` adds
    the desk's own checks (its window opens offscreen and closes)."""
    report = SelfTest()
    with tempfile.TemporaryDirectory(prefix="ipdesk-selftest-") as tmp:
        folder = Path(tmp)
        report.step("数据库", lambda: check_database(folder))
        report.step("备份与恢复", lambda: check_backup_round_trip(folder))
        report.step("测算", check_engine)
        report.step("申请表PDF", lambda: check_pdf(folder))
        if extra is not None:
            extra(report)
    return report
