"""The formatter protocol: `render(findings, summary) -> str`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lintkit.gate.baseline import line_free_key
from lintkit.model import Finding, Severity
from lintkit.rules.base import Rule


@dataclass(frozen=True)
class Summary:
    """The counts every format reports beside the findings."""

    files_checked: int
    errors: int
    warnings: int
    infos: int
    baseline_hidden: int | None = None  # None: no baseline in use
    baseline_fixed: int | None = None  # recorded findings that no longer occur
    locales: Mapping[str, str] = field(default_factory=dict)  # path -> locale, for formats that group by locale
    # finding -> its baseline fingerprint (rule, path, line text, message; no line number), for stable identities
    fingerprints: Mapping[Finding, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()  # the run's rules, packs included, for formats that describe them (SARIF)

    @classmethod
    def of(cls, findings: Sequence[Finding], files_checked: int, locales: Mapping[str, str] | None = None) -> Summary:
        def count(severity: Severity) -> int:
            return sum(1 for finding in findings if finding.severity == severity)

        counts = count(Severity.ERROR), count(Severity.WARNING), count(Severity.INFO)
        return cls(files_checked, *counts, locales=dict(locales or {}))

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos

    def files_with_findings(self, findings: Sequence[Finding]) -> int:
        return len({finding.path for finding in findings})

    def fingerprint(self, finding: Finding) -> str:
        """The finding's baseline fingerprint; without one (no run behind it), one from rule, path and message."""
        known = self.fingerprints.get(finding)
        return known if known is not None else line_free_key(finding.code, finding.path, finding.message)


class Formatter:
    """Turns findings into the text of one output format."""

    def __init__(self, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet  # findings only: no summary or notes (the formats that print them)

    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        raise NotImplementedError
