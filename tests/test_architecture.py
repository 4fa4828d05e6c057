"""The package reads as its architecture: wings in layers, and nothing imports a wing above its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lintkit"

# Lower layers never import higher ones (imports under TYPE_CHECKING are for the type checker only).
LAYERS: dict[str, int] = {
    "model": 0,
    "problems": 0,
    "atomic": 0,
    "paths": 0,
    "about": 0,
    "cache_folder": 0,
    "patterns": 0,
    "sequences": 0,
    "formats": 1,
    "config": 2,
    "analysis": 3,
    "rules": 4,
    "packs": 5,
    "gate": 6,
    "run": 7,
    "formatters": 8,
    "report": 9,
    "cli": 10,
    "__main__": 11,
}
TOP_LEVEL_MODULES = {
    *("__init__.py", "__main__.py", "model.py", "problems.py", "atomic.py", "paths.py", "about.py", "cache_folder.py"),
    "patterns.py",
    "sequences.py",
}


def _wing(module: str) -> str:
    return module.split(".")[1] if module.startswith("lintkit.") else ""


def _runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every lintkit import that runs, with relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(child) for statement in node.body for child in ast.walk(statement))
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lintkit"):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.startswith("lintkit"))
    return found


def test_only_the_core_types_and_the_configuration_stay_at_the_top() -> None:
    loose = {path.name for path in PACKAGE.glob("*.py")} - TOP_LEVEL_MODULES
    assert not loose, f"modules outside a wing: {sorted(loose)}"


def test_every_wing_has_a_layer_and_nothing_imports_upward() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        assert own in LAYERS, f"{own} has no layer"
        for line, module in _runtime_imports(path):
            wing = _wing(module)
            if wing and wing != own and LAYERS[wing] > LAYERS[own]:
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert not upward, "\n".join(upward)


def test_no_module_imports_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] in ("cli", "__main__.py"):
            continue
        assert not [m for _, m in _runtime_imports(path) if _wing(m) == "cli"], path


def test_the_layout_and_the_engine_know_no_format() -> None:
    for name in ("project.py", "engine.py"):
        imported = [module for _, module in _runtime_imports(PACKAGE / "run" / name)]
        formats = [module for module in imported if module.startswith(("lintkit.formats.po", "lintkit.formats.m"))]
        assert not formats, name
