"""The ``ipdesk-cli calc`` contract (docs/cli.md): JSON out with exit 0, or one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core.cli.main import main

GOOD_CASE: dict[str, Any] = {
    "policy": "bishan-2024",
    "received_on": "2024-11-10",
    "applicant": {
        "name": "重庆璧山示例科技有限公司",
        "credit_code": "91500227MA5U00000B",
        "kind": "enterprise",
        "size": "small",
        "dishonest_debtor": False,
        "ownership_dispute": False,
        "major_accident_3y": False,
    },
    "prior_awards": [
        {"item": "transfer_in", "amount": "20000.00"},
        {"item": "pledge_interest", "amount": "150000.00", "months": 30},
    ],
    "claims": [
        {
            "item": "transfer_in",
            "date": "2024-03-15",
            "patent": "ZL201710601862.3",
            "counterparty_kind": "university",
            "related_party": False,
        }
    ],
}


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, *args: str
) -> tuple[int, str, str]:
    file = tmp_path / "case.json"
    file.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), "utf-8")
    code = main([*(args or ("calc",)), str(file)])
    out, err = capsys.readouterr()
    return code, out, err


def test_calc_prints_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(tmp_path, capsys, GOOD_CASE)
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["policy"] == "bishan-2024"
    assert result["accepted"] is True
    assert result["rejection_grounds"] == []
    assert result["total"] == "10000.00"
    claim = result["claims"][0]
    assert {k: claim[k] for k in ("index", "item", "amount", "status")} == {
        "index": 0,
        "item": "transfer_in",
        "amount": "10000.00",
        "status": "awarded",
    }
    assert any("附件1" in line for line in claim["explanation"])


def test_same_answer_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(tmp_path, capsys, GOOD_CASE)[1]
    second = run(tmp_path, capsys, GOOD_CASE)[1]
    assert first == second


def with_claim(**changes: Any) -> dict[str, Any]:
    doc = json.loads(json.dumps(GOOD_CASE))
    doc["claims"][0].update(changes)
    return doc


BAD_INPUTS = [
    ("malformed JSON", '{"policy": "bishan-2024",', "不是有效的 JSON"),
    ("unknown item", with_claim(item="free_money"), "claims[0].item"),
    ("unknown policy", GOOD_CASE | {"policy": "bishan-1999"}, "policy"),
    (
        "missing fact",
        {
            **GOOD_CASE,
            "claims": [
                {
                    "item": "transfer_in",
                    "date": "2024-03-15",
                    "patent": "201710601862.3",
                    "related_party": False,
                }
            ],
        },
        "claims[0].counterparty_kind",
    ),
    ("ill-typed fact", with_claim(related_party="no"), "claims[0].related_party"),
    (
        "negative amount",
        {**GOOD_CASE, "prior_awards": [{"item": "transfer_in", "amount": "-1"}]},
        "prior_awards[0].amount",
    ),
    (
        "float amount",
        {
            **GOOD_CASE,
            "claims": [{"item": "activity", "date": "2024-03-15", "name": "x", "cost": "12.345"}],
        },
        "claims[0].cost",
    ),
    (
        "invalid credit code",
        GOOD_CASE | {"applicant": GOOD_CASE["applicant"] | {"credit_code": "91500227MA5U00000C"}},
        "applicant.credit_code",
    ),
    ("invalid patent number", with_claim(patent="202310123456.7"), "claims[0].patent"),
    ("date that does not exist", with_claim(date="2024-02-30"), "claims[0].date"),
    ("received date that does not exist", GOOD_CASE | {"received_on": "2023-02-29"}, "received_on"),
    ("unknown field", with_claim(colour="red"), "claims[0].colour"),
    (
        "unknown applicant kind",
        GOOD_CASE | {"applicant": GOOD_CASE["applicant"] | {"kind": "person"}},
        "applicant.kind",
    ),
    ("not an object", "[1, 2]", "JSON 对象"),
    (
        "rate given as percent",
        {
            **GOOD_CASE,
            "claims": [
                {
                    "item": "pledge_interest",
                    "date": "2024-03-01",
                    "principal": "1",
                    "annual_rate": "3.45",
                    "term_months": 12,
                    "interest_months": 12,
                    "interest_paid": "1",
                }
            ],
        },
        "claims[0].annual_rate",
    ),
    ("duplicate key", '{"policy": "bishan-2024", "policy": "x"}', "重复"),
    # Malformed JSON that the json module reports as RecursionError or ValueError, not as a
    # decoding error: still bad input (exit 2), not an internal fault (exit 1).
    ("JSON nested too deep", "[" * 100_000 + "]" * 100_000, "不是有效的 JSON"),
    ("JSON integer of 5000 digits", '{"policy": ' + "9" * 5000 + "}", "不是有效的 JSON"),
    # A policy id names a file in resources/policies/, never a path to one elsewhere.
    ("policy id as a path", GOOD_CASE | {"policy": "../policies/bishan-2024"}, "policy"),
    ("absolute policy path", GOOD_CASE | {"policy": "/tmp/bishan-2024"}, "policy"),
    # A count of months written as a float with an exponent is not a JSON integer.
    (
        "integer fact with an exponent",
        json.dumps(
            {
                **GOOD_CASE,
                "claims": [
                    {
                        "item": "pledge_interest",
                        "date": "2024-03-01",
                        "principal": "1",
                        "annual_rate": "0.05",
                        "term_months": "TERM",
                        "interest_months": 12,
                        "interest_paid": "1",
                    }
                ],
            }
        ).replace('"TERM"', "1e400"),
        "claims[0].term_months",
    ),
    # 成渝异地质押 pays the reviewer's amount uncapped; one of a trillion yuan cannot be written
    # in capitals on the 申请表 (附件2), so it is refused as a typing slip, not a crash.
    (
        "approved amount of a trillion yuan",
        {
            **GOOD_CASE,
            "claims": [
                {
                    "item": "cross_region_pledge",
                    "date": "2024-05-01",
                    "approved_amount": "1000000000000.00",
                }
            ],
        },
        "claims[0].approved_amount",
    ),
]


@pytest.mark.parametrize(("doc", "where"), [pytest.param(d, w, id=n) for n, d, w in BAD_INPUTS])
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, where: str
) -> None:
    code, out, err = run(tmp_path, capsys, doc)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "case.json" in lines[0] and where in lines[0]
    assert "Traceback" not in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "/nonexistent/case.json"]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_bad_arguments_exit_2_in_one_chinese_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["calculate"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "无效的" in err[0]


def test_calc_batch_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = {k: v for k, v in GOOD_CASE.items() if k != "policy"}
    # Two enterprises: one enterprise's applications are pooled (see the pooling tests).
    other = app | {"applicant": app["applicant"] | {"credit_code": "91500227MA5U00003L"}}
    batch = {
        "policy": "bishan-2024",
        "budget": "15000",
        "applications": [app | {"id": "1"}, other | {"id": "2"}],
    }
    code, out, err = run(tmp_path, capsys, batch, "calc-batch")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) >= {"policy", "budget", "requested_total", "ratio", "total", "applications"}
    assert result["requested_total"] == "20000.00" and result["total"] == "15000.00"
    assert result["ratio"] == "0.75"
    assert [set(a) >= {"id", "before", "total", "claims"} for a in result["applications"]] == [
        True,
        True,
    ]
    assert [a["total"] for a in result["applications"]] == ["7500.00", "7500.00"]


def test_calc_batch_refuses_a_budget_too_large_for_capitals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = {k: v for k, v in GOOD_CASE.items() if k != "policy"} | {"id": "1"}
    batch = {"policy": "bishan-2024", "budget": "9" * 60, "applications": [app]}
    code, out, err = run(tmp_path, capsys, batch, "calc-batch")
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "budget" in err


def test_calc_batch_refuses_duplicate_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = {k: v for k, v in GOOD_CASE.items() if k != "policy"} | {"id": "1"}
    code, _, err = run(
        tmp_path, capsys, {"policy": "bishan-2024", "applications": [app, app]}, "calc-batch"
    )
    assert code == 2 and "applications[1].id" in err


def test_policy_show_lists_every_item_with_its_clause(capsys: pytest.CaptureFixture[str]) -> None:
    from core.policy import load_policy

    assert main(["policy", "show", "bishan-2024"]) == 0
    out = capsys.readouterr().out
    for item in load_policy("bishan-2024").items.values():
        assert item.code in out
    assert "1,000,000.00" in out and "2024-11-22" in out


def test_policy_show_unknown_policy_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "show", "nowhere-2030"]) == 2
    assert "bishan-2024" in capsys.readouterr().err  # says which ones exist


def test_subprocess_calc_imports_no_qt_and_prints_no_traceback(tmp_path: Path) -> None:
    file = tmp_path / "case.json"
    file.write_text(json.dumps(GOOD_CASE), "utf-8")
    probe = (
        "import sys; from core.cli.main import main; code = main(['calc', sys.argv[1]]);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'desktop', 'sqlalchemy')];"
        "print('LOADED', bad, file=sys.stderr); raise SystemExit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(file)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "core.cli", "calc", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
