"""The inline tokens of text without inline markup, made without mistune's inline parser.

Close to half the blocks of a documentation page are plain sentences. mistune
still reads them piece by piece: every `h` may open an address and every `!` an
image, so each one ends a text token that the parser then merges again. For a
text in which no inline rule can start, the tokens are known in advance: one
text token per line, and a line break token (`linebreak` after two spaces or
more, `softbreak` otherwise) for each newline with the blanks around it. This
module gives exactly the parser's tokens for such text, and None for any other
text, which then goes through the parser; `tests/test_plain_inlines.py` checks
that against the parser on generated text.
"""

from __future__ import annotations

import re
from typing import Any

# What may start an inline rule of the parser (escape, code, emphasis, link, HTML, autolink, address), leaving
# out the `h` and `!` that start no rule unless an address or a `[` follows them, and the line breaks.
_MARKUP = re.compile(r"[\\`*_\[\]<]|http")
# A line break as the parser reads it: the spaces before the newline, the newline and every blank after it.
_BREAK = re.compile(r"( *)\n\s*")


def plain_inline_tokens(text: str) -> list[dict[str, Any]] | None:
    """The parser's inline tokens for `text` if it holds no inline markup, else None."""
    if _MARKUP.search(text) is not None:
        return None
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
