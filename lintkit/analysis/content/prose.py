"""The prose of a block in the file: its text runs (link labels included), positioned, placeholders blanked.

Rules that compare what prose says (numbers) must not read code spans, HTML,
link destinations or placeholders, which other rules compare; blanking keeps
every offset, so a match's offset in a run is its offset in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.model import Block, Document

PROSE_INLINES = frozenset({"text"})  # link labels are text inlines too; a "link" inline spans its URL


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of prose: `text` starts at file offset `start`."""

    start: int
    text: str


def prose_runs(document: Document, block: Block) -> Iterator[Run]:
    if block.kind == "code":
        return
    for inline in block.inlines:
        if inline.kind not in PROSE_INLINES:
            continue
        start = document.lines.offset(inline.span.line, inline.span.column)
        end = document.lines.offset(inline.span.end_line, inline.span.end_column)
        yield Run(start, _blank_placeholders(document.text[start:end], start, block))


def _blank_placeholders(text: str, start: int, block: Block) -> str:
    for placeholder in block.placeholders:
        begin = placeholder.start - start
        finish = begin + len(placeholder.raw)
        if finish > 0 and begin < len(text):
            begin, finish = max(begin, 0), min(finish, len(text))
            text = text[:begin] + " " * (finish - begin) + text[finish:]
    return text
