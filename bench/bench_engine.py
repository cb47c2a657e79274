"""The award engine on a batch of 10,000 applications (about 30,000 claims), prorated against
the programme's budget — target < 1.0 s (median of several runs).

``python -m bench engine`` (or ``python -m bench.bench_engine [--applications 10000]``).

The batch is what ``ipdesk-cli calc-batch`` is given (docs/cli.md): a BATCH document of
synthetic ``bishan-2024`` applications with valid credit codes and invention patent numbers
(bench.gen_data's helpers), gen_data's claim mix, and what makes the engine work: claims on the
same patent (best-of without stacking), prior awards toward the cumulative caps and the 36
months, claims waiting for recognition, some late or flagged applications, ineligible facts,
a few dozen banks for the ranking (some banks twice) and a requested total far over the
budget, so every application is prorated.

Timed, each the median of several runs in this process (the policy and LPR table loaded once,
as the CLI does once per process), each held to the target:

* ``calculate_batch``: the engine itself (ranking, every application, proration);
* ``calc_batch_document``: the document in, the result document out — what ``calc-batch``
  runs between reading the file and printing: besides the engine, parsing and checking every
  application (``parse_case``) and the result as JSON-shaped dicts, both also timed alone;
* for reference, the whole CLI path once: ``loads_json`` of the file text and ``json.dumps``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from bench.gen_data import INDUSTRIES, ITEMS, TRADES, credit_code, patent
from core.engine import CaseInput, calc_batch_document, calculate_batch, loads_json, parse_case
from core.engine.batching import collector_paused
from core.identifiers import patent_check_char
from core.policy import load_policy
from core.policy.lpr import load_lpr

RUNS = 5
TARGET_S = 1.0
POLICY = "bishan-2024"
T = TypeVar("T")

BANK_ITEMS = {"bank_ranking"}
SERVICE_ITEMS = {"patent_pool", "license_broker", "activity"}
# center_accepted is open to every kind but the banks; here it goes with the enterprises.
ENTERPRISE_ITEMS = [(item, w) for item, w in ITEMS if item not in BANK_ITEMS | SERVICE_ITEMS]
SERVICE_MIX = [(item, w) for item, w in ITEMS if item in SERVICE_ITEMS]
PATENT_ITEMS = ("transfer_in", "license_in", "open_license", "transform_implement", "hv_transform")
# Claims per enterprise application: mean about 3.1 (a bank files one, a service body 1–2).
CLAIM_COUNTS = [(1, 12), (2, 22), (3, 30), (4, 20), (5, 10), (6, 6)]
BANK_NAMES = ("工商", "农业", "中国", "建设", "交通", "邮储", "农商", "重庆", "三峡", "招商")
WINDOW_START = dt.date(2023, 11, 1)
WINDOW_DAYS = (dt.date(2024, 10, 31) - WINDOW_START).days


def _weighted(rng: random.Random, table: list[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _yuan(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high)}.{rng.randint(0, 99):02d}"


def _claim_date(rng: random.Random) -> str:
    if rng.random() < 0.02:  # completed before the programme's window: ineligible
        return (WINDOW_START - dt.timedelta(days=rng.randint(1, 200))).isoformat()
    return (WINDOW_START + dt.timedelta(days=rng.randint(0, WINDOW_DAYS))).isoformat()


def _patent_number(rng: random.Random) -> str:
    if rng.random() < 0.03:  # a utility model: not an invention, ineligible
        body = f"{rng.randint(2018, 2023)}2{rng.randint(0, 9999999):07d}"
        return f"{body}.{patent_check_char(body)}"
    number = patent(rng, 2024)
    return f"ZL{number}" if rng.random() < 0.5 else number


def _claim(rng: random.Random, item: str, patents: list[str]) -> dict[str, Any]:
    claim: dict[str, Any] = {"item": item, "date": _claim_date(rng)}
    if item in PATENT_ITEMS:
        # One patent claimed under two items of one application: best-of, no stacking.
        reuse = patents and rng.random() < 0.25
        number = rng.choice(patents) if reuse else _patent_number(rng)
        patents.append(number)
        claim["patent"] = number
    if item in ("transfer_in", "license_in"):
        claim["counterparty_kind"] = _weighted(
            rng, [("university", 55), ("institute", 35), ("enterprise", 7), ("individual", 3)]
        )
        claim["related_party"] = rng.random() < 0.03
    if item == "license_in":
        claim["contract_amount"] = str(rng.choice([200_000, 800_000, 3_000_000, 6_500_000]))
    if item in ("transform_implement", "hv_transform") and rng.random() < 0.7:
        claim["recognized"] = True  # otherwise pending the reviewer's recognition
    if item == "hv_transform":
        claim["acquired_by"] = _weighted(rng, [("own", 60), ("transfer", 30), ("license", 10)])
    if item == "pledge_interest":
        principal = rng.choice([1_000_000, 2_000_000, 3_000_000, 5_000_000, 10_000_000])
        rate = rng.choice(["0.0325", "0.0345", "0.0385", "0.042", "0.05"])
        months = rng.choice([6, 12, 12, 12, 24])
        term = rng.choice([12, 12, 24, 36, 60, 72])
        # No more subsidised months than the loan runs: the engine refuses that (issue 13 §4).
        months = min(months, term)
        claim |= {
            "principal": str(principal),
            "annual_rate": rate,
            "term_months": term,
            "interest_months": months,
            "interest_paid": f"{Decimal(principal) * Decimal(rate) * months / 12:.2f}",
        }
    if item == "pledge_fees":
        claim |= {
            "appraisal": _yuan(rng, 2_000, 30_000),
            "guarantee": _yuan(rng, 0, 60_000),
            "insurance": _yuan(rng, 0, 20_000),
        }
    if item == "cross_region_pledge" and rng.random() < 0.6:
        claim["approved_amount"] = str(rng.choice([20_000, 50_000, 100_000]))
    if item in ("product_filing", "product_certified"):
        claim["product"] = (
            f"{rng.choice(INDUSTRIES)}{rng.choice('ABCDEFGHKMPSTX')}{rng.randint(100, 999)}型"
        )
    if item == "patent_pool":
        claim |= {
            "pool_patents": rng.randint(20, 60),
            "smes_served": rng.randint(6, 20),
            "max_license_amount": str(rng.choice([15_000_000, 20_000_000, 30_000_000])),
        }
    if item == "license_broker":
        claim |= {
            "enterprises": rng.randint(2, 8),
            "total_license_amount": str(rng.choice([25_000_000, 35_000_000, 60_000_000])),
        }
    if item == "activity":
        claim |= {"name": rng.choice(["专利转化对接会", "入园惠企宣讲", "专利运营培训"])}
        claim["cost"] = _yuan(rng, 3_000, 40_000)
    return claim


def _received_on(rng: random.Random) -> str:
    if rng.random() < 0.02:  # after the deadline (2024-11-22): rejected as late
        return (dt.date(2024, 11, 23) + dt.timedelta(days=rng.randint(0, 20))).isoformat()
    return (dt.date(2024, 9, 2) + dt.timedelta(days=rng.randint(0, 81))).isoformat()


def batch_document(applications: int = 10_000, seed: int = 8) -> dict[str, Any]:
    """A BATCH document of ``applications`` synthetic bishan-2024 applications."""
    rng = random.Random(seed)
    banks = [(f"{name}银行重庆璧山支行", credit_code(rng)) for name in BANK_NAMES for _ in range(3)]
    apps: list[dict[str, Any]] = []
    for n in range(1, applications + 1):
        first = _weighted(rng, ITEMS)
        flags: dict[str, bool] = {}
        prior: list[dict[str, Any]] = []
        if first in BANK_ITEMS:
            name, code = rng.choice(banks)  # a bank may file twice: it ranks once
            applicant: dict[str, Any] = {"name": name, "credit_code": code, "kind": "bank"}
            claims = [
                {
                    "item": "bank_ranking",
                    "date": "2024-10-31",
                    "enterprises_served": rng.randint(1, 40),
                    "loan_total": str(rng.randint(10, 400) * 1_000_000),
                }
            ]
        elif first in SERVICE_ITEMS:
            kind = rng.choice(["association", "service_org"])
            applicant = {
                "name": f"重庆市璧山区{rng.choice(INDUSTRIES)}知识产权服务中心{n}",
                "credit_code": credit_code(rng),
                "kind": kind,
            }
            patents: list[str] = []
            claims = [_claim(rng, first, patents)]
            if rng.random() < 0.4:
                claims.append(_claim(rng, _weighted(rng, SERVICE_MIX), patents))
        else:
            applicant = {
                "name": f"重庆{''.join(rng.sample(TRADES, 2))}{rng.choice(INDUSTRIES)}有限公司{n}",
                "credit_code": credit_code(rng),
                "kind": "enterprise",
                "size": _weighted(
                    rng, [("micro", 30), ("small", 40), ("medium", 22), ("large", 8)]
                ),
            }
            if rng.random() < 0.01:
                flags[
                    rng.choice(["dishonest_debtor", "ownership_dispute", "major_accident_3y"])
                ] = True
            patents = []
            items = [first] + [
                _weighted(rng, ENTERPRISE_ITEMS) for _ in range(_weighted(rng, CLAIM_COUNTS) - 1)
            ]
            claims = [_claim(rng, item, patents) for item in items]
            if rng.random() < 0.2:  # paid in earlier years: counted toward the caps
                prior.append({"item": "transfer_in", "amount": rng.choice(["10000", "20000"])})
            if rng.random() < 0.1:
                months = rng.choice([12, 24, 30, 36])
                prior.append(
                    {"item": "pledge_interest", "amount": str(months * 3000), "months": months}
                )
        app: dict[str, Any] = {
            "id": f"璧市监专转〔2024〕第{n:05d}号",
            "received_on": _received_on(rng),
            "applicant": applicant | flags,
            "claims": claims,
        }
        if prior:
            app["prior_awards"] = prior
        if rng.random() < 0.01:
            app["intake"] = {"incomplete_materials": True}
        apps.append(app)
    return {"policy": POLICY, "applications": apps}


def _median(run: Callable[[], T], runs: int) -> tuple[float, float, T]:
    times = []
    result: T | None = None
    for _ in range(runs):
        # Free the previous run's result before the clock starts, not inside the next run.
        result = None
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), max(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    # `python -m bench` calls main() with no arguments: its own argv is not ours.
    args = parser.parse_args([] if argv is None else argv)

    t0 = time.perf_counter()
    doc = batch_document(args.applications)
    text = json.dumps(doc, ensure_ascii=False)
    n_claims = sum(len(a["claims"]) for a in doc["applications"])
    print(
        f"batch: {len(doc['applications']):,} applications, {n_claims:,} claims "
        f"({len(text) / 1e6:.1f} MB of JSON), made in {time.perf_counter() - t0:.1f} s"
    )
    policy = load_policy(POLICY)
    lpr = load_lpr()

    # The first run in the process, as the CLI makes it: regexes compiled, caches filled.
    start = time.perf_counter()
    calc_batch_document(doc, lpr)
    cold = time.perf_counter() - start
    median, worst, result = _median(lambda: calc_batch_document(doc, lpr), args.runs)
    apps = result["applications"]
    statuses: dict[str, int] = {}
    for app in apps:
        for claim in app["claims"]:
            statuses[claim["status"]] = statuses.get(claim["status"], 0) + 1
    rejected = sum(not a["accepted"] for a in apps)
    assert Decimal(result["total"]) == Decimal(result["budget"]), "prorated total ≠ budget"
    print(
        f"budget {result['budget']} yuan, requested {result['requested_total']} yuan, "
        f"ratio {result['ratio']}; {rejected:,} applications rejected; claims: "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items()))
    )

    # The parts as calc_batch_document runs them: with the cyclic collector paused.
    def parse_all() -> list[CaseInput]:
        with collector_paused():
            return [parse_case(a, policy, f"applications[{i}]") for i, a in enumerate(apps_in)]

    def to_json() -> dict[str, Any]:
        with collector_paused():
            return batch.to_json()

    apps_in = doc["applications"]
    p_median, _, cases = _median(parse_all, args.runs)
    e_median, e_worst, batch = _median(lambda: calculate_batch(cases, policy, lpr, None), args.runs)
    j_median, _, _ = _median(to_json, args.runs)

    t0 = time.perf_counter()
    out = json.dumps(calc_batch_document(loads_json(text), lpr), ensure_ascii=False, indent=2)
    cli_s = time.perf_counter() - t0

    verdict = "met" if median < TARGET_S else "MISSED"
    engine_verdict = "met" if e_median < TARGET_S else "MISSED"
    print(f"{'measure':<52}{'median':>9}{'worst':>9}")
    print(f"{'  parse and validate (parse_case ×' + str(len(cases)) + ')':<52}{p_median:>8.2f}s")
    print(
        f"{'  engine (calculate_batch: rank, calculate, prorate)':<52}{e_median:>8.2f}s{e_worst:>8.2f}s"
    )
    print(f"{'  result to JSON-shaped dicts (to_json)':<52}{j_median:>8.2f}s")
    print(f"{'calc_batch_document (document in → document out)':<52}{median:>8.2f}s{worst:>8.2f}s")
    print(f"{'  its first run in this process (cold)':<52}{cold:>8.2f}s")
    print(
        f"{'  + loads_json of the file and json.dumps (once)':<52}{cli_s:>8.2f}s"
        f"  ({len(out) / 1e6:.0f} MB of output)"
    )
    # Both readings of the target: the engine itself, and the whole document path that
    # calc-batch runs (parsing and checking every input, and the result as JSON, besides).
    print(
        f"engine batch of {len(cases):,} applications ({n_claims:,} claims), prorated: "
        f"calculate_batch median {e_median:.2f} s (worst {e_worst:.2f} s) [{engine_verdict}]; "
        f"document in → out median {median:.2f} s (worst {worst:.2f} s) [{verdict}]; "
        f"target < {TARGET_S:.1f} s, {args.runs} runs"
    )
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
