"""Indentation that MDX reads as layout: removed before the Markdown parse, added back to every column.

Inside `<Tabs>` or `<Fragment slot="npm">` a page indents its Markdown; MDX
reads that as layout, CommonMark as an indented code block. The parse sees the
text with that indentation removed (same lines, shorter ones); `Columns` then
turns each position back into the file's own line and column.
"""

from __future__ import annotations

from dataclasses import replace

from lintkit.model import Block, HeadingNumber, Inline, LineIndex, Link, Placeholder, Span


def dedented(text: str, dedent: dict[int, int]) -> str:
    """`text` with `dedent[line]` leading characters removed from each (0-based) line."""
    if not dedent:
        return text
    lines = text.split("\n")
    for number, count in dedent.items():
        if count and number < len(lines):
            lines[number] = lines[number][count:]
    return "\n".join(lines)


class Columns:
    """Maps spans of the dedented text back to the file: same line, column moved by the removed indentation."""

    def __init__(self, dedent: dict[int, int], lines: LineIndex) -> None:
        self.dedent = dedent
        self.lines = lines  # of the original text

    def span(self, span: Span) -> Span:
        if not self.dedent:
            return span
        return Span(
            span.line,
            span.column + self.dedent.get(span.line - 1, 0),
            span.end_line,
            span.end_column + self.dedent.get(span.end_line - 1, 0),
        )

    def offset(self, span: Span) -> int:
        return self.lines.offset(span.line, span.column)

    def placeholder(self, placeholder: Placeholder) -> Placeholder:
        span = self.span(placeholder.span)
        return replace(placeholder, span=span, start=self.offset(span))

    def block(self, block: Block, original: str) -> Block:
        """The block with file positions, and its raw text as the file has it (indentation included)."""
        span = self.span(block.span)
        start = self.lines.offset(span.line)
        end_line = min(span.end_line, len(self.lines.starts))
        end = original.find("\n", self.lines.starts[end_line - 1])
        raw = original[start:] if end < 0 else original[start:end]
        return replace(
            block,
            span=span,
            raw=raw,
            number=self._number(block.number),
            placeholders=tuple(self.placeholder(p) for p in block.placeholders),
            links=tuple(self._link(link) for link in block.links),
            inlines=tuple(Inline(inline.kind, inline.text, self.span(inline.span)) for inline in block.inlines),
        )

    def _number(self, number: HeadingNumber | None) -> HeadingNumber | None:
        return None if number is None else replace(number, span=self.span(number.span))

    def _link(self, link: Link) -> Link:
        destination = None if link.destination_span is None else self.span(link.destination_span)
        return replace(link, span=self.span(link.span), destination_span=destination)
