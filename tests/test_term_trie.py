"""A term list as one trie-shaped pattern finds what one pattern per term finds, at the same places."""

from __future__ import annotations

import random
import re

from lintkit.analysis.language.words import term_pattern
from lintkit.analysis.term_trie import TermFinder, trie_alternation
from lintkit.analysis.terms import term_pattern as single_term_pattern

TERMS = ("Hour of Code", "Hour", "Code.org", "Code", "pair programming", "C++", ".NET", "Wi-Fi")
TEXT = "Join the hour   of code at Code.org, or code.orgs; PAIR programming on .NET and C++ over Wi-Fi."


def _alternation(terms: tuple[str, ...]) -> re.Pattern[str]:
    """What the list was before: every term its own branch, longest first."""
    ordered = sorted(set(terms), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, term.split())) for term in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_the_longest_term_wins_at_each_position_whatever_the_case():
    spans = _spans(term_pattern(TERMS), TEXT)
    assert [TEXT[start:end] for start, end in spans] == [
        "hour   of code",
        "Code.org",
        "code",  # code.orgs: not Code.org, but `code` ends before the full stop
        "PAIR programming",
        ".NET",
        "C++",
        "Wi-Fi",
    ]
    assert spans[0] == (9, 23)
    assert spans == _spans(_alternation(TERMS), TEXT)


def test_a_term_followed_by_a_word_character_is_not_a_match():
    assert _spans(term_pattern(("Code",)), "Codes and xCode, Code_1") == []


def test_random_lists_match_like_the_plain_alternation():
    generator = random.Random(15)
    letters = "abcAB -.é"
    for _ in range(300):
        terms = tuple("".join(generator.choice(letters) for _ in range(generator.randint(1, 6))) for _ in range(8))
        if not any(term.strip() for term in terms):
            continue
        text = " ".join(generator.choice([*terms, "x", "ab", "B.", "é"]) for _ in range(12))
        assert _spans(term_pattern(terms), text) == _spans(
            _alternation(tuple(t.strip() for t in terms if t.strip())), text
        )


def test_the_finder_sees_terms_inside_and_at_the_start_of_others():
    finder = TermFinder(TERMS)
    text = "Hour of Code, at Code.org with C++"
    assert finder.present(text) == {"Hour of Code", "Hour", "Code", "Code.org", "C++"}
    assert finder.present("hour of code") == set()  # exact case, like each term's own pattern


def test_the_finder_answers_like_one_search_per_term():
    generator = random.Random(7)
    words = ["Hour", "of", "Code", "Code.org", "Wi-Fi", "Wi", "Fi", "x", "C++", "co"]
    terms = ["Hour of Code", "Hour", "Code", "Code.org", "Wi-Fi", "Fi", "of Code", "C++", "co"]
    finder = TermFinder(terms)
    for _ in range(300):
        text = " ".join(generator.choice(words) for _ in range(generator.randint(1, 8)))
        expected = {term for term in terms if single_term_pattern(term, ignore_case=False).search(text)}
        assert finder.present(text) == expected, text


def test_no_terms_no_pattern():
    assert trie_alternation(["", "  "], ignore_case=True) is None
    assert term_pattern(("",)) is None
    assert TermFinder([]).present("anything") == set()
