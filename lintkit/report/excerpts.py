"""Excerpts: the few lines around a finding, with the faulty characters marked.

The report shows the translation around a finding beside the source it was
compared with. Text comes from the parsed documents the engine kept; a file
that never became a document (invalid front matter, bad bytes) is read again
here, leniently, so the translator still sees where the problem is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lintkit.formats.decoding import read_regular
from lintkit.model import Block, Document, FilePair, Finding, Span

CONTEXT_LINES = 2
MAX_LINES = 12


@dataclass(frozen=True)
class ExcerptLine:
    """One line of an excerpt; `mark` is the 0-based [start, end) character range to highlight."""

    number: int
    text: str
    focus: bool = False
    mark: tuple[int, int] | None = None


@dataclass(frozen=True)
class Excerpt:
    path: str
    lines: tuple[ExcerptLine, ...]


class FileLines:
    """The lines of one file, from a document's text or read from disk."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    @classmethod
    def of_document(cls, document: Document) -> FileLines:
        return cls(document.text.split("\n"))

    @classmethod
    def read(cls, path: Path) -> FileLines | None:
        """Lenient reading for files the loader refused; binary or unreadable files have no excerpt."""
        try:
            data = read_regular(path)  # a FIFO or device is never opened
        except OSError:
            return None
        if b"\x00" in data:
            return None
        return cls(data.decode("utf-8", errors="replace").split("\n"))

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, number: int) -> str:
        return self.lines[number - 1].rstrip("\r")


def _visible_end(span: Span, lines: FileLines) -> tuple[int, int]:
    """A span ending at column 1 of a line really ends with the line before it."""
    if span.end_line > span.line and span.end_column == 1:
        previous = min(span.end_line - 1, len(lines))
        return previous, len(lines.text(previous)) + 1
    return span.end_line, span.end_column


def around(path: str, lines: FileLines, span: Span) -> Excerpt:
    """The lines of `span` with some context, the span's characters marked."""
    total = len(lines)
    line = min(max(span.line, 1), total)
    end_line, end_column = _visible_end(span, lines)
    end_line = min(max(end_line, line), total)
    first = max(1, line - CONTEXT_LINES)
    last = min(total, end_line + CONTEXT_LINES, first + MAX_LINES - 1)
    shown = []
    for number in range(first, last + 1):
        text = lines.text(number)
        mark = None
        if line <= number <= end_line:
            start = span.column - 1 if number == line else 0
            end = end_column - 1 if number == end_line else len(text)
            start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
            mark = (start, end) if end > start else None
            if mark is None and number == line and span.column > 1 and start < len(text):
                mark = (start, start + 1)  # a point inside a line: mark the character it points at
        shown.append(ExcerptLine(number, text, line <= number <= end_line, mark))
    return Excerpt(path, tuple(shown))


def _block_at(blocks: tuple[Block, ...], line: int) -> Block | None:
    for block in blocks:
        if block.span.line <= line <= max(block.span.end_line, block.span.line):
            return block
    return None


def source_excerpt(pair: FilePair, finding: Finding) -> Excerpt | None:
    """The source lines the finding compared with: its source line, else the source block aligned with it."""
    source_lines = FileLines.of_document(pair.source)
    if finding.source_line is not None:
        line = min(max(finding.source_line, 1), len(source_lines))
        return _whole_lines(pair.source.path, source_lines, Span(line, 1, line, len(source_lines.text(line)) + 1))
    target_block = _block_at(pair.target.blocks, finding.span.line)
    source_block = pair.source_block_for(target_block) if target_block is not None else None
    if source_block is None:
        return None
    return _whole_lines(pair.source.path, source_lines, source_block.span)


def _whole_lines(path: str, lines: FileLines, span: Span) -> Excerpt:
    """Source excerpts focus whole lines: the translator compares wording, not columns."""
    excerpt = around(path, lines, Span(span.line, 1, span.end_line, span.end_column))
    return Excerpt(path, tuple(ExcerptLine(line.number, line.text, line.focus) for line in excerpt.lines))
