"""Where a save dialog starts (issue 20 §8): the folder the clerk last saved an export in,
else 文档 (Documents), never the program's working folder, which on a counter PC is the
install folder or wherever the shortcut points."""

from __future__ import annotations

from pathlib import Path

from desktop import settings
from desktop.qt import QStandardPaths

LAST_EXPORT_FOLDER = "folders/last_export"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def export_folder() -> Path:
    """The last export folder that still exists, else 文档."""
    last = settings.get_str(LAST_EXPORT_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def suggested_export(file_name: str) -> str:
    """The path to offer in a save dialog for ``file_name``."""
    return str(export_folder() / Path(file_name).name)


def remember_export(path: str | Path) -> None:
    """Remember the folder of a file just chosen, for the next export."""
    settings.put(LAST_EXPORT_FOLDER, str(Path(path).parent))
