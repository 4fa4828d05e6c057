"""Catalog strings whose only Markdown is plain inline links, read without the Markdown parser.

Most catalog strings that are not plain text hold nothing but `[label](url)`
links. Parsing each one with mistune and finding its tokens again costs more
than the rest of reading the string. When a string's links are plain (no
markup inside the label, an ASCII destination without escapes, percent signs,
entities, parentheses or a title) and the text around them holds nothing that
can open a Markdown construct, its inlines and links are built here directly:
the same inlines, links, positions and text the parser and `InlineLocator`
give, as `tests/test_po_plain_links.py` checks against them. Any other string
returns None and goes through the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from lintkit.model import Inline, Link, Span

# A label without brackets, escapes, code, emphasis, HTML or entities; a destination that the
# parser's URL escaping leaves as it is and that ends at the first `)`. After `!` it is an image.
_LINK = re.compile(r"\[([^\[\]\\`*_<>&\n\r]+)\]\(([A-Za-z0-9/:.~#?=+_@,;!$\-]+)\)")
# What may open a Markdown construct in the text around the links (and a line break, which the
# parser turns into its own token), besides an address.
_MARKUP_CHARACTER = re.compile(r"[\[<`*_&\\\n\r]")
_ADDRESS = re.compile(r"https?:|www\.")  # what the URL extension reads, in a label too


class Positions(Protocol):
    def span(self, start: int, end: int) -> Span: ...


class PlainLinks:
    """The inlines, links and visible text of a string read as the parser reads it."""

    __slots__ = ("inlines", "links", "text")

    def __init__(self, inlines: list[Inline], links: list[Link], text: str) -> None:
        self.inlines = inlines
        self.links = links
        self.text = text


def read_plain_links(masked: str, positions: Positions, visible: Callable[[int, int], str]) -> PlainLinks | None:
    """`masked` (placeholders masked, as the parser gets it) read directly, or None if it needs the parser.

    What `InlineLocator` makes of the parser's tokens: a text inline for each
    run of text between links (the string's outer blanks left out), and for
    each link its label's text inline, then the link inline and its Link with
    the destination's span. `visible(start, end)` is the string's own text for
    `masked[start:end]`, its placeholders unmasked; it is only asked for whole
    runs of text, labels and links, which never cut a placeholder in two.
    """
    matches = list(_LINK.finditer(masked))
    if not matches:
        return None
    lead = len(masked) - len(masked.lstrip())
    tail = len(masked.rstrip())
    inlines: list[Inline] = []
    links: list[Link] = []
    words: list[str] = []
    position = lead
    for match in matches:
        begin, finish = match.span()
        label, destination = match.group(1), match.group(2)
        if (begin and masked[begin - 1] == "!") or not _plain_text(masked, position, begin) or _address_like(label):
            return None
        if label == destination or "mailto:" + label == destination:
            return None  # the parser reads that as an autolink
        if begin > position:
            _text(position, begin, positions, visible, inlines, words)
        label_end = begin + 1 + len(label)
        label_text = visible(begin + 1, label_end)
        inlines.append(Inline("text", label_text, positions.span(begin + 1, label_end)))
        shown = label_text.strip()
        words.append(shown)
        span = positions.span(begin, finish)
        destination_start = match.start(2)  # ASCII without placeholders: the same text masked or not
        destination_span = positions.span(destination_start, destination_start + len(destination))
        links.append(Link("inline", shown, destination, span, visible(begin, finish), destination_span))
        inlines.append(Inline("link", shown, span))
        position = finish
    if position < tail:
        if not _plain_text(masked, position, tail):
            return None
        _text(position, tail, positions, visible, inlines, words)
    return PlainLinks(inlines, links, "".join(words).strip())


def _plain_text(masked: str, start: int, end: int) -> bool:
    if start >= end:
        return True
    if _MARKUP_CHARACTER.search(masked, start, end):
        return False
    return not _address_like(masked[start:end])


def _address_like(text: str) -> bool:
    """What the URL extension reads as an address (and `www.`), found by its literal parts first."""
    return ("http" in text or "www." in text) and _ADDRESS.search(text) is not None


def _text(
    start: int,
    end: int,
    positions: Positions,
    visible: Callable[[int, int], str],
    inlines: list[Inline],
    words: list[str],
) -> None:
    text = visible(start, end)
    inlines.append(Inline("text", text, positions.span(start, end)))
    words.append(text)
