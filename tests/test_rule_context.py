"""Each rule declares the settings it reads; the engine passes exactly those; each default lives once.

The keys a rule module reads are found statically: `setting(pair, "key")` (or
`option(pair, "key")`) in the module and in every lintkit module it imports,
so a rule cannot read a setting through an analysis without declaring it.
"""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from pathlib import Path

from lintkit.config import DERIVED_SETTINGS, KEYS
from lintkit.rules import builtin_rules

PACKAGE = Path(__file__).resolve().parents[1] / "lintkit"
_READ = re.compile(r"\b(?:setting|option)\(pair, \"([a-z-]+)\"\)")
_OPTIONS_SECTION = re.compile(r"^Options:\n(.*?)(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


def _path(module: str) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (PACKAGE / relative.with_suffix(".py"), PACKAGE / relative / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _keys_read(module: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
    path = _path(module)
    if path is None or module in seen:
        return frozenset()
    text = path.read_text(encoding="utf-8")
    keys = set(_READ.findall(text))
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lintkit.analysis"):
            keys |= _keys_read(node.module, seen | {module})
    return frozenset(keys)


def test_declared_settings_are_configuration_keys_or_derived() -> None:
    for rule in builtin_rules():
        unknown = [key for key in rule.reads if key not in KEYS and key not in DERIVED_SETTINGS]
        assert not unknown, f"{rule.code} reads unknown settings {unknown}"


def test_every_setting_a_rule_module_reads_is_declared_by_its_rules() -> None:
    by_module: dict[str, set[str]] = {}
    for rule in builtin_rules():
        by_module.setdefault(type(rule).__module__, set()).update(rule.reads)
    for module, declared in by_module.items():
        assert module in sys.modules
        missing = _keys_read(module) - declared
        assert not missing, f"{module} reads {sorted(missing)} without declaring them in `reads`"


def test_each_rule_documents_the_settings_it_reads_in_its_options_section() -> None:
    for rule in builtin_rules():
        found = _OPTIONS_SECTION.search(rule.documentation())
        assert found is not None, rule.code
        missing = [key for key in rule.reads if key not in DERIVED_SETTINGS and f"`{key}`" not in found.group(1)]
        assert not missing, f"{rule.code}: its Options section does not name {missing}"


def test_no_default_is_repeated_outside_the_configuration_table() -> None:
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"options\.get\(\"[a-z-]+\",", text), f"{path}: a default repeated; use setting()"


def test_the_engine_passes_the_declared_settings(tmp_path) -> None:
    from lintkit.config import Config
    from lintkit.run.engine import Engine

    engine = Engine(Config(tmp_path, None, {"link-map": {"/en/": "/fr/"}}), builtin_rules(), cwd=tmp_path)
    options = engine.rule_options("fr")
    declared = {key for rule in builtin_rules() for key in rule.reads}
    assert set(options) == declared
    assert options["link-map"] == {"/en/": "/fr/"}
