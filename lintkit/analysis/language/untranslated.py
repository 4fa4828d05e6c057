"""Finds text of a translation that is still in the source language, block by block.

Two signals, combined:
- copied: a run of at least two words of the aligned source block, in the
  same order, that holds a word worth translating (not only stop words,
  names or terms);
- detected: a sentence that language identification, limited to the source
  and the target language, calls the source's. In a script other than Latin
  (Japanese, Arabic, Russian...), a run of Latin-script words with English
  grammar takes its place.
A block that is the source unchanged, or mostly in the source language, is
one verdict for the whole block; otherwise each fragment is reported alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, pairwise

from lintkit.analysis.language import detect
from lintkit.analysis.language.catalog_unchanged import judge_unchanged as _unchanged_entry
from lintkit.analysis.language.copied_runs import SourceRuns
from lintkit.analysis.language.detected import MIN_CONTENT_WORDS, SourceReader
from lintkit.analysis.language.fragments import Fragment, merged, trimmed
from lintkit.analysis.language.kept import SHARED_GRAMMAR, SHARED_WORDS, TERM_WORDS, KeptOnPurpose
from lintkit.analysis.language.kept import kept_as_named as _kept_as_named
from lintkit.analysis.language.locales import Locale
from lintkit.analysis.language.names import (
    documents_a_message,
    is_code_like,
    is_page_name,
    is_program_message,
    is_quoted_after_colon,
    names_a_message,
    program_messages,
)
from lintkit.analysis.language.source_summary import source_summary
from lintkit.analysis.language.words import (
    ENGLISH_STOP_WORDS,
    LATIN_LETTER,
    Canvas,
    Word,
    blanked,
    canvas_words,
    prose_canvas,
    shifted,
    split_words,
    with_italic,
)
from lintkit.config import setting
from lintkit.model import Block, Document, FilePair

PROSE_KINDS = frozenset({"paragraph", "heading", "list_item", "quote", "table_row", "front_matter_field"})
SHORT_COPY = 4  # copied runs shorter than this are confirmed by the detector when it can
COPY_CONFIDENCE = 0.6
MOSTLY = 0.8  # share of a block's letters in the source language that makes the whole block untranslated


@dataclass(frozen=True, slots=True)
class Verdict:
    """What was found in one translated block."""

    block: Block
    source: Block | None
    words: tuple[Word, ...]
    unchanged: bool = False
    mostly: bool = False
    fragments: tuple[Fragment, ...] = ()

    def text(self, document: Document, first: int = 0, last: int = -1) -> str:
        return " ".join(document.text[self.words[first].start : self.words[last].end].split())


@dataclass(frozen=True)
class Languages:
    """The pair's source and target, and whether the detector can tell them apart."""

    source: Locale
    target: Locale

    @property
    def same(self) -> bool:
        return bool(self.target.language) and self.target.language == self.source.language

    @property
    def detectable(self) -> bool:
        return self.target.latin and detect.knows(self.source.language) and detect.knows(self.target.language)


def analyse(pair: FilePair) -> list[Verdict]:
    """Verdicts for the blocks of `pair.target` that hold source-language text (memoized per pair)."""
    return pair.memo("untranslated", _analyse)


