"""The inline tokens of text without inline markup, made without mistune's inline parser.

Most blocks of a documentation page are plain sentences, or sentences whose
only markup is a few `[label](destination)` links and `code` spans. mistune
still reads them piece by piece: every `h` may open an address and every `!`
an image, so each one ends a text token that the parser then merges again, and
a link is read through its bracket stack. For such text the tokens are known in
advance: one text token per line, a line break token (`linebreak` after two
spaces or more, `softbreak` otherwise) for each newline with the blanks around
it, a code span token for each span of single backticks, and for each plain
link (or image) a token holding its label's tokens and its destination escaped
as the parser escapes it. This module gives exactly the parser's tokens for
such text, and None for any other text, which then goes through the parser;
`tests/test_plain_inlines.py` checks that against the parser on generated text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from mistune.util import escape_url

# What may start an inline rule of the parser (escape, code, emphasis, link, HTML, autolink, address), leaving
# out the `h` and `!` that start no rule unless an address or a `[` follows them, and the line breaks.
_MARKUP = re.compile(r"[\\`*_\[\]<]|http")
# A line break as the parser reads it: the spaces before the newline, the newline and every blank after it.
_BREAK = re.compile(r"( *)\n\s*")
# A code span between single backticks (a longer run of backticks is left to the parser).
_CODE_SPAN = re.compile(r"(?<!`)`([^`]+)`(?!`)")
# A link (an image after `!`) whose label is one line without brackets (its text is checked apart) and whose
# destination has no blank, control character, parenthesis, escape, angle bracket or title: the parser takes it
# as written.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^\s\x00-\x1f\x7f()\\<>]+)\)")


def plain_inline_tokens(text: str) -> list[dict[str, Any]] | None:
    """The parser's inline tokens for `text` if it holds no inline markup, else None."""
    if _MARKUP.search(text) is None:
        return _text_tokens(text)
    if "](" not in text:
        return _span_tokens(text)
    tokens: list[dict[str, Any]] = []
    position = 0
    for link in _LINK.finditer(text):
        start = link.start()
        image = start > position and text[start - 1] == "!"
        before = _span_tokens(text[position : start - 1 if image else start])
        label = _span_tokens(link.group(1))
        if before is None or label is None:
            return None
        tokens.extend(before)
        url = _escaped_url(link.group(2))
        tokens.append({"type": "image" if image else "link", "children": label, "attrs": {"url": url}})
        position = link.end()
    rest = _span_tokens(text[position:])
    if rest is None:
        return None
    tokens.extend(rest)
    return tokens


def _span_tokens(text: str) -> list[dict[str, Any]] | None:
    """The tokens of plain text with code spans (no link), or None when anything else is there."""
    tokens: list[dict[str, Any]] = []
    position = 0
    for code in _CODE_SPAN.finditer(text) if "`" in text else ():
        piece = text[position : code.start()]
        if _MARKUP.search(piece) is not None:
            return None
        if piece:
            tokens.extend(_text_tokens(piece))
        tokens.append({"type": "codespan", "raw": _code_text(code.group(1))})
        position = code.end()
    rest = text[position:]
    if _MARKUP.search(rest) is not None:
        return None
    if rest:
        tokens.extend(_text_tokens(rest))
    return tokens


def _code_text(code: str) -> str:
    """A code span's text as the parser gives it: newlines become spaces, one space is taken off both ends."""
    code = code.replace("\n", " ")
    if code.strip(" ") and code.startswith(" ") and code.endswith(" "):
        return code[1:-1]
    return code


@lru_cache(maxsize=4096)
def _escaped_url(destination: str) -> str:
    """The parser's form of a destination: a site links to the same pages from every page and translation."""
    return escape_url(destination)


def _text_tokens(text: str) -> list[dict[str, Any]]:
    """The tokens of text without markup: its lines and the breaks between them."""
    if "\n" not in text:
        return [{"type": "text", "raw": text}]
    tokens: list[dict[str, Any]] = []
    position = 0
    for line_break in _BREAK.finditer(text):
        if line_break.start() > position:
            tokens.append({"type": "text", "raw": text[position : line_break.start()]})
        tokens.append({"type": "linebreak" if len(line_break.group(1)) >= 2 else "softbreak"})
        position = line_break.end()
    if position < len(text):
        tokens.append({"type": "text", "raw": text[position:]})
    return tokens
