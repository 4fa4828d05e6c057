"""Runs of words that a translated block copied from its source block, found without trying every pair of places.

The untranslated-text analysis asks, for each word of a translation, how far
a run from it goes that the source has too. A word both blocks repeat would
cost the square of its count if every place were tried.
"""

from __future__ import annotations

from collections import defaultdict

from lintkit.analysis.language.words import Word


class SourceRuns:
    """Finds, for a word of a translated block, the longest run from it that the source block has too.

    Each place of the word in the source is tried, as long as the source has it in a few places.
    A word both blocks repeat (`de`, `the`) would cost the square of its count that way; for such a
    word only the places where the source has the same two words side by side are tried (a run of
    two words starts there), and the first place that reaches as far as a run can go ends the search.
    Of a pair the source repeats more than `MOST_TRIED` times, only its first places are tried: a
    block that repeats one phrase a thousand times, once per place, cost seconds.
    """

    MANY_PLACES = 8
    MOST_TRIED = 64

    def __init__(self, source_lower: list[str], words: list[Word], places: dict[str, list[int]] | None = None) -> None:
        self.source_lower = source_lower
        self.words = words
        self.places = source_places(source_lower) if places is None else places  # read only: it may be shared
        self._pairs: dict[tuple[str, str], list[int]] | None = None
        self._reach: list[int] | None = None

    def longest(self, index: int) -> tuple[int, int]:
        """The length of the longest run from word `index` and the first place in the source where it
        stands; a length under 2 when no run of two words starts there."""
        words = self.words
        positions = self.places.get(words[index].lower)
        if positions is None:  # most words of a translation are not the source's
            return 0, 0
        reach = None
        if len(positions) > self.MANY_PLACES:
            if self._pairs is None:
                self._pairs, self._reach = _side_by_side(self.source_lower), run_reach(words)
            reach = self._reach[index]  # type: ignore[index]
            if reach < 2:  # the next word starts another sentence or group
                return 0, 0
            positions = self._pairs.get((words[index].lower, words[index + 1].lower), [])[: self.MOST_TRIED]
        source_lower = self.source_lower
        length, matched = 0, 0
        group = words[index].group
        for position in positions:
            run = 0
            while (
                index + run < len(words)
                and position + run < len(source_lower)
                and words[index + run].group == group
                and (run == 0 or not words[index + run].sentence_start)
                and words[index + run].lower == source_lower[position + run]
            ):
                run += 1
            if run > length:
                length, matched = run, position
                if length == reach:
                    break
        return length, matched


def source_places(source_lower: list[str]) -> dict[str, list[int]]:
    """Where each word stands in the source, in order: the same for every translation of the source block."""
    places: dict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(source_lower):
        places[word].append(position)
    return dict(places)


def _side_by_side(source_lower: list[str]) -> dict[tuple[str, str], list[int]]:
    """Where each pair of words stands side by side in the source, in order."""
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position in range(len(source_lower) - 1):
        pairs[source_lower[position], source_lower[position + 1]].append(position)
    return pairs


def run_reach(words: list[Word]) -> list[int]:
    """For each word, how many words a run starting there can hold: to the end of its sentence and group."""
    reach = [1] * len(words)
    for index in range(len(words) - 2, -1, -1):
        following = words[index + 1]
        if following.group == words[index].group and not following.sentence_start:
            reach[index] = reach[index + 1] + 1
    return reach
