"""Which rules run and how severe their findings are: `select`, `ignore` and `severity`.

Entries are codes (`LK101`, `ACME101`), code prefixes (`LK1`) or rule names
(`placeholder-missing`), resolved by `codes.RuleCodes`: an entry that names no
rule of the run is a configuration error, so a gate never passes while checking
nothing. As in flake8, the most specific matching entry wins: a name or full
code beats a prefix, a longer prefix beats a shorter one. `extend-select` and
`extend-ignore` add to `select` and `ignore` (which a flag replaces).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from lintkit.config import Config, ConfigError
from lintkit.model import Finding, Severity
from lintkit.problems import INPUT_PROBLEMS
from lintkit.rules.base import Rule
from lintkit.rules.codes import RuleCodes, UnknownRule


class Selection:
    def __init__(
        self,
        select: Sequence[str],
        ignore: Sequence[str],
        severities: Mapping[str, Severity],
        rules: Iterable[Rule],
        extend_select: Sequence[str] = (),
        extend_ignore: Sequence[str] = (),
    ) -> None:
        rules = list(rules)
        self.codes = RuleCodes.of(
            [(rule.code, rule.name) for rule in rules] + [(code, name) for code, (name, _, _) in INPUT_PROBLEMS.items()]
        )
        self.names = dict(self.codes.names)
        self.opt_in = frozenset(rule.code for rule in rules if not rule.default_enabled)
        self.select = [self._entry(entry, "select") for entry in select] or [""]
        self.select += [self._entry(entry, "extend-select") for entry in extend_select]
        self.ignore = [self._entry(entry, "ignore") for entry in ignore]
        self.ignore += [self._entry(entry, "extend-ignore") for entry in extend_ignore]
        self.severities = {self._entry(key, "severity"): level for key, level in severities.items()}

    @classmethod
    def for_config(cls, config: Config, rules: Iterable[Rule]) -> Selection:
        return cls(
            config["select"],
            config["ignore"],
            config["severity"],
            rules,
            config["extend-select"],
            config["extend-ignore"],
        )

    def _entry(self, entry: str, key: str) -> str:
        try:
            return self.codes.resolve(entry)
        except UnknownRule as error:
            raise ConfigError(f"`{key}`: {error.describe()}") from None

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
