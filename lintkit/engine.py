"""The run: discover, load (each source once), align, apply rules, and settle the findings.

Errors are values here: a file that cannot be read is a finding, and nothing
in this module decides exit codes or prints.
"""

from __future__ import annotations

import os
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintkit.align import align
from lintkit.config import Config
from lintkit.gate import Gate
from lintkit.links.targets import FileTargets
from lintkit.loaders import Loaders
from lintkit.model import Document, FilePair, Finding, Severity, Span
from lintkit.packs import do_not_translate_terms
from lintkit.po.jobs import is_catalog
from lintkit.problems import input_problem
from lintkit.project import Job, Project
from lintkit.rules.base import Rule
from lintkit.selection import Selection


@dataclass
class LocaleSet:
    """All pairs of one locale in this run: what consistency rules read."""

    locale: str
    pairs: list[FilePair]


@dataclass
class RunResult:
    """Findings, sorted, and the counts a summary needs."""

    findings: list[Finding]
    files_checked: int
    sources_parsed: int
    pairs: list[FilePair] = field(default_factory=list)
    baseline_hidden: int | None = None  # None: no baseline in use
    baseline_fixed: int | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def failed(self, threshold: Severity) -> bool:
        return any(finding.severity >= threshold for finding in self.findings)


class Engine:
    """Runs the selected rules of a configuration over a set of translations."""

    def __init__(self, config: Config, rules: Sequence[Rule], cwd: Path | None = None) -> None:
        self.config = config
        self.project = Project(config)
        self.selection = Selection(
            config["select"], config["ignore"], config["severity"], rules, config["extend-select"]
        )
        self.rules = [rule for rule in rules if self.selection.enabled(rule.code, rule.name)]
        self.all_rules = tuple(rules)  # pack terms (do-not-translate) apply even where their check is off
        self.loaders = Loaders(config)
        self.cwd = (cwd or Path.cwd()).resolve()
        self.link_targets = FileTargets.for_run(config, self.cwd, lambda path: self._load(path, ""))
        self.gate = Gate(config, self.selection, self.cwd, {rule.code for rule in rules if rule.scope == "locale"})
        self._sources: dict[Path, Document | Finding] = {}
        self._source_problems: list[Finding] = []

    def display(self, path: Path) -> str:
        """Paths in output are relative to the working directory."""
        return Path(os.path.relpath(path, self.cwd)).as_posix()

    def run(self, paths: Iterable[Path] = (), keep_pairs: bool = False, progress: Callable | None = None) -> RunResult:
        paths = tuple(paths)
        jobs = self.project.discover(paths)
        findings: list[Finding] = []
        by_locale: dict[str, list[FilePair]] = defaultdict(list)
        kept: list[FilePair] = []
        for number, job in enumerate(jobs, start=1):
            pair, problems = self.check_job(job)
            findings.extend(problems)
            if pair is not None:
                by_locale[job.locale].append(pair)
                if keep_pairs:
                    kept.append(pair)
            if progress is not None:
                progress(number, len(jobs))
        for locale, pairs in sorted(by_locale.items()):
            locale_set = LocaleSet(locale, pairs)
            for rule in self.rules:
                if rule.scope == "locale":
                    findings.extend(_guarded(rule, rule.check_locale, locale_set, pairs[0].target.path))
        # Identical findings (one link lost twice from the same source line) say one thing once.
        settled = list(dict.fromkeys(self.selection.settle(findings + self._source_problems)))
        checked = [pair.target.path for pairs in by_locale.values() for pair in pairs]  # the rules ran on these
        gated = self.gate.apply(settled, checked, partial=bool(paths))
        settled = sorted(gated.findings, key=Finding.sort_key)
        return RunResult(settled, len(jobs), len(self._sources), kept, gated.baseline_hidden, gated.baseline_fixed)

    def check_job(self, job: Job) -> tuple[FilePair | None, list[Finding]]:
        if is_catalog(job.target):
            pair, problems = self.loaders.catalogs.pair(job, self.display, self.rule_options(job.locale))
            for rule in self.rules if pair is not None else ():
                if rule.scope == "file":
                    problems.extend(_guarded(rule, rule.check, pair, pair.target.path))
            return pair, problems
        target = self._load(job.target, job.locale)
        if isinstance(target, Finding):
            return None, [target]
        problems = list(target.problems)
        if not job.source.is_file():
            problems.append(
                input_problem(
                    "LK904",
                    target.path,
                    Span.point(1),
                    f"no source file: expected {self.display(job.source)}",
                    source_path=self.display(job.source),
                )
            )
            return None, problems
        source = self._source(job.source)
        if isinstance(source, Finding):
            return None, problems
        if not target.blocks and target.problems:
            return None, problems
        pair = FilePair(source, target, align(source.blocks, target.blocks), self.rule_options(job.locale))
        for rule in self.rules:
            if rule.scope == "file":
                problems.extend(_guarded(rule, rule.check, pair, target.path))
        return pair, problems

    def rule_options(self, locale: str = "") -> dict[str, Any]:
        config = self.config.for_locale(locale)
        return {
            "translatable-keys": config["translatable-keys"],
            "optional-keys": config["optional-keys"],
            "link-map": config["link-map"],
            "link-targets": self.link_targets,
            "do-not-translate": (*config["do-not-translate"], *do_not_translate_terms(self.all_rules, locale)),
            "translatable-placeholders": config["translatable-placeholders"],
            "optional-placeholders": config["optional-placeholders"],
            "slug-style": config["slug-style"],
        }

    def _source(self, path: Path) -> Document | Finding:
        """Each source is parsed once per run, however many translations it has."""
        if path not in self._sources:
            document = self._load(path, self.config["source-locale"])
            self._sources[path] = document
            if isinstance(document, Finding):
                self._source_problems.append(document)
            else:
                self._source_problems.extend(document.problems)
        return self._sources[path]

    def _load(self, path: Path, locale: str) -> Document | Finding:
        shown = self.display(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            return input_problem("LK900", shown, Span.point(1), f"cannot read the file: {error.strerror}")
        return self.loaders.load(shown, data, locale)


def _guarded(rule: Rule, check: Callable[[Any], Iterable[Finding]], subject: Any, path: str) -> list[Finding]:
    """A rule's findings, or one LK909 finding when the rule fails: the run goes on either way."""
    try:
        return list(check(subject))
    except Exception as error:  # a bug in one rule must not stop the other rules and files
        if os.environ.get("LINTKIT_DEBUG"):
            traceback.print_exc()
        message = (
            f"rule {rule.code} ({rule.name}) failed on this file: {type(error).__name__}: {error}; please report it"
        )
        return [input_problem("LK909", path, Span.point(1), message)]
