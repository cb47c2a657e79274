#!/usr/bin/env python3
"""How fast the printed forms render: target under 100 ms a form, averaged over a batch of 200.

    .venv/bin/python bench/bench_documents.py [--count 200]

Fonts are registered once, before the clock starts (the program does it once per process);
that one-off cost is printed separately. Each batch renders ``count`` different cases (the
dense six-claim sample with its case number changed), so nothing is cached between forms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.documents import notices  # noqa: E402
from core.documents.application_form import render_application_form  # noqa: E402
from core.documents.fonts import register_pdf_fonts  # noqa: E402
from core.documents.model import FormCase, form_case_from_case_document  # noqa: E402
from core.documents.notice_list import render_notice_list  # noqa: E402
from core.documents.review_opinion import render_review_opinion  # noqa: E402
from core.documents.samples import notice_list_sample, sample_case_document  # noqa: E402
from core.policy import load_policy  # noqa: E402

TARGET_MS = 100.0


def batch(render: Callable[[FormCase], bytes], cases: list[FormCase]) -> tuple[float, list[float]]:
    times: list[float] = []
    start = time.perf_counter()
    for case in cases:
        t0 = time.perf_counter()
        data = render(case)
        times.append((time.perf_counter() - t0) * 1000)
        assert data.startswith(b"%PDF")
    return (time.perf_counter() - start), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    register_pdf_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - t0) * 1000:.0f} ms")
    cases = [
        form_case_from_case_document(sample_case_document(n)) for n in range(1, args.count + 1)
    ]

    worst = 0.0
    for name, render in (
        ("申请表 application-form", render_application_form),
        ("审核意见 review-opinion", render_review_opinion),
        ("受理回执 receipt", notices.render_receipt),
        ("补正通知书 correction", notices.render_correction_notice),
        ("不予受理通知书 rejection", notices.render_rejection_notice),
    ):
        total, times = batch(render, cases)
        mean = statistics.fmean(times)
        worst = max(worst, mean)
        p95 = sorted(times)[int(len(times) * 0.95) - 1]
        print(
            f"{name:<28} {len(cases)} forms in {total:6.2f} s: mean {mean:5.1f} ms, "
            f"median {statistics.median(times):5.1f} ms, p95 {p95:5.1f} ms"
        )

    policy = load_policy("bishan-2024")
    notice = notice_list_sample(policy, entries=200)
    t0 = time.perf_counter()
    data = render_notice_list(notice)
    print(
        f"{'公示名单 notice-list':<28} 200 entries in {(time.perf_counter() - t0) * 1000:.0f} ms "
        f"({len(data) // 1024} KB)"
    )
    verdict = "OK" if worst < TARGET_MS else "TOO SLOW"
    print(f"slowest form type: mean {worst:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
