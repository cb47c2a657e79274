"""Cold start of ``ipdesk-cli calc`` for one case (target < 0.5 s on the 2-core reference machine).

Each run is a fresh process, as a clerk's script or another program would start it. Prints the
median of several runs and the slowest imports of one run (python -X importtime).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 11
CASE = {
    "policy": "bishan-2024",
    "received_on": "2024-11-10",
    "applicant": {
        "name": "重庆璧山示例科技有限公司",
        "credit_code": "91500227MA5U00000B",
        "kind": "enterprise",
        "size": "small",
    },
    "claims": [
        {
            "item": "transfer_in",
            "date": "2024-03-15",
            "patent": "ZL201710601862.3",
            "counterparty_kind": "university",
            "related_party": False,
        },
        {
            "item": "pledge_interest",
            "date": "2024-03-01",
            "principal": "5000000",
            "annual_rate": "0.05",
            "term_months": 12,
            "interest_months": 12,
            "interest_paid": "250000.00",
        },
    ],
}


def command(case_file: Path) -> list[str]:
    script = Path(sys.executable).with_name("ipdesk-cli")
    if script.exists():
        return [str(script), "calc", str(case_file)]
    found = shutil.which("ipdesk-cli")
    return (
        [found, "calc", str(case_file)]
        if found
        else [sys.executable, "-m", "core.cli", "calc", str(case_file)]
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        case_file = Path(tmp) / "case.json"
        case_file.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
        cmd = command(case_file)
        subprocess.run(cmd, check=True, capture_output=True)  # warm the OS file cache once
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(
            f"ipdesk-cli calc cold start: median {median * 1000:.0f} ms over {RUNS} runs "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); target < 500 ms "
            f"[{'met' if median < 0.5 else 'MISSED'}]"
        )
        traced = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "core.cli", "calc", str(case_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows = []
        for line in traced.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                parts = [p.strip() for p in line[len("import time:") :].split("|")]
                if parts[1].isdigit():
                    rows.append((int(parts[1]), parts[2]))
        print("slowest imports (cumulative µs):")
        for micros, name in sorted(rows, reverse=True)[:8]:
            print(f"  {micros:>8}  {name}")


if __name__ == "__main__":
    main()
