"""Bytes to `Document`: decoding, front matter, placeholder masking, positioned blocks.

The front matter is read for its metadata only and its lines are blanked (not
removed) before Markdown parsing, so every line number stays the file's own.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from lintkit.formats.decoding import cut_long_lines, decode, empty_document
from lintkit.formats.markdown.blocks import create_markdown, parse_blocks
from lintkit.formats.markdown.builder import BlockBuilder
from lintkit.formats.markdown.front_matter import split_front_matter
from lintkit.formats.placeholders import DEFAULT_SYNTAXES, compile_scanner, find_placeholders, mask
from lintkit.model import Document, LineIndex, Span
from lintkit.problems import input_problem


class MarkdownLoader:
    """Parses Markdown files; build one per process and reuse it (the parser is costly to build)."""

    def __init__(self, syntaxes: tuple[str, ...] = DEFAULT_SYNTAXES) -> None:
        self.syntaxes = syntaxes
        self.scanner = compile_scanner(syntaxes)

    @cached_property
    def markdown(self) -> Any:
        return create_markdown()

    def load(self, path: str, data: bytes, locale: str) -> Document:
        text, problem = decode(path, data)
        if problem is not None:
            return empty_document(path, locale, text, (problem,))
        return self.parse(path, text, locale)

    def parse(self, path: str, text: str, locale: str) -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text, long_lines = cut_long_lines(path, text)
        lines = LineIndex.of(text)
        front_matter, body, problems = split_front_matter(path, text, lines)
        problems = [*long_lines, *problems]
        placeholders = find_placeholders(text, self.scanner, lines)
        body_start = len(text) - len(body.lstrip(" \n")) if front_matter.span else 0
        masked = mask(body, [p for p in placeholders if p.start >= body_start])
        try:
            tokens, env, item_lines = parse_blocks(self.markdown, masked.text)
        except RecursionError:
            problem = input_problem("LK900", path, Span.point(1), "the Markdown is nested too deeply to parse")
            return empty_document(path, locale, text, (*problems, problem))
        builder = BlockBuilder(self.markdown, masked, text, lines, env, item_lines, placeholders)
        builder.add_front_matter(front_matter)
        builder.walk(tokens, container="")
        return Document(
            path=path,
            locale=locale,
            text=text,
            lines=lines,
            front_matter=front_matter,
            blocks=tuple(builder.blocks),
            placeholders=tuple(placeholders),
            links=tuple(link for block in builder.blocks for link in block.links),
            problems=tuple(problems),
            parsed=bool(builder.blocks) or not problems,
        )
