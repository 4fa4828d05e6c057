"""A list of terms as one regular expression shaped like a trie, so a long list costs little per character.

A plain alternation (`Hour of Code|Code.org|...`) makes the regular-expression
engine try every term at every position of the text: 7,000 terms made a run five
times slower. Written as a trie (`Code(?:\\.org)?|Hour\\s+of\\s+Code`), the
terms that share a beginning share its test, and at each position only the
branch of the next character is followed, so the cost per position no longer
grows with the length of the list. It stays a regular expression on purpose:
Python's own engine, no extension to install, the same `re` semantics for
case and word boundaries as one pattern per term, and the longest term wins at
each position as it did with the longest-first alternation (greedy optional
groups try the longer continuation first and give it back only when the word
boundary after it fails). An Aho–Corasick package would match the characters
faster but knows neither `\\s+` between words nor `\\w` boundaries, which
would then have to be rebuilt around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks a node where a term ends
_SPACE = " "  # stands for any run of white space between two words of a term


def trie_alternation(terms: Iterable[str], ignore_case: bool) -> str | None:
    """Regular-expression source matching any of `terms` (words separated by any white space), or None."""
    trie: dict[str, dict] = {}
    for term in terms:
        words = term.split()
        if not words:
            continue
        node = trie
        for character in _SPACE.join(words):
            if ignore_case:
                lowered = character.lower()
                character = lowered if len(lowered) == 1 else character  # keep offsets: İ stays İ
            node = node.setdefault(character, {})
        node[_END] = {}
    return _source(trie) if trie else None


def _source(node: dict[str, dict]) -> str:
    """The pattern of a subtree: chains of single children become literals, branches become groups."""
    branches = []
    for character in sorted(key for key in node if key != _END):
        literal, child = [_escaped(character)], node[character]
        while len(child) == 1 and _END not in child:  # a chain: no test of its own to share
            (character, child), *_ = child.items()
            literal.append(_escaped(character))
        branches.append("".join(literal) + _source(child))
    if not branches:
        return ""
    if _END not in node and len(branches) == 1:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if _END in node else group


def _escaped(character: str) -> str:
    return r"\s+" if character == _SPACE else re.escape(character)


class TermFinder:
    """Which terms of a list occur in a text as whole words, found in one pass over the text.

    Used as a filter before the per-term comparisons of a rule: it answers the
    same question as searching the text with each term's own pattern, including
    a term that starts inside another (`Code` in `Hour of Code`) or is its
    beginning (`Code` in `Code.org`).
    """

    def __init__(self, terms: Iterable[str], ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        self._terms: dict[str, list[str]] = {}  # the written form (one space between words) → terms
        for term in terms:
            if term.split():
                self._terms.setdefault(self._form(term), []).append(term)
        # Shorter terms that match where a longer one does: the longer one continues with a non-word character.
        self._inner = {
            form: [form[:end] for end in range(1, len(form)) if not _is_word(form[end]) and form[:end] in self._terms]
            for form in self._terms
        }
        source = trie_alternation(self._terms, ignore_case)
        flags = re.IGNORECASE if ignore_case else 0
        # A lookahead matches nothing, so the search tries every position and finds overlapping terms too.
        self._pattern = re.compile(rf"(?=(?<!\w)({source})(?!\w))", flags) if source else None

    def present(self, text: str) -> set[str]:
        found: set[str] = set()
        if self._pattern is None:
            return found
        for match in self._pattern.finditer(text):
            form = self._form(match.group(1))
            for written in (form, *self._inner.get(form, ())):
                found.update(self._terms.get(written, ()))
        return found

    def _form(self, text: str) -> str:
        form = " ".join(text.split())
        if self.ignore_case:
            form = "".join(c.lower() if len(c.lower()) == 1 else c for c in form)
        return form


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"
