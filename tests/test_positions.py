"""Positions are the contract: block lines agree with markdown-it-py, inline columns point at their text.

Checked over every Markdown file of the shared corpus (thousands of real blocks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import corpus
from markdown_it import MarkdownIt

from lintkit.formats.markdown.front_matter import split_front_matter
from lintkit.formats.markdown.parse import MarkdownLoader

LOADER = MarkdownLoader()


def _documents():
    for path in sorted(corpus().rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        yield path, text, LOADER.parse(str(path), text, "x")


def _slice(document, span) -> str:
    start = document.lines.offset(span.line, span.column)
    end = document.lines.offset(span.end_line, span.end_column)
    return document.text[start:end]


def test_block_lines_agree_with_markdown_it() -> None:
    markdown_it = MarkdownIt("commonmark").enable("table")
    compared = agreeing = 0
    for _, text, document in _documents():
        _, body, _ = split_front_matter("x", text, document.lines)
        starts = {token.map[0] + 1 for token in markdown_it.parse(body) if token.map}
        previous = None
        for block in document.blocks:
            # Text right after an HTML heading line is split from markdown-it's HTML block on purpose.
            split_on_purpose = (
                previous is not None and previous.info == "html" and previous.span.line + 1 == block.span.line
            )
            previous = block
            if block.kind == "front_matter_field" or split_on_purpose:
                continue
            compared += 1
            agreeing += block.span.line in starts
    assert compared >= 1000
    assert agreeing == compared, f"{compared - agreeing} of {compared} block lines disagree"


def test_inline_spans_cover_their_text() -> None:
    checked = exact = 0
    for _, _, document in _documents():
        for block in document.blocks:
            for inline in block.inlines:
                if inline.kind != "text" or not inline.text.strip() or "\\" in inline.text:
                    continue
                checked += 1
                exact += _slice(document, inline.span) == inline.text
    assert checked >= 5000
    assert exact / checked >= 0.99, f"only {exact} of {checked} text inlines are exact"


def test_placeholder_and_link_spans() -> None:
    placeholders = links = 0
    for _, _, document in _documents():
        for placeholder in document.placeholders:
            placeholders += 1
            if "never closed" not in (placeholder.problem or ""):
                assert _slice(document, placeholder.span) == placeholder.raw
        for link in document.links:
            if link.kind in ("inline", "image", "reference") and not link.raw.startswith("<"):
                links += 1
                written = _slice(document, link.span)
                assert written.startswith(("[", "![")), (document.path, link)
    assert placeholders >= 500 and links >= 500


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("- a\n- b\n\n  c\n", [("list_item", 1, 3), ("list_item", 2, 3), ("paragraph", 4, 3)]),
        ("> quote\n> more\n\n- x\n  > nested\n", [("quote", 1, 3), ("list_item", 4, 3), ("quote", 5, 5)]),
        ("Title\n=====\n\ntext\n", [("heading", 1, 1), ("paragraph", 4, 1)]),
        ("1. one\n2. two\n   - three\n", [("list_item", 1, 4), ("list_item", 2, 4), ("list_item", 3, 6)]),
        ("| a | b |\n|---|---|\n| c | d |\n", [("table_row", 1, 1), ("table_row", 3, 1)]),
        ("```\ncode\n```\n\n    indented\n", [("code", 1, 1), ("code", 5, 5)]),
    ],
)
def test_nested_block_positions(markdown: str, expected: list) -> None:
    document = LOADER.parse("x.md", markdown, "x")
    found = [(block.kind, block.span.line, block.span.column) for block in document.blocks]
    assert found == expected


def test_front_matter_keeps_line_numbers() -> None:
    document = LOADER.parse("x.md", "---\ntitle: A {{ x }}\nlayout: wide\n---\n\n# Heading {{ y }}\n", "x")
    heading = next(block for block in document.blocks if block.kind == "heading")
    assert heading.span.line == 6
    assert [placeholder.span.line for placeholder in document.placeholders] == [2, 6]
    field = document.blocks[0]
    assert (field.kind, field.info, field.span.line, field.span.column) == ("front_matter_field", "title", 2, 8)


def test_escaped_and_placeholder_links_positions() -> None:
    text = "Post to [Facebook](https://f.example) or \\[Twitter\\](google.com) and [home]({{ urls/home }}).\n"
    document = LOADER.parse("x.md", text, "x")
    links = [(link.destination, link.span.column, link.span.end_column) for link in document.links]
    assert links == [("https://f.example", 9, 38), ("{{ urls/home }}", 70, 93)]


def test_crlf_and_bom(tmp_path: Path) -> None:
    data = "\ufeff# Title\r\n\r\nText {{ x }}\r\n".encode()
    document = LOADER.load("x.md", data, "x")
    assert [(block.kind, block.span.line) for block in document.blocks] == [("heading", 1), ("paragraph", 3)]
    assert document.placeholders[0].span.column == 6
