"""What every test shares.

- Every test gets its own user data folder, so the audit anchor log (core/db/anchors.py) of
  one test never binds another's database, and no test writes to the real user's folder.
- ``@pytest.mark.posix_only("why")`` marks a test that cannot run on Windows, with the reason;
  under Windows CPython (``./dev wincheck``) it is skipped and the reason is printed. Nothing
  else is skipped there: a test that fails on Windows is a defect until shown otherwise.
"""

from __future__ import annotations

import sys
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if sys.platform != "win32":
        return
    for item in items:
        marker = item.get_closest_marker("posix_only")
        if marker is not None:
            if not marker.args:
                raise pytest.UsageError(f"{item.nodeid}: posix_only needs its reason")
            item.add_marker(pytest.mark.skip(reason=f"Linux only: {marker.args[0]}"))
