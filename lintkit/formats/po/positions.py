"""From a catalog string's decoded text back to the file: the line and column of a range, and its own text.

A string is decoded (escapes undone, quoted lines joined) and masked before it is
read as Markdown; what is found there is placed in the file through the escapes
and line breaks, one piece per quoted line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from lintkit.formats.placeholders import MaskedText
from lintkit.formats.po.catalog import Catalog
from lintkit.formats.po.scan import Field, escape_length, unescape
from lintkit.model import Inline, LineIndex, Span


class FilePositions:
    """Line and column in the file of a range of a decoded string: through escapes and line breaks.

    It stands in for the string's own LineIndex, so the Markdown helpers place
    what they find directly in the file.
    """

    __slots__ = ("last", "lines", "offsets", "starts", "text")

    def __init__(self, offsets: list[int], text: str, lines: LineIndex) -> None:
        self.offsets = offsets
        self.text = text
        self.lines = lines
        self.starts = lines.starts
        self.last = len(offsets) - 1

    def span(self, start: int, end: int) -> Span:
        """What `LineIndex.span` gives for the file range, computed here: a catalog asks this for every inline."""
        offsets, last = self.offsets, self.last
        file_start = offsets[start if start < last else last]
        file_end = file_start
        if end > start:
            final = offsets[end - 1 if end - 1 < last else last]
            # `escape_length` only where an escape starts: most characters are themselves
            final += escape_length(self.text, final) if self.text.startswith("\\", final) else 1
            file_end = final if final > file_start else file_start
        starts = self.starts
        line = bisect_right(starts, file_start)
        end_line = bisect_right(starts, file_end, line - 1)
        return Span(line, file_start - starts[line - 1] + 1, end_line, file_end - starts[end_line - 1] + 1)


def per_line(inlines: Iterable[Inline], field: Field, catalog: Catalog) -> tuple[Inline, ...]:
    """Text that runs over several quoted lines, one piece per line: the quotes between them are not text."""
    pieces = []
    segments = field.segments
    starts = catalog.lines.starts
    for inline in inlines:
        span = inline.span
        if span.line == span.end_line or inline.kind not in ("text", "code"):
            pieces.append(inline)
            continue
        start = starts[span.line - 1] + span.column - 1
        end = starts[span.end_line - 1] + span.end_column - 1
        # The first quoted line that ends after `start`: segments are in file order and do not overlap.
        index = bisect_right(segments, start, key=lambda segment: segment[1])
        while index < len(segments) and segments[index][0] < end:
            segment_start, segment_end = segments[index]
            index += 1
            begin, finish = max(segment_start, start), min(segment_end, end)
            if begin < finish:  # inside one quoted line, so on one line of the file
                line = bisect_right(starts, begin)
                column = begin - starts[line - 1] + 1
                text = catalog.text[begin:finish]
                if "\\" in text:
                    text = unescape(text)
                pieces.append(Inline(inline.kind, text, Span(line, column, line, column + finish - begin)))
    return tuple(pieces)


def visible_text(value: str, masked: MaskedText) -> Callable[[int, int], str]:
    """The string's own text for a range of its masked text that cuts no placeholder in two.

    That is the string's slice, unless the string holds private-use characters
    itself: then they and the masks are told apart as the Markdown path does.
    """
    if not masked.placeholders or not _PRIVATE_USE.search(value):
        return lambda start, end: value[start:end]
    return lambda start, end: masked.unmask(masked.text[start:end])


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
