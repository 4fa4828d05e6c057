"""What every translation of one source reads of it: its names, its vocabulary, each block's words and their places.

A source with many translations (a site in eighteen locales) has its words cut
and indexed once, not once per translation: so are each block's prose canvas
(a translated block with the same canvas has the same words) and whether the
block is code written as text.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from itertools import pairwise

from lintkit.analysis.language.copied_runs import source_places
from lintkit.analysis.language.names import is_code_like
from lintkit.analysis.language.words import Canvas, Word, prose_canvas, words_of
from lintkit.model import Block, Document

_NO_PAIRS: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """What every translation of one source reads: its names, its vocabulary and each block's words."""

    names: frozenset[str]
    vocabulary: frozenset[str]
    words: dict[int, list[Word]]  # by id() of the source's blocks
    canvases: dict[int, Canvas]  # by id() of the source's blocks that have prose
    # each source block's lowercase words, their places and the pairs of them side by side, by id() of its
    # word list, as translations ask
    index: dict[int, tuple[list[Word], list[str], dict[str, list[int]], frozenset[tuple[str, str]]]]
    code_like: dict[int, bool]  # is_code_like() of the source's blocks, by id(), as translations ask

    def places(self, source_words: list[Word]) -> tuple[list[str], dict[str, list[int]]]:
        """A source block's lowercase words and where each stands, once for all translations of the source."""
        if not source_words:
            return [], {}
        found = self._indexed(source_words)
        return found[1], found[2]

    def pairs(self, source_words: list[Word]) -> frozenset[tuple[str, str]]:
        """A source block's lowercase words side by side: a run copied from it starts with one of these pairs."""
        return self._indexed(source_words)[3] if source_words else _NO_PAIRS

    def _indexed(self, source_words: list[Word]):
        key = id(source_words)
        found = self.index.get(key)
        if found is None or found[0] is not source_words:
            source_lower = [word.lower for word in source_words]
            pairs = frozenset(pairwise(source_lower))
            found = self.index[key] = (source_words, source_lower, source_places(source_lower), pairs)
        return found

    def is_code_like(self, source_block: Block) -> bool:
        """`names.is_code_like` of a source block, once for all translations that keep the block as it is."""
        found = self.code_like.get(id(source_block))
        if found is None:
            found = self.code_like[id(source_block)] = is_code_like(source_block)
        return found


# One summary per live source document and term list: a source with many translations
# has its words cut once. An entry goes when its document is collected, so memory follows
# the documents still in use, not the size of the run.
_SOURCE_SUMMARIES: dict[tuple[int, tuple[str, ...]], SourceSummary] = {}


def source_summary(source: Document, terms: tuple[str, ...]) -> SourceSummary:
    """The source's names (words it capitalizes inside sentences), vocabulary and block words, once."""
    key = (id(source), terms)
    kept = _SOURCE_SUMMARIES.get(key)
    if kept is not None:
        return kept
    names, vocabulary, by_block, canvases = set(), set(), {}, {}
    for block in source.blocks:
        canvas = prose_canvas(source, block)
        words = [] if canvas is None else words_of(source, canvas, terms)
        by_block[id(block)] = words
        if canvas is not None:
            canvases[id(block)] = canvas
        vocabulary.update([word.lower for word in words])
        if block.kind != "heading":  # capitalized inside a sentence (`Word.capitalized`, written out)
            names.update([word.lower for word in words if not word.sentence_start and word.text[:1].isupper()])
    summary = SourceSummary(frozenset(names), frozenset(vocabulary), by_block, canvases, {}, {})
    _SOURCE_SUMMARIES[key] = summary
    weakref.finalize(source, _SOURCE_SUMMARIES.pop, key, None)
    return summary
