"""mistune's token tree → the flat list of positioned blocks of a Document."""

from __future__ import annotations

import bisect
import re
from typing import Any

from lintkit.formats.markdown.blocks import LINE
from lintkit.formats.markdown.inlines import InlineLocator, html_links
from lintkit.formats.markdown.plain_inlines import plain_inline_tokens
from lintkit.formats.placeholders import MaskedText
from lintkit.model import Block, FrontMatter, HeadingNumber, LineIndex, Placeholder, Span

BARE_STEP_LIMIT = 100  # a number with no punctuation after it is a step number only below this
_HEADING_NUMBER = re.compile(r"^(\s*)(\d{1,3})(\s*)([.)\-:–—）．、]|(?=\s))")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class BlockBuilder:
    """Turns mistune's token tree into the flat, positioned block list of a Document."""

    def __init__(
        self,
        markdown: Any,
        masked: MaskedText,
        text: str,
        lines: LineIndex,
        env: dict[str, Any],
        item_lines: dict[int, int],
        placeholders: list[Placeholder],
    ) -> None:
        self.markdown = markdown
        self.masked = masked
        self.text = text
        self.lines = lines
        self.env = env
        self.item_lines = item_lines
        self.placeholders = placeholders
        self.placeholder_starts = [placeholder.start for placeholder in placeholders]
        self.line_count = len(lines.starts)
        self.line_texts = text.split("\n")  # the lines LineIndex counts, each looked up many times per block
        self.blocks: list[Block] = []

    def add_front_matter(self, front_matter: FrontMatter) -> None:
        for key, line in front_matter.key_lines.items():
            value = front_matter.data.get(key)
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                continue
            line_text = self._line(line)
            colon = line_text.find(":")
            column = colon + 2 if colon >= 0 else 1
            while column <= len(line_text) and line_text[column - 1] == " ":
                column += 1
            start = self.lines.offset(line, 1)
            end = start + len(line_text)
            self._add(
                "front_matter_field",
                Span(line, column, line, len(line_text) + 1),
                raw=line_text[column - 1 :],
                text=str(value),
                info=key,
                region=(start, end),
            )

    def walk(self, tokens: list[dict[str, Any]], container: str) -> None:
        for token in tokens:
            kind = token["type"]
            if kind in ("paragraph", "block_text"):
                self._text_block(token, container or "paragraph")
                container = _after_first(container)
            elif kind == "heading":
                self._text_block(token, "heading", level=token.get("attrs", {}).get("level", 1))
            elif kind == "block_code":
                self._code(token)
            elif kind == "block_html":
                self._html(token)
            elif kind == "thematic_break":
                line = token.get(LINE, 1)
                region = (self.lines.offset(line), self._line_end_offset(line))
                self._add(
                    "thematic_break",
                    self._line_span(line, line),
                    raw=self._line(line),
                    text="",
                    region=region,
                )
            elif kind == "table":
                self._table(token)
            elif kind == "list":
                for item in token.get("children", []):
                    self.walk(item.get("children", []), "list_item")
            elif kind == "block_quote":
                self.walk(token.get("children", []), "quote")

    def _text_block(self, token: dict[str, Any], kind: str, level: int = 0) -> None:
        line = token.get(LINE, 1)
        raw_text = token.get("text", "")
        end_line = min(line + raw_text.rstrip("\n").count("\n"), self.line_count)
        if kind == "heading" and not self._line(line).lstrip().startswith("#"):
            end_line = min(end_line + 1, self.line_count)  # setext underline
        region = (self.lines.offset(line), self._line_end_offset(end_line))
        locator = InlineLocator(self.masked.text, *region, self.lines, self.masked.unmask)
        locator.run(self._inline_tokens(raw_text.strip(" \r\n\t\f")))
        text = " ".join(locator.text.split())
        number = _heading_number(text, locator) if kind == "heading" else None
        inside_container = kind in ("list_item", "quote")
        first = locator.inlines[0].span if locator.inlines and inside_container else None
        span = self._line_span(line, end_line, first=first)
        self._add(
            kind,
            span,
            raw=self._raw(line, end_line),
            text=text,
            level=level,
            number=number,
            links=tuple(locator.links),
            inlines=tuple(locator.inlines),
            region=region,
        )

    def _code(self, token: dict[str, Any]) -> None:
        line = token.get(LINE, 1)
        code = token.get("raw", "")
        fenced = token.get("style") == "fenced"
        content_lines = code.rstrip("\n").count("\n") + 1 if code.strip("\n") else 0
        end_line = min(line + content_lines + (1 if fenced else -1), self.line_count)
        end_line = max(end_line, line)
        info = (token.get("attrs") or {}).get("info") or ""
        self._add(
            "code",
            self._line_span(line, end_line),
            raw=self._raw(line, end_line),
            text=self.masked.unmask(code),
            info=info,
            region=(self.lines.offset(line), self._line_end_offset(end_line)),
        )

    def _html(self, token: dict[str, Any]) -> None:
        line = token.get(LINE, 1)
        raw = token.get("raw", "")
        end_line = min(line + raw.rstrip("\n").count("\n"), self.line_count)
        region = (self.lines.offset(line), self._line_end_offset(end_line))
        links = html_links(self.masked.text, *region, self.lines, self.masked.unmask)
        visible = " ".join(self.masked.unmask(_TAG.sub(" ", raw)).split())
        first_line, _, rest = raw.partition("\n")
        heading = _HTML_HEADING.match(first_line)
        if heading:
            end_line = line
            title = " ".join(self.masked.unmask(_TAG.sub(" ", heading.group(2))).split())
            column = self._line(line).find(heading.group(2).strip()[:1]) + 1 if title else 1
            number = _number_of(title, line, max(column, 1))
            self._add(
                "heading",
                self._line_span(line, end_line),
                raw=self._raw(line, end_line),
                text=title,
                level=int(heading.group(1)),
                number=number,
                info="html",
                links=tuple(link for link in links if link.span.line == line),  # the rest is parsed below
                region=(self.lines.offset(line), self._line_end_offset(line)),
            )
            if rest.strip():
                self._text_block({"text": rest, LINE: line + 1}, "paragraph")
            return
        self._add(
            "html",
            self._line_span(line, end_line),
            raw=self._raw(line, end_line),
            text=visible,
            links=tuple(links),
            region=region,
        )

    def _table(self, token: dict[str, Any]) -> None:
        line = token.get(LINE, 1)
        rows: list[list[dict[str, Any]]] = []
        for part in token.get("children", []):
            if part["type"] == "table_head":
                rows.append(part.get("children", []))
            else:
                rows.extend(row.get("children", []) for row in part.get("children", []))
        for index, cells in enumerate(rows):
            row_line = min(line + (index if index == 0 else index + 1), self.line_count)
            region = (self.lines.offset(row_line), self._line_end_offset(row_line))
            locator = InlineLocator(self.masked.text, *region, self.lines, self.masked.unmask)
            texts = []
            for cell in cells:
                cell_locator = InlineLocator(
                    self.masked.text, locator.cursor, region[1], self.lines, self.masked.unmask
                )
                cell_locator.run(self._inline_tokens(cell.get("text", "").strip()))
                locator.inlines.extend(cell_locator.inlines)
                locator.links.extend(cell_locator.links)
                locator.cursor = max(locator.cursor, cell_locator.cursor)
                texts.append(" ".join(cell_locator.text.split()))
            self._add(
                "table_row",
                self._line_span(row_line, row_line),
                raw=self._raw(row_line, row_line),
                text=" | ".join(texts),
                level=index,
                links=tuple(locator.links),
                inlines=tuple(locator.inlines),
                region=region,
            )

    def _inline_tokens(self, text: str) -> list[dict[str, Any]]:
        """mistune's inline tokens of a block's text; plain text needs no parser."""
        tokens = plain_inline_tokens(text)
        return tokens if tokens is not None else self.markdown.inline(text, self.env)

    def _add(self, kind: str, span: Span, raw: str, text: str, region: tuple[int, int], **fields: Any) -> None:
        start, end = region
        first = bisect.bisect_left(self.placeholder_starts, start)
        last = bisect.bisect_left(self.placeholder_starts, end)
        placeholders = tuple(self.placeholders[first:last])
        self.blocks.append(
            Block(
                index=len(self.blocks),
                kind=kind,
                span=span,
                raw=raw,
                text=text,
                placeholders=placeholders,
                **fields,
            )
        )

    def _line(self, line: int) -> str:
        return self.line_texts[line - 1]

    def _line_end_offset(self, line: int) -> int:
        return self.lines.starts[line - 1] + len(self._line(line))

    def _raw(self, line: int, end_line: int) -> str:
        return self.text[self.lines.offset(line) : self._line_end_offset(end_line)]

    def _line_span(self, line: int, end_line: int, first: Span | None = None) -> Span:
        if first is not None and first.line == line:
            column = first.column
        else:
            content = self._line(line)
            column = len(content) - len(content.lstrip()) + 1
        return Span(line, column, end_line, len(self._line(end_line)) + 1)


def _after_first(container: str) -> str:
    """Only the first paragraph of a list item is the item; later ones are plain paragraphs."""
    return "paragraph" if container == "list_item" else container


def _heading_number(text: str, locator: InlineLocator) -> HeadingNumber | None:
    first = next((inline for inline in locator.inlines if inline.kind == "text"), None)
    if first is None:
        return None
    match = _HEADING_NUMBER.match(first.text)
    if not match or not text.startswith(first.text.strip()[:1]):
        return None
    return _number_of(first.text, first.span.line, first.span.column)


def _number_of(text: str, line: int, column: int) -> HeadingNumber | None:
    match = _HEADING_NUMBER.match(text)
    if not match:
        return None
    start = column + len(match.group(1))
    end = column + match.end()
    style = match.group(4) or " "
    if style == " " and int(match.group(2)) >= BARE_STEP_LIMIT:
        return None  # `### 404 behavior`: a status code or a year starts the title, not a step
    return HeadingNumber(int(match.group(2)), style, Span(line, start, line, end))
