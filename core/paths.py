"""Where the program finds its shipped resources, from a checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks datas under sys._MEIPASS; a checkout keeps them next to core/.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def policies_dir() -> Path:
    return resources_dir() / "policies"
