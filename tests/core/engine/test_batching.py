"""The cyclic collector is paused for a batch and always given back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

import core.engine.calculate as calculate
from core.engine import calc_batch_document
from core.engine.batching import collector_paused
from tests.core.engine.test_batch import activity_app


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_enabled_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_enabled_again_when_the_block_fails() -> None:
    with pytest.raises(ZeroDivisionError), collector_paused():
        _ = 1 / 0
    assert gc.isenabled()


def test_nested_blocks_enable_only_at_the_outermost() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_batch_runs_paused_and_gives_the_collector_back(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = calculate.bank_ranks

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(calculate, "bank_ranks", spy)
    doc = {
        "policy": "bishan-2024",
        "applications": [activity_app("A1", "5000"), activity_app("A2", "5000")],
    }
    result = calc_batch_document(doc)
    assert seen == [False]
    assert gc.isenabled()
    assert result["total"] == "10000.00"


def test_bad_input_in_a_batch_gives_the_collector_back() -> None:
    bad = activity_app("A1", "五千")
    with pytest.raises(ValueError, match="cost"):
        calc_batch_document({"policy": "bishan-2024", "applications": [bad]})
    assert gc.isenabled()
