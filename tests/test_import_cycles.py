"""No two modules of core/ import each other in a loop, function-local imports included.

A cycle hidden by a function-local import works until someone moves the import, and it makes
the layers unreadable (issue 15). Imports under ``if TYPE_CHECKING:`` never run, so they are
left out: a type may name a module above it. A package's ``__init__`` counts as the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "core"


def module_name(path: Path, top: Path = ROOT) -> str:
    parts = list(path.relative_to(top).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, package: str) -> list[tuple[str, list[str]]]:
    """(module, names) of every import that runs, wherever it stands."""
    found: list[tuple[str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, [alias.name for alias in node.names]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path = CORE) -> dict[str, set[str]]:
    files = {
        module_name(p, root.parent): p for p in root.rglob("*.py") if "__pycache__" not in p.parts
    }
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target, names in _imports(tree, package):
            for imported in [f"{target}.{n}" for n in names] or [target]:
                # ``from core.db import migrate`` imports the module core.db.migrate.
                module = imported if imported in files else target
                if module in files and module != name:
                    graph[name].add(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_core_has_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_the_check_finds_a_cycle_through_a_function_local_import(tmp_path: Path) -> None:
    pkg = tmp_path / "core" / "db"
    pkg.mkdir(parents=True)
    (tmp_path / "core" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("from core.db.b import thing\n", encoding="utf-8")
    (pkg / "b.py").write_text(
        "def thing():\n    from core.db import a\n    return a\n", encoding="utf-8"
    )
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from core.db import a\n",
        encoding="utf-8",
    )
    assert cycles(import_graph(tmp_path / "core")) == [["core.db.a", "core.db.b"]]


# The layers, lowest first: a module may import its own layer and those below it, never one
# above (function-local imports included). core.demo, core.audit_text and core.cli stand on
# top because they speak of both the district cases and the municipal projects.
LAYERS = (
    (
        "core.money",
        "core.identifiers",
        "core.paths",
        "core.logs",
        "core.outputs",
        "core.sme",
        "core.textwidth",
    ),
    ("core.policy", "core.engine", "core.db"),
    ("core.documents", "core.statistics"),
    ("core.records",),
    ("core.projects",),
    ("core.demo", "core.demo_files", "core.audit_text", "core.selftest", "core.cli"),
)


def layer_of(module: str) -> int | None:
    for number, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for module, targets in sorted(graph.items()):
        mine = layer_of(module)
        for target in sorted(targets):
            theirs = layer_of(target)
            if mine is not None and theirs is not None and theirs > mine:
                found.append(f"{module} -> {target}")
    return found


def test_no_module_reaches_up_a_layer() -> None:
    assert upward_imports(import_graph()) == []


def test_every_core_module_has_a_layer() -> None:
    assert [m for m in import_graph() if m != "core" and layer_of(m) is None] == []


def test_the_layer_check_finds_a_back_arrow(tmp_path: Path) -> None:
    for package in ("records", "projects"):
        folder = tmp_path / "core" / package
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "core" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "core" / "projects" / "demo.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "core" / "records" / "demo.py").write_text(
        "def fill():\n    from core.projects.demo import X\n    return X\n", encoding="utf-8"
    )
    assert upward_imports(import_graph(tmp_path / "core")) == [
        "core.records.demo -> core.projects.demo"
    ]
