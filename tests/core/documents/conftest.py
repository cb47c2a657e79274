"""Fixtures for the printed forms: the policy, sample CASE documents and their FormCases."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from core.documents.model import FormCase, form_case_from_case_document
from core.documents.samples import sample_case_document
from core.policy import load_policy
from core.policy.model import Policy


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy("bishan-2024")


@pytest.fixture
def case_doc() -> dict[str, Any]:
    """The dense sample: six claims over four 附件2 rows, with every form extra."""
    return copy.deepcopy(sample_case_document(1))


@pytest.fixture
def form_case(case_doc: dict[str, Any]) -> FormCase:
    return form_case_from_case_document(case_doc)
