"""Where the program finds its shipped resources, from a checkout or a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    # Once per process: resolve() asks the file system each time, and the engine reaches
    # this through every policy lookup (a quarter of a millisecond each, per case printed).
    # PyInstaller unpacks datas under sys._MEIPASS; a checkout keeps them next to core/.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def policies_dir() -> Path:
    return resources_dir() / "policies"


DATA_ENV = "IPDESK_DATA_DIR"


def user_data_folder() -> Path:
    """The user's data folder (drafts, the audit anchor log); ``IPDESK_DATA_DIR`` overrides it.

    Created on first use. The desk and the CLI share it, so a backup made with either leaves
    its anchor where the other finds it.
    """

    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("ipdesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
