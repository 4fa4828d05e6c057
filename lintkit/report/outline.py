"""The two outlines an LK209 card shows side by side: the source's headings and the translation's.

When a translation follows another version of its page, one excerpt says
little; the translator needs to see where the headings part ways. Each heading
is marked when the alignment matched it with a heading of the same level, so
the ones without a counterpart stand out.
"""

from __future__ import annotations

from dataclasses import dataclass

from lintkit.model import Block, FilePair

MAX_HEADINGS = 60  # per side; a longer outline says how many it leaves out


@dataclass(frozen=True)
class OutlineEntry:
    line: int
    level: int
    text: str
    matched: bool


@dataclass(frozen=True)
class Outline:
    path: str
    entries: tuple[OutlineEntry, ...]
    left_out: int


@dataclass(frozen=True)
class OutlineView:
    source: Outline
    target: Outline


def outline_view(pair: FilePair) -> OutlineView:
    matched_source: set[int] = set()
    matched_target: set[int] = set()
    for source, target in pair.aligned():
        if source.kind == target.kind == "heading" and source.level == target.level:
            matched_source.add(source.index)
            matched_target.add(target.index)
    return OutlineView(
        _outline(pair.source.path, pair.source.headings, matched_source),
        _outline(pair.target.path, pair.target.headings, matched_target),
    )


def _outline(path: str, headings: tuple[Block, ...], matched: set[int]) -> Outline:
    entries = tuple(
        OutlineEntry(block.span.line, block.level, block.text.strip() or block.raw.strip(), block.index in matched)
        for block in headings[:MAX_HEADINGS]
    )
    return Outline(path, entries, max(0, len(headings) - MAX_HEADINGS))
