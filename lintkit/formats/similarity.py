"""How much a source block and a target block look like a translation of each other.

The alignment scores blocks on what a translation keeps: block kind, heading
level and step number, placeholders, link destinations, digits, code spans and
code names, word beginnings that names and cognates share, and the length this
translation makes of its source (Han, kana and Hangul counted double). Each
block's features are computed once per alignment (`known`, `forget_blocks`).
"""

from __future__ import annotations

import math
import re

from lintkit.formats.placeholders import without_placeholders
from lintkit.model import Block

TEXT_KINDS = frozenset({"paragraph", "list_item", "quote"})
DIGITS = re.compile(r"\d+")
_LEADING_NUMBER = re.compile(r"^\W{0,3}(\d{1,3})[.)\-:）．]")

MIN_SIMILARITY = 0.3
_CODE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")  # identifiers and keywords of code, kept in translation
# comments, strings and text between tags, which translators translate
_CODE_PROSE = re.compile(
    r"//[^\n]*|#[^\n]*|/\*.*?\*/|<!--.*?-->|\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`|>[^<>{}\n]*<", re.DOTALL
)
MIN_NAMES = 4  # shorter code (a command) is compared as it is
SAME_EXAMPLE = 0.2  # share of names two code blocks need to be one example and its translation
MARKUP_WEIGHT = 0.15  # tags and bold labels are kept as they are: they tell apart blocks of similar length
SPAN_WEIGHT = 0.3  # code spans are copied verbatim: shared ones tie a block to its translation
KIND_WEIGHT = 0.1  # a list item stays a list item, a quote a quote
SAME_TEXT_WEIGHT = 0.3  # a block left untranslated is the surest pair there is

_KNOWN: dict[int, tuple[Block, Features, frozenset[str]]] = {}  # one alignment's blocks, by id (kept alive)


def forget_blocks() -> None:
    """Drop the blocks `known` keeps: an alignment calls it when it ends."""
    _KNOWN.clear()


def known(block: Block) -> tuple[Features, frozenset[str]]:
    """A block's features and stems, computed once per alignment: the passes score each block many times."""
    found = _KNOWN.get(id(block))
    if found is None or found[0] is not block:
        found = (block, Features(block), stems(block.text))
        _KNOWN[id(block)] = found
    return found[1], found[2]


# Chinese, Japanese and Korean write no space between a name and the words around it ("Snipcartの状態"): a run of
# their letters is a word of its own, so that the Latin name beside it stays a word too
_CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORDS = re.compile(rf"[{_CJK_LETTERS}]{{4,}}|[^\W\d_{_CJK_LETTERS}]{{4,}}")
LENGTH_WEIGHT = 0.15
# items of one list often differ in nothing a translation keeps but their length and their sentences
ITEM_SENTENCE_WEIGHT = 0.2


def content_score(source: Block, target: Block, ratio: float) -> float:
    (features_source, source_stems), (features_target, target_stems) = known(source), known(target)
    score = pair_similarity(features_source, features_target, 0.0, 0.0)
    if score <= 0:
        return score
    if source.kind == target.kind:
        score += 0.2
    if source.kind == target.kind == "table_row":
        score += 0.3 if (source.level == 0) == (target.level == 0) else -0.3
    if source.kind == target.kind == "list_item":
        score += ITEM_SENTENCE_WEIGHT / (1 + abs(sentence_count(source) - sentence_count(target)))
    score += 0.6 * jaccard(source_stems, target_stems)
    source_commands, target_commands = _commands(source), _commands(target)
    if source_commands or target_commands:
        score += 0.3 * jaccard(source_commands, target_commands)
    source_symbols, target_symbols = symbols(source.text), symbols(target.text)
    if source_symbols or target_symbols:
        score += SYMBOL_WEIGHT * jaccard(source_symbols, target_symbols)
    if features_source.family == "text":
        score += LENGTH_WEIGHT * max(0.0, 1 - abs(math.log(features_target.length / features_source.length / ratio)))
    return score


def stems(text: str) -> frozenset[str]:
    """Word beginnings, which names, commands and cognates share across languages (install, installer); the
    beginnings of English function words are neither, and tie an English note to any English source."""
    return frozenset(word[:4].lower() for word in _WORDS.findall(text)) - _FUNCTION_STEMS


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
    return frozenset(_SYMBOL.findall(text))


def _commands(block: Block) -> frozenset[str]:
    """The first word of each code span: commands and identifiers stay as they are in every language."""
    return frozenset(
        inline.text.split()[0] for inline in block.inlines if inline.kind == "code" and inline.text.split()
    )


# Han, kana and Hangul write in one character what alphabets write in about two (the best fit on the plantings)
_DENSE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
DENSE_WEIGHT = 2


def text_length(block: Block) -> int:
    """A block's text length in letters of an alphabet: a page that mixes scripts (some blocks left in English)
    still has one length ratio."""
    text = block.text
    return len(text) + (DENSE_WEIGHT - 1) * len(_DENSE.findall(text))


