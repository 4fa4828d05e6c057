"""The search for copied runs finds what trying every place of the source finds, however often a word repeats."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.analysis.language.copied_runs import SourceRuns, run_reach, source_places
from lintkit.analysis.language.words import Word

_VOCABULARY = ["de", "la", "the", "file", "et", "page"]


def _words(spec: list[tuple[int, bool, bool]]) -> list[Word]:
    """Words from (vocabulary index, starts a sentence, starts a new group)."""
    words, group = [], 0
    for number, (choice, sentence_start, new_group) in enumerate(spec):
        group += new_group
        text = _VOCABULARY[choice]
        words.append(Word(number * 5, number * 5 + len(text), text, text, group, sentence_start or not number, True))
    return words


def _everywhere(words: list[Word], index: int, source_lower: list[str]) -> tuple[int, int]:
    """The longest run from `index` found by trying every place of the source (the first of the longest)."""
    length, matched = 0, 0
    for position in range(len(source_lower)):
        run = 0
        while (
            index + run < len(words)
            and position + run < len(source_lower)
            and words[index + run].group == words[index].group
            and (run == 0 or not words[index + run].sentence_start)
            and words[index + run].lower == source_lower[position + run]
        ):
            run += 1
        if run > length:
            length, matched = run, position
    return length, matched


_SPEC = st.lists(st.tuples(st.integers(0, len(_VOCABULARY) - 1), st.booleans(), st.booleans()), max_size=30)


@pytest.mark.parametrize("many_places", [SourceRuns.MANY_PLACES, 0])  # as it is, and with pairs for every word
@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(_SPEC, st.lists(st.integers(0, len(_VOCABULARY) - 1), max_size=30))
def test_the_longest_run_is_the_one_trying_every_place_finds(many_places: int, target: list, source: list[int]) -> None:
    words = _words(target)
    source_lower = [_VOCABULARY[choice] for choice in source]
    runs = SourceRuns(source_lower, words)
    runs.MANY_PLACES = many_places
    for index in range(len(words)):
        expected = _everywhere(words, index, source_lower)
        found = runs.longest(index)
        if expected[0] >= 2:
            assert found == expected, index
        else:
            assert found[0] < 2, index


def test_a_run_stops_at_a_sentence_start_and_at_a_link_edge() -> None:
    words = _words([(0, False, False), (1, False, False), (2, True, False), (3, False, False), (4, False, True)])
    assert run_reach(words) == [2, 1, 2, 1, 1]
    runs = SourceRuns(["de", "la", "the", "file", "et"], words)
    runs.MANY_PLACES = 0
    assert runs.longest(0) == (2, 0)
    assert runs.longest(2) == (2, 2)
    assert runs.longest(3)[0] < 2


def test_a_pair_the_source_repeats_very_often_is_tried_at_its_first_places_only() -> None:
    """A block that repeats one phrase hundreds of times costs a bounded search per word."""
    source_lower = ["de", "la"] * 100 + ["de", "la", "the", "file"]
    words = _words([(0, False, False), (1, False, False), (2, False, False), (3, False, False)])
    runs = SourceRuns(source_lower, words)
    assert runs.longest(0) == (2, 0)  # the run of four stands at the pair's 101st place, past those tried
    runs.MOST_TRIED = 1000
    assert runs.longest(0) == (4, 200)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_SPEC, _SPEC, st.lists(st.integers(0, len(_VOCABULARY) - 1), max_size=30))
def test_places_shared_by_two_translations_find_what_their_own_find(first: list, second: list, source: list) -> None:
    source_lower = [_VOCABULARY[choice] for choice in source]
    places = source_places(source_lower)
    for target in (first, second):
        words = _words(target)
        shared, own = SourceRuns(source_lower, words, places), SourceRuns(source_lower, words)
        assert [shared.longest(index) for index in range(len(words))] == [
            own.longest(index) for index in range(len(words))
        ]
    assert places == source_places(source_lower)  # left as it was: it is read only
