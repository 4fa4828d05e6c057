"""How much a source block and a target block look like a translation of each other.

The alignment scores blocks on what a translation keeps: block kind, heading
level and step number, placeholders, link destinations, digits, code spans and
code names, word beginnings that names and cognates share (in a translation
written in another script, its Latin names and katakana loanwords:
`kept_words`), the page a link names, an ordered item's number, whether an
item is a term's description, and the length this translation makes of its
source (Han, kana and Hangul counted double). Each block's features are
computed once per alignment (`known`, `forget_blocks`), and a source's are
kept for the alignment of its next translation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from lintkit.formats.block_measures import sentence_count, text_length
from lintkit.formats.destinations import destination_key, link_page
from lintkit.formats.kept_words import english_keys, katakana_keys, kept_words, latin_names
from lintkit.formats.placeholders import without_placeholders
from lintkit.model import Block
from lintkit.patterns import on_first_use

TEXT_KINDS = frozenset({"paragraph", "list_item", "quote"})
DIGITS = re.compile(r"\d+")
_LEADING_NUMBER = re.compile(r"^\W{0,3}(\d{1,3})[.)\-:）．]")

MIN_SIMILARITY = 0.3
PAGE_WEIGHT = 0.15  # the page a link points to, where the rest of its address differs (another wiki's language)
_CODE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")  # identifiers and keywords of code, kept in translation
# comments, strings and text between tags, which translators translate
_CODE_PROSE = re.compile(
    r"//[^\n]*|#[^\n]*|/\*.*?\*/|<!--.*?-->|\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`|>[^<>{}\n]*<", re.DOTALL
)
MIN_NAMES = 4  # shorter code (a command) is compared as it is
SAME_EXAMPLE = 0.2  # share of names two code blocks need to be one example and its translation
MARKUP_WEIGHT = 0.15  # tags and bold labels are kept as they are: they tell apart blocks of similar length
SPAN_WEIGHT = 0.3  # code spans are copied verbatim: shared ones tie a block to its translation
KIND_WEIGHT = 0.1  # a list item stays a list item, a quote a quote, a term's description a description
_DEFINITION = re.compile(r"^\s*[-*+]\s+:\s")  # an item that describes the term above it (`- : ...`)
SAME_TEXT_WEIGHT = 0.3  # a block left untranslated is the surest pair there is
SHORT_SLACK = 12  # letters by which a short text and its translation may differ whatever their ratio

_KNOWN: dict[int, Features] = {}  # the blocks of one alignment, by id (each kept alive by its features)


def forget_blocks(keep: Sequence[Block] = ()) -> None:
    """Drop the blocks `known` keeps, but those of `keep`: an alignment calls it when it ends, keeping its
    source's, which the engine aligns next with the source's other translations (one document's worth)."""
    kept = {id(block): _KNOWN[id(block)] for block in keep if id(block) in _KNOWN}
    _KNOWN.clear()
    _KNOWN.update(kept)


def known(block: Block) -> Features:
    """A block's features, computed once per alignment: the passes score each block many times."""
    found = _KNOWN.get(id(block))
    if found is None or found.block is not block:
        found = _KNOWN[id(block)] = Features(block)
    return found


# Chinese, Japanese and Korean write no space between a name and the words around it ("Snipcartの状態"): a run of
# their letters is a word of its own, so that the Latin name beside it stays a word too
_CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_FIRST_CJK = "\u3040"  # text whose highest letter is below it has none: the plain word pattern reads it alike
_PLAIN_WORDS = re.compile(r"[^\W\d_]{4,}")


# compiled on first need: classes this wide take milliseconds to compile, which a one-file run in a Latin script
# need not pay
_words_with_cjk = on_first_use(rf"[{_CJK_LETTERS}]{{4,}}|[^\W\d_{_CJK_LETTERS}]{{4,}}")


LENGTH_WEIGHT = 0.15
# items of one list often differ in nothing a translation keeps but their length and their sentences
ITEM_SENTENCE_WEIGHT = 0.2
_ORDERED_MARKER = re.compile(r"^\s*(\d{1,3})[.)]\s")  # the number of an ordered list's item, as written
MARKER_WEIGHT = 0.2  # a bonus only: a list numbered 1. 1. 1. on one side only is no sign against a pair


def content_score(source: Block, target: Block, ratio: float) -> float:
    return content_scores(known(source), (known(target),), ratio)[0]


def content_scores(source: Features, targets: Sequence[Features], ratio: float) -> list[float]:
    """How surely `source` and each of `targets` translate each other by content alone (no position): what the
    passes after the global alignment compare, at this translation's length `ratio`."""
    scores: list[float] = []
    append = scores.append
    for target, score in zip(targets, base_similarities(source, targets), strict=True):
        if score is None:
            append(0.0)
            continue
        if score <= 0:
            append(score)
            continue
        if source.kind == target.kind and source.definition == target.definition:
            score += 0.2
            if source.kind == "table_row":
                score += 0.3 if (source.level == 0) == (target.level == 0) else -0.3
            elif source.kind == "list_item":
                score += ITEM_SENTENCE_WEIGHT / (1 + abs(source.sentences - target.sentences))
                if source.marker is not None and source.marker == target.marker:
                    score += MARKER_WEIGHT
        score += 0.6 * jaccard(source.stems, target.stems)
        score += kept_words(source, target)
        if source.pages and target.pages:
            score += PAGE_WEIGHT * jaccard(source.pages, target.pages)
        if source.commands or target.commands:
            score += 0.3 * jaccard(source.commands, target.commands)
        if source.symbols or target.symbols:
            score += SYMBOL_WEIGHT * jaccard(source.symbols, target.symbols)
        if source.family == "text":
            score += LENGTH_WEIGHT * max(0.0, 1 - abs(math.log(target.length / source.length / ratio)))
        append(score)
    return scores


def stems(text: str) -> frozenset[str]:
    """Word beginnings, which names, commands and cognates share across languages (install, installer); the
    beginnings of English function words are neither, and tie an English note to any English source."""
    if text.isascii():  # lowercasing first cuts the same beginnings, in one call for the whole text
        return frozenset([word[:4] for word in _PLAIN_WORDS.findall(text.lower())]) - _FUNCTION_STEMS
    words = (_PLAIN_WORDS if max(text) < _FIRST_CJK else _words_with_cjk()).findall(text)
    return frozenset([beginning.lower() for beginning in {word[:4] for word in words}]) - _FUNCTION_STEMS


_FUNCTION_WORDS = (
    "this that thes thos with your from have will when what whic ther thei they them then than been were also "
    "into more most only othe some such very just abou afte befo each here does make over wher whil coul woul "
    "shou must need able"
)
_FUNCTION_STEMS = frozenset(_FUNCTION_WORDS.split())


# arrows, technical signs, dingbats and emoji: a list that marks its items with them keeps them in translation
_SYMBOL = re.compile(r"[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
SYMBOL_WEIGHT = 0.3


def symbols(text: str) -> frozenset[str]:
    return frozenset(_SYMBOL.findall(text)) if not text.isascii() else frozenset()


_NOTHING: frozenset = frozenset()


def _code_spans(block: Block) -> tuple[frozenset[str], frozenset[str]]:
    """The texts of a block's code spans, and the first word of each: commands and identifiers stay as they are
    in every language."""
    texts = [inline.text for inline in block.inlines if inline.kind == "code"]
    if not texts:
        return _NOTHING, _NOTHING
    return frozenset(texts), frozenset(words[0] for words in map(str.split, texts) if words)


class Features:
    """What the similarity needs of a block, computed once per block instead of once per cell."""

    __slots__ = (
        "bare",
        "block",
        "code_text",
        "commands",
        "definition",
        "digits",
        "english",
        "family",
        "identifiers",
        "kind",
        "length",
        "level",
        "links",
        "loans",
        "marker",
        "markup",
        "names",
        "number",
        "pages",
        "placeholders",
        "same_text",
        "sentences",
        "spans",
        "stems",
        "symbols",
    )

    def __init__(self, block: Block) -> None:
        self.block = block
        kind, text = block.kind, block.text
        self.kind = kind
        self.definition = kind == "list_item" and _DEFINITION.match(block.raw) is not None
        self.level = block.level
        self.family = family = "text" if kind in TEXT_KINDS else kind
        self.bare = family == "text" and bare(block)
        spans, commands = _code_spans(block)
        self.spans, self.commands = spans, commands
        self.identifiers = frozenset(_CODE_NAME.findall(_CODE_PROSE.sub(" ", text))) if family == "code" else _NOTHING
        self.placeholders = frozenset(p.key for p in block.placeholders) if block.placeholders else _NOTHING
        if block.links:
            self.links = frozenset(destination_key(link.destination) for link in block.links)
            self.pages = frozenset(filter(None, (link_page(link.destination) for link in block.links)))
        else:
            self.links = self.pages = _NOTHING
        self.digits = frozenset(DIGITS.findall(text))
        self.markup = markup(block) if family == "text" else _NOTHING
        self.length = max(text_length(block), 1)
        if block.number is not None:
            self.number: int | None = block.number.value
        else:
            leading = _LEADING_NUMBER.match(text) if kind != "code" else None
            self.number = int(leading.group(1)) if leading else None
        self.code_text = text if family == "code" else None  # compared whole: the same example
        # text found unchanged on the other side: a file name of a tree, a name, a block left untranslated
        self.same_text = text if family == "text" and not self.bare else None
        self.stems = stems(text)
        ascii_text = text.isascii()
        self.symbols = _NOTHING if ascii_text else symbols(text)
        item = kind == "list_item"
        self.sentences = sentence_count(block) if item else 0
        ordered = _ORDERED_MARKER.match(block.raw) if item else None
        self.marker = int(ordered.group(1)) if ordered else None
        self.names = _NOTHING if ascii_text else latin_names(text, self.stems)
        self.loans = _NOTHING if ascii_text else katakana_keys(text)
        self.english: frozenset[str] | None = None  # computed when a Japanese block is compared with this one

    def english_keys(self) -> frozenset[str]:
        if self.english is None:
            self.english = english_keys(self.block.text, _FUNCTION_STEMS)
        return self.english


_TAG_NAME = re.compile(r"<([A-Za-z][\w.-]*)")
_BOLD_LEAD = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__)")


def markup(block: Block) -> frozenset[str]:
    """The inline markup a translation keeps as it is: HTML tags and components, images, and a bold label that
    leads the block (`**Together online**<br>`)."""
    found = {
        match.group(1).lower()
        for inline in block.inlines
        if inline.kind == "html"
        for match in _TAG_NAME.finditer(inline.text)
    }
    if "![" in block.raw:
        found.add("img")  # an image written as Markdown or as HTML is the same image
    if _BOLD_LEAD.match(block.raw):
        found.add("** lead")
    return frozenset(found)


MODULE_LINE = re.compile(
    r"^\s*(?:import\s+[\w{*][^\n]*\bfrom\s+['\"]|import\s+['\"]|export\s+(?:const|default|function)\b)"
)


def bare(block: Block) -> bool:
    """A text block a reader does not read: an MDX import or export, markup or placeholders without words."""
    if MODULE_LINE.match(block.raw):
        return True
    text = without_placeholders(block.text, block.placeholders) if block.placeholders else block.text
    return _ALPHANUMERIC.search(text) is None


_ALPHANUMERIC = re.compile(r"[^\W_]")  # what `str.isalnum` accepts, one character at a time


def jaccard(first: frozenset, second: frozenset) -> float:
    if not first and not second:
        return 0.0
    return len(first & second) / len(first | second)


def base_similarities(source: Features, targets: Sequence[Features]) -> list[float | None]:
    """What `source` shares with each of `targets`, position aside; None where they can never pair.

    The global alignment asks this of every cell of its band: one call per row,
    with the source's features read once, costs much less than a call per cell.
    Each score adds its terms in one fixed order, so it is the same number
    whichever way it is asked for.
    """
    bare_source, family, length = source.bare, source.family, source.length
    number, placeholders, links, digits, marks, spans = (
        source.number,
        source.placeholders,
        source.links,
        source.digits,
        source.markup,
        source.spans,
    )
    level, kind, definition, identifiers, code_text, same_text = (
        source.level,
        source.kind,
        source.definition,
        source.identifiers,
        source.code_text,
        source.same_text,
    )
    heading, code, text = family == "heading", family == "code", family == "text"
    results: list[float | None] = []
    append = results.append
    for target in targets:
        if target.bare != bare_source:
            append(None)  # words are never the translation of an import or of bare markup
            continue
        other = target.family
        if other == family:
            similarity = 0.4
        elif (family == "html" or other == "html") and _MIXED_HTML.issuperset((family, other)):
            # HTML written as Markdown, or Markdown as HTML: the same visible text, of a translation's length
            similarity = 0.35 if length >= 20 and 0.5 <= target.length / length <= 2.0 else 0.1
        elif _HEADING_OR_TEXT.issuperset((family, other)):
            similarity = 0.1  # a heading that lost its markup, or a paragraph turned into a heading
        else:
            append(None)
            continue
        if heading and other == "heading":
            similarity += 0.15 if level == target.level else 0.0
        if number is not None and target.number is not None:
            similarity += 0.3 if number == target.number else -0.15
        # each shared share as |A ∩ B| / |A ∪ B|; a side without any adds what a share of 0 adds
        shared = target.placeholders
        if placeholders and shared:
            common = len(placeholders & shared)
            similarity += 0.45 * (common / (len(placeholders) + len(shared) - common)) - 0.1
        elif placeholders or shared:
            similarity -= 0.1
        shared = target.links
        if links and shared:
            common = len(links & shared)
            similarity += 0.35 * (common / (len(links) + len(shared) - common)) - 0.05
        elif links or shared:
            similarity -= 0.05
        shared = target.digits
        if digits and shared:
            common = len(digits & shared)
            similarity += 0.15 * (common / (len(digits) + len(shared) - common))
        shared = target.markup
        if marks and shared:
            common = len(marks & shared)
            similarity += MARKUP_WEIGHT * (common / (len(marks) + len(shared) - common))
        shared = target.spans
        if spans and shared:
            common = len(spans & shared)
            similarity += SPAN_WEIGHT * (common / (len(spans) + len(shared) - common)) - 0.05
        elif spans or shared:
            similarity -= 0.05
        if code:
            if code_text == target.code_text:
                similarity += 0.4
            elif len(identifiers) >= MIN_NAMES and len(target.identifiers) >= MIN_NAMES:
                names = jaccard(identifiers, target.identifiers)
                if names < SAME_EXAMPLE:
                    append(None)  # another example: the names of an example survive its translation
                    continue
                similarity += 0.1 + 0.3 * names
            else:
                similarity += 0.1
        elif text:
            ratio = target.length / length
            # a word or two grows by a word or two in translation ("both", "Ambas opciones"): a ratio says little
            agree = 0.33 <= ratio <= 3.0 or abs(target.length - length) <= SHORT_SLACK
            similarity += 0.1 if agree else -0.2
            if kind == target.kind and definition == target.definition:
                similarity += KIND_WEIGHT
            if same_text is not None and same_text == target.block.text:
                similarity += SAME_TEXT_WEIGHT
        append(similarity)
    return results


_MIXED_HTML = frozenset({"text", "heading", "html"})
_HEADING_OR_TEXT = frozenset({"text", "heading"})


def keys_within(extra: Block, others: Sequence[Block]) -> bool:
    """What a translation keeps (code spans, placeholders, links, digits) of `extra` is in `others`, the other side's
    blocks it would join (a code span's text may stand there without its backticks)."""
    placeholders = {p.key for block in others for p in block.placeholders}
    links = {destination_key(link.destination) for block in others for link in block.links}
    digits = {int(digit) for block in others for digit in DIGITS.findall(block.text)}
    spans = {"".join(inline.text.split()) for block in others for inline in block.inlines if inline.kind == "code"}
    text = "".join("\n".join(block.text for block in others).split())
    return (
        all(  # spaces aside: `font-weight: bold;` is the source's `font-weight:bold;`
            span in spans or span in text
            for span in ("".join(i.text.split()) for i in extra.inlines if i.kind == "code")
        )
        and {p.key for p in extra.placeholders} <= placeholders
        and {destination_key(link.destination) for link in extra.links} <= links
        and {int(digit) for digit in DIGITS.findall(extra.text)} <= digits
    )
