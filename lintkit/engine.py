"""The run: discover, load (each source once), align, apply rules, and settle the findings.

Errors are values here: a file that cannot be read is a finding, and nothing
in this module decides exit codes or prints.
"""

from __future__ import annotations

import os
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from lintkit.config import Config
from lintkit.formats import Formats
from lintkit.formats.base import Format, FormatSettings
from lintkit.gate import Gate
from lintkit.links.targets import FileTargets
from lintkit.model import Document, FilePair, Finding, Job, LocaleSet, RunResult, Span
from lintkit.packs import do_not_translate_terms
from lintkit.problems import input_problem
from lintkit.project import Project
from lintkit.rules.base import Rule
from lintkit.selection import Selection


class Engine:
    """Runs the selected rules of a configuration over a set of translations."""

    def __init__(self, config: Config, rules: Sequence[Rule], cwd: Path | None = None) -> None:
        self.config = config
        self.formats = Formats(format_settings(config))
        self.project = Project(config, self.formats)
        self.selection = Selection(
            config["select"], config["ignore"], config["severity"], rules, config["extend-select"]
        )
        self.rules = [rule for rule in rules if self.selection.enabled(rule.code, rule.name)]
        self.all_rules = tuple(rules)  # pack terms (do-not-translate) apply even where their check is off
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
        findings: list[Finding] = [_unclaimed(self.display(path)) for path in self.project.unclaimed]
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
        return RunResult(settled, jobs, len(self._sources), kept, gated.baseline_hidden, gated.baseline_fixed)

    def check_job(self, job: Job) -> tuple[FilePair | None, list[Finding]]:
        """Load a translation and the file it is compared with, pair them through their format, run the rules."""
        format = self.formats.get(job.format)
        target = self._load(job.target, job.locale, format)
        if isinstance(target, Finding):
            return None, [target]
        problems = list(target.problems)
        if not target.parsed:
            return None, problems
        source: Document | None = None
        if job.source != job.target:
            if not job.source.is_file():
                message = f"no source file: expected {self.display(job.source)}"
                shown = self.display(job.source)
                problems.append(input_problem("LK904", target.path, Span.point(1), message, source_path=shown))
                return None, problems
            loaded = self._source(job.source, format)
            source = loaded if isinstance(loaded, Document) and loaded.parsed else None
            if source is None and format.needs_source:
                return None, problems
        pair = format.pair(source, target, self.rule_options(job.locale))
        for rule in self.rules:
            if rule.scope == "file" and rule.reads_format(format.name):
                problems.extend(_guarded(rule, rule.check, pair, target.path))
        return pair, problems

    def rule_options(self, locale: str = "") -> dict[str, Any]:
        config = self.config.for_locale(locale)
        return {
            "translatable-keys": config["translatable-keys"],
            "optional-keys": config["optional-keys"],
            "link-map": config["link-map"],
            "jsx-text-props": config["jsx-text-props"],
            "jsx-link-props": config["jsx-link-props"],
            "link-targets": self.link_targets,
            "do-not-translate": (*config["do-not-translate"], *do_not_translate_terms(self.all_rules, locale)),
            "translatable-placeholders": config["translatable-placeholders"],
            "optional-placeholders": config["optional-placeholders"],
            "slug-style": config["slug-style"],
            "untranslated-terms": config["untranslated-terms"],
        }

    def _source(self, path: Path, format: Format) -> Document | Finding:
        """Each source is parsed once per run, however many translations it has."""
        if path not in self._sources:
            document = self._load(path, self.config["source-locale"], format)
            self._sources[path] = document
            if isinstance(document, Finding):
                self._source_problems.append(document)
            else:
                self._source_problems.extend(document.problems)
        return self._sources[path]

    def _load(self, path: Path, locale: str, format: Format | None = None) -> Document | Finding:
        shown = self.display(path)
        format = format or self.formats.for_path(path)
        if format is None:
            return _unclaimed(shown)
        try:
            data = path.read_bytes()
        except OSError as error:
            return input_problem("LK900", shown, Span.point(1), f"cannot read the file: {error.strerror}")
        return format.load(shown, data, locale)


def format_settings(config: Config) -> FormatSettings:
    """What reading files depends on, out of the configuration."""
    return FormatSettings(
        placeholders=tuple(config["placeholders"]),
        source_locale=config["source-locale"],
        check_fuzzy=config["check-fuzzy"],
        text_props=tuple(config["jsx-text-props"]),
        link_props=tuple(config["jsx-link-props"]),
    )


def _unclaimed(shown: str) -> Finding:
    suffix = Path(shown).suffix.lower()
    kind = f"{suffix} files" if suffix else "files without a suffix"
    return input_problem("LK905", shown, Span.point(1), f"not checked: no format reads {kind}")


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
