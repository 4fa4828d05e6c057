"""LK209: a translation whose outline no longer follows its source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule

MIN_HEADINGS = 4
MIN_AGREEMENT = 0.5


@dataclass(frozen=True)
class Outline:
    """How many headings the two files share, by alignment with the same level."""

    source_headings: int
    target_headings: int
    shared: int

    @property
    def agreement(self) -> float:
        return self.shared / max(self.source_headings, self.target_headings, 1)

    @property
    def diverged(self) -> bool:
        return self.source_headings >= MIN_HEADINGS and self.agreement < MIN_AGREEMENT


def outline(pair: FilePair) -> Outline:
    shared = sum(
        1
        for source, target in pair.aligned()
        if source.kind == target.kind == "heading" and source.level == target.level
    )
    return Outline(len(pair.source.headings), len(pair.target.headings), shared)


def diverged(pair: FilePair) -> bool:
    """True when per-heading findings would only restate that the outline differs."""
    return pair.memo("outline", outline).diverged


class StructureDiverged(Rule):
    """
    What it finds:
        A translation whose headings mostly do not match its source's: fewer
        than half of them line up with a heading of the same level. Usually the
        translation follows an older or newer version of the page.

    Why it matters:
        The page needs retranslating from the current source, not a fix per
        heading. This one finding replaces the per-heading findings (LK201,
        LK202, LK203) that would otherwise flood the report for the file.

    Example:
        A source with 24 headings and a translation of last year's page with 15.
        Finding: `the outline differs from the source: 6 of 24 source headings line up`

    Options:
        None. Applies when the source has at least 4 headings.
    """

    code = "LK209"
    name = "structure-diverged"
    summary = "The translation's outline does not follow the source (an outdated page?)."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        shape = pair.memo("outline", outline)
        if shape.diverged:
            yield self.report(
                pair,
                Span.point(1),
                f"the outline differs from the source: {shape.shared} of {shape.source_headings} source headings "
                f"line up with a heading of the same level (the translation has {shape.target_headings}); "
                "it may follow another version of the page",
            )
