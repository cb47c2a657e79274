"""Every test gets its own user data folder, so the audit anchor log (core/db/anchors.py) of
one test never binds another's database, and no test writes to the real user's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.paths import DATA_ENV


@pytest.fixture(autouse=True)
def _user_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_ENV, str(folder))
    return folder
