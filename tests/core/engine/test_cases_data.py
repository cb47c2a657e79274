"""Runs the shipped 测算用例 of bishan-2024 (resources/policies/bishan-2024.cases/, README
there): the one set the bureau reads in 政策管理 and ``ipdesk-cli policy test`` runs."""

from __future__ import annotations

import pytest

from core.engine.casebook import RuleCase, load_cases, policy_case_files, run_case

CASES = load_cases(policy_case_files("bishan-2024"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file.stem}: {c.name}" for c in CASES])
def test_case(case: RuleCase) -> None:
    outcome = run_case(case)
    assert outcome.ok, outcome.line()
    assert outcome.result is not None
    # Every paid or cut amount says where it comes from.
    results = outcome.result["applications"] if case.batch else [outcome.result]
    for result in results:
        for claim in result["claims"]:
            assert claim["explanation"], f"claim {claim['index']} has no explanation"


def test_every_item_of_the_policy_has_data_cases() -> None:
    from core.policy import load_policy

    covered = {
        claim["item"]
        for case in CASES
        if not case.batch
        for claim in case.document.get("claims", [])
    }
    assert set(load_policy("bishan-2024").items) <= covered


def test_every_case_names_its_clause() -> None:
    assert len(CASES) >= 90
    assert all(case.clause for case in CASES)
