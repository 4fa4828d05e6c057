"""Rule families (the first digit of a code) and what each rule is about, in a translator's words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lintkit.problems import INPUT_PROBLEMS
from lintkit.rules.base import Rule
from lintkit.rules.codes import FAMILIES, family_name, family_of  # noqa: F401 (the report names families by these)

_SECTION = re.compile(r"^(What it finds|Why it matters|Example|Options):\s*$", re.MULTILINE)


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
