"""Words and terms in translated prose: where they stand, and when two spellings are one term.

Rules about terminology search a block's own text in the file, not its
markup-free `Block.text`, so every match has an exact line and column. Code
spans, placeholders, link destinations, URLs and HTML tags are blanked first
(replaced by spaces of the same length), so offsets stay the file's own.

Two spellings are variants of one term when they have the same *variant key*:
the content words, case-folded, without diacritics, hyphens or the articles
and prepositions between them ("Heure de Code", "heure du code" and
"Heure-de-code" share the key `heurecode`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lintkit.formats.scanning import blank_markup
from lintkit.model import Block, Document
from lintkit.patterns import on_first_use

PROSE_KINDS = {"text": ("paragraph", "list_item", "quote", "table_row", "plural_form"), "heading": ("heading",)}
SCOPES = ("text", "heading", "link-text", "front-matter")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Articles, prepositions and conjunctions that may differ between variants of one term,
# in the languages whose texts lintkit meets most; kept small on purpose.
FUNCTION_WORDS = _word_set(
    """
    an the of for and to in on at by with from
    de du des la le les l' d' un une au aux à en et pour par avec sur dans
    del el los las una al para por con sin sobre
    di della dell' delle dei degli il lo gli alla allo per
    do da dos das os um uma em no na com pelo pela
    der die das dem den ein eine einer eines einem einen von vom zum zur und für im am beim mit bei auf aus
    het een van voor met op aan bij
    của
    """
)

# Pronouns, possessives, conjunctions and auxiliaries: a term never holds one, so they end a phrase.
# ("Wenn Sie" and "wenn sie" are different words, not spellings of one term.) Words that are
# function words in another language ("du", "il", "on") are left to FUNCTION_WORDS.
BREAKERS = _word_set(
    """
    i you he she it we they me him her us them my your his its our their this that these those
    is are be was were will can does don't if when which who what as or but so not
    je tu elle nous vous ils elles te se lui leur leurs mon ma mes ton ta tes son sa ses notre nos
    votre vos ce cet cette ces qui que quoi dont où est sont être avoir ont si ne pas ou mais plus
    yo tú él ella nosotros ellos ellas mi mis tu tus su sus nuestro nuestra este esta estos estas
    ese esa qué quien es son ser pero más
    ich er sie es wir ihr mich dich sich uns euch ihnen ihm ihn mein meine dein deine sein seine
    ihre ihren ihrem ihrer ihres unser unsere euer eure wenn dass ob damit weil oder aber nicht ist sind
    hat haben kann können werden wird auch noch wie was wer
    io lei noi voi loro ti ci vi suo suoi sue mio mia tuo tua che chi è sono non più
    eu ele ela nós eles elas lhe seu seus suas meu minha quem é são não mais
    ik jij je hij zij ze wij we jullie mij mijn jouw jou zijn haar ons onze uw dat wat als niet
    bạn tôi chúng họ là có không này đó
    """
)

# A catalog string's own syntax: keywords, the quotes around each line, escapes. Where a string goes on
# on the next line, the quotes and the line break become word joiners (U+2060): "Voir :" + "func:" is
# one text, ":func:", not a colon before a space. Compiled when the first catalog is read.


_po_continuation = on_first_use(r'"[ \t]*\n[ \t]*"')
_po_syntax = on_first_use(r'^[ \t]*(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?[ \t]*"|"[ \t]*$|\\[nt"\\]', re.M)


_JOINER = "\u2060"
WORD = re.compile(r"\w+(?:[-.]\w+)*['’]?")
_OPENING_MARKUP = " \t\n*_[\"'“«„¿¡#>-\u2060"

# The patterns below are compiled on first use: a one-file check pays for every pattern compiled at import.


_segment_gap = on_first_use(r"[\s\-'’\u2060]*")  # what may stand between two words of one term
_step_number = on_first_use(r"(?:^|(?<=\s))\d{1,3}[.)]?$")
_line_break = on_first_use(r"<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Prose:
    """The searchable text of one block: `text` starts at offset `start` of the document."""

    block: Block
    start: int
    text: str


def blank(text: str) -> str:
    """The text with markup that is not prose replaced by spaces (same length); `<br>` becomes `¶`."""
    text = _line_break().sub(lambda match: "¶" + " " * (len(match.group(0)) - 1), text)
    return blank_markup(text)  # code spans, template tags, link destinations, URLs, HTML, in linear time


def spelling(text: str) -> str:
    """A run of words as a translator reads it: catalog line joins dropped, spacing normalized."""
    return " ".join(text.replace(_JOINER, "").split())


def block_region(document: Document, block: Block) -> tuple[int, int]:
    lines = document.lines
    return lines.offset(block.span.line, block.span.column), lines.offset(block.span.end_line, block.span.end_column)


def prose(document: Document, scopes: tuple[str, ...], translatable_keys: tuple[str, ...] = ()) -> list[Prose]:
    """The document's text in the given scopes, block by block, markup blanked."""
    kinds = {kind for scope in scopes for kind in PROSE_KINDS.get(scope, ())}
    found = []
    for block in document.blocks:
        if block.kind == "front_matter_field":
            if "front-matter" not in scopes or block.info not in translatable_keys:
                continue
        elif block.kind not in kinds:
            if "link-text" in scopes:
                found.extend(_link_texts(document, block))
            continue
        start, end = block_region(document, block)
        text = blank(document.text[start:end])
        if document.path.endswith((".po", ".pot")):
            text = _po_continuation().sub(lambda match: _JOINER * len(match.group(0)), text)
            text = _po_syntax().sub(lambda match: " " * len(match.group(0)), text)
        found.append(Prose(block, start, text))
    return found


