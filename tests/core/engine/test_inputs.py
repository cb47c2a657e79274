"""Where a refusal points: the exact path of the refused value, as docs/cli.md promises.

The paths are built only when something is refused (core/engine/inputs.py), so each kind of
place is checked here exactly, not as a substring.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from core.engine import InputError, calc_batch_document, calc_case_document
from tests.core.cli.test_calc_cli import GOOD_CASE


def refused(doc: Any, batch: bool = False) -> InputError:
    with pytest.raises(InputError) as info:
        (calc_batch_document if batch else calc_case_document)(doc)
    return info.value


@pytest.mark.parametrize(
    ("claim", "where"),
    [
        (5, "claims[1]"),
        ({"date": "2024-03-15"}, "claims[1].item"),
        ({"item": "transfer_in"}, "claims[1].date"),
        ({"item": "transfer_in", "date": "2024-02-30"}, "claims[1].date"),
        ({**GOOD_CASE["claims"][0], "patent": "201710601862.4"}, "claims[1].patent"),
        ({**GOOD_CASE["claims"][0], "colour": "red"}, "claims[1].colour"),
        ({"item": "transfer_in", "date": "2024-03-15"}, "claims[1].patent"),
    ],
)
def test_a_refused_claim_names_its_exact_place(claim: Any, where: str) -> None:
    error = refused({**GOOD_CASE, "claims": [GOOD_CASE["claims"][0], claim]})
    assert error.where == where
    assert str(error).startswith(f"{where}：")


def test_a_batch_names_the_application_and_the_claim() -> None:
    app = {k: v for k, v in copy.deepcopy(GOOD_CASE).items() if k != "policy"}
    bad = copy.deepcopy(app)
    bad["claims"][0]["related_party"] = "no"
    doc = {
        "policy": "bishan-2024",
        "applications": [{**app, "id": "A1"}, {**bad, "id": "A2"}],
    }
    assert refused(doc, batch=True).where == "applications[1].claims[0].related_party"
    doc["applications"][1] = {**app, "id": "A2", "claims": ["x"]}
    assert refused(doc, batch=True).where == "applications[1].claims[0]"
