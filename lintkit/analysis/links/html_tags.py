"""Raw HTML link tags (`<a>`, `<img>`) that a browser cannot read as intended.

Translation tools put a space after `<` (`< a href=…>`), drop the `>` that ends
the tag (`<a href="…"</a>`), lose the quote that ends a URL
(`<a href="https://x.org/> text`) or mangle the closing tag (`</>`, `</ a>`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lintkit.analysis.links.recover import masked_raw
from lintkit.model import Block, Document, Span
from lintkit.patterns import on_first_use

_TAG_START = re.compile(r"<(?P<space>[ \t]*)(?P<name>a|img)(?=[\s>/])", re.IGNORECASE)


_spaced_link_attribute = on_first_use(r"[ \t]+(?:href|src)\s*=", re.IGNORECASE)
_unquoted_value = on_first_use(r"[^\s>]+")
_next_word = on_first_use(r"\s+([^\s=>]+)(\s*=)?")


_ATTRIBUTE_NAME = re.compile(r"[^\s=>/<\"']+")


_bad_closing = on_first_use(r"</(?:[ \t]+a[ \t]*|[ \t]*)>", re.IGNORECASE)


_LINK_ATTRIBUTES = ("href", "src")
_SKIPPED_KINDS = frozenset({"code", "front_matter_field", "thematic_break"})


@dataclass(frozen=True)
class TagProblem:
    """What is wrong with one tag, and where."""

    span: Span
    tag: str
    problem: str


def tag_problems(document: Document, block: Block) -> list[TagProblem]:
    if block.kind in _SKIPPED_KINDS or "<" not in block.raw:
        return []
    base = document.lines.offset(block.span.line)
    raw = masked_raw(block, base)
    code = _code_regions(document, block, base)
    problems: list[TagProblem] = []
    opened_link = False
    code_starts = [start for start, _ in code]
    walked: dict[int, tuple[int, str] | None] = {}
    for match in _TAG_START.finditer(raw):
        index = bisect.bisect_right(code_starts, match.start()) - 1  # code spans are in order and apart
        if index >= 0 and match.start() < code[index][1]:
            continue
        name = match.group("name").lower()
        opened_link = opened_link or name == "a"
        if match.group("space"):
            if _spaced_link_attribute().match(raw, match.end()):
                problem = f"`{raw[match.start() : match.end()]}` has a space after `<`, so the tag shows as text"
                problems.append(_problem(document, base, match.start(), match.end(), name, problem))
            continue
        found = _read_attributes(raw, match.end(), walked)
        if found is not None:
            position, problem = found
            problems.append(_problem(document, base, match.start(), position, name, problem))
    if opened_link:
        for closing in _bad_closing().finditer(raw):
            problem = f"closing tag `{closing.group(0)}` is malformed; write `</a>`"
            problems.append(_problem(document, base, closing.start(), closing.end(), "a", problem))
    return problems


def _read_attributes(raw: str, position: int, walked: dict[int, tuple[int, str] | None]) -> tuple[int, str] | None:
    """The position and text of the first fault of the tag whose attributes start at `position`, or None.

    The walk is a function of the position alone, so `walked` keeps the answer for every position a walk
    passed: a run of unclosed tags (`<a href=<a href=…`) is walked once, not once per tag.
    """
    visited: list[int] = []
    found = _walk_attributes(raw, position, walked, visited)
    walked.update(dict.fromkeys(visited, found))
    return found


def _walk_attributes(
    raw: str, position: int, walked: dict[int, tuple[int, str] | None], visited: list[int]
) -> tuple[int, str] | None:
    while position < len(raw):
        if position in walked:
            return walked[position]
        visited.append(position)
        while position < len(raw) and raw[position].isspace():
            position += 1
        if position >= len(raw):
            break
        character = raw[position]
        if character == ">" or raw.startswith("/>", position):
            return None
        if character == "<":
            return position, "the tag is not closed with `>` before the next `<`"
        name_match = _ATTRIBUTE_NAME.match(raw, position)
        if name_match is None:
            position += 1
            continue
        name = name_match.group(0).lower()
        position = name_match.end()
        after_name = _skip_spaces(raw, position)
        if after_name >= len(raw) or raw[after_name] != "=":
            continue
        value_start = _skip_spaces(raw, after_name + 1)
        if value_start >= len(raw):
            break
        quote = raw[value_start]
        if quote in "\"'":
            value_end = raw.find(quote, value_start + 1)
            if name in _LINK_ATTRIBUTES and (value_end < 0 or _has_tag_mark(raw, value_start + 1, value_end)):
                return value_start, f"the `{name}` value is not closed with `{quote}` before the tag ends"
            if value_end < 0:
                break
            position = value_end + 1
            if position < len(raw) and not (raw[position].isspace() or raw[position] in ">/<"):
                return position, f"no space after the `{name}` value, so the tag shows as text"
        else:
            value_match = _unquoted_value().match(raw, value_start)
            position = value_match.end() if value_match else value_start + 1
            if name in _LINK_ATTRIBUTES and _broken_by_space(raw, position):
                return value_start, f"the unquoted `{name}` value is broken by a space; quote it"
    return position, "the tag is never closed with `>`"


_BOOLEAN_ATTRIBUTES = frozenset({"download", "hidden", "ismap", "itemscope", "autofocus", "inert", "/"})


def _broken_by_space(raw: str, position: int) -> bool:
    """An unquoted URL followed by a word that is not an attribute: the URL had a space in it."""
    following = _next_word().match(raw, position)
    return bool(following) and not following.group(2) and following.group(1).lower() not in _BOOLEAN_ATTRIBUTES


def _has_tag_mark(raw: str, start: int, end: int) -> bool:
    """Whether `<` or `>` stands in raw[start:end], read in place (no copy of the rest of the text)."""
    return raw.find("<", start, end) >= 0 or raw.find(">", start, end) >= 0


def _skip_spaces(raw: str, position: int) -> int:
    while position < len(raw) and raw[position] in " \t\n":
        position += 1
    return position


def _problem(document: Document, base: int, start: int, end: int, tag: str, problem: str) -> TagProblem:
    end = max(end, start + 1)
    return TagProblem(document.lines.span(base + start, base + end), tag, problem)


def _code_regions(document: Document, block: Block, base: int) -> list[tuple[int, int]]:
    regions = []
    for inline in block.inlines:
        if inline.kind == "code":
            start = document.lines.offset(inline.span.line, inline.span.column) - base
            end = document.lines.offset(inline.span.end_line, inline.span.end_column) - base
            regions.append((start, end))
    return regions
