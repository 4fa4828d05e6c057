"""The run: discover, load (each source once), align, apply rules, and settle the findings.

Errors are values here: a file that cannot be read is a finding, and nothing
in this module decides exit codes or prints.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from lintkit.analysis.links.targets import FileTargets
from lintkit.config import Config
from lintkit.formats import Formats
from lintkit.formats.base import Format, FormatSettings
from lintkit.formats.decoding import NotRegularFile, read_regular
from lintkit.gate.selection import Selection
from lintkit.gate.settle import Gate
from lintkit.model import Document, FilePair, Finding, Job, RunResult, Span
from lintkit.model import LocaleSet as LocaleSet  # where tests and callers have always found it
from lintkit.packs.loader import do_not_translate_terms
from lintkit.paths import display_path
from lintkit.problems import input_problem
from lintkit.rules.base import Rule
from lintkit.run.project import Project
from lintkit.run.workers import JobOutcome, UnitOutcome, process_count, run_units

# A run keeps many small objects until its file is done (words, inlines, blocks); at the collector's own
# pace (a young collection every 700 new objects) scanning them again took 10-25% of a run, and every
# 50,000 still 2-3% (a 1 MB catalog: 45 ms of collections). Every 200,000, a 1 MB catalog still had one
# young collection while its documents were built, 0.1-0.14 s (5-7% of its check) that freed nothing. Cycles
# are rare here, so collecting less often frees the same memory a little later: 810 pages peak at the same
# 80 MB with either pace, 16 copies of hourofcode at 85-87 MB, the 1 MB catalog at 63 MB.
YOUNG_COLLECTION_AFTER = 500_000


class Engine:
    """Runs the selected rules of a configuration over a set of translations."""

    def __init__(self, config: Config, rules: Sequence[Rule], cwd: Path | None = None) -> None:
        self.config = config
        self.formats = Formats(format_settings(config))
        self.project = Project(config, self.formats)
        self.selection = Selection.for_config(config, rules)
        self.rules = [rule for rule in rules if self.selection.enabled(rule.code, rule.name)]
        self.all_rules = tuple(rules)  # pack terms (do-not-translate) apply even where their check is off
        self.cwd = (cwd or Path.cwd()).resolve()
        self.link_targets = FileTargets.for_run(config, self.cwd, lambda path: self._load(path, ""))
        self.gate = Gate(config, self.selection, self.cwd, {rule.code for rule in rules if rule.scope == "locale"})
        self._sources: dict[Path, Document | Finding] = {}
        self._source_problems: list[Finding] = []
        self._options: dict[str, dict[str, Any]] = {}

    def display(self, path: Path) -> str:
        """Paths in output are relative to the working directory."""
        return display_path(path, self.cwd)

    def run(self, paths: Iterable[Path] = (), keep_pairs: bool = False, progress: Callable | None = None) -> RunResult:
        thresholds = gc.get_threshold()  # the collector's pace for the run (see YOUNG_COLLECTION_AFTER)
        gc.set_threshold(thresholds[0] and max(YOUNG_COLLECTION_AFTER, thresholds[0]), *thresholds[1:])
        try:
            return self._run(tuple(paths), keep_pairs, progress)
        finally:
            gc.set_threshold(*thresholds)

    def _run(self, paths: tuple[Path, ...], keep_pairs: bool, progress: Callable | None) -> RunResult:
        jobs = self.project.discover(paths)
        findings: list[Finding] = [_unclaimed(self.display(path)) for path in self.project.unclaimed]
        findings += [
            input_problem(problem.code, self.display(problem.path), Span.point(1), problem.message)
            for problem in self.project.walk_problems
        ]
        # A source and its translations are one unit of work: the source is parsed once, then let go.
        by_source: dict[Path, list[int]] = {}
        for index, job in enumerate(jobs):
            by_source.setdefault(job.source, []).append(index)
        units = list(by_source.values())
        locale_rules = [rule for rule in self.rules if rule.scope == "locale"]
        # Facts that are whole pairs cannot travel between processes (nor should they: they are big).
        here = keep_pairs or not all(rule.keeps_compact_facts() for rule in locale_rules)
        processes = 1 if here else process_count(self.config["jobs"], len(units), len(jobs))
        finished = _Counter(progress, len(jobs))
        outcomes: list[JobOutcome | None] = [None] * len(jobs)
        source_problems: list[Finding] = []
        sources: set[Path] = set()

        def check(index: int, tick: Callable[[], None] | None) -> UnitOutcome:
            return self.check_source([jobs[number] for number in units[index]], units[index], keep_pairs, tick)

        for outcome in run_units(check, [len(unit) for unit in units], processes, finished.add):
            for job_outcome in outcome.jobs:
                outcomes[job_outcome.index] = job_outcome
            source_problems.extend(outcome.source_problems)
            sources.update(outcome.sources)
        checked: list[str] = []  # the rules ran on these
        kept: list[FilePair] = []
        # Findings are gathered locale by locale, each file in the run's order and then the locale's rules.
        by_locale: dict[str, list[JobOutcome]] = {}
        for job, job_outcome in zip(jobs, outcomes, strict=True):
            assert job_outcome is not None, "every job belongs to one unit"
            by_locale.setdefault(job.locale, []).append(job_outcome)
        for locale, done in sorted(by_locale.items()):
            paired = [outcome for outcome in done if outcome.checked is not None]
            for outcome in done:
                findings.extend(outcome.findings)
            checked.extend(outcome.checked for outcome in paired if outcome.checked is not None)
            kept.extend(outcome.pair for outcome in paired if outcome.pair is not None)
            if not paired:
                continue
            first = paired[0].checked
            for number, rule in enumerate(locale_rules):
                facts = [outcome.facts[number] for outcome in paired if outcome.facts is not None]
                facts = [fact for fact in facts if not isinstance(fact, _NoFacts)]
                findings.extend(_guarded(rule, partial(rule.check_facts, locale), facts, first))
        # Identical findings (one link lost twice from the same source line) say one thing once.
        settled = list(dict.fromkeys(self.selection.settle(findings + source_problems)))
        gated = self.gate.apply(settled, checked, partial=bool(paths))
        settled = sorted(gated.findings, key=Finding.sort_key)
        return RunResult(settled, jobs, len(sources), kept, gated.baseline_hidden, gated.baseline_fixed)

    def check_source(
        self,
        jobs: list[Job],
        indexes: list[int],
        keep_pairs: bool = False,
        tick: Callable[[], None] | None = None,
    ) -> UnitOutcome:
        """The translations of one source (`indexes`: their places in the run); the source is then let go."""
        locale_rules = [rule for rule in self.rules if rule.scope == "locale"]
        known_sources, known_problems = set(self._sources), len(self._source_problems)
        done: list[JobOutcome] = []
        for job, index in zip(jobs, indexes, strict=True):
            pair, problems = self.check_job(job)
            outcome = JobOutcome(index, problems)
            if pair is not None:
                outcome.checked = pair.target.path
                outcome.facts = tuple(self._facts(rule, pair, problems) for rule in locale_rules)
                if keep_pairs:
                    outcome.pair = pair
                else:
                    pair.forget_analyses()
            done.append(outcome)
            if tick is not None:
                tick()
        parsed = frozenset(self._sources.keys() - known_sources)
        problems = self._source_problems[known_problems:]
        for path in parsed:  # every translation of it is checked
            del self._sources[path]
        del self._source_problems[known_problems:]
        return UnitOutcome(done, problems, parsed)

    def _facts(self, rule: Rule, pair: FilePair, problems: list[Finding]) -> Any:
        """What a locale rule keeps of the file; a rule that fails on it is an LK909 finding for the file."""
        try:
            return rule.locale_facts(pair)
        except Exception as error:  # as in `_guarded`: the other rules and files go on
            problems.append(_failure(rule, error, pair.target.path))
            return _NoFacts()

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
        """The settings the rules declare in `reads`, for one locale: the rule context of its pairs. Worked out
        once per locale (its term lists join every pack's), and each pair gets its own copy."""
        if locale not in self._options:
            self._options[locale] = self._locale_options(locale)
        return dict(self._options[locale])

    def _locale_options(self, locale: str) -> dict[str, Any]:
        config = self.config.for_locale(locale)
        declared = sorted({key for rule in self.all_rules for key in rule.reads})
        derived: dict[str, Any] = {
            "link-targets": self.link_targets,
            "do-not-translate": (*config["do-not-translate"], *do_not_translate_terms(self.all_rules, locale)),
        }
        return {key: derived[key] if key in derived else config[key] for key in declared}

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
            data = read_regular(path)
        except NotRegularFile as error:
            return input_problem("LK908", shown, Span.point(1), f"skipped: {error}")
        except OSError as error:
            return input_problem("LK900", shown, Span.point(1), f"cannot read the file: {error.strerror}")
        return format.load(shown, data, locale)


class _Counter:
    """Turns "n more files done" into the engine's `progress(done, total)` calls."""

    def __init__(self, progress: Callable | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


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
        return [_failure(rule, error, path)]


def _failure(rule: Rule, error: Exception, path: str) -> Finding:
    if os.environ.get("LINTKIT_DEBUG"):
        import traceback

        traceback.print_exc()
    message = f"rule {rule.code} ({rule.name}) failed on this file: {type(error).__name__}: {error}; please report it"
    return input_problem("LK909", path, Span.point(1), message)


class _NoFacts:
    """A locale rule failed on the file, which is left out of its locale check (survives pickling, as a type)."""