def _link_texts(document: Document, block: Block) -> Iterator[Prose]:
    for link in block.links:
        if link.kind == "image" or not link.text:
            continue
        start = document.lines.offset(link.span.line, link.span.column)
        raw = document.text[start : start + len(link.raw or link.text) + 2]
        inner = raw.find(link.text)
        if inner >= 0:
            yield Prose(block, start + inner, link.text)


@lru_cache(maxsize=4096)
def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """A word's part of a variant key: empty for function words."""
    folded = word.casefold().replace("’", "'")
    if folded in FUNCTION_WORDS or len(folded.rstrip("'")) < 2:
        return ""
    return strip_accents(folded).replace("-", "").replace("'", "").replace(".", "")


def content_words(text: str) -> int:
    """How many content words a text holds (`Heure-de-Code` holds two, like `Heure de Code`)."""
    return sum(_token(word)[1] for word in WORD.findall(text))


def variant_key(text: str) -> str:
    """The key that all variants of a term share: content words only, folded."""
    return "".join(word_key(part) for word in WORD.findall(text) for part in word.split("-"))


def at_sentence_start(text: str, offset: int) -> bool:
    """True when only a sentence end, a line break, a step number, markup or the text's start precede `offset`."""
    before = _step_number().sub("", text[max(0, offset - 40) : offset].rstrip(_OPENING_MARKUP)).rstrip(_OPENING_MARKUP)
    if not before:
        return offset <= 40 or not text[: offset - 40].strip(_OPENING_MARKUP)
    return before.rstrip("”»\"')")[-1:] in (".", "!", "?", ":", "|", "…", "¶", "")


def term_pattern(term: str, ignore_case: bool = True, inflection: bool = False) -> re.Pattern[str]:
    """A term's words, with any run of spaces between them and word boundaries around them.

    An accented letter matches in either Unicode form, `é` (U+00E9) or `e` and
    a combining acute (U+0301): editors and input methods write both, and
    a reader sees no difference.
    """
    ending = r"\w{0,3}" if inflection else ""
    words = [_either_form(word) + ending for word in term.split()]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?![\w\u0300-\u036f])", flags)


def _either_form(word: str) -> str:
    """A pattern for `word` that accepts each of its letters composed (NFC) or decomposed (NFD)."""
    if word.isascii():
        return re.escape(word)
    pieces = []
    for character in unicodedata.normalize("NFC", word):
        decomposed = unicodedata.normalize("NFD", character)
        escaped = re.escape(character)
        pieces.append(escaped if decomposed == character else f"(?:{escaped}|{re.escape(decomposed)})")
    return "".join(pieces)


@lru_cache(maxsize=65536)
def _token(word: str) -> tuple[str, int, bool, bool]:
    """A word's key part, its count of content words, whether it ends a phrase, whether it is capitalized."""
    folded = word.casefold().replace("’", "'")
    capital = word[:1].isupper()
    if folded in BREAKERS or folded.rstrip("'") in BREAKERS:
        return "", 0, True, capital
    if word.isdigit():
        return "", 0, False, capital
    parts = [word_key(part) for part in word.split("-")]
    return "".join(parts), sum(1 for part in parts if part), False, capital


def tokenize(text: str) -> list[tuple[int, int, str, int, bool, bool, bool]]:
    """Words of a text: (start, end, key part, content words, ends a phrase, joined to the previous, capitalized)."""
    tokens = []
    append = tokens.append
    gap = _segment_gap().fullmatch
    previous_end = -1
    for match in WORD.finditer(text):
        start, end = match.span()
        key, content, breaker, capital = _token(match.group())
        if previous_end < 0:
            joined = False
        else:  # words of one phrase are apart by spaces, hyphens or apostrophes only
            joined = (start - previous_end == 1 and text[previous_end] == " ") or bool(gap(text, previous_end, start))
        append((start, end, key, content, breaker, joined, capital))
        previous_end = end
    return tokens


def windows(piece: Prose, max_words: int = 5, min_content: int = 2) -> Iterator[tuple[int, int, str]]:
    """Runs of words of one phrase holding `min_content` or more content words, first and last a content word.

    Yields (start, end, variant key), offsets relative to `piece.text`.
    """
    tokens = tokenize(piece.text)
    count = len(tokens)
    for first in range(count):
        start, end, key, total, *_ = tokens[first]
        if not total:
            continue
        if total >= min_content:
            yield start, end, key
        for last in range(first + 1, min(first + max_words, count)):
            _, end, part, content, breaker, joined, _ = tokens[last]
            if breaker or not joined:
                break
            key += part
            total += content
            if content and total >= min_content:
                yield start, end, key
