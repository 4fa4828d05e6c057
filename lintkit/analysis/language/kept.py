"""English that a translated block keeps on purpose, which the untranslated-text checks leave alone.

Inside a translated sentence: a mention in quotation marks or bold (a prompt,
a button as the program shows it), the title of a page on another site, an
acronym's expansion (`TTL (time to live)`), a message a quote announces after
a translated label, and, where terms may stay English, a list of terms. A
whole block left as the source has it: the title and lead quote of an error
reference page, a linked page's title, a `label: value` interface field. And
the words whose language says nothing: grammar words the target language also
writes, Latin words that languages share.
"""

from __future__ import annotations

from lintkit.analysis.language.names import (
    expands_an_acronym,
    external_link_labels,
    is_field_value,
    is_message_title_or_lead,
    label_names_something,
    mentions,
    names_linked_pages,
)
from lintkit.analysis.language.words import Word
from lintkit.model import Block, Document
from lintkit.patterns import on_first_use

# English grammar words that are also everyday words of a target language: `a` in
# `Pasando variables a scripts` says nothing about the sentence being English.
SHARED_GRAMMAR = {
    "es": frozenset({"a", "no", "me", "he"}),
    "fr": frozenset({"a", "on", "me", "as"}),
    "it": frozenset({"a", "no", "me", "so"}),
    "pt": frozenset({"a", "as", "do", "no", "me"}),
    "ca": frozenset({"a", "no", "me"}),
    "de": frozenset({"so", "in", "was", "will", "an", "also"}),
    "nl": frozenset({"in", "is", "was", "had", "over"}),
}
SHARED_WORDS = frozenset({"etc", "vs", "via"})  # Latin words that languages written in Latin script share
TERM_WORDS = 3  # with `untranslated-terms = false`, a copied run this short without grammar words is a term


# A label that ends its line (`Exemple de message d'erreur :<br/>`): the message follows (rarely needed: most
# pages keep nothing on purpose).
_announced = on_first_use(r":[ \t]*(?:(?:\*\*|__)[ \t]*)?(?:<br[ \t]*/?>|\n)")
_enumeration = on_first_use(r"[,、，;()（）]")


_LIST_WORDS = frozenset({"and", "or", "etc"})


class KeptOnPurpose:
    """Judges the fragments of one translated document against what its source's vocabulary says."""

    def __init__(
        self, document: Document, vocabulary: frozenset[str], stop_words: frozenset[str], report_terms: bool
    ) -> None:
        self.document = document
        self.vocabulary = vocabulary
        self.stop_words = stop_words
        self.report_terms = report_terms
        self._mentions_of: tuple[Block | None, list[tuple[int, int]]] = (None, [])

    def run(self, block: Block, words: list[Word], first: int, last: int, translated_around: bool) -> bool:
        """Whether words `first` to `last` of the block are English the translation keeps on purpose."""
        text = self.document.text
        begin, end = words[first].start, words[last].end
        run = words[first : last + 1]
        if translated_around and _mostly_inside(run, self._mentions(block)):
            return True  # a mention among translated words, not an English block with bold in it
        titles = [(a, b) for a, b in external_link_labels(self.document, block) if label_names_something(text[a:b])]
        if _mostly_inside(run, titles):
            return True  # the title of a page on another site
        announced = _announced().search(text, self._start_of(block), begin) if block.kind == "quote" else None
        translated_label = announced and any(
            word.end <= announced.start() and word.lower not in self.vocabulary for word in words[:first]
        )
        if translated_label:
            return True  # a quote's message on the lines after translated words: `Exemple de message d'erreur :`
        if expands_an_acronym(text, begin, run):
            return True
        if not self.report_terms:
            items = [item.split() for item in _enumeration().split(text[begin:end].lower()) if item.strip()]
            listed = [[word for word in item if word.strip(".") not in _LIST_WORDS] for item in items]
            if len(items) >= 2 and all(
                len(item) <= TERM_WORDS and not any(word in self.stop_words for word in item) for item in listed
            ):
                return True
        return False

    def announced_at(self, block: Block, words: list[Word], first: int, last: int) -> int | None:
        """In a quote, the first word of the run that follows a colon: English after it is the message the words
        before announce (`Exemple de message d'erreur : The schema cannot…`). None: no colon in the run."""
        if block.kind != "quote":
            return None
        text = self.document.text
        for index in range(max(first, 1), last + 1):
            if ":" in text[words[index - 1].end : words[index].start]:
                return index
        return None

    def _start_of(self, block: Block) -> int:
        return self.document.lines.offset(block.span.line, block.span.column)

    def _mentions(self, block: Block) -> list[tuple[int, int]]:
        if self._mentions_of[0] is not block:
            self._mentions_of = (block, mentions(self.document, block))
        return self._mentions_of[1]


def kept_as_named(
    document: Document, block: Block, words: tuple[Word, ...], unchanged: bool, message_page: bool
) -> bool:
    """A block left as the source has it because it is a name: a message's title, a linked page's title, a field."""
    if message_page and is_message_title_or_lead(block, document):
        return True  # an error reference page keeps the message it is about, as the program prints it
    if not unchanged:
        return False
    return names_linked_pages(document, block, words) or is_field_value(block)


def _mostly_inside(run: list[Word], spans: list[tuple[int, int]]) -> bool:
    """At least half of the run's words stand inside one of the spans."""
    for start, finish in spans:
        inside = sum(1 for word in run if start <= word.start and word.end <= finish)
        if inside and 2 * inside >= len(run):
            return True
    return False
