"""Columns for inline tokens.

mistune parses inlines from a block's stripped text and reports no offsets, so
each inline is found again in the block's (masked) source region, in order,
with a cursor that only moves forward. Escapes and entities that mistune
decoded are matched tolerantly; what cannot be found keeps the cursor's place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from lintkit.model import Inline, LineIndex, Link, Span

_HTML_ATTRIBUTE_LINK = re.compile(
    r"<\s*(?P<tag>a|img|link|script|iframe|source)\b[^>]*?\b(?P<attribute>href|src)\s*=\s*"
    r"(?P<quote>[\"']?)(?P<value>.*?)(?P=quote)(?=[\s>/]|$)",
    re.IGNORECASE | re.DOTALL,
)


class InlineLocator:
    """Walks mistune inline tokens over `masked[start:end]`, producing positioned inlines and links.

    A plain class with slots, built without a dataclass's defaults: one is built per block and per link label.
    """

    __slots__ = ("cursor", "end", "inlines", "lines", "links", "masked", "start", "unmask", "words")

    def __init__(self, masked: str, start: int, end: int, lines: LineIndex, unmask: Callable[[str], str]) -> None:
        self.masked = masked
        self.start = start
        self.end = end
        self.lines = lines
        self.unmask = unmask
        self.cursor = start  # moves forward only
        self.inlines: list[Inline] = []
        self.links: list[Link] = []
        self.words: list[str] = []

    def run(self, tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            self._visit(token)

    @property
    def text(self) -> str:
        return "".join(self.words).strip()

    def _visit(self, token: dict[str, Any]) -> None:
        kind = token["type"]
        if kind == "text":
            self._text(token["raw"], "text")
        elif kind == "codespan":
            self._text(token["raw"], "code")
        elif kind in ("softbreak", "linebreak"):
            self.words.append(" ")
        elif kind in ("link", "image"):
            self._link(token)
        elif kind == "inline_html":
            self._html(token["raw"])
        elif "children" in token:
            self.run(token["children"])
        elif "raw" in token:
            self._text(token["raw"], kind)

    def _find(self, needle: str) -> tuple[int, int] | None:
        if not needle:
            return None
        position = self.masked.find(needle, self.cursor, self.end)
        if position >= 0:
            return position, position + len(needle)
        match = _tolerant(needle).search(self.masked, self.cursor, self.end)
        if match:
            return match.span()
        return None

    def _text(self, raw: str, kind: str) -> None:
        found = self._find(raw)
        visible = self.unmask(raw)
        self.words.append(visible)
        if found is None:
            return
        begin, finish = found
        self.inlines.append(Inline(kind, visible, self.lines.span(begin, finish)))
        self.cursor = finish

    def _link(self, token: dict[str, Any]) -> None:
        is_image = token["type"] == "image"
        masked_url = _decoded_url(token.get("attrs", {}).get("url", ""))
        destination = self.unmask(masked_url)
        children = token.get("children", [])
        label = "".join(child.get("raw", "") for child in children if child["type"] == "text")
        opener = "![" if is_image else "["
        bracket = self.masked.find(opener, self.cursor, self.end)
        while not is_image and bracket > 0 and _escaped(self.masked, bracket):  # `\[` is text, not a link
            bracket = self.masked.find(opener, bracket + 1, self.end)
        autolink = not is_image and label and (label == masked_url or "mailto:" + label == masked_url)
        if autolink and (bracket < 0 or self.masked.find(label, self.cursor, self.end) < bracket):
            found = self._find(label)
            self.words.append(self.unmask(label))
            if found:
                begin, finish = found
                span = self.lines.span(begin, finish)
                self.links.append(Link("autolink", self.unmask(label), destination, span, self.unmask(label), span))
                self.inlines.append(Inline("link", self.unmask(label), span))
                self.cursor = finish
            return
        if bracket < 0:
            self.run(children)
            return
        begin = bracket
        self.cursor = bracket + len(opener)
        inner = InlineLocator(self.masked, self.cursor, self.end, self.lines, self.unmask)
        inner.run(children)
        self.inlines.extend(inner.inlines)
        self.cursor = max(self.cursor, inner.cursor)
        text = inner.text
        self.words.append(text)
        finish = self._link_end(token, masked_url)
        kind = "image" if is_image else ("reference" if token.get("ref") else "inline")
        span = self.lines.span(begin, finish)
        raw = self.unmask(self.masked[begin:finish])
        self.links.extend(inner.links)
        self.links.append(Link(kind, text, destination, span, raw, self._destination_span(kind, begin, finish)))
        self.inlines.append(Inline(kind if kind == "image" else "link", text, span))
        self.cursor = finish

    def _destination_span(self, kind: str, begin: int, finish: int) -> Span | None:
        """The `dest` of `[text](dest "title")`, without angle brackets and title."""
        if kind == "reference" or finish <= begin or self.masked[finish - 1] != ")":
            return None
        opening = self.masked.rfind("](", begin, finish)
        if opening < 0:
            return None
        inside = self.masked[opening + 2 : finish - 1]
        stripped = inside.strip()
        if not stripped:
            return None
        start = opening + 2 + inside.index(stripped)
        destination = stripped.split()[0] if not stripped.startswith("<") else stripped[: stripped.find(">") + 1]
        end = start + len(destination)
        if destination.startswith("<") and destination.endswith(">"):
            start, end = start + 1, end - 1
        return self.lines.span(start, end)

    def _link_end(self, token: dict[str, Any], masked_url: str) -> int:
        close = self.masked.find("]", self.cursor, self.end)
        if close < 0:
            return self.cursor
        after = close + 1
        if token.get("ref"):
            if after < self.end and self.masked[after] == "[":
                end_label = self.masked.find("]", after, self.end)
                return end_label + 1 if end_label >= 0 else after
            return after
        if after < self.end and self.masked[after] == "(":
            depth = 0
            for parenthesis in _PARENTHESIS.finditer(self.masked, after, self.end):  # the rest cannot close it
                if parenthesis.group() == "(":
                    depth += 1
                else:
                    depth -= 1
                    if depth == 0:
                        return parenthesis.end()
        return after

    def _html(self, raw: str) -> None:
        found = self._find(raw)
        if found is None:
            return
        begin, finish = found
        self.inlines.append(Inline("html", self.unmask(raw), self.lines.span(begin, finish)))
        self.links.extend(html_links(self.masked, begin, finish, self.lines, self.unmask))
        self.cursor = finish


@lru_cache(maxsize=4096)
def _decoded_url(url: str) -> str:
    """A destination as written, from the percent-encoded form mistune gives: decoding was a third of `_link`,
    and a site links to the same pages from every translation, so the last few thousand are kept."""
    return unquote(url)


def html_links(masked: str, start: int, end: int, lines: LineIndex, unmask: Callable[[str], str]) -> list[Link]:
    """`href` and `src` attributes of raw HTML tags in `masked[start:end]`."""
    links = []
    for match in _HTML_ATTRIBUTE_LINK.finditer(masked, start, end):
        tag = match.group("tag").lower()
        value_start, value_end = match.span("value")
        kind = "image" if tag == "img" else "html"
        value_span = lines.span(value_start, value_end)
        links.append(Link(kind, "", unmask(match.group("value")), value_span, unmask(match.group(0)), value_span))
    return links


def _escaped(text: str, position: int) -> bool:
    """An odd run of backslashes stands before `position`."""
    start = position
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (position - start) % 2 == 1


_PARENTHESIS = re.compile(r"[()]")
_ENTITY = r"(?:&[#\w]+;)"


def _tolerant(needle: str) -> re.Pattern[str]:
    """A pattern for text that mistune unescaped: `\\[` and `&amp;` in the source become `[` and `&`."""
    parts: list[str] = []
    for character in needle[:200]:
        if character.isalnum():
            parts.append(re.escape(character))
        elif character.isspace():
            if not parts or parts[-1] != r"\s+":  # one `\s+` per run: runs of them backtrack exponentially
                parts.append(r"\s+")
        else:
            parts.append(rf"(?:\\?{re.escape(character)}|{_ENTITY})")
    return re.compile("".join(parts))
