"""What a run finally reports: inline suppressions, `per-file-ignores`, then the baseline.

The engine hands over its settled findings and the translations it checked;
everything here is about hiding justified or already-known findings, and
about saying when a suppression or a baseline entry has become stale.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from lintkit.config import Config, ConfigError
from lintkit.gate.baseline import Baseline, Entry, baseline_path, fingerprint, write_baseline
from lintkit.gate.selection import Selection
from lintkit.gate.suppress import Suppressor
from lintkit.gate.texts import FileTexts
from lintkit.model import Finding
from lintkit.rules.codes import UnknownRule


class GateResult(NamedTuple):
    """The findings to report; `baseline_hidden` and `baseline_fixed` are None when no baseline is in use."""

    findings: list[Finding]
    baseline_hidden: int | None = None
    baseline_fixed: int | None = None


class Gate:
    def __init__(self, config: Config, selection: Selection, cwd: Path, locale_codes: Iterable[str] = ()) -> None:
        self.root = config.root
        # rules that compare a whole locale: a run over some files only cannot tell that their findings are fixed
        self.locale_codes = frozenset(locale_codes)
        self.cwd = cwd
        self._relative: dict[str, str] = {}  # display path -> root-relative path: thousands of findings, few files
        self.selection = selection
        self.texts = FileTexts(cwd)
        self.names = selection.codes
        self.suppressor = Suppressor(self.names, selection.enabled, self.texts.lines)
        self.per_file_ignores = {
            glob: tuple(self._rule(entry) for entry in entries) for glob, entries in config["per-file-ignores"].items()
        }
        self.baseline_path = baseline_path(config)
        self.baseline = Baseline.load(self.baseline_path) if self.baseline_path else None

    def _rule(self, entry: str) -> str:
        try:
            return self.names.resolve(entry)
        except UnknownRule as error:
            raise ConfigError(f"`per-file-ignores`: {error.describe()}") from None

    def relative(self, path: str) -> str:
        """A display path (relative to the working directory) as a path relative to the configuration root."""
        found = self._relative.get(path)
        if found is None:
            found = self._relative[path] = Path(os.path.relpath(self.cwd / path, self.root)).as_posix()
        return found

    def apply(self, findings: list[Finding], checked: Iterable[str], partial: bool = False) -> GateResult:
        """`partial`: the run was given paths, so it did not see every file of each locale."""
        checked = list(checked)
        findings = self.selection.settle(self.suppressor.apply(findings, checked))
        findings = [finding for finding in findings if not self._ignored_in_file(finding)]
        if self.baseline is None:
            return GateResult(findings)
        seen = {self.relative(path) for path in checked}  # only there can a recorded finding be fixed
        ran = self._ran if not partial else lambda code: self._ran(code) and code not in self.locale_codes
        result = self.baseline.apply(findings, [self.entry(finding) for finding in findings], seen, ran)
        return GateResult(result.findings, result.hidden, result.fixed)

    def _ignored_in_file(self, finding: Finding) -> bool:
        if not self.per_file_ignores:
            return False
        path = self.relative(finding.path)
        return any(
            fnmatch.fnmatch(path, glob) and finding.code.startswith(rules)
            for glob, rules in self.per_file_ignores.items()
        )

    def _ran(self, code: str) -> bool:
        return self.selection.enabled(code) and not any(
            code.startswith(rules) for rules in self.per_file_ignores.values()
        )

    def entry(self, finding: Finding) -> Entry:
        path = self.relative(finding.path)
        line_text = self.texts.line(finding.path, finding.span.line)
        return Entry(
            fingerprint(finding.code, path, line_text, finding.message),
            path,
            finding.code,
            finding.span.line,
            finding.message,
        )

    def fingerprints(self, findings: Iterable[Finding]) -> Mapping[Finding, str]:
        """The findings' baseline fingerprints, each worked out when an output first asks for it."""
        return _Fingerprints(self, findings)

    def write_baseline(self, path: Path, findings: list[Finding]) -> int:
        write_baseline(path, [self.entry(finding) for finding in findings])
        return len(findings)


class _Fingerprints(Mapping[Finding, str]):
    """Finding -> fingerprint, read lazily: SARIF and JUnit name findings by it, the text output never does."""

    def __init__(self, gate: Gate, findings: Iterable[Finding]) -> None:
        self._gate = gate
        self._findings = tuple(dict.fromkeys(findings))
        self._members = frozenset(self._findings)
        self._known: dict[Finding, str] = {}

    def __getitem__(self, finding: Finding) -> str:
        if finding not in self._members:
            raise KeyError(finding)
        if finding not in self._known:
            self._known[finding] = self._gate.entry(finding).fingerprint
        return self._known[finding]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings)

    def __len__(self) -> int:
        return len(self._findings)
