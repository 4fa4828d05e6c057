"""Code spans of aligned blocks, compared as multisets with placeholders masked.

Readers copy a code span (`npm install`, `--force`, `kubectl get pods`) as it
is, so a translation keeps each one verbatim. Placeholders inside a span are
compared by the placeholder rules and are masked here. A span the translation
lost but kept as plain text, or added around words the source has as plain
text, changed formatting only and is not reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.formats.placeholder_keys import macro_call
from lintkit.formats.placeholders import placeholder_texts, without_placeholders
from lintkit.model import Block, Inline

PLACEHOLDER_MARK = "\u2026"
_LETTERS = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+)*")  # `nom-du-paquet` is one word, as `package-name` is
_WORD = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # words only (`partial`, `A fact`): a translator's to write
_TAG_TEXT = re.compile(r">[^<>]*<")
_DOUBLE_QUOTED = re.compile(r'"[^"\n]*"')
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")
# the names of HTML elements, which stay as they are; other lowercase `<names>` are placeholders to fill in
_HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "article",
        "aside",
        "audio",
        "b",
        "body",
        "br",
        "button",
        "canvas",
        "code",
        "details",
        "dialog",
        "div",
        "em",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "kbd",
        "label",
        "li",
        "link",
        "main",
        "meta",
        "nav",
        "ol",
        "option",
        "p",
        "picture",
        "pre",
        "script",
        "section",
        "select",
        "slot",
        "source",
        "span",
        "strong",
        "style",
        "summary",
        "svg",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
        "video",
    ]
)
_CALL = re.compile(r"\(\)$")
_COMMAND = re.compile(r"[\w.@-]+")
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"'[^'\n]*'")


@dataclass(frozen=True, slots=True)
class CodeSpan:
    block: Block
    inline: Inline
    key: str  # what is compared: the text with placeholders masked (and words dropped when translatable)


@dataclass(frozen=True, slots=True)
class SpanDifference:
    kind: str  # changed, lost, extra
    source: CodeSpan | None
    target: CodeSpan | None


def code_spans(blocks: tuple[Block, ...], translatable_words: bool) -> list[CodeSpan]:
    spans = []
    for block in blocks:
        raws = placeholder_texts(block.placeholders)
        for inline in block.inlines:
            if inline.kind == "code" and inline.text.strip():
                spans.append(CodeSpan(block, inline, _key(raws, inline.text, translatable_words)))
    return spans


def _key(placeholders: frozenset[str], text: str, translatable_words: bool) -> str:
    """What must survive of a span: its text without spaces (`<Picture />` is `<Picture/>`); where words may be
    translated, its first word (the command) and the shape of the rest (`/rojo/1` is `/red/1`), strings emptied."""
    text = without_placeholders(text, placeholders, PLACEHOLDER_MARK)
    text = text.replace("\u2026", "...")
    sentence = translatable_words and _prose(text)
    if translatable_words:
        text = _TAG_TEXT.sub("><", text)  # an element's text: `<h1>Accueil</h1>` is `<h1>Home</h1>`
        text = _CALL.sub("", text).replace("/>", ">")  # `getStaticPaths` for `getStaticPaths()`, `<slot>`
        text = _DOUBLE_QUOTED.sub("''", text)  # a string's words are words too (`"Page d'accueil"`)
        text = _PLACEHOLDER_NAME.sub(_placeholder, text)  # `<local-port>` is `<port local>`
    text = text.replace('"', "'")  # `"all"` and `'all'` are the same string
    if translatable_words:
        text = _ELISION.sub("", text).translate(_WIDE)  # `d'hôte` is a word; `！` is `!`
        text = _QUOTED.sub("''", text)
        command, _, rest = text.strip().partition(" ")
        if not _COMMAND.fullmatch(command) or sentence:  # a URL, an assignment, a sentence: its shape
            command, rest = "", text.strip()
        shape = _shape(rest if rest else command)  # words, however many: only signs, digits and names remain
        text = f"{command} {shape}" if command and rest else shape
    return _SPACE.sub("", text)


_ELISION = re.compile(r"(?<=[A-Za-zÀ-ÿ])['’](?=[A-Za-zÀ-ÿ])")  # `d'hôte`, `l'école`
_WIDE = str.maketrans("、，。！？：；（）", ",,.!?:;()")
_PLACEHOLDER_NAME = re.compile(r"<([a-z][^<>/=\"']*)>")


def _placeholder(match: re.Match[str]) -> str:
    name = match.group(1)
    return match.group(0) if name.split()[0] in _HTML_ELEMENTS else "<a>"


def _prose(text: str) -> bool:
    """Words of a sentence rather than a command: letters of another script, or three words or more that
    start with a capital (`My first article!`, not `npm run build`)."""
    if any(ord(char) > 0x24F and char.isalpha() for char in text):
        return True
    stripped = text.strip(" '\"")
    return len(_PROSE_WORD.findall(text)) >= 3 and stripped[:1].isupper()


def _shape(text: str) -> str:
    """The text without its words (however many the translation needs), but with the names of elements
    (`<ClientRouter />`, `<slot>`), which are code in any language; `<username>` is a placeholder."""

    def replace(word: re.Match[str]) -> str:
        name = word.group(0)
        element = text[: word.start()].endswith(("<", "</")) and (name[0].isupper() or name in _HTML_ELEMENTS)
        return name if element else ""

    return _LETTERS.sub(replace, text)


def compare(
    source_blocks: tuple[Block, ...], target_blocks: tuple[Block, ...], translatable_words: bool, same_content: bool
) -> Iterator[SpanDifference]:
    """Changed spans where the blocks say the same (`same_content`: their length agrees with the page's); a lost
    or extra span only where, besides, one span is shared: in another version of the text, it is other content."""
    source = code_spans(source_blocks, translatable_words)
    target = code_spans(target_blocks, translatable_words)
    if not source and not target:
        return
    target_left = []
    matched = 0
    for span in target:
        match = next((index for index, other in enumerate(source) if other.key == span.key), None)
        if match is None:
            target_left.append(span)
        else:
            del source[match]
            matched += 1
    source_prose = " ".join(block.text for block in source_blocks)
    target_prose = " ".join(block.text for block in target_blocks)
    source_left = [span for span in source if _normal(span.inline.text) not in _normal(target_prose)]
    target_left = [span for span in target_left if _normal(span.inline.text) not in _normal(source_prose)]
    rendered = _macro_renderings(source_blocks)
    target_left = [span for span in target_left if _normal(span.inline.text).lower() not in rendered]
    if translatable_words:  # a span that is one word may be written as the word, translated, and back
        source_left = [span for span in source_left if not _WORD.fullmatch(span.inline.text.strip())]
        target_left = [span for span in target_left if not _WORD.fullmatch(span.inline.text.strip())]
    for source_span, target_span in _pair_changed(source_left, target_left):
        if source_span is not None and target_span is not None:
            if same_content:
                yield SpanDifference("changed", source_span, target_span)
        elif not matched or not same_content:
            continue  # a span on one side only, in blocks that share no span or differ in length: other content
        elif source_span is not None:
            yield SpanDifference("lost", source_span, None)
        else:
            yield SpanDifference("extra", None, target_span)


def _macro_renderings(blocks: tuple[Block, ...]) -> frozenset[str]:
    """What the source's macros print as code: `{{htmlelement("p")}}` prints `<p>`, `{{jsxref("Array.at()")}}`
    prints `Array.at()`. A translation that writes that code itself changed no code span."""
    found = set()
    for block in blocks:
        for placeholder in block.placeholders:
            call = macro_call(placeholder.raw)
            if call is None or not call[1]:
                continue
            first = call[1][0].strip()
            found.update({first.lower(), f"<{first.lower()}>", first.rsplit("/", 1)[-1].lower()})
            if len(call[1]) > 1 and call[1][1].strip():
                found.add(call[1][1].strip().lower())  # the text the macro shows in place of its target
    return frozenset(found)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _pair_changed(source: list[CodeSpan], target: list[CodeSpan]) -> Iterator[tuple[CodeSpan | None, CodeSpan | None]]:
    """Pair each leftover source span with the most similar leftover target span, in reading order."""
    target_left = list(target)
    for source_span in source:
        scored = [
            (difflib.SequenceMatcher(None, source_span.key, span.key).ratio(), index)
            for index, span in enumerate(target_left)
        ]
        best = max(scored, default=None)
        if best is not None and (best[0] >= 0.3 or len(source) == len(target_left) == 1):
            yield source_span, target_left.pop(best[1])
        else:
            yield source_span, None
    for span in target_left:
        yield None, span
