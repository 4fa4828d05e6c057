"""Linear-time scanning helpers: one line may be a megabyte of `{{ ` or `<b `.

A regular expression such as `\\{\\{.*?\\}\\}` tries, for every opener, every
character up to the end of the line when no closer follows: a line of n
openers costs n² steps. The scanners here find each opener's closer with a
forward-only cursor per closer, so a whole text costs one pass per closer kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable


class NextFinder:
    """The next occurrence of `needle` at or after a position. Asked in increasing order of positions,
    it reads the text once in all."""

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.searched_from = 0
        self.found = text.find(needle)

    def at_or_after(self, position: int) -> int:
        """The offset of the next `needle` at or after `position`, or -1."""
        if position < self.searched_from or 0 <= self.found < position:
            self.found = self.text.find(self.needle, position)
            self.searched_from = position
        return self.found


class LineCloser:
    """Where the first `closer` at or after a position ends, if it comes before the end of that line."""

    def __init__(self, text: str, closer: str, newlines: NextFinder) -> None:
        self.closers = NextFinder(text, closer)
        self.length = len(closer)
        self.newlines = newlines

    def end_after(self, position: int) -> int | None:
        found = self.closers.at_or_after(position)
        if found < 0:
            return None
        newline = self.newlines.at_or_after(position)
        if 0 <= newline < found:
            return None
        return found + self.length


_CANDIDATE = re.compile(r"[`{<(\]h]")
_URL = re.compile(r"https?://[^\s)>\]]+")
_TAG_START = re.compile(r"</?[A-Za-z]")


def blank_markup(text: str) -> str:
    """`text` with code spans, template tags, link destinations, reference labels, bare URLs and HTML
    tags replaced by spaces of the same length, each ending on its own line."""
    closers = line_closers(text, ("`", "}}", "%}", "%>", ")", "]", ">"))
    return replace_markup(text, _CANDIDATE, lambda start: _markup_end(text, start, closers), lambda n: " " * n)


def line_closers(text: str, closers: tuple[str, ...]) -> dict[str, LineCloser]:
    """A forward-only finder for each closer, all sharing one finder of line ends."""
    newlines = NextFinder(text, "\n")
    return {closer: LineCloser(text, closer, newlines) for closer in closers}


def replace_markup(
    text: str, candidate: re.Pattern[str], end_of: Callable[[int], int | None], blank: Callable[[int], str]
) -> str:
    """`text` with each piece of markup replaced by `blank(its length)`: a piece may start where `candidate`
    matches and ends where `end_of(start)` says (None: no markup starts there). One pass, left to right."""
    pieces: list[str] = []
    kept_from = position = 0
    while (found := candidate.search(text, position)) is not None:
        start = found.start()
        end = end_of(start)
        if end is None:
            position = start + 1
            continue
        pieces.append(text[kept_from:start])
        pieces.append(blank(end - start))
        kept_from = position = end
    pieces.append(text[kept_from:])
    return "".join(pieces)


def _markup_end(text: str, start: int, closers: dict[str, LineCloser]) -> int | None:
    """The end of the markup that starts at `start`, tried in the order the forms are listed."""
    character = text[start]
    if character == "`":
        return closers["`"].end_after(start + 1)
    if text.startswith("{{", start):
        return closers["}}"].end_after(start + 2)
    if text.startswith("{%", start):
        return closers["%}"].end_after(start + 2)
    if character == "<":
        if text.startswith("<%", start):
            end = closers["%>"].end_after(start + 2)
            if end is not None:
                return end
        if _TAG_START.match(text, start):
            return closers[">"].end_after(start + 2)
        return None
    if character == "(":
        return closers[")"].end_after(start + 1) if start > 0 and text[start - 1] == "]" else None
    if character == "]":
        return closers["]"].end_after(start + 2) if text.startswith("][", start) else None
    if character == "h":
        url = _URL.match(text, start)
        return url.end() if url else None
    return None
