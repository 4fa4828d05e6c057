"""The detector's half of the untranslated analysis: sentences of a translation that read as the source language.

In Latin-script text, each sentence the detector (limited to the pair's two
languages) reads as the source's is a fragment; in a sentence it gives to the
target, windows of a few words find an English clause added without a full
stop. Edge words are trimmed while that makes a run read more surely as the
source. In another script, a run of Latin-script words with a grammar word of
the source is the fragment. `untranslated.py` joins these to the runs copied
from the source block.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lintkit.analysis.language import detect
from lintkit.analysis.language.fragments import Fragment, runs
from lintkit.analysis.language.words import Word

if TYPE_CHECKING:
    from lintkit.analysis.language.untranslated import Languages

MIN_CONTENT_WORDS = 2  # a block or fragment needs this many words worth translating
SENTENCE_CONFIDENCE = 0.9
WINDOW = 5  # words per window when looking for English inside a target-language sentence
WINDOW_CONFIDENCE = 0.95
MIN_WINDOW_GRAMMAR = 3  # English grammar words a sentence needs before it is searched window by window
TRIM_GAIN = 0.5  # a detected sentence loses an edge word when that removes this share of the doubt
MAX_TRIMMED = 12  # edge words a run may lose; the corpora's runs lose at most a few


class SourceReader:
    """Reads runs of a block's words as the source language or not, for one pair's languages."""

    def __init__(
        self,
        languages: Languages,
        stop_words: frozenset[str],
        shared_grammar: frozenset[str],
        vocabulary: frozenset[str],
    ) -> None:
        self.languages = languages
        self.stop_words = stop_words
        self.shared_grammar = shared_grammar
        self.vocabulary = vocabulary

    def detected(
        self, words: list[Word], content: list[bool], known: list[Fragment], latin_block: bool
    ) -> Iterator[Fragment]:
        """Sentences (runs of Latin-script words, in another script) that read as the source language, but those
        `known` already covers; in Latin text, English clauses inside a sentence read as the target's too."""
        taken = {index for fragment in known for index in range(fragment.first, fragment.last + 1)}
        for first, last in self._candidates(words, latin_block):
            already_found = first in taken and last in taken
            if already_found or sum(content[first : last + 1]) < MIN_CONTENT_WORDS:
                continue
            if not self.has_grammar(words[first : last + 1]):
                continue  # the detector only sees text with grammar words of the source language alone
            if self.reads_as_source(words, first, last, latin_block):
                if latin_block:
                    first, last = self._trimmed(words, first, last, shortest=3, gain=TRIM_GAIN)
                yield Fragment(first, last, copied=False)
            elif latin_block and self.languages.detectable:
                yield from self._tails(words, content, first, last)

    def has_grammar(self, words: list[Word]) -> bool:
        """Whether `words` hold a grammar word of the source language that the target language does not also
        write (asked of every sentence: one loop, no call per word)."""
        stop_words, shared = self.stop_words, self.shared_grammar
        return any(word.lower in stop_words and word.lower not in shared for word in words)

    def _tails(self, words: list[Word], content: list[bool], first: int, last: int) -> Iterator[Fragment]:
        """English inside a sentence the detector gave to the target: an added clause with no full stop before it.

        Windows of a few words are judged one by one; the words of windows read
        as the source language form runs, whose edges are then trimmed while
        that makes the run read more surely as the source language.
        """
        grammar = [index for index in range(first, last + 1) if words[index].lower in self.stop_words]
        if len(grammar) < MIN_WINDOW_GRAMMAR or last - first + 1 <= WINDOW:
            return
        marked = set()
        for start in range(first, last - WINDOW + 2):
            if self.probability(words, start, start + WINDOW - 1) >= WINDOW_CONFIDENCE:
                marked.update(range(start, start + WINDOW))
        for run_first, run_last in runs(sorted(marked)):
            run_first, run_last = self._trimmed(words, run_first, run_last)
            span = range(run_first, run_last + 1)
            if (
                sum(content[index] for index in span) >= MIN_CONTENT_WORDS
                and any(words[index].lower in self.stop_words for index in span)
                and self.probability(words, run_first, run_last) >= SENTENCE_CONFIDENCE
            ):
                yield Fragment(run_first, run_last, copied=False)

    def _trimmed(
        self, words: list[Word], first: int, last: int, shortest: int = WINDOW, gain: float = 0.0
    ) -> tuple[int, int]:
        """Drops edge words while that makes the rest read more surely as the source language: at most
        `MAX_TRIMMED`, since each step reads the whole run again (a run of thousands of words, one by one,
        took minutes)."""
        best = self.probability(words, first, last)
        for _ in range(MAX_TRIMMED):
            if last - first + 1 <= shortest:
                break
            left = self.probability(words, first + 1, last) if self._droppable(words[first], gain) else 0.0
            right = self.probability(words, first, last - 1) if self._droppable(words[last], gain) else 0.0
            if 1.0 - max(left, right) > (1.0 - best) * (1.0 - gain):
                break
            if left >= right:
                first, best = first + 1, left
            else:
                last, best = last - 1, right
        return first, last

    def _droppable(self, word: Word, gain: float) -> bool:
        """Sentences only lose edge words that the source never uses; windows lose any."""
        return not gain or (word.lower not in self.stop_words and word.lower not in self.vocabulary)

    def probability(self, words: list[Word], first: int, last: int) -> float:
        text = " ".join(word.text for word in words[first : last + 1])
        probability = detect.detector().probability(
            text, self.languages.source.language, self.languages.target.language
        )
        return 0.0 if probability is None else probability

    def _candidates(self, words: list[Word], latin_block: bool) -> Iterator[tuple[int, int]]:
        """Sentences in Latin-script targets; runs of Latin-script words elsewhere."""
        first = None
        for index, word in enumerate(words):
            belongs = word.latin or latin_block
            if first is not None and (word.sentence_start or not belongs):
                if index - first >= 3:
                    yield first, index - 1
                first = None
            if belongs and first is None:
                first = index
        if first is not None and len(words) - first >= 3:
            yield first, len(words) - 1

    def reads_as_source(self, words: list[Word], first: int, last: int, latin_block: bool) -> bool:
        """Latin text: the detector reads it as the source's; other scripts: its Latin run holds a grammar word."""
        if not latin_block:
            return any(words[index].lower in self.stop_words for index in range(first, last + 1))
        return self.languages.detectable and self.probability(words, first, last) >= SENTENCE_CONFIDENCE
