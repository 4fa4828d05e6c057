"""A mistune block parser that records the line every block token starts on.

mistune 3 gives no positions. The block parser dispatches each rule through
`parse_method(m, state)` with `m.start()` at the block's start, and paragraphs
are created by `state.add_paragraph` with the cursor at their first line: both
are stamped here. Nested content (list items, block quotes) is parsed from a
child text that keeps one line per original line; its first line is found in
the parent text, so nested tokens land on the right line too.

Everything that touches mistune internals lives in this module and `parse.py`.
"""

from __future__ import annotations

import bisect
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState

LINE = "_line"


class LineBlockState(BlockState):
    """Block state that knows which document line its text starts on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.line_base = 1
        self.floor = 0  # first line (0-based, own text) a child may start on
        self.in_method = False
        self._starts: list[int] | None = None
        self._lines: list[str] | None = None
        self.item_lines: dict[int, int] = parent.item_lines if parent is not None else {}

    def line_at(self, offset: int) -> int:
        if self._starts is None:
            starts = [0]
            position = self.src.find("\n")
            while position >= 0:
                starts.append(position + 1)
                position = self.src.find("\n", position + 1)
            self._starts = starts
        return bisect.bisect_right(self._starts, offset) - 1

    def own_lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.src.split("\n")
        return self._lines

    def child_state(self, src: str, lazy_line_starts: Any = None) -> LineBlockState:
        child = super().child_state(src, lazy_line_starts)
        first = _locate(src, self.own_lines(), self.floor)
        child.line_base = self.line_base + first
        self.floor = first + 1
        self.item_lines[id(child.tokens)] = child.line_base
        return child

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        super().add_paragraph(text)
        token = self.last_token()
        if token is not last and LINE not in token:
            token[LINE] = self.line_base + self.line_at(self.cursor)


def _locate(child_src: str, parent_lines: list[str], floor: int) -> int:
    """The parent line where the child text starts: every child line is the end of its parent line."""
    child_lines = [line.strip() for line in child_src.split("\n")]
    probes = [(k, line) for k, line in enumerate(child_lines) if line][:3]
    if not probes:
        return floor
    for start in range(floor, len(parent_lines)):
        if all(start + k < len(parent_lines) and parent_lines[start + k].rstrip().endswith(line) for k, line in probes):
            return start
    return floor


class LineBlockParser(BlockParser):
    """Block parser whose tokens carry `_line`, the 1-based document line they start on."""

    state_cls = LineBlockState

    def parse_method(self, m: Any, state: LineBlockState) -> Any:  # type: ignore[override]
        # A list probes the block that ends it through a nested call: that call
        # must not move where the list's own items are searched for.
        saved_floor, nested = state.floor, state.in_method
        line = state.line_at(m.start())
        if not nested:
            state.floor = line
        state.in_method = True
        before = len(state.tokens)
        try:
            result = super().parse_method(m, state)
        finally:
            state.in_method = nested
            if nested:
                state.floor = saved_floor
        _stamp_new(state, state.line_base + line, before)
        return result

    def _parse_indent_code_fast(self, state: LineBlockState) -> Any:  # mistune >= 3.2
        start = state.cursor
        before = len(state.tokens)
        result = super()._parse_indent_code_fast(state)  # type: ignore[misc]
        if len(state.tokens) != before:  # it runs at every block's start and seldom adds a token
            _stamp_new(state, state.line_base + state.line_at(start), before)
        return result


def _stamp_new(state: LineBlockState, line: int, before: int) -> None:
    """Stamp the tokens a call added: appended, or inserted just before the last one (never earlier)."""
    for token in state.tokens[max(before - 1, 0) :]:
        if LINE not in token:
            token[LINE] = line


def create_markdown(indented_code: bool = True) -> mistune.Markdown:
    """One parser per process: building it compiles many regular expressions.

    `indented_code=False` is MDX's reading: indentation is layout, never a code block.
    """
    from mistune.plugins.table import table
    from mistune.plugins.url import url

    block = LineBlockParser(max_nested_level=48)
    if not indented_code:
        block.rules = [rule for rule in block.rules if rule != "indent_code"]
        block.block_quote_rules = [rule for rule in block.block_quote_rules if rule != "indent_code"]
        block.list_rules = [rule for rule in block.list_rules if rule != "indent_code"]
    return mistune.Markdown(renderer=None, block=block, inline=mistune.InlineParser(), plugins=[table, url])


def parse_blocks(markdown: mistune.Markdown, text: str) -> tuple[list[dict[str, Any]], dict[str, Any], dict[int, int]]:
    """Block tokens (with `_line`, `text` still raw), the parse environment, and list-item lines.

    List items get no token of their own during parsing; their first line is
    keyed by the identity of their children list.
    """
    state = LineBlockState()
    if not text.endswith("\n"):
        text += "\n"
    state.process(text)
    markdown.block.parse(state)
    return state.tokens, state.env, state.item_lines
