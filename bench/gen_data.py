"""A synthetic case database for the list and search benchmarks.

``python -m bench.gen_data [--cases 100000] [--applicants 20000] [--out bench/out/cases.sqlite3]``

The schema is made by the real migrations (``open_database``); rows go in with plain
``executemany`` in one transaction, which is what makes 100,000 applications take seconds
rather than minutes. Applicants have valid credit codes, claims valid invention patent numbers,
over five programme years (2020–2024) with realistic item mixes and status spreads. Only
``bishan-2024`` has a policy file: the other years are there for the queries, not for the engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import time
from pathlib import Path

from core.db.database import open_database
from core.identifiers import CREDIT_CODE_ALPHABET, credit_code_check_char, patent_check_char

DEFAULT_OUT = Path(__file__).parent / "out" / "cases.sqlite3"
YEARS = (2020, 2021, 2022, 2023, 2024)
ITEMS = [
    ("transfer_in", 30),
    ("license_in", 25),
    ("open_license", 6),
    ("transform_implement", 8),
    ("pledge_interest", 10),
    ("pledge_fees", 8),
    ("cross_region_pledge", 2),
    ("bank_ranking", 1),
    ("product_filing", 18),
    ("product_certified", 8),
    ("center_accepted", 2),
    ("hv_transform", 5),
    ("patent_pool", 1),
    ("license_broker", 1),
    ("activity", 3),
]
# Older years are settled; the current one is spread over the whole workflow.
OLD_STATUSES = [("paid", 70), ("refused", 8), ("rejected_at_intake", 12), ("cleared", 2)]
CURRENT_STATUSES = [
    ("registered", 10),
    ("correction_requested", 6),
    ("accepted", 10),
    ("rejected_at_intake", 5),
    ("clerk_reviewed", 8),
    ("awaiting_supervisor", 10),
    ("returned", 3),
    ("approved", 8),
    ("refused", 4),
    ("decided", 6),
    ("on_notice", 8),
    ("objection", 1),
    ("cleared", 6),
    ("paid", 15),
]
PATENT_ITEMS = {"transfer_in", "license_in", "open_license", "transform_implement", "hv_transform"}
PRODUCT_ITEMS = {"product_filing", "product_certified"}
TRADES = "青杠来凤璧泉丁家大路河边正兴广普三合福禄健龙七塘八塘大兴璧城金剑凤凰秀湖东林云雾白羊双星恒通瑞丰宏达鑫源华康博远智联"
INDUSTRIES = [
    "智能装备",
    "汽车零部件",
    "精密模具",
    "电子信息",
    "生物医药",
    "新材料",
    "数控机床",
    "环保设备",
    "汽车电子",
    "食品机械",
    "光电显示",
    "工业机器人",
    "新能源",
    "软件",
]


def _weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def credit_code(rng: random.Random) -> str:
    body = "91500227" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_char(body)


def patent(rng: random.Random, year: int) -> str:
    body = f"{rng.randint(year - 6, year - 1)}1{rng.randint(0, 9999999):07d}"
    return f"{body}.{patent_check_char(body)}"


def generate(out: Path, cases: int, applicants: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = open_database(out)
    db.close()
    now = dt.datetime(2024, 11, 1, 2, 0).isoformat(sep=" ")
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        conn.executemany(
            "INSERT INTO users (id, username, display_name, password_hash, roles, active,"
            " must_change_password, failed_logins, created_at, updated_at, version)"
            " VALUES (?, ?, ?, 'x', ?, 1, 0, 0, ?, ?, 1)",
            [
                (1, "clerk", "张晓燕", "clerk", now, now),
                (2, "clerk2", "陈静", "clerk", now, now),
                (3, "supervisor", "李建国", "supervisor", now, now),
            ],
        )
        codes: set[str] = set()
        rows = []
        for i in range(1, applicants + 1):
            code = credit_code(rng)
            while code in codes:
                code = credit_code(rng)
            codes.add(code)
            name = f"重庆{''.join(rng.sample(TRADES, 2))}{rng.choice(INDUSTRIES)}有限公司{i}"
            rows.append(
                (i, code, name, rng.choice(["micro", "small", "small", "medium"]), now, now)
            )
        conn.executemany(
            "INSERT INTO applicants (id, credit_code, name, kind, size, address, handler,"
            " handler_phone, patent_agency, patent_attorney, attorney_phone, account_name, bank,"
            " account_number, dishonest_debtor, dishonest_debtor_note, dishonest_debtor_source,"
            " ownership_dispute, ownership_dispute_note, ownership_dispute_source,"
            " major_accident_3y, major_accident_3y_note, major_accident_3y_source, created_at,"
            " updated_at, version) VALUES (?, ?, ?, 'enterprise', ?, '', '', '', '', '', '', '',"
            " '', '', 0, '', '', 0, '', '', 0, '', '', ?, ?, 1)",
            rows,
        )
        names = {r[0]: r[2] for r in rows}
        bits = {code: n for n, (code, _) in enumerate(ITEMS)}
        conn.executemany("INSERT INTO item_codes (code, bit) VALUES (?, ?)", bits.items())
        apps = []
        claims = []
        claim_id = 0
        per_year = cases // len(YEARS)
        app_id = 0
        for year in YEARS:
            count = per_year if year != YEARS[-1] else cases - per_year * (len(YEARS) - 1)
            statuses = CURRENT_STATUSES if year == YEARS[-1] else OLD_STATUSES
            for seq in range(1, count + 1):
                app_id += 1
                applicant = rng.randint(1, applicants)
                status = _weighted(rng, statuses)
                received = dt.date(year, 3, 1) + dt.timedelta(days=rng.randint(0, 260))
                n_claims = rng.choices([1, 2, 3], weights=[65, 28, 7])[0]
                total = 0
                mask = 0
                for position in range(n_claims):
                    claim_id += 1
                    item = _weighted(rng, ITEMS)
                    mask |= 1 << bits[item]
                    facts: dict[str, object] = {}
                    pat = prod = None
                    if item in PATENT_ITEMS:
                        pat = patent(rng, year)
                        facts["patent"] = pat
                    if item in PRODUCT_ITEMS:
                        prod = f"产品{rng.randint(1, 5000)}"
                        facts["product"] = prod
                    amount = rng.choice([100000, 500000, 1000000, 2000000])
                    total += amount
                    claims.append(
                        (
                            claim_id,
                            app_id,
                            position,
                            item,
                            received.isoformat(),
                            json.dumps(facts, ensure_ascii=False),
                            pat,
                            prod,
                            amount,
                            amount if status == "paid" else None,
                        )
                    )
                approved = (
                    total
                    if status
                    in ("approved", "decided", "on_notice", "objection", "cleared", "paid")
                    else None
                )
                stamp = dt.datetime.combine(received, dt.time(9, 30)).isoformat(sep=" ")
                apps.append(
                    (
                        app_id,
                        f"bishan-{year}",
                        year,
                        seq,
                        f"璧市监专转〔{year}〕第{seq:03d}号",
                        applicant,
                        names[applicant],
                        received.isoformat(),
                        status,
                        mask,
                        rng.randint(1, 2),
                        total,
                        approved,
                        stamp,
                        stamp,
                        rng.randint(1, 2),
                    )
                )
        conn.executemany(
            "INSERT INTO applications (id, policy_id, year, seq, case_number, applicant_id,"
            " applicant_name, received_on, filed_by_agent, agent_name, status, item_mask,"
            " clerk_id, computed_total, approved_amount, created_at, updated_at, updated_by_id,"
            " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            apps,
        )
        conn.executemany(
            "INSERT INTO claims (id, application_id, position, item, date, facts, patent,"
            " product_key, amount, result_status, paid_amount, paid_months)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'awarded', ?, 0)",
            claims,
        )
        conn.executemany(
            "INSERT INTO counters (name, value) VALUES (?, ?)",
            [(f"case:bishan-{y}", per_year) for y in YEARS],
        )
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    elapsed = time.perf_counter() - start
    print(
        f"{out}: {cases:,} applications, {len(claims):,} claims, {applicants:,} applicants "
        f"in {elapsed:.1f} s"
    )


def ensure(out: Path = DEFAULT_OUT, cases: int = 100_000, applicants: int = 20_000) -> Path:
    """The benchmark database, generated on first use."""
    if not out.exists():
        generate(out, cases, applicants)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic case database")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--applicants", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    generate(args.out, args.cases, args.applicants, args.seed)


if __name__ == "__main__":
    main()
