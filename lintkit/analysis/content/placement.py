"""Where the translation of a missing source block would stand: the line a finding about it points at.

A translator reading "missing here" should find the place to write it: after
the translation of the block before it, before the next kept block, or among
the component tags that stand around it in both files.
"""

from __future__ import annotations

import re

from lintkit.model import Block, FilePair, Span

_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def where_missing(pair: FilePair, block: Block, last: Block | None = None) -> Span:
    """Where the translation of a missing source block (and of the run it starts, up to `last`) would stand: right
    after the translation of the block before it when the source writes both on adjacent lines (list items, table
    rows), among the component tags both files write around the run, else where the next kept block starts (at
    the end of the page: after the last kept block and its blank lines)."""
    last = last or block
    previous_target: Block | None = None
    previous_source: Block | None = None
    position = next((i for i, aligned in enumerate(pair.alignment) if aligned.source is block), len(pair.alignment))
    for aligned in pair.alignment[:position]:
        if aligned.source is not None and aligned.source.kind != "front_matter_field":
            previous_source = aligned.source
        if aligned.target is not None and aligned.source is not None:
            previous_target = aligned.target
    later_targets = any(aligned.target is not None for aligned in pair.alignment[position + 1 :])
    front_matter = pair.target.front_matter.span
    if not later_targets and (previous_target is None or previous_target.kind == "front_matter_field"):
        # nothing of the body is kept: the body starts after the front matter
        return Span.point(_after_blank_lines(pair, front_matter.end_line + 1) if front_matter else 1, 1)
    if not later_targets and previous_target is not None and previous_target.kind != "front_matter_field":
        # at the end of the page: after the last kept block, the closing tags the source writes before the
        # missing block, and the blank lines that follow them
        line = _after_blank_lines(pair, _after_closing_tags(pair, previous_source, previous_target, block))
        if previous_source is None or not _adjacent(pair, previous_source, block):
            return Span.point(line, 1)
    if (
        previous_source is None
        or previous_target is None
        or pair.source_block_for(previous_target) is not previous_source
    ):
        return _after_previous(pair, previous_source, previous_target, block, last)
    if _adjacent(pair, previous_source, block):
        # the items of a list or the rows of a table: the missing one goes on the line after the kept one
        line = previous_target.span.end_line + 1
        while line <= len(pair.target.lines.starts) and _TABLE_RULE.match(pair.target.line_text(line)):
            line += 1
        return Span.point(min(line, _last_line(pair)), 1)
    return _after_previous(pair, previous_source, previous_target, block, last)


def _after_previous(
    pair: FilePair, previous_source: Block | None, previous_target: Block | None, block: Block, last: Block
) -> Span:
    """Where the next kept block starts; but when the source writes the missing block right after the block
    before it (blank lines between) and the translation has lines that are no block there (an MDX component's
    opening tag), right after the translation of that block, before those lines (but after a translator's
    comment set apart from them, `_after_comments`); and when the source has such lines before the missing
    block too, among them (`_among_tags`)."""
    following = pair.insertion_point(block)
    if previous_target is None or previous_target.kind == "front_matter_field" or previous_source is None:
        # first in the body: among the tags the source writes before it, when the translation has them too
        return _among_tags(pair, _body_start(pair.source), _body_start(pair.target), block, last) or following
    between = range(previous_source.span.end_line + 1, block.span.line)
    if previous_source.span.end_line >= block.span.line:
        return following
    if any(pair.source.line_text(n).strip() for n in between):
        if pair.source_block_for(previous_target) is not previous_source:
            return following
        start_source, start_target = previous_source.span.end_line + 1, previous_target.span.end_line + 1
        return _among_tags(pair, start_source, start_target, block, last) or following
    line = _after_comments(pair, _after_blank_lines(pair, previous_target.span.end_line + 1))
    return Span.point(line, 1) if previous_target.span.end_line < line <= following.line else following


