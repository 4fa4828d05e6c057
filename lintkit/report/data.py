"""What the report shows, gathered from a run: locales, their files, findings with excerpts.

The HTML and Markdown writers only lay this out; every decision about which
locale a file belongs to, which lines to quote and what counts as clean is here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lintkit.engine import Engine
from lintkit.model import FilePair, Finding, RunResult, Severity
from lintkit.report.excerpts import Excerpt, FileLines, around, source_excerpt
from lintkit.report.families import explanation, family_of


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    family: str
    summary: str
    why: str
    target: Excerpt | None
    source: Excerpt | None


@dataclass
class FileView:
    path: str
    source_path: str | None
    blocks: int = 0
    clean_blocks: int = 0
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class LocaleView:
    locale: str
    is_source: bool
    files: list[FileView] = field(default_factory=list)

    @property
    def findings(self) -> list[FindingView]:
        return [view for file in self.files for view in file.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for view in self.findings if view.finding.severity == severity)

    def by_family(self) -> Counter[str]:
        return Counter(view.family for view in self.findings)

    @property
    def clean_share(self) -> float | None:
        """The share of translated blocks without any finding; None when no file could be parsed."""
        blocks = sum(file.blocks for file in self.files)
        return sum(file.clean_blocks for file in self.files) / blocks if blocks else None


@dataclass
class ReportData:
    locales: list[LocaleView]
    files_checked: int

    @property
    def findings(self) -> list[FindingView]:
        return [view for locale in self.locales for view in locale.findings]


def locale_of(engine: Engine, path: str) -> str:
    """The locale of a displayed path: by the project's layout, the source locale for sources,
    and for a gettext catalog outside the layout what its folder, name or header says."""
    absolute = (engine.cwd / path).resolve()
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
    """Group a run (made with `keep_pairs=True`) by locale and file, with excerpts for every finding."""
    pairs = {pair.target.path: pair for pair in result.pairs}
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
    findings_by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        findings_by_path[finding.path].append(finding)
    source_locale = engine.config["source-locale"]
    explain = cache(lambda code: explanation(code, engine.rules))  # once per rule, not per finding
    locales: dict[str, LocaleView] = {}
    for path, file in files.items():
        pair = pairs.get(path)
        file.findings = _views(engine, findings_by_path[path], pair, explain)
        if pair is not None:
            file.blocks, file.clean_blocks = _clean_blocks(pair, findings_by_path[path])
        locale = locale_by_path[path]
        locales.setdefault(locale, LocaleView(locale, locale == source_locale)).files.append(file)
    ordered = sorted(locales.values(), key=lambda view: (not view.is_source, view.locale.lower()))
    for view in ordered:
        view.files.sort(key=lambda file: file.path)
    return ReportData(ordered, result.files_checked)


def _views(
    engine: Engine, findings: list[Finding], pair: FilePair | None, explain: Callable[[str], tuple[str, str]]
) -> list[FindingView]:
    if not findings:
        return []
    lines = FileLines.of_document(pair.target) if pair is not None else FileLines.read(engine.cwd / findings[0].path)
    views = []
    for finding in findings:
        summary, why = explain(finding.code)
        target = around(finding.path, lines, finding.span) if lines else None
        source = source_excerpt(pair, finding) if pair is not None else None
        views.append(FindingView(finding, family_of(finding.code), summary, why, target, source))
    return views


def _clean_blocks(pair: FilePair, findings: list[Finding]) -> tuple[int, int]:
    """How many blocks the translation has, and how many no finding points into."""
    lines = [finding.span.line for finding in findings]
    clean = sum(
        1
        for block in pair.target.blocks
        if not any(block.span.line <= line <= max(block.span.end_line, block.span.line) for line in lines)
    )
    return len(pair.target.blocks), clean