_SENTENCE_END = re.compile(
    # stops followed by a space or the end: Latin, Arabic and Urdu, Devanagari, Armenian, Greek question mark
    r"[.!?\u061f\u06d4\u0964\u0589\u037e]+[\"\u201d\u00bb)\]]*(?:\s+(?P<next>\S)|\s*$)"
    r"|[\u3002\uff01\uff1f\u1362\u104b]"  # Chinese and Japanese, Ethiopic, Myanmar: no space needed after
    r"|[:\uff1a]\s*$"  # a colon that ends the text
)


def sentence_count(block: Block) -> int:
    """How many sentences a block's text ends: translators keep a paragraph's sentences far more often than its
    length (nineteen pairs in twenty in the shared corpora, outside Japanese), in any script. A stop before a
    lowercase word ends an abbreviation (e.g. this one), not a sentence; a colon that ends the text ends a
    sentence that leads into what follows."""
    return sum(1 for end in _SENTENCE_END.finditer(block.text) if not (end["next"] or "").islower())


class Features:
    """What the similarity needs of a block, computed once per block instead of once per cell."""

    __slots__ = (
        "bare",
        "block",
        "digits",
        "family",
        "identifiers",
        "length",
        "links",
        "markup",
        "number",
        "placeholders",
        "spans",
    )

    def __init__(self, block: Block) -> None:
        self.block = block
        self.family = "text" if block.kind in TEXT_KINDS else block.kind
        self.bare = self.family == "text" and bare(block)
        self.spans = frozenset(inline.text for inline in block.inlines if inline.kind == "code")
        self.identifiers = (
            frozenset(_CODE_NAME.findall(_CODE_PROSE.sub(" ", block.text))) if self.family == "code" else frozenset()
        )
        self.placeholders = frozenset(p.key for p in block.placeholders)
        self.links = frozenset(destination_key(link.destination) for link in block.links)
        self.digits = frozenset(DIGITS.findall(block.text))
        self.markup = markup(block) if self.family == "text" else frozenset()
        self.length = max(text_length(block), 1)
        if block.number is not None:
            self.number: int | None = block.number.value
        else:
            leading = _LEADING_NUMBER.match(block.text) if block.kind != "code" else None
            self.number = int(leading.group(1)) if leading else None


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
    text = without_placeholders(block.text, block.placeholders)
    return not any(char.isalnum() for char in text)


_LOCALE_SEGMENT = re.compile(r"^/[a-z]{2,3}(?:-[A-Za-z]{2,4})?(?=/)")


def destination_key(url: str) -> str:
    """A link destination as translations keep it: `/fr/docs/x` is the source's `/docs/x`."""
    return _LOCALE_SEGMENT.sub("", url)


def jaccard(first: frozenset, second: frozenset) -> float:
    if not first and not second:
        return 0.0
    return len(first & second) / len(first | second)


def pair_similarity(source: Features, target: Features, source_position: float, target_position: float) -> float:
    if source.bare != target.bare:
        return 0.0  # words are never the translation of an import or of bare markup
    if source.family == target.family:
        similarity = 0.4
    elif "html" in (source.family, target.family) and {source.family, target.family} <= {"text", "heading", "html"}:
        # HTML written as Markdown, or Markdown as HTML: the same visible text, of a translation's length
        similarity = 0.35 if source.length >= 20 and 0.5 <= target.length / source.length <= 2.0 else 0.1
    elif {source.family, target.family} <= {"text", "heading"}:
        similarity = 0.1  # a heading that lost its markup, or a paragraph turned into a heading
    else:
        return 0.0
    if source.family == target.family == "heading":
        similarity += 0.15 if source.block.level == target.block.level else 0.0
    if source.number is not None and target.number is not None:
        similarity += 0.3 if source.number == target.number else -0.15
    if source.placeholders or target.placeholders:
        similarity += 0.45 * jaccard(source.placeholders, target.placeholders) - 0.1
    if source.links or target.links:
        similarity += 0.35 * jaccard(source.links, target.links) - 0.05
    if source.digits or target.digits:
        similarity += 0.15 * jaccard(source.digits, target.digits)
    if source.markup or target.markup:
        similarity += MARKUP_WEIGHT * jaccard(source.markup, target.markup)
    if source.spans or target.spans:
        similarity += SPAN_WEIGHT * jaccard(source.spans, target.spans) - 0.05
    if source.family == "code":
        if source.block.text == target.block.text:
            similarity += 0.4
        elif len(source.identifiers) >= MIN_NAMES and len(target.identifiers) >= MIN_NAMES:
            shared = jaccard(source.identifiers, target.identifiers)
            if shared < SAME_EXAMPLE:
                return 0.0  # another example: the names of an example survive its translation
            similarity += 0.1 + 0.3 * shared
        else:
            similarity += 0.1
    if source.family == "text":
        ratio = target.length / source.length
        similarity += 0.1 if 0.33 <= ratio <= 3.0 else -0.2
        if source.block.kind == target.block.kind:
            similarity += KIND_WEIGHT
        if source.length >= 20 and source.block.text == target.block.text:
            similarity += SAME_TEXT_WEIGHT
    similarity -= 0.5 * abs(source_position - target_position)
    return similarity
