"""Rule families (the first digit of a code) and what each rule is about, in a translator's words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lintkit.problems import INPUT_PROBLEMS
from lintkit.rules.base import Rule

FAMILIES: dict[str, str] = {
    "LK1": "placeholders",
    "LK2": "structure",
    "LK3": "links",
    "LK4": "untranslated",
    "LK5": "terminology",
    "LK6": "PO catalogs",
    "LK7": "content parity",
    "LK9": "input",
}

_SECTION = re.compile(r"^(What it finds|Why it matters|Example|Options):\s*$", re.MULTILINE)


def family_of(code: str) -> str:
    """`LK1` for `LK104`; unknown code shapes are their own family."""
    return code[:3] if code[:3] in FAMILIES else code


def family_name(family: str) -> str:
    return FAMILIES.get(family, family)


def explanation(code: str, rules: Iterable[Rule]) -> tuple[str, str]:
    """The rule's one-line summary and its "Why it matters" paragraph (empty when it has none)."""
    if code in INPUT_PROBLEMS:
        return INPUT_PROBLEMS[code][2], ""
    rule = next((rule for rule in rules if rule.code == code), None)
    if rule is None:
        return "", ""
    return rule.summary, _section(rule.documentation(), "Why it matters")


def _section(documentation: str, title: str) -> str:
    parts = _SECTION.split(documentation)
    # split() alternates text and captured titles: [before, title, body, title, body, ...]
    for index in range(1, len(parts) - 1, 2):
        if parts[index] == title:
            return " ".join(parts[index + 1].split())
    return ""