def _analyse(pair: FilePair) -> list[Verdict]:
    languages = Languages(Locale.parse(pair.source.locale), Locale.parse(pair.target.locale))
    if languages.same:
        return []
    terms = tuple(setting(pair, "do-not-translate"))
    keys = set(setting(pair, "translatable-keys"))
    context = _Context(pair, languages, terms)
    messages = program_messages(pair.target) + program_messages(pair.source)
    message_page = documents_a_message(pair.source, pair.target)
    verdicts = []
    previous: Block | None = None
    previous_translated = False
    for aligned in pair.alignment:
        block = aligned.target
        if block is None or block.kind not in PROSE_KINDS:
            continue
        if block.kind == "front_matter_field" and block.info not in keys:
            continue
        verdict = context.judge(block, aligned.source)
        if verdict is not None and verdict.unchanged and is_quoted_after_colon(block, previous, previous_translated):
            verdict = None  # a quotation the translator announced and kept as it is
        if verdict is not None and names_a_message(block, messages):
            verdict = None  # the page's title is the program message it documents
        kept_as_named = verdict is not None and (verdict.unchanged or verdict.mostly)
        if kept_as_named and _kept_as_named(pair.target, block, verdict.words, verdict.unchanged, message_page):
            verdict = None
        if verdict is not None:
            verdicts.append(verdict)
        previous, previous_translated = block, verdict is None or not (verdict.unchanged or verdict.mostly)
    return verdicts


