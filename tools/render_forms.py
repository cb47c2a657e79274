#!/usr/bin/env python3
"""Render every printed form to PDF and PNG, to look at them as a person would.

    .venv/bin/python tools/render_forms.py OUT_DIR [--case CASE.json]

Without ``--case`` it prints the made-up cases of :mod:`core.documents.samples`: the dense
six-claim case, a one-claim case, a case with very long names, a rejected one, and a
60-entry 公示名单. Each PDF is turned into one PNG per page with ``pdftoppm -r 110 -png``
(poppler-utils), named ``<form>-<page>.png``.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.documents import notices  # noqa: E402
from core.documents.application_form import render_application_form  # noqa: E402
from core.documents.model import FormCase, form_case_from_case_document  # noqa: E402
from core.documents.notice_list import render_notice_list  # noqa: E402
from core.documents.review_opinion import render_review_opinion  # noqa: E402
from core.documents.samples import notice_list_sample, sample_case_document  # noqa: E402
from core.engine import loads_json  # noqa: E402
from core.policy import load_policy  # noqa: E402

FORMS = {
    "application-form": render_application_form,
    "review-opinion": render_review_opinion,
    "receipt": notices.render_receipt,
    "correction": notices.render_correction_notice,
    "rejection": notices.render_rejection_notice,
}


def _long_names() -> dict[str, Any]:
    doc = sample_case_document(7)
    long_name = "重庆璧山" + "高端智能装备与新材料协同创新" * 4 + "研究院有限责任公司"
    doc["applicant"]["name"] = long_name
    doc["form"]["address"] = "重庆市璧山区" + "璧泉街道东林大道" * 6 + "1号"
    doc["form"]["bank"] = "中国农业银行股份有限公司重庆璧山支行营业部（对公业务）"
    doc["form"]["account_name"] = long_name
    doc["form"]["patent_agency"] = "重庆市某某某某知识产权代理事务所（特殊普通合伙）璧山分所"
    return doc


def _late() -> dict[str, Any]:
    doc = sample_case_document(9, rich=False)
    doc["received_on"] = "2024-11-25"
    doc["form"]["rejection_grounds"] = ["late"]
    return doc


def samples() -> dict[str, dict[str, Any]]:
    return {
        "dense": sample_case_document(1),
        "simple": sample_case_document(2, rich=False),
        "long-names": _long_names(),
        "late": _late(),
    }


def to_png(pdf: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found: install poppler-utils")
    prefix = pdf.with_suffix("")
    for old in pdf.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def render_case(case: FormCase, out: Path, name: str) -> list[Path]:
    written = []
    for form, render in FORMS.items():
        pdf = out / f"{name}-{form}.pdf"
        pdf.write_bytes(render(case))
        written += [pdf, *to_png(pdf)]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PDFs and PNGs")
    parser.add_argument("--case", type=Path, help="a CASE.json (with optional form extras)")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.case:
        docs = {args.case.stem: loads_json(args.case.read_text("utf-8-sig"))}
    else:
        docs = samples()
    written: list[Path] = []
    for name, doc in docs.items():
        written += render_case(form_case_from_case_document(copy.deepcopy(doc)), out, name)
    if not args.case:
        pdf = out / "notice-list.pdf"
        pdf.write_bytes(render_notice_list(notice_list_sample(load_policy("bishan-2024"))))
        written += [pdf, *to_png(pdf)]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
