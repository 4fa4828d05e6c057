"""Which rules run and how severe their findings are: `select`, `ignore` and `severity`.

Entries are codes (`LK101`), code prefixes (`LK1`) or rule names
(`placeholder-missing`). As in flake8, the most specific matching entry wins:
a name or full code beats a prefix, a longer prefix beats a shorter one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from lintkit.config import ConfigError
from lintkit.model import Finding, Severity
from lintkit.problems import INPUT_PROBLEMS
from lintkit.rules.base import Rule

_CODE_PREFIX = re.compile(r"^[A-Z]+[0-9]*$")


class Selection:
    def __init__(
        self,
        select: Sequence[str],
        ignore: Sequence[str],
        severities: Mapping[str, Severity],
        rules: Iterable[Rule],
        extend: Sequence[str] = (),
    ) -> None:
        rules = list(rules)
        self.names = {rule.name: rule.code for rule in rules}
        self.opt_in = frozenset(rule.code for rule in rules if not rule.default_enabled)
        self.names.update({name: code for code, (name, _, _) in INPUT_PROBLEMS.items()})
        self.select = [self._entry(entry, "select") for entry in select] or [""]
        self.select += [self._entry(entry, "extend-select") for entry in extend]  # opt-in rules named here run too
        self.ignore = [self._entry(entry, "ignore") for entry in ignore]
        self.severities = {self._entry(key, "severity"): level for key, level in severities.items()}

    def _entry(self, entry: str, key: str) -> str:
        entry = entry.strip()
        if entry in self.names:
            return self.names[entry]
        if _CODE_PREFIX.match(entry.upper()):
            return entry.upper()
        raise ConfigError(
            f"`{key}`: unknown rule {entry!r} (use a code such as LK101, a prefix such as LK1, or a name)"
        )

    @staticmethod
    def _longest(code: str, entries: Iterable[str]) -> int:
        return max((len(entry) for entry in entries if code.startswith(entry)), default=-1)

    def enabled(self, code: str, name: str = "") -> bool:
        selected = self._longest(code, self.select)
        if code in self.opt_in and selected <= 0:
            return False  # an opt-in rule needs a `select` entry of its own, not the implicit "everything"
        ignored = self._longest(code, self.ignore)
        return selected >= 0 and selected > ignored

    def severity(self, code: str, default: Severity) -> Severity:
        best = max((key for key in self.severities if code.startswith(key)), key=len, default=None)
        return self.severities[best] if best is not None else default

    def settle(self, findings: Iterable[Finding]) -> list[Finding]:
        """Drop findings of disabled rules and apply severity overrides."""
        settled = []
        for finding in findings:
            if not self.enabled(finding.code):
                continue
            severity = self.severity(finding.code, finding.severity)
            settled.append(finding if severity == finding.severity else replace(finding, severity=severity))
        return settled
