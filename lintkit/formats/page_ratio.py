"""How long a translation runs against its source, as the aligner and the grouping expect it.

Lengths tell which of two blocks is a pair's partner and whether two paragraphs
are one split in two, but only against this translation's own ratio: French
runs longer than English, Japanese shorter. The ratio is taken over pairs of
translated text (the front matter's prose included), with a 1:1 prior.
"""

from __future__ import annotations

from lintkit.formats.block_measures import text_length
from lintkit.formats.similarity import TEXT_KINDS
from lintkit.model import AlignedPair


def text_ratio(pairs: list[AlignedPair]) -> float:
    """How long this translation's text is against its source's, over the blocks paired so far: text left as in
    the source says nothing of it, and a section only one side has (an older or newer page) would skew it. A 1:1
    prior keeps a page with one or two pairs from taking its ratio from the pair that is in doubt."""
    counted = [pair for pair in pairs if length_evidence(pair)]
    source = sum(text_length(pair.source) for pair in counted if pair.source is not None)
    target = sum(text_length(pair.target) for pair in counted if pair.target is not None)
    return min(max((target + PRIOR_TEXT) / (source + PRIOR_TEXT), 0.25), 4.0)


def length_evidence(pair: AlignedPair) -> bool:
    """A pair whose lengths tell this translation's length ratio: translated text on both sides, in the body or
    in a front matter field written as prose (a title, a description)."""
    if pair.source is None or pair.target is None or untranslated(pair):
        return False
    if pair.source.kind == pair.target.kind == "front_matter_field":
        return " " in pair.source.text.strip()  # words, not a date, a path or a name
    return pair.source.kind in TEXT_KINDS and pair.target.kind in TEXT_KINDS


PRIOR_TEXT = 200  # characters of a 1:1 length ratio mixed into an estimate, so that a short page cannot skew it


def untranslated(pair: AlignedPair) -> bool:
    return pair.source is not None and pair.target is not None and pair.source.text == pair.target.text
