"""The built-in rules: every module of this package that defines `Rule` subclasses.

Rules are found by importing the package's modules, so adding a rule is adding
a module; there is no second list to keep in step.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from lintkit.rules.base import Rule


@cache
def builtin_rules() -> tuple[Rule, ...]:
    """One instance of every built-in rule, ordered by code."""
    found: dict[str, type[Rule]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.code
                and value.__module__ == module.__name__
            ):
                if value.code in found and found[value.code] is not value:
                    raise RuntimeError(f"two rules use the code {value.code}")
                found[value.code] = value
    return tuple(found[code]() for code in sorted(found))


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    for rule in builtin_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    return None
