"""The package's folders follow the data flow, and a test keeps them so.

load → model ← text → derive → export → pages → plugin (the MkDocs adapter); `editor/` (the editor's commands)
sits beside plugin, under `__main__`. A module may import only from its
own layer and the layers below it; `speed/` is a side wing that only the adapter switches on. Imports made
only for type checking (`if TYPE_CHECKING:`) are not counted: they do not run.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "faktabank"
# What each layer may import from the package (besides itself).
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "load": {"model"},
    "text": {"model", "load"},
    "derive": {"model", "load", "text"},
    "export": {"model", "load", "text", "derive"},
    "pages": {"model", "load", "text", "derive", "export"},
    "speed": {"model", "load", "text"},
    "plugin": {"model", "load", "text", "derive", "export", "pages", "speed"},
    "editor": {"model", "load", "text", "derive", "pages"},  # the editor's commands (new, check --file, id)
    "importer": {"model", "load", "text"},  # make import: a report's text → a draft report file
    "__main__": {"model", "load", "text", "derive", "export", "pages", "editor", "importer"},
}


def layer_of(module: str) -> str:
    parts = module.split(".")
    assert parts[0] == "faktabank", module
    return parts[1] if len(parts) > 1 else "faktabank"


def runtime_imports(path: Path) -> set[str]:
    """The faktabank modules a file imports when it runs (type-checking-only imports left out)."""
    tree = ast.parse(path.read_text())
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("faktabank"):
            if node.module == "faktabank":
                found |= {f"faktabank.{alias.name}" for alias in node.names}
            else:
                found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            raise AssertionError(f"{path}: relative import; write faktabank.<layer>.<module>")
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("faktabank")}
    return {name for name in found if _is_module(name)}


def _is_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        out[".".join(["faktabank", *parts])] = path
    return out


def test_each_layer_imports_only_layers_below_it():
    wrong = []
    for name, path in modules().items():
        layer = layer_of(name) if name != "faktabank" else "faktabank"
        if layer == "faktabank":
            continue
        for target in runtime_imports(path):
            other = layer_of(target)
            if other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{name} ({layer}) imports {target} ({other})")
    assert not wrong, "\n".join(wrong)


def test_every_module_sits_in_a_known_layer():
    layers = {layer_of(name) for name in modules() if name != "faktabank"}
    assert layers <= set(ALLOWED), layers - set(ALLOWED)


def test_no_import_cycles():
    graph = {name: {t for t in runtime_imports(path) if t in modules()} for name, path in modules().items()}
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in graph[node]:
            if seen.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in seen:
                visit(nxt, [*stack, nxt])
        seen[node] = 2

    for name in graph:
        if name not in seen:
            visit(name, [name])


def test_the_layer_test_sees_a_wrong_import(tmp_path):
    """The check itself: an import from a higher layer is found (so the test above can fail)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from faktabank.pages.render import Renderer\n")
    assert runtime_imports(bad) == {"faktabank.pages.render"}
    assert "pages" not in ALLOWED["load"]
    guarded = tmp_path / "guarded.py"
    guarded.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from faktabank.pages import render\n")
    assert runtime_imports(guarded) == set()
