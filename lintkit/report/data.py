"""What the report shows, gathered from a run: locales, their files, and cards with excerpts.

The HTML writer only lays this out; every decision about which locale a file
belongs to, what comes first, which findings share a card, which lines to quote,
what counts as clean and how much fits on one page is here.

Severity comes first everywhere: locales and files by their errors, then
warnings, then info; within a file, error cards before warnings before info.
The page stays small on any site: at most `MAX_CARDS_PER_FILE` cards per file
and `MAX_CARDS` in all (shared out so that every locale gets its worst
cards first), each cut said in a note with the counts it leaves out.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lintkit.formatters.markdown import untranslated_pages
from lintkit.model import FilePair, Finding, RunResult, Severity
from lintkit.paths import real_name
from lintkit.report.excerpts import Excerpt, FileLines, around, source_excerpt
from lintkit.report.families import explanation, family_of
from lintkit.report.outline import OutlineView, outline_view
from lintkit.run.engine import Engine

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
MAX_CARDS_PER_FILE = 40
MAX_CARDS = 3_000
OUTLINE_CODE = "LK209"


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    family: str
    summary: str
    why: str
    target: Excerpt | None
    source: Excerpt | None


@dataclass(frozen=True)
class Card:
    """One box on the page: a finding, or the findings of a page left in English, which say one thing.

    `lead` is the finding whose excerpts are shown; `members` are every finding the card stands for
    (the lead included), listed in a collapsed list when there are several.
    """

    kind: str  # "finding", "untranslated" or "outline"
    lead: FindingView
    members: tuple[Finding, ...]
    outline: OutlineView | None = None

    @property
    def severity(self) -> Severity:
        return max(finding.severity for finding in self.members)


@dataclass
class FileView:
    path: str
    source_path: str | None
    findings: list[Finding] = field(default_factory=list)
    blocks: int = 0
    clean_blocks: int = 0
    cards: list[Card] = field(default_factory=list)
    left_out: list[Finding] = field(default_factory=list)  # findings of cards cut to keep the page small

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def rank(self) -> tuple:
        """Worst first: most errors, then warnings, then info; then by path."""
        return (*(-self.count(severity) for severity in SEVERITIES), self.path)

    @property
    def clean_share(self) -> float | None:
        return self.clean_blocks / self.blocks if self.blocks else None

    @property
    def anchor(self) -> str:
        return f"file:{self.path}"


@dataclass
class LocaleView:
    locale: str
    is_source: bool
    files: list[FileView] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for file in self.files for finding in file.findings]

    def count(self, severity: Severity) -> int:
        return sum(file.count(severity) for file in self.files)

    def by_family(self) -> Counter[str]:
        return Counter(family_of(finding.code) for finding in self.findings)

    def by_severity_and_family(self) -> dict[Severity, Counter[str]]:
        counts: dict[Severity, Counter[str]] = {severity: Counter() for severity in SEVERITIES}
        for finding in self.findings:
            counts[finding.severity][family_of(finding.code)] += 1
        return counts

    @property
    def rank(self) -> tuple:
        """Translations worst first (errors, warnings, info); the source files' own problems last."""
        return (self.is_source, *(-self.count(severity) for severity in SEVERITIES), self.locale.lower())

    @property
    def clean_share(self) -> float | None:
        """The share of translated blocks without any finding; None when no file could be parsed."""
        blocks = sum(file.blocks for file in self.files)
        return sum(file.clean_blocks for file in self.files) / blocks if blocks else None


@dataclass
class ReportData:
    locales: list[LocaleView]
    files_checked: int
    max_cards_per_file: int = MAX_CARDS_PER_FILE  # the caps this report was cut to, for its notes
    max_cards: int = MAX_CARDS

    @property
    def findings(self) -> list[Finding]:
        return [finding for locale in self.locales for finding in locale.findings]

    @property
    def cards(self) -> list[Card]:
        return [card for locale in self.locales for file in locale.files for card in file.cards]


def locale_of(engine: Engine, path: str) -> str:
    """The locale of a displayed path: by the project's layout, the source locale for sources,
    and for a gettext catalog outside the layout what its folder, name or header says."""
    absolute = Path(os.path.realpath(engine.cwd / real_name(path)))  # realpath: a link loop does not raise
    relative = engine.project.relative(absolute)
    if relative is not None:
        if engine.project.as_source(relative) is not None:
            return engine.config["source-locale"]
        job = engine.project.as_target(relative)
        if job is not None:
            return job.locale
    if absolute.is_file():
        lone = engine.project.own_job(absolute, frozenset({absolute}))
        return lone.locale if lone is not None else ""
    return ""