class _Context:
    """What judging the blocks of one pair shares: the source's names and vocabulary, the languages."""

    def __init__(self, pair: FilePair, languages: Languages, terms: tuple[str, ...]) -> None:
        self.pair = pair
        self.languages = languages
        self.terms = terms
        self.latin_block = languages.target.latin
        self.stop_words = ENGLISH_STOP_WORDS if languages.source.language == "en" else frozenset()
        self.summary = summary = source_summary(pair.source, terms)
        self.names, self.vocabulary, self.source_words = summary.names, summary.vocabulary, summary.words
        self.report_terms = setting(pair, "untranslated-terms")
        self.shared_grammar = SHARED_GRAMMAR.get(languages.target.language, frozenset())
        self.grammar = self.stop_words - self.shared_grammar  # what `SourceReader.has_grammar` looks for
        self.reader = SourceReader(languages, self.stop_words, self.shared_grammar, self.vocabulary)
        self.kept = KeptOnPurpose(pair.target, self.vocabulary, self.stop_words, self.report_terms)
        # a source in Latin script, a page with no catalog's short strings: a block without any Latin letter
        # needs no words cut (a fifth of the blocks of a Japanese or Russian site)
        latin_source = languages.source.latin and pair.target.catalog is None
        self.no_latin = LATIN_LETTER.search if latin_source else None

    def worth_translating(self, words: list[Word]) -> list[bool]:
        """For each word, False for stop words, acronyms, names and capitalized words the source uses as names."""
        return list(self._worth(words))

    def _worth(self, words: list[Word]) -> Iterator[bool]:
        """`worth_translating`, word by word: a block kept as its source has it needs only its first two.

        Asked of every word of most blocks: one loop, with `Word.name_like` and `Word.capitalized` written out.
        """
        stop_words, names = self.stop_words, self.names
        for word in words:
            lower, text = word.lower, word.text
            if lower in stop_words or lower in SHARED_WORDS or word.italic:
                yield False
                continue
            rest = text[1:]
            name_like = rest != rest.lower()  # an acronym, a mixed-case name
            capitalized_name = text[:1].isupper() and (not word.sentence_start or lower in names)
            yield not name_like and not capitalized_name and len(text) > 1

    def judge(self, block: Block, source: Block | None) -> Verdict | None:
        if self.no_latin is not None and self.no_latin(block.text) is None:
            return None  # no letter of the source's script: nothing in it can be the source's words
        if is_program_message(block) or (source is not None and is_program_message(source)):
            return None  # a program's message, quoted as it prints it
        canvas = prose_canvas(self.pair.target, block)
        if canvas is None:
            return None
        source_words = self.source_words.get(id(source), []) if source is not None else []
        source_canvas = self.summary.canvases.get(id(source)) if source is not None else None
        same_canvas = source_canvas is not None and source_canvas.text == canvas.text
        if same_canvas:
            words = self._words(canvas, source_canvas, source_words)
        else:
            words = self._own_words(canvas, source_words)
        if not words:
            return None
        catalog = self.pair.target.catalog is not None
        if same_canvas and not catalog:
            return self._unchanged(block, source, words)
        content = self.worth_translating(words)
        # Code written as text is never judged; asked once the cheaper reasons to let a block go are known.
        if catalog:  # short catalog strings: `catalog_unchanged.py`
            if self._code_like(block, source):
                return None
            unchanged = _unchanged_entry(
                block, source, words, [c or w.lower in self.stop_words for c, w in zip(content, words, strict=True)]
            )
            if unchanged is not None:
                return Verdict(block, source, tuple(words), unchanged=True) if unchanged else None
        if sum(content) < MIN_CONTENT_WORDS:
            return None
        if not catalog and self._code_like(block, source):
            return None
        self.latin_block = _latin_block(words, self.languages.target)
        if (
            source_words
            and len(words) == len(source_words)
            and all(word.lower == other.lower for word, other in zip(words, source_words, strict=True))
        ):
            if is_page_name(self.pair.target, block, words):
                return None  # a command's name, code written as text, a program's message: kept on purpose
            return Verdict(block, source, tuple(words), unchanged=True)
        fragments = list(self._copied(words, content, source_words))
        fragments.extend(self.reader.detected(words, content, fragments, self.latin_block))
        if not fragments:
            return None
        fragments = merged(fragments, lambda index: words[index].lower in self.vocabulary)
        covered = {index for fragment in fragments for index in range(fragment.first, fragment.last + 1)}
        translated_around = any(kept and index not in covered for index, kept in enumerate(content))
        fragments = [
            kept
            for kept in (self._before_announced_message(block, words, fragment) for fragment in fragments)
            if kept is not None and not self.kept.run(block, words, kept.first, kept.last, translated_around)
        ]
        if not fragments:
            return None
        found = {index for fragment in fragments for index in range(fragment.first, fragment.last + 1)}
        letters = sum(_weight(word) for word in words)
        found_letters = sum(_weight(words[index]) for index in found)
        if found_letters >= MOSTLY * letters and sum(content[index] for index in found) >= MIN_CONTENT_WORDS:
            return Verdict(block, source, tuple(words), mostly=True)
        return Verdict(block, source, tuple(words), fragments=tuple(fragments))

    def _unchanged(self, block: Block, source: Block | None, words: list[Word]) -> Verdict | None:
        """A block whose canvas is its source block's: the source unchanged, if it holds words worth translating
        and is neither code written as text nor the page's own name."""
        if sum(islice(filter(None, self._worth(words)), MIN_CONTENT_WORDS)) < MIN_CONTENT_WORDS:
            return None
        if self._code_like(block, source):
            return None
        if is_page_name(self.pair.target, block, words):
            return None  # a command's name, code written as text, a program's message: kept on purpose
        return Verdict(block, source, tuple(words), unchanged=True)

    def _words(self, canvas: Canvas, source_canvas: Canvas, source_words: list[Word]) -> list[Word]:
        """The words of a block whose canvas is its source block's: the source's words, moved to where it stands."""
        moved = shifted(source_words, canvas.start - source_canvas.start)
        return with_italic(self.pair.target, canvas.regions, moved)

    def _own_words(self, canvas: Canvas, source_words: list[Word]) -> list[Word] | None:
        """The words of a block cut from its own canvas; None when they cannot hold the source's text."""
        split = split_words(blanked(canvas.text, self.terms))
        if self.pair.target.catalog is None and self._nothing_to_find(split.lowers, source_words):
            return None
        return canvas_words(self.pair.target, canvas, split)

    def _nothing_to_find(self, lowers: list[str], source_words: list[Word]) -> bool:
        """Whether no verdict can come of these words, before any is placed (most translated blocks).

        A block unchanged or a copied run starts with two words side by side that the
        source block has side by side; a detected sentence holds a grammar word of the
        source language (`SourceReader.has_grammar`). A block with neither holds nothing to report.
        """
        if not self.grammar.isdisjoint(lowers):
            return False
        return self.summary.pairs(source_words).isdisjoint(pairwise(lowers))

    def _code_like(self, block: Block, source: Block | None) -> bool:
        """`is_code_like`, read from the summary for a block kept as its source block has it."""
        if source is not None and block.raw == source.raw and block.text == source.text:
            return self.summary.is_code_like(source)
        return is_code_like(block)

    def _before_announced_message(self, block: Block, words: list[Word], fragment: Fragment) -> Fragment | None:
        """A fragment of a quote keeps only what comes before the message a colon announces (if that reads as
        the source's language)."""
        index = self.kept.announced_at(block, words, fragment.first, fragment.last)
        if index is None:
            return fragment
        if index == fragment.first:
            return None
        kept = Fragment(fragment.first, index - 1, fragment.copied)
        return kept if self.reader.reads_as_source(words, kept.first, kept.last, self.latin_block) else None

    def _copied(self, words: list[Word], content: list[bool], source_words: list[Word]) -> Iterator[Fragment]:
        """Runs of two or more words that the aligned source block has in the same order (`SourceRuns`)."""
        source_lower, places = self.summary.places(source_words)
        runs = SourceRuns(source_lower, words, places)
        index = 0
        while index < len(words):
            if words[index].lower not in runs.places:  # most words of a translation are not the source's
                index += 1
                continue
            length, matched = runs.longest(index)
            if length < 2:  # no run of two words starts here
                index += 1
                continue
            # A word the source writes as a name (`Hour of Code`) is one here too, whatever its case.
            names = [
                words[index + offset].lower not in self.stop_words
                and (not content[index + offset] or _named(source_words[matched + offset]))
                for offset in range(length)
            ]
            first, last = trimmed(names)
            first, last = index + first, index + last
            if (
                last > first
                and self._worth_reporting(words, content, first, last, names[first - index : last - index + 1])
                and self._confirmed(words, first, last)
            ):
                yield Fragment(first, last, copied=True)
                index += length
            else:
                index += 1

    def _worth_reporting(self, words: list[Word], worth: list[bool], first: int, last: int, names: list[bool]) -> bool:
        """Two words that are not names, one of them worth translating: `Post to`, not `service (PaaS)`.

        `worth` holds worth_translating() of every word of the block, computed once per block.
        With `untranslated-terms = false`, a run of at most `TERM_WORDS` words without a grammar
        word (`web components`, `build hook`) is a technical term the project keeps in English.
        """
        run = words[first : last + 1]
        content = sum(1 for name, kept in zip(names, worth[first : last + 1], strict=True) if not name and kept)
        grammar = sum(1 for word in run if word.lower in self.stop_words)
        if not self.report_terms and grammar == 0 and len(run) <= TERM_WORDS:
            return False
        return content >= 1 and content + grammar >= 2

    def _confirmed(self, words: list[Word], first: int, last: int) -> bool:
        """Short copied runs must also read as the source language, where the detector can tell."""
        if last - first + 1 >= SHORT_COPY or not (self.latin_block and self.languages.detectable):
            return True
        return self.reader.probability(words, first, last) >= COPY_CONFIDENCE


def _latin_block(words: list[Word], target: Locale) -> bool:
    """Whether a block is Latin-script text (sentences are judged) or not (Latin runs are judged).

    The block's own letters decide when they disagree with the locale, so a
    Japanese paragraph is read as Japanese whatever the file's locale says.
    """
    other = latin = 0
    for word in words:  # what `_weight` counts, in one pass
        if word.latin:
            latin += len(word.text)
        else:
            other += 3 * len(word.text)
    return target.latin and latin >= other


def _named(word: Word) -> bool:
    """A word written as a name where it stands: capitalized inside a sentence, or an acronym."""
    return word.name_like or (word.capitalized and not word.sentence_start)


def _weight(word: Word) -> int:
    """How much text a word is: a Chinese or Japanese character says about as much as three Latin letters."""
    return len(word.text) if word.latin else 3 * len(word.text)
