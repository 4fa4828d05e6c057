"""The words of a block, positioned in its file, with everything that is never translated masked.

Only visible prose counts: text runs and link labels of a block, the value of
a translatable front-matter field, the text of an HTML heading. Inside it,
placeholders, URLs and domains, e-mail addresses, hashtags, handles, code
identifiers, numbers with their units, HTML tags and entities, the content of
HTML code elements (`<code>`, `<kbd>`), and the
do-not-translate terms are blanked before words are cut, so none of them can
ever be quoted back as untranslated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from lintkit.analysis.language.prose_regions import link_and_cell_breaks, prose_regions
from lintkit.analysis.term_trie import trie_alternation
from lintkit.model import Block, Document

_LATIN = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_LATIN_LETTERS = frozenset(
    chr(code)
    for first, last in (("A", "Z"), ("a", "z"), ("À", "Ö"), ("Ø", "ö"), ("ø", "ɏ"), ("Ḁ", "ỿ"))
    for code in range(ord(first), ord(last) + 1)
)
# A word is a Latin-script one (letters of `_LATIN`) or one of another script. Splitting a text on it gives
# each gap and each word as a string, with no match object per word: `_cut` reads them in twos.
LATIN_LETTER = re.compile(f"[{_LATIN}]")
_WORD = re.compile(rf"([{_LATIN}]+(?:['’\-][{_LATIN}]+)*|[^\W\d_{_LATIN}]+)")
# What is blanked before words are cut, each with a test any text it can match passes. The alternation
# is tried at every character, so a text gets only the alternatives it can match, in this order: at each
# position the first that matches still wins, and the blanks are the same as with all of them.
_MASK_ALTERNATIVES: tuple[tuple[str, Callable[[str], object]], ...] = (
    (r"<[^<>\n]*>", lambda text: "<" in text and ">" in text),  # HTML tags
    (r"&[#\w]+;", lambda text: "&" in text and ";" in text),  # entities
    (r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", lambda text: "@" in text),  # e-mail addresses
    (r"(?:https?|ftp|mailto):[^\s)\]>\"']+", lambda text: ":" in text),  # URLs
    (r"www\.[^\s)\]>\"']+", lambda text: "www." in text),
    # domains and paths: code.org/learn
    (r"\b[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}\b(?:/[^\s)\]>\"']*)?", lambda text: _may_hold_a_domain(text)),
    (r"(?<![\w&])[#@]\w[\w\-]*", lambda text: "#" in text or "@" in text),  # hashtags and handles
    # reStructuredText roles: :class:`list`
    (r"(?<![\w:]):[\w\-]+(?::[\w\-]+)*:(?=[`\s]|$)", lambda text: ":" in text),
    (r"(?<![\w=])[\w.-]+=[^\s,)\]]+", lambda text: "=" in text),  # key=value settings: tag=red, mode=dev
    (r"\b[a-z]+:[a-z][\w-]*\b", lambda text: ":" in text),  # directives and namespaced names: client:media
    (r"(?<![\w/])[\w.-]+(?:/[\w.*-]+)+/?", lambda text: "/" in text),  # paths: demo/src/pages
    # a short quoted mention: « global edge network »
    (r"«[^»\n.!?;:]{1,30}»|“[^”\n.!?;:]{1,30}”", lambda text: "«" in text or "“" in text),
    (r"\b\w*(?:_\w*)+\b", lambda text: "_" in text),  # snake_case identifiers
    (r"\b[a-z]+[A-Z]\w*\b", lambda text: _CAMEL_HINT.search(text) is not None),  # camelCase identifiers
    # numbers and their units: 5 min, 10am, 3rd
    (
        r"\d[\d.,:/\-]*(?:\s?(?:%|(?:st|nd|rd|th|am|pm|px|em|rem|pt|[kmgt]b|ms|s|h|min|km|cm|mm|kg|g|k|x)\b))?",
        lambda text: _DIGIT.search(text) is not None,
    ),
)
_CAMEL_HINT = re.compile(r"[a-z][A-Z]")
# Every domain has a dot between a letter, digit or hyphen and two lowercase letters: a full stop before a
# space or a capital is no domain, and trying the domain pattern at every word of every sentence cost a
# third of blanking a text. The dot is looked for first: a search that starts with a literal is fast.
_DOT_LOWERCASE = re.compile(r"\.[a-z]{2}")
_DOMAIN_CHARACTER = re.compile(r"[\w\-]")


def _may_hold_a_domain(text: str) -> bool:
    if "." not in text:
        return False
    return any(dot.start() and _DOMAIN_CHARACTER.match(text, dot.start() - 1) for dot in _DOT_LOWERCASE.finditer(text))


_DIGIT = re.compile(r"\d")


def _mask_pattern(present: tuple[bool, ...]) -> re.Pattern[str]:
    """The alternation of the alternatives marked in `present`, in their order."""
    return re.compile(
        "|".join(pattern for (pattern, _), wanted in zip(_MASK_ALTERNATIVES, present, strict=True) if wanted)
    )


_ALL_MASKS = (True,) * len(_MASK_ALTERNATIVES)
# Compiling a pattern costs about what ten texts gain from it: a mix of alternatives seen fewer times than
# this is blanked with all of them (the same blanks, a little slower), so rare mixes are never compiled.
_COMPILE_AFTER = 8
_mixes_seen: Counter[tuple[bool, ...]] = Counter()
_patterns: dict[tuple[bool, ...], re.Pattern[str]] = {}


def _present(text: str) -> tuple[bool, ...]:
    """The tests of `_MASK_ALTERNATIVES` on `text`, in their order, written out: asked of every block, fifteen
    calls of a test each cost more than the tests."""
    at, colon = "@" in text, ":" in text
    return (
        "<" in text and ">" in text,
        "&" in text and ";" in text,
        at,
        colon,
        "www." in text,
        _may_hold_a_domain(text),
        "#" in text or at,
        colon,
        "=" in text,
        colon,
        "/" in text,
        "«" in text or "“" in text,
        "_" in text,
        _CAMEL_HINT.search(text) is not None,
        _DIGIT.search(text) is not None,
    )


def _masked(text: str) -> str:
    """`text` with every maskable thing blanked (`_blank`), by one pass of the alternatives it can match."""
    present = _present(text)
    if not any(present):
        return text
    pattern = _patterns.get(present)
    if pattern is None:
        _mixes_seen[present] += 1
        chosen = present if _mixes_seen[present] >= _COMPILE_AFTER else _ALL_MASKS
        pattern = _patterns.get(chosen)
        if pattern is None:
            pattern = _patterns[chosen] = _mask_pattern(chosen)
    return pattern.sub(_blank, text)


_SENTENCE_END = re.compile(r"[.!?;。！？；؟]")
BREAK = "\x01"  # stands where a link label starts or ends, or a table cell ends

_ENGLISH_STOP_WORDS = """a about above after again all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just may me more most must my no
    nor not now of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours"""
ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOP_WORDS.split())


class Word(NamedTuple):
    """One word of a block: where it stands in the file and what kind of word it is.

    A named tuple rather than a frozen dataclass: a run cuts hundreds of thousands of
    words, and a tuple is built about three times faster, as immutable.
    """

    start: int
    end: int
    text: str
    lower: str
    group: int  # words of one group are one run of text: a link label is its own group
    sentence_start: bool
    latin: bool
    italic: bool = False  # inside *emphasis*: how a translation marks a term it keeps in English

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def name_like(self) -> bool:
        """An acronym (AI, CSS), a mixed-case name (iPhone, JavaScript), a name with digits."""
        rest = self.text[1:]
        return rest != rest.lower()


@lru_cache(maxsize=64)
def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all do-not-translate terms, longest first, whole words, any case (a trie: see term_trie)."""
    cleaned = sorted({term.strip() for term in terms if term.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    try:
        alternatives = trie_alternation(cleaned, ignore_case=True)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    except RecursionError:  # thousands of terms each a prefix of the next nest too deeply: one branch per term
        alternatives = "|".join(r"\s+".join(map(re.escape, term.split())) for term in cleaned)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# The terms `block_words` was last given, by identity, and their pattern: a pair's blocks share one tuple, and
# looking its pattern up by value hashed every term for every block (a fifth of a run with 7,000 terms).
_last_terms: list = [(), None]


def _pattern_of(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not isinstance(terms, tuple):  # a list may change between calls: looked up by value
        return term_pattern(tuple(terms))
    if terms is not _last_terms[0]:
        _last_terms[:] = [terms, term_pattern(terms)]
    return _last_terms[1]


def block_words(document: Document, block: Block, terms: tuple[str, ...] = ()) -> list[Word]:
    """The translatable words of `block`, in order; empty for code, HTML and the like."""
    canvas = prose_canvas(document, block)
    return [] if canvas is None else words_of(document, canvas, terms)


def words_of(document: Document, canvas: Canvas, terms: tuple[str, ...] = ()) -> list[Word]:
    """The words of a block's canvas, its masks and the do-not-translate terms blanked."""
    return canvas_words(document, canvas, split_words(blanked(canvas.text, terms)))


class Canvas(NamedTuple):
    """A block's visible prose as one text, from offset `start` of its file: what lies between its text runs
    blanked, link and cell edges marked (`BREAK`), placeholders blanked. Equal canvases cut into the same words."""

    text: str
    start: int
    regions: list[tuple[int, int]]


def prose_canvas(document: Document, block: Block) -> Canvas | None:
    """The block's visible prose, before anything in it is masked; None when it has none."""
    regions = prose_regions(document, block)
    if not regions:
        return None
    if len(regions) == 1:  # most blocks: one text run
        start, end = regions[0]
        canvas = document.text[start:end]
    else:
        start = min(begin for begin, _ in regions)
        end = max(finish for _, finish in regions)
        canvas = _spaced(document.text, regions, start)
    breaks = link_and_cell_breaks(document, block, start, end, regions)
    if breaks or block.placeholders:
        characters = list(canvas)
        for position in breaks:
            characters[position - start] = BREAK
        for placeholder in block.placeholders:  # never words; blanked over any break inside them
            begin = max(placeholder.start - start, 0)
            finish = min(placeholder.start - start + len(placeholder.raw), end - start)
            if begin < finish:
                characters[begin:finish] = " " * (finish - begin)
        canvas = "".join(characters)
    return Canvas(canvas, start, regions)


def _spaced(text: str, regions: list[tuple[int, int]], start: int) -> str:
    """The text of `regions` where it stands from `start`, one space for each character between them."""
    pieces = []
    position = start
    for begin, finish in sorted(regions):
        if begin > position:
            pieces.append(" " * (begin - position))
            position = begin
        if finish > position:
            pieces.append(text[position:finish])
            position = finish
    return "".join(pieces)


def blanked(text: str, terms: tuple[str, ...]) -> str:
    """`text` with what is never translated blanked: the masks, then the do-not-translate terms."""
    text = _masked(text)
    pattern = _pattern_of(terms)
    return text if pattern is None else pattern.sub(_blank, text)


class SplitText(NamedTuple):
    """A blanked text split into its gaps and words (`_WORD.split`), and each word in lowercase.

    What the words are is known here, before any is placed: a block that cannot hold
    untranslated text is let go without a `Word` built for it.
    """

    parts: list[str]  # gap, word, gap, word, …, the last gap
    lowers: list[str]


def split_words(text: str) -> SplitText:
    parts = _WORD.split(text)
    return SplitText(parts, list(map(str.lower, parts[1::2])))


def canvas_words(document: Document, canvas: Canvas, split: SplitText) -> list[Word]:
    """The words of a canvas's split text, placed in the file, those inside emphasis marked."""
    return with_italic(document, canvas.regions, _cut(split, canvas.start))


def with_italic(document: Document, regions: list[tuple[int, int]], words: list[Word]) -> list[Word]:
    italic = _italic_regions(document, regions)
    if italic:
        words = [word._replace(italic=True) if _inside(word, italic) else word for word in words]
    return words


def shifted(words: list[Word], distance: int) -> list[Word]:
    """`words` moved `distance` characters on, none marked italic: the words of an equal canvas elsewhere."""
    build = tuple.__new__
    return [
        build(Word, (word[0] + distance, word[1] + distance, word[2], word[3], word[4], word[5], word[6], False))
        for word in words
    ]


def _italic_regions(document: Document, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text runs wrapped in single `*` or `_`: emphasis, not bold."""
    text = document.text
    found = []
    for begin, end in regions:
        before = text[begin - 2 : begin]
        after = text[end : end + 2]
        if before[-1:] in ("*", "_") and after[:1] == before[-1:] and before[:1] != before[-1:] != after[1:2]:
            found.append((begin, end))
    return found


def _inside(word: Word, regions: list[tuple[int, int]]) -> bool:
    return any(begin <= word.start and word.end <= end for begin, end in regions)


def _blank(match: re.Match[str]) -> str:
    found = match.group(0)
    if "\n" not in found and BREAK not in found:  # nearly always: no need to look at each character
        return " " * len(found)
    return "".join("\n" if c == "\n" else BREAK if c == BREAK else " " for c in found)


def _cut(split: SplitText, offset: int) -> list[Word]:
    words: list[Word] = []
    # A run cuts hundreds of thousands of words: names are looked up once, and each tuple is built
    # directly (what `Word(...)` does, without its argument handling), `italic` false as by default.
    append = words.append
    build = tuple.__new__
    sentence_end = _SENTENCE_END.search
    latin_letters = _LATIN_LETTERS
    parts, lowers = split
    group = 0
    position = offset
    for index in range(0, len(parts) - 1, 2):
        gap, word = parts[index], parts[index + 1]
        sentence_start = not words
        if gap:
            if gap != " ":  # not one space: it may hold a link or cell edge, a full stop
                if BREAK in gap:
                    group += 1
                if not sentence_start and sentence_end(gap):
                    sentence_start = True
            position += len(gap)
        end = position + len(word)
        latin = word[0] in latin_letters  # a Latin word starts with a Latin letter, no other word has one
        append(build(Word, (position, end, word, lowers[index >> 1], group, sentence_start, latin, False)))
        position = end
    return words
