"""The shape rule: core/ is Qt-free and never reaches into desktop/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "desktop")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_imports_no_qt_and_no_desktop() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "core").rglob("*.py"))
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_check_itself_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in imported_modules(bad)


def money_arithmetic_in(path: Path) -> list[str]:
    """Places where desk code does money arithmetic or reaches the database itself: a Decimal
    built from arithmetic or added up with sum(), a quantize, or a db.read()/db.write()
    session (issue 15: all of that is core's; the desk calls core)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []

    def is_decimal_call(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Decimal"
        )

    for node in ast.walk(tree):
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if is_decimal_call(node) and any(isinstance(a, ast.BinOp) for a in node.args):  # type: ignore[attr-defined]
            found.append(f"{where} Decimal(arithmetic)")
        elif isinstance(node, ast.BinOp) and (
            is_decimal_call(node.left) or is_decimal_call(node.right)
        ):
            found.append(f"{where} arithmetic on a Decimal")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "sum"
            and any(is_decimal_call(a) for a in node.args)
        ):
            found.append(f"{where} sum() of money")
        elif isinstance(node, ast.Attribute) and node.attr == "quantize":
            found.append(f"{where} quantize")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in ("read", "write")
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "db"
        ):
            found.append(f"{where} a database session")
    return found


def test_the_desk_does_no_money_arithmetic_and_opens_no_session() -> None:
    offenders = [
        place
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for place in money_arithmetic_in(path)
    ]
    assert offenders == []


def test_the_money_check_itself_catches_each_kind(tmp_path: Path) -> None:
    bad = tmp_path / "probe_money.py"
    bad.write_text(
        "from decimal import Decimal\n"
        "a = Decimal(1 + 2)\n"
        "b = Decimal('1') * 3\n"
        "c = sum(xs, Decimal(0))\n"
        "d = a.quantize(b)\n"
        "with context.db.read() as session: pass\n",
        encoding="utf-8",
    )
    kinds = [place.split(" ", 1)[1] for place in money_arithmetic_in(bad)]
    assert kinds == [
        "Decimal(arithmetic)",
        "arithmetic on a Decimal",
        "sum() of money",
        "quantize",
        "a database session",
    ]