def _among_tags(pair: FilePair, start_source: int, start_target: int, block: Block, last: Block) -> Span | None:
    """Where the missing block stands among the lines around it that are no block (an MDX component's opening
    and closing tags, copied as they are): when the translation has the same such lines, in the same order, from
    `start_target` (after the translation of the block before it) to its next block, as the source has from
    `start_source` to the block after the missing run (which ends with `last`), on the line after those the source
    writes before it.
    None when the lines differ, or when no such line follows the block."""
    before = _tag_lines(pair.source, start_source, block.span.line)
    after = _tag_lines(pair.source, last.span.end_line + 1, _next_block_line(pair.source, last.span.end_line + 1))
    kept = _tag_lines(pair.target, start_target, _next_block_line(pair.target, start_target))
    if not before or not after or [text for _, text in kept] != [text for _, text in before + after]:
        return None  # with no tag after it, the block goes where the next kept block starts
    return Span.point(kept[len(before) - 1][0] + 1, 1)


def _body_start(document) -> int:
    """The first line after the front matter (1 without one)."""
    front_matter = document.front_matter.span
    return front_matter.end_line + 1 if front_matter else 1


def _after_closing_tags(pair: FilePair, previous_source: Block | None, previous_target: Block, block: Block) -> int:
    """The line after the last kept block, or after the lines that are no block (`</Steps>`, `:::`) that follow
    it when the source writes the same lines between the block before the missing one and the missing one."""
    after_kept = previous_target.span.end_line + 1
    if previous_source is None or previous_source.span.end_line >= block.span.line:
        return after_kept
    before = _tag_lines(pair.source, previous_source.span.end_line + 1, block.span.line)
    kept = _tag_lines(pair.target, after_kept, len(pair.target.lines.starts) + 1)[: len(before)]
    if not before or [text for _, text in kept] != [text for _, text in before]:
        return after_kept
    return kept[-1][0] + 1


def _next_block_line(document, line: int) -> int:
    """The first line of the first block from `line` on (past the last line when there is none), front matter
    aside."""
    later = [
        block.span.line for block in document.blocks if block.span.line >= line and block.kind != "front_matter_field"
    ]
    return min(later, default=len(document.lines.starts) + 1)


_COMMENT_LINE = re.compile(r"\{/\*.*\*/\}|<!--.*-->")  # a note to translators, which one file may have alone


def _tag_lines(document, first: int, stop: int) -> list[tuple[int, str]]:
    """The lines from `first` up to `stop` that are neither blank nor a comment, with their numbers, stripped."""
    lines = [(n, document.line_text(n).strip()) for n in range(first, stop)]
    return [(n, text) for n, text in lines if text and not _COMMENT_LINE.fullmatch(text)]


_COMMENT_ENDS = {"{/*": "*/}", "<!--": "-->"}


def _after_comments(pair: FilePair, line: int) -> int:
    """The first line from `line` on past the comments set apart from what follows them (by a blank line, or
    by another comment): a translator's note there is about what it follows; a comment on the line right before
    a block is about that block, and the missing block goes before it."""
    last = _last_line(pair)
    while line < last:
        text = pair.target.line_text(line).lstrip()
        end = next((end for start, end in _COMMENT_ENDS.items() if text.startswith(start)), None)
        if end is None:
            break
        closing = line
        while closing < last and end not in pair.target.line_text(closing):
            closing += 1
        after = pair.target.line_text(closing + 1).lstrip() if closing < last else ""
        if end not in pair.target.line_text(closing) or (after and not after.startswith(tuple(_COMMENT_ENDS))):
            break  # unclosed, or touching the block after it
        line = _after_blank_lines(pair, closing + 1)
    return line


def _adjacent(pair: FilePair, previous: Block, block: Block) -> bool:
    """Two source blocks of one kind on adjacent lines: the items of a list, the rows of a table."""
    between = range(previous.span.end_line + 1, block.span.line)
    return previous.kind == block.kind and all(pair.source.line_text(line).strip() for line in between)


def _after_blank_lines(pair: FilePair, line: int) -> int:
    """The first line from `line` on that is not blank (or the last line of the file: a final newline does not
    start another)."""
    last = _last_line(pair)
    line = min(line, last)
    while line < last and not pair.target.line_text(line).strip():
        line += 1
    return line


def _last_line(pair: FilePair) -> int:
    """The number of the translation's last line: a final newline does not start another."""
    count = len(pair.target.lines.starts)
    return count - (count > 1 and pair.target.text.endswith("\n"))
