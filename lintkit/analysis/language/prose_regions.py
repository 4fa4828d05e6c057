"""Where a block's translatable prose stands in its file, and where a run of its words must stop.

The visible text of a block is its text inlines and link labels, less the
content of code elements: HTML ones (`<code>`, `<kbd>`) among its inlines, and
the MDX ones the format lists as elements of the page. A front-matter field's
value and an HTML heading are prose as a whole. Link edges and table cell
borders break runs: a run of words never crosses them. `words.py` cuts the
words inside these regions.
"""

from __future__ import annotations

import bisect
import re

from lintkit.model import Block, Document


def prose_regions(document: Document, block: Block) -> list[tuple[int, int]]:
    """Offsets of the visible, translatable text of a block."""
    if block.kind in ("code", "html", "thematic_break"):
        return []
    starts = document.lines.starts
    regions = [
        (starts[span[0] - 1] + span[1] - 1, starts[span[2] - 1] + span[3] - 1)  # `_offsets`, written out
        for kind, _, span in _outside_html_code(block.inlines)
        if kind == "text"
    ]
    if regions:
        return _outside_markup_code(document, block, regions) if document.elements else regions
    if block.kind == "front_matter_field" or (block.kind == "heading" and block.info == "html"):
        return [_offsets(document, block.span)]
    return []


_HTML_CODE_OPEN = re.compile(r"<(code|kbd|samp|var)\b[^>]*>$", re.IGNORECASE)
_HTML_CODE_CLOSE = re.compile(r"</(code|kbd|samp|var)\s*>$", re.IGNORECASE)


def _outside_html_code(inlines):
    """The inlines that are not inside an HTML code element (`<code>Astro.glob(pattern: string)</code>`)."""
    if not any(inline[0] == "html" for inline in inlines):  # most blocks: every inline
        return inlines
    return _outside_html_elements(inlines)


def _outside_html_elements(inlines):
    inside = 0
    for inline in inlines:
        if inline.kind == "html" and _HTML_CODE_OPEN.match(inline.text.strip()):
            inside += 1
        elif inline.kind == "html" and _HTML_CODE_CLOSE.match(inline.text.strip()):
            inside = max(inside - 1, 0)
        elif not inside:
            yield inline


_CODE_ELEMENTS = frozenset({"code", "kbd", "samp", "var"})


def _outside_markup_code(document: Document, block: Block, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`regions` less the content of markup code elements (MDX `<code>…</code>`, `<kbd>…</kbd>`) in the block.

    An MDX page's JSX tags are not HTML inlines, so `_outside_html_code` cannot see
    them; the format lists them as elements instead, each with its opening tag's span.
    """
    elements = _code_elements(document)
    if not elements:
        return regions
    start, end = _offsets(document, block.span)
    inside = []
    for opened, closing, name in elements[bisect.bisect_left(elements, (start,)) :]:
        if opened >= end:
            break
        closed = document.text.find(f"</{name}", closing, end)
        inside.append((closing, end if closed < 0 else closed))
    if not inside:
        return regions
    kept = []
    for begin, finish in regions:
        for cut_begin, cut_end in inside:
            if begin < cut_end and cut_begin < finish:
                if begin < cut_begin:
                    kept.append((begin, cut_begin))
                begin = max(begin, cut_end)
        if begin < finish:
            kept.append((begin, finish))
    return kept


# The code elements of the document last read, by identity: (where each opening tag starts, where it ends, its
# name), in order. Looking through every element of the page for every block made a page of many components
# quadratic.
_last_code_elements: list = [None, ()]


def _code_elements(document: Document) -> tuple[tuple[int, int, str], ...]:
    if _last_code_elements[0] is not document:
        found = sorted(
            (*_offsets(document, element.span), element.name)
            for element in document.elements
            if not element.flow and element.name.lower() in _CODE_ELEMENTS
        )
        _last_code_elements[:] = [document, tuple(found)]
    return _last_code_elements[1]


def _offsets(document: Document, span) -> tuple[int, int]:
    return document.lines.offset(span.line, span.column), document.lines.offset(span.end_line, span.end_column)


def link_and_cell_breaks(
    document: Document, block: Block, start: int, end: int, regions: list[tuple[int, int]]
) -> list[int]:
    """Where link labels begin and end, and where table cells meet: a run of words never crosses them."""
    positions = []
    for inline in block.inlines:
        if inline.kind in ("link", "image"):
            begin, finish = _offsets(document, inline.span)
            positions.extend(p for p in (begin, finish - 1) if start <= p < end)
    if block.kind == "table_row":
        covered = [False] * (end - start)
        for begin, finish in regions:
            covered[begin - start : finish - start] = [True] * (finish - begin)
        positions.extend(
            start + index
            for index, character in enumerate(document.text[start:end])
            if character == "|" and not covered[index]
        )
    return positions
