"""What every translation of one source reads of it: its names, its vocabulary, each block's words and their places.

A source with many translations (a site in eighteen locales) has its words cut
and indexed once, not once per translation.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from lintkit.analysis.language.copied_runs import source_places
from lintkit.analysis.language.words import Word, block_words
from lintkit.model import Document


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """What every translation of one source reads: its names, its vocabulary and each block's words."""

    names: frozenset[str]
    vocabulary: frozenset[str]
    words: dict[int, list[Word]]  # by id() of the source's blocks
    # each source block's lowercase words and their places, by id() of its word list, as translations ask
    index: dict[int, tuple[list[Word], list[str], dict[str, list[int]]]]

    def places(self, source_words: list[Word]) -> tuple[list[str], dict[str, list[int]]]:
        """A source block's lowercase words and where each stands, once for all translations of the source."""
        if not source_words:
            return [], {}
        key = id(source_words)
        found = self.index.get(key)
        if found is None or found[0] is not source_words:
            source_lower = [word.lower for word in source_words]
            found = self.index[key] = (source_words, source_lower, source_places(source_lower))
        return found[1], found[2]


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
    names, vocabulary, by_block = set(), set(), {}
    for block in source.blocks:
        words = block_words(source, block, terms)
        by_block[id(block)] = words
        vocabulary.update([word.lower for word in words])
        if block.kind != "heading":  # capitalized inside a sentence (`Word.capitalized`, written out)
            names.update([word.lower for word in words if not word.sentence_start and word.text[:1].isupper()])
    summary = SourceSummary(frozenset(names), frozenset(vocabulary), by_block, {})
    _SOURCE_SUMMARIES[key] = summary
    weakref.finalize(source, _SOURCE_SUMMARIES.pop, key, None)
    return summary
