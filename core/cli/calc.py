"""``ipdesk-cli calc`` and ``calc-batch``: the stable JSON contract of docs/cli.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from core.cli.base import UsageError
from core.engine import InputError, calc_batch_document, calc_case_document, loads_json


def read_text_argument(path: str) -> tuple[str, str]:
    """The text of a file argument (``-`` for standard input) and the name to show in errors."""
    if path == "-":
        return sys.stdin.read(), "标准输入"
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8-sig"), file.name
    except FileNotFoundError:
        raise UsageError(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} 是文件夹，不是文件") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}：不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise UsageError(f"无法读取 {path}：{exc.strerror}") from None


def print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def run_calc(path: str, *, batch: bool) -> int:
    text, name = read_text_argument(path)
    try:
        doc = loads_json(text)
        result = calc_batch_document(doc) if batch else calc_case_document(doc)
    except InputError as exc:
        raise UsageError(f"{name}：{exc}") from None
    print_json(result)
    return 0