def build(engine: Engine, result: RunResult, paths: Iterable[Path] = ()) -> ReportData:
    """Group a run (made with `keep_pairs=True`) by locale and file, worst first, with the cards that fit."""
    files: dict[str, FileView] = {}
    locale_by_path: dict[str, str] = {}
    for job in result.jobs:
        shown = engine.display(job.target)
        files[shown] = FileView(shown, engine.display(job.source))
        locale_by_path[shown] = job.locale
    for finding in result.findings:
        if finding.path not in files:  # a problem of a source file, which is no job of its own
            files[finding.path] = FileView(finding.path, None)
            locale_by_path[finding.path] = locale_of(engine, finding.path) or engine.config["source-locale"]
        files[finding.path].findings.append(finding)
    pairs = {pair.target.path: pair for pair in result.pairs}
    source_locale = engine.config["source-locale"]
    locales: dict[str, LocaleView] = {}
    for path, file in files.items():
        pair = pairs.get(path)
        if pair is not None:
            file.blocks, file.clean_blocks = _clean_blocks(pair, file.findings)
        locale = locale_by_path[path]
        locales.setdefault(locale, LocaleView(locale, locale == source_locale)).files.append(file)
    ordered = sorted(locales.values(), key=lambda view: view.rank)
    for view in ordered:
        view.files.sort(key=lambda file: file.rank)
    chosen = _within_budget(ordered)
    explain = cache(lambda code: explanation(code, engine.rules))  # once per rule, not per card
    for view in ordered:
        for file in view.files:
            kept = chosen.get(file.path, [])
            shown = {id(finding) for group in kept for finding in group}
            file.left_out = [finding for finding in file.findings if id(finding) not in shown]
            if kept:
                file.cards = _cards(engine, kept, pairs.get(file.path), explain)
    return ReportData(ordered, result.files_checked, MAX_CARDS_PER_FILE, MAX_CARDS)


def card_groups(findings: list[Finding]) -> list[list[Finding]]:
    """A file's findings as the groups its cards show, most severe first, then in line order.

    The findings of an untranslated page (many LK401/LK402 in one file) are one group; every other
    finding is its own.
    """
    pages = untranslated_pages(findings)
    grouped = {id(finding) for members in pages.values() for finding in members}
    groups = [list(members) for members in pages.values()]
    groups += [[finding] for finding in findings if id(finding) not in grouped]
    return sorted(groups, key=lambda group: (-max(f.severity for f in group), group[0].span.line, group[0].sort_key()))


def _within_budget(locales: list[LocaleView]) -> dict[str, list[list[Finding]]]:
    """Which card groups each file shows: its first `MAX_CARDS_PER_FILE`, and `MAX_CARDS` in all.

    Every error card of every locale comes before any warning card, and within one severity the
    locales take turns (each locale's n-th card before any locale's n+1-th), so a long locale cannot
    crowd out the others.
    """
    candidates = []
    for locale_rank, locale in enumerate(locales):
        turns: Counter[Severity] = Counter()
        for file in locale.files:
            for group in card_groups(file.findings)[:MAX_CARDS_PER_FILE]:
                severity = max(finding.severity for finding in group)
                turns[severity] += 1
                candidates.append(((-severity, turns[severity], locale_rank), file.path, group))
    candidates.sort(key=lambda candidate: candidate[0])
    chosen: dict[str, list[list[Finding]]] = defaultdict(list)
    for _, path, group in candidates[:MAX_CARDS]:
        chosen[path].append(group)
    for groups in chosen.values():
        groups.sort(key=lambda group: (-max(f.severity for f in group), group[0].span.line, group[0].sort_key()))
    return chosen


def _cards(
    engine: Engine, groups: list[list[Finding]], pair: FilePair | None, explain: Callable[[str], tuple[str, str]]
) -> list[Card]:
    path = groups[0][0].path
    lines = FileLines.of_document(pair.target) if pair is not None else FileLines.read(engine.cwd / path)
    cards = []
    for group in groups:
        lead = group[0]
        summary, why = explain(lead.code)
        target = around(lead.path, lines, lead.span) if lines else None
        source = source_excerpt(pair, lead) if pair is not None else None
        view = FindingView(lead, family_of(lead.code), summary, why, target, source)
        if len(group) > 1:
            cards.append(Card("untranslated", view, tuple(group)))
        elif lead.code == OUTLINE_CODE and pair is not None:
            cards.append(Card("outline", view, (lead,), outline_view(pair)))
        else:
            cards.append(Card("finding", view, (lead,)))
    return cards


def _clean_blocks(pair: FilePair, findings: list[Finding]) -> tuple[int, int]:
    """How many blocks the translation has, and how many no finding points into."""
    lines = sorted({finding.span.line for finding in findings})
    clean = 0
    for block in pair.target.blocks:
        first, last = block.span.line, max(block.span.end_line, block.span.line)
        nearest = bisect_left(lines, first)  # the first finding line at or after the block's start
        if nearest == len(lines) or lines[nearest] > last:
            clean += 1
    return len(pair.target.blocks), clean
