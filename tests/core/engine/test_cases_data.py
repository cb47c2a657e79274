"""Runs the engine test cases kept as data in tests/core/engine/cases/*.json (see README there)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from core.engine import calc_case_document, loads_json

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    params = []
    for file in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        for entry in data["cases"]:
            case = copy.deepcopy(data["defaults"])
            for key, value in entry["case"].items():
                if key == "applicant" and "credit_code" not in value:
                    case["applicant"].update(value)
                else:
                    case[key] = value
            params.append(pytest.param(case, entry["expect"], id=f"{file.stem}: {entry['name']}"))
    return params


def assert_matches(actual: Any, expected: Any, where: str = "") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_matches(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (
            f"{where}: expected {len(expected)} entries, got {actual!r}"
        )
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_matches(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize(("case", "expect"), _load())
def test_case(case: dict[str, Any], expect: dict[str, Any]) -> None:
    # Through JSON text, as the CLI reads it, so numbers stay exact.
    result = calc_case_document(loads_json(json.dumps(case, ensure_ascii=False)))
    assert_matches(result, expect)
    # Every paid or cut amount says where it comes from.
    for claim in result["claims"]:
        assert claim["explanation"], f"claim {claim['index']} has no explanation"


def test_every_item_of_the_policy_has_data_cases() -> None:
    from core.policy import load_policy

    covered = {
        claim["item"]
        for file in CASES_DIR.glob("*.json")
        for entry in json.loads(file.read_text(encoding="utf-8"))["cases"]
        for claim in entry["case"].get("claims", [])
    }
    assert set(load_policy("bishan-2024").items) <= covered
