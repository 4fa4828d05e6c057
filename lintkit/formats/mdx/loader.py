"""Bytes of an MDX page to a `Document`: the Markdown reading of the body, plus its components and asides.

The Markdown parser sees the body with MDX syntax blanked (ESM, tags,
comments, aside markers), expressions masked like placeholders, and layout
indentation removed; every position is then mapped back to the file.
Components that carry prose or links become blocks of their own, so that
their text is checked like text and their links like links.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from lintkit.formats.decoding import decode, empty_document
from lintkit.formats.markdown.blocks import create_markdown, parse_blocks
from lintkit.formats.markdown.builder import BlockBuilder
from lintkit.formats.markdown.front_matter import split_front_matter
from lintkit.formats.mdx.jsx import RawTag
from lintkit.formats.mdx.layout import Columns, dedented
from lintkit.formats.mdx.scan import AsideMark, MdxSyntax, scan_mdx
from lintkit.formats.placeholders import MaskedText, compile_scanner, find_placeholders, mask
from lintkit.model import Attribute, Block, Document, Element, Inline, LineIndex, Link, Placeholder, Span
from lintkit.problems import input_problem

_NOT_SPACE = re.compile(r"[^\n]")
_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*", re.MULTILINE)


class MdxLoader:
    """Parses MDX pages; build one per process and reuse it."""

    def __init__(self, syntaxes: tuple[str, ...], text_props: tuple[str, ...], link_props: tuple[str, ...]) -> None:
        # Template syntaxes written with braces or angle brackets are MDX syntax here; printf stays.
        self.scanner = compile_scanner(("printf",)) if "printf" in syntaxes else None
        self.text_props = frozenset(text_props)
        self.link_props = frozenset(link_props)

    @cached_property
    def markdown(self) -> Any:
        return create_markdown(indented_code=False)

    def load(self, path: str, data: bytes, locale: str) -> Document:
        text, problem = decode(path, data)
        if problem is not None:
            return empty_document(path, locale, text, (problem,), format="mdx")
        return self.parse(path, text, locale)

    def parse(self, path: str, text: str, locale: str) -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = LineIndex.of(text)
        front_matter, body, problems = split_front_matter(path, text, lines)
        first_line = front_matter.span.end_line if front_matter.span else 0
        syntax = scan_mdx(body, first_line)
        placeholders = self._placeholders(text, _blank(body, syntax.blanks), syntax, lines)
        columns = Columns(syntax.dedent, lines)
        parse_text = dedented(_untabbed(_blank(body, syntax.blanks)), syntax.dedent)
        parse_lines = LineIndex.of(parse_text)
        local = [_to_parse(p, syntax.dedent, parse_lines) for p in placeholders]
        masked = mask(parse_text, [p for p in local if p.span.line == p.span.end_line])
        masked = MaskedText(_blank(masked.text, _multi_line(local, parse_lines)), masked.placeholders)
        try:
            tokens, env, item_lines = parse_blocks(self.markdown, masked.text)
        except RecursionError:
            problem = input_problem("LK900", path, Span.point(1), "the MDX is nested too deeply to parse")
            return empty_document(path, locale, text, (*problems, problem), format="mdx")
        builder = BlockBuilder(
            self.markdown, masked, dedented(text, syntax.dedent), parse_lines, env, item_lines, local
        )
        builder.add_front_matter(front_matter)
        builder.walk(tokens, container="")
        blocks = [columns.block(block, text) for block in builder.blocks]
        elements = [self._element(found.tag, found.flow, lines) for found in syntax.tags if not found.tag.closing]
        blocks = self._attach_inline_links(blocks, elements)
        blocks += [self._component_block(element, text, lines) for element in elements if self._has_prose(element)]
        blocks += [_aside_block(aside, text, lines) for aside in syntax.asides]
        blocks.sort(key=lambda block: (block.span.line, block.span.column, block.kind != "front_matter_field"))
        blocks = [replace(block, index=index) for index, block in enumerate(blocks)]
        held = [placeholder for block in blocks for placeholder in block.placeholders]
        starts = {placeholder.start for placeholder in held}
        # the blocks' own placeholder objects: rules find a placeholder's block by identity
        placeholders = sorted(held + [p for p in placeholders if p.start not in starts], key=lambda p: p.start)
        return Document(
            path=path,
            locale=locale,
            text=text,
            lines=lines,
            front_matter=front_matter,
            blocks=tuple(blocks),
            placeholders=tuple(placeholders),
            links=tuple(link for block in blocks for link in block.links),
            problems=tuple(problems),
            format="mdx",
            parsed=bool(blocks) or not problems,
            elements=tuple(elements),
        )

    def _placeholders(self, text: str, blanked: str, syntax: MdxSyntax, lines: LineIndex) -> list[Placeholder]:
        """Expressions are kept verbatim, like placeholders; printf placeholders too when configured."""
        found = [
            Placeholder("mdx", text[start:end], " ".join(text[start:end].split()), lines.span(start, end), start)
            for start, end in syntax.expressions
        ]
        if self.scanner is not None:
            taken = syntax.expressions
            for placeholder in find_placeholders(blanked, self.scanner, lines):
                if not any(begin <= placeholder.start < end for begin, end in taken):
                    found.append(
                        replace(placeholder, raw=text[placeholder.start : placeholder.start + len(placeholder.raw)])
                    )
        return sorted(found, key=lambda placeholder: placeholder.start)

    def _element(self, tag: RawTag, flow: bool, lines: LineIndex) -> Element:
        attributes = tuple(
            Attribute(raw.name, raw.kind, raw.value, lines.span(raw.value_start, raw.value_end))
            if raw.kind != "boolean"
            else Attribute(raw.name, raw.kind, "", lines.span(raw.start, raw.value_end))
            for raw in tag.attributes
        )
        return Element(tag.name, lines.span(tag.start, tag.end), attributes, flow)

    def _has_prose(self, element: Element) -> bool:
        return element.flow and any(self._prose(attribute) or self._link(attribute) for attribute in element.attributes)

    def _prose(self, attribute: Attribute) -> bool:
        return attribute.kind == "string" and attribute.name in self.text_props and bool(attribute.value.strip())

    def _link(self, attribute: Attribute) -> bool:
        return attribute.kind == "string" and attribute.name in self.link_props and bool(attribute.value.strip())

    def _links(self, element: Element) -> tuple[Link, ...]:
        kind = "image" if element.name.lower() in ("img", "image") else "html"
        label = next((a.value for a in element.attributes if self._prose(a)), "")
        return tuple(
            Link(kind, label, attribute.value, element.span, destination_span=attribute.span)
            for attribute in element.attributes
            if self._link(attribute)
        )

    def _component_block(self, element: Element, text: str, lines: LineIndex) -> Block:
        prose = [attribute for attribute in element.attributes if self._prose(attribute)]
        return Block(
            index=0,
            kind="component",
            span=element.span,
            raw=_lines_of(text, lines, element.span),
            text=" ".join(" ".join(attribute.value.split()) for attribute in prose),
            info=element.name,
            links=self._links(element),
            inlines=tuple(Inline("text", attribute.value, attribute.span) for attribute in prose),
        )

    def _attach_inline_links(self, blocks: list[Block], elements: list[Element]) -> list[Block]:
        """A link written as a tag inside text (`<a href="…">`) belongs to the block around it."""
        inline = [element for element in elements if not element.flow and self._links(element)]
        if not inline:
            return blocks
        attached = list(blocks)
        for element in inline:
            for index, block in enumerate(attached):
                if block.kind != "front_matter_field" and block.span.line <= element.span.line <= block.span.end_line:
                    attached[index] = replace(
                        block,
                        links=tuple(
                            sorted(
                                (*block.links, *self._links(element)),
                                key=lambda link: (link.span.line, link.span.column),
                            )
                        ),
                    )
                    break
        return attached


def _aside_block(aside: AsideMark, text: str, lines: LineIndex) -> Block:
    line_start = lines.starts[aside.line]
    end = text.find("\n", line_start)
    end = len(text) if end < 0 else end
    inlines = ()
    if aside.title:
        inlines = (Inline("text", aside.title, lines.span(aside.title_start, aside.title_start + len(aside.title))),)
    line = text[line_start:end]
    column = len(line) - len(line.lstrip()) + 1  # the span starts at the colons
    return Block(
        index=0,
        kind="aside",
        span=Span(aside.line + 1, column, aside.line + 1, end - line_start + 1),
        raw=text[line_start:end],
        text=" ".join(aside.title.split()),
        info=aside.kind,
        inlines=inlines,
    )


def _lines_of(text: str, lines: LineIndex, span: Span) -> str:
    start = lines.offset(span.line)
    end = text.find("\n", lines.starts[span.end_line - 1])
    return text[start:] if end < 0 else text[start:end]


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """Characters of `ranges` replaced by spaces, newlines kept: offsets and lines do not move."""
    if not ranges:
        return text
    pieces = []
    position = 0
    for start, end in sorted(ranges):
        if start < position:
            start = position
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(_NOT_SPACE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _untabbed(text: str) -> str:
    """Tabs in indentation read as one space each: MDX has no indented code, and the length stays."""
    if "\t" not in text:
        return text
    return _LEADING_TABS.sub(lambda match: match.group(0).replace("\t", " "), text)


def _multi_line(placeholders: list[Placeholder], lines: LineIndex) -> list[tuple[int, int]]:
    """Expressions over several lines are blanked, not masked: a mask would take their newlines."""
    return [
        (p.start, lines.offset(p.span.end_line, p.span.end_column))
        for p in placeholders
        if p.span.line != p.span.end_line
    ]


def _to_parse(placeholder: Placeholder, dedent: dict[int, int], parse_lines: LineIndex) -> Placeholder:
    """A placeholder's position in the dedented text the parser reads."""
    span = placeholder.span
    local = Span(
        span.line,
        span.column - dedent.get(span.line - 1, 0),
        span.end_line,
        span.end_column - dedent.get(span.end_line - 1, 0),
    )
    return replace(placeholder, span=local, start=parse_lines.offset(local.line, local.column))
