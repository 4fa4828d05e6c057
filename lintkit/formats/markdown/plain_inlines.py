"""The inline tokens of text without inline markup, made without mistune's inline parser.

Most blocks of a documentation page are plain sentences, or sentences whose
only markup is a few `[label](destination)` links. mistune still reads them
piece by piece: every `h` may open an address and every `!` an image, so each
one ends a text token that the parser then merges again, and a link is read
through its bracket stack. For such text the tokens are known in advance: one
text token per line, a line break token (`linebreak` after two spaces or more,
`softbreak` otherwise) for each newline with the blanks around it, and for each
plain link (or image) a token holding its label as one text token and its
destination escaped as the parser escapes it. This module gives exactly the
parser's tokens for such text, and None for any other text, which then goes
through the parser; `tests/test_plain_inlines.py` checks that against the
parser on generated text.
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
# A link or image whose label is one line without brackets (plain text is checked apart) and whose destination
# has no blank, control character, parenthesis, escape, angle bracket or title: the parser takes it as written.
_LINK = re.compile(r"(!?)\[([^\[\]\n]+)\]\(([^\s\x00-\x1f\x7f()\\<>]+)\)")


def plain_inline_tokens(text: str) -> list[dict[str, Any]] | None:
    """The parser's inline tokens for `text` if it holds no inline markup, else None."""
    if _MARKUP.search(text) is None:
        return _text_tokens(text)
    if "](" in text:
        return _link_tokens(text)
    return None


def _link_tokens(text: str) -> list[dict[str, Any]] | None:
    """The tokens of plain text around plain links, or None when anything else is there."""
    tokens: list[dict[str, Any]] = []
    position = 0
    for link in _LINK.finditer(text):
        before, label = text[position : link.start()], link.group(2)
        if _MARKUP.search(before) is not None or _MARKUP.search(label) is not None:
            return None
        if before:
            tokens.extend(_text_tokens(before))
        tokens.append(
            {
                "type": "image" if link.group(1) else "link",
                "children": [{"type": "text", "raw": label}],
                "attrs": {"url": _escaped_url(link.group(3))},
            }
        )
        position = link.end()
    rest = text[position:]
    if not tokens or _MARKUP.search(rest) is not None:
        return None
    if rest:
        tokens.extend(_text_tokens(rest))
    return tokens


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
