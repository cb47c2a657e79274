#!/usr/bin/env python3
"""Batch printing (issue 20 §20): 200 申请表 in one call, against LibreOffice converting the
same filled forms to PDF.

    .venv/bin/python bench/bench_batch_print.py [--count 200] [--runs 3]

Builds a database (bench/out/batch-print.sqlite3, git-ignored) of ``count`` registered
cases, each with its own applicant and claims (the demo's generators, registered through
core as a clerk would), then times:

* the program, in process: :func:`core.records.documents.render_case_forms` for all of them
  into one PDF (the desk's 批量打印 and ``ipdesk-cli print … CASE_NO…`` do exactly this):
  reading each case and recomputing its result, then drawing;
* the drawing alone: :func:`core.documents.application_form.render_application_forms` over
  the filled forms already read, which is what LibreOffice is given (filled forms to PDF);
  and the 审核意见表 of the same cases drawn the same way (no LibreOffice counterpart);
* the program as one CLI process for all of them, and as one process for one form (what a
  script calling the CLI once per case pays);
* LibreOffice (``soffice --headless --convert-to pdf``, Debian's ``libreoffice-writer-nogui``)
  converting the same filled forms, written as HTML tables with the same texts, in one call
  for all of them and in one call for one. Skipped, and said so, when soffice is missing.

Prints seconds and seconds per form for each, and the ratios LibreOffice ÷ program per form:
the drawing alone (like for like), in process with the reading, and as one CLI call.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.db.database import Database, open_database  # noqa: E402
from core.documents.application_form import render_application_forms  # noqa: E402
from core.documents.fonts import register_pdf_fonts  # noqa: E402
from core.documents.model import FormCase  # noqa: E402
from core.documents.pdf import DocumentInfo  # noqa: E402
from core.documents.review_opinion import render_review_opinions  # noqa: E402
from core.money import format_yuan  # noqa: E402
from core.records.documents import form_case, render_case_forms  # noqa: E402

DB_FILE = REPO / "bench" / "out" / "batch-print.sqlite3"
TARGET_RATIO = 10.0


def build_database(path: Path, count: int) -> list[int]:
    """``count`` registered cases, one transfer or licence claim and one more item each."""
    from core import demo
    from core.records import case_model, cases, users

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    rng = random.Random(20)
    admin = users.create_first_admin(db, "admin", "管理员", "bench-Passw0rd!")
    clerk, _ = users.create_user(
        db, admin.id, "clerk", "王经办", "bench-Passw0rd!", ["clerk"], must_change_password=False
    )
    ids = []
    for n in range(count):
        name = f"重庆璧山批量{n:04d}科技有限公司"
        code = demo._credit_code(rng, "91500227")
        applicant = demo._applicant(rng, name, code, "enterprise", "small")
        day = dt.date(2023, 11, 1) + dt.timedelta(days=rng.randint(0, 180))
        items = ("transfer_in", "product_filing") if n % 2 else ("license_in", "product_filing")
        claims = [demo._claim(item, rng, day, False) for item in items]
        received = dt.date(2024, 10, 8) + dt.timedelta(days=n % 20)
        changes = cases.register_case(
            db, clerk.id, case_model.CaseForm("bishan-2024", received, applicant, claims)
        )
        assert changes.id is not None
        ids.append(changes.id)
    db.close()
    return ids


def form_html(case: FormCase) -> str:
    """The same filled 申请表 as an HTML table, for LibreOffice to lay out."""
    a = case.applicant
    cell = html.escape
    rows = [
        ("单位名称", a.name, "统一社会信用代码", a.credit_code),
        ("单位地址", a.address, "受理编号", case.case_number),
        ("经办人", a.handler, "联系电话", a.handler_phone),
        ("代理机构", a.patent_agency, "代理师", a.attorney),
        ("开户名称", a.account_name, "开户银行", a.bank),
        ("银行账号", a.account_number, "", ""),
    ]
    body = "".join(
        f"<tr><th>{cell(k1)}</th><td>{cell(v1)}</td><th>{cell(k2)}</th><td>{cell(v2)}</td></tr>"
        for k1, v1, k2, v2 in rows
    )
    claims = "".join(
        f"<tr><td>{cell(case.policy.item(c.item).name)}</td><td>{cell(c.status.value)}</td>"
        f"<td>{format_yuan(c.amount)}</td><td>{cell('；'.join(c.explanation))}</td></tr>"
        for c in case.result.claims
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{cell(case.policy.form_title)}</title>"
        "<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;"
        "padding:4px;font-family:'IPDesk Serif SC'}</style></head><body>"
        f"<h1 style='text-align:center'>{cell(case.policy.form_title)}</h1>"
        f"<table>{body}</table><h2>申请资助事项</h2><table>{claims}</table>"
        f"<p>合计：{format_yuan(case.result.total)} 元</p>"
        "<p>本申请人承诺上述信息真实、准确、有效。</p>"
        "<p>申请单位（盖章）：　　　　法定代表人（签字）：　　　　年　月　日</p>"
        "</body></html>"
    )


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "core.cli", *args], check=True, capture_output=True)


def soffice_convert(files: list[Path], out_dir: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir)]
        + [str(f) for f in files],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    missing = [f for f in files if not (out_dir / f.with_suffix(".pdf").name).exists()]
    if missing:
        raise SystemExit(f"LibreOffice made no PDF for {len(missing)} of {len(files)} forms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    # ``python -m bench`` calls main() with no arguments: the defaults, not its own argv.
    args = parser.parse_args(argv or [])
    count = args.count

    start = time.perf_counter()
    ids = build_database(DB_FILE, count)
    print(f"database: {count} registered cases in {time.perf_counter() - start:.1f} s")
    db: Database = open_database(DB_FILE)
    register_pdf_fonts()
    cases = [form_case(db, case_id) for case_id in ids]
    numbers = [c.case_number for c in cases]

    info = DocumentInfo(title=f"申请表（{count}份）")
    drawing = timed(lambda: render_application_forms(cases, info), args.runs)
    print(
        f"program, drawing the filled forms: {count} forms in {drawing:.2f} s, "
        f"{drawing / count * 1000:.1f} ms a form (median of {args.runs})"
    )
    opinions = timed(lambda: render_review_opinions(cases, info), args.runs)
    print(
        f"program, drawing the 审核意见表 of the same cases: {count} in {opinions:.2f} s, "
        f"{opinions / count * 1000:.1f} ms a form (median of {args.runs})"
    )
    in_process = timed(lambda: render_case_forms(db, ids, "application-form"), args.runs)
    print(
        f"program, in process, reading and drawing: {count} forms in {in_process:.2f} s, "
        f"{in_process / count * 1000:.1f} ms a form (median of {args.runs})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        db_arg = ["--db", str(DB_FILE), "--overwrite"]
        one_cli = timed(
            lambda: cli(
                "print", "application-form", numbers[0], "--out", str(out / "1.pdf"), *db_arg
            ),
            args.runs,
        )
        all_cli = timed(
            lambda: cli(
                "print", "application-form", *numbers, "--out", str(out / "n.pdf"), *db_arg
            ),
            1,
        )
        print(
            f"program, CLI: one form {one_cli:.2f} s a process; {count} forms in one "
            f"process {all_cli:.2f} s ({all_cli / count * 1000:.0f} ms a form)"
        )

        if shutil.which("soffice") is None:
            print("LibreOffice: soffice not installed (apt-get install libreoffice-writer-nogui)")
            return 0
        sources = []
        for n, case in enumerate(cases):
            source = out / f"form{n:04d}.html"
            source.write_text(form_html(case), encoding="utf-8")
            sources.append(source)
        lo_one = timed(lambda: soffice_convert(sources[:1], out / "lo1"), args.runs)
        lo_all = timed(lambda: soffice_convert(sources, out / "lon"), 1)
    lo_per_form = lo_all / count
    print(
        f"LibreOffice: one form {lo_one:.2f} s a call; {count} forms in one call "
        f"{lo_all:.2f} s ({lo_per_form * 1000:.0f} ms a form)"
    )
    ratio_drawing = lo_per_form / (drawing / count)
    ratio = lo_per_form / (in_process / count)
    ratio_cli = lo_per_form / (all_cli / count)
    verdict = "met" if ratio_drawing >= TARGET_RATIO else "MISSED"
    print(
        f"ratio per form, LibreOffice ÷ program: {ratio_drawing:.1f}× filled forms to PDF "
        f"(like for like; target ≥ {TARGET_RATIO:.0f}×: {verdict}), {ratio:.1f}× in process "
        f"with the reading, {ratio_cli:.1f}× as one CLI call; one form: "
        f"{lo_one / one_cli:.1f}× (LibreOffice call ÷ CLI process)"
    )
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
