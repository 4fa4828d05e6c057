"""What in an MDX page is not Markdown: ESM, JSX tags, `{…}` expressions and comments, and asides.

The scan walks the body once, line by line, outside fenced code and code
spans. It says which characters the Markdown parser must not see (blanked to
spaces, newlines kept, so every offset stays the file's), which expressions are
kept verbatim (compared like placeholders), which elements and asides the page
has, and how much indentation each line owes to the JSX around it: in MDX
indentation is layout, never an indented code block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintkit.formats.mdx.jsx import RawTag, expression_end, read_tag

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")
_ESM = re.compile(r"^(?:import|export)\b")
_ASIDE = re.compile(r"^([ \t]*)(:{3,})([A-Za-z][\w-]*)?(\[[^\]\n]*\])?(\{[^}\n]*\})?[ \t]*([^\n]*)$")
_INDENT = re.compile(r"[ \t]*")


@dataclass(frozen=True, slots=True)
class AsideMark:
    """An opening `:::type[Title]` line (Docusaurus: `:::type Title`): offsets of the type and the title."""

    kind: str
    line: int  # 0-based line of the body
    type_start: int
    type_end: int
    title: str
    title_start: int


@dataclass(frozen=True, slots=True)
class FoundTag:
    tag: RawTag
    flow: bool  # the first thing on its line: a block-level element


@dataclass
class MdxSyntax:
    """The result of one scan, in offsets of the body (which keeps the file's offsets)."""

    blanks: list[tuple[int, int]] = field(default_factory=list)
    expressions: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)
    tags: list[FoundTag] = field(default_factory=list)
    asides: list[AsideMark] = field(default_factory=list)
    dedent: dict[int, int] = field(default_factory=dict)  # 0-based line → characters of layout indentation


@dataclass
class _Container:
    name: str
    baseline: int | None = None


def scan_mdx(body: str, first_line: int = 0) -> MdxSyntax:
    """Scan the body of an MDX page; lines before `first_line` (the front matter) are skipped."""
    found = MdxSyntax()
    lines = body.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    fence = ""
    containers: list[_Container] = []
    in_esm = False
    number = first_line
    pending_tag_end = -1  # a multi-line tag or expression ends past this line's start
    while number < len(lines):
        line = lines[number]
        start = starts[number]
        indent = len(_INDENT.match(line).group(0))
        stripped = line[indent:]
        if containers and stripped:
            container = containers[-1]
            if container.baseline is None:
                container.baseline = indent
            found.dedent[number] = min(indent, container.baseline)
        if fence:
            closing = _FENCE.match(line)
            if (
                closing
                and closing.group(2)[0] == fence[0]
                and len(closing.group(2)) >= len(fence)
                and not line[closing.end() :].strip()  # a closing fence has no info string
            ):
                fence = ""
            number += 1
            continue
        if start < pending_tag_end:
            number += 1
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(2)
            number += 1
            continue
        if in_esm or (not containers and indent == 0 and _ESM.match(line)):
            in_esm = bool(stripped)
            if stripped:
                found.blanks.append((start, start + len(line)))
            number += 1
            continue
        aside = _ASIDE.match(line)
        if aside and (aside.group(3) or not (aside.group(4) or aside.group(6))):
            found.blanks.append((start, start + len(line)))
            if aside.group(3):
                found.asides.append(_aside(aside, number, start))
            number += 1
            continue
        pending_tag_end = _scan_line(body, start, start + len(line), found, containers)
        number += 1
    return found


def _aside(match: re.Match[str], number: int, start: int) -> AsideMark:
    bracket = match.group(4)
    if bracket:
        title, title_start = bracket[1:-1], start + match.start(4) + 1
    else:
        title, title_start = match.group(6).strip(), start + match.start(6)
    return AsideMark(match.group(3), number, start + match.start(3), start + match.end(3), title, title_start)


def _scan_line(body: str, start: int, end: int, found: MdxSyntax, containers: list[_Container]) -> int:
    """Tags, expressions and comments of one line (a tag or expression may run on): returns where the last ended."""
    position = start
    first = len(_INDENT.match(body, start, end).group(0)) + start
    reached = end
    while position < end:
        char = body[position]
        if char == "\\":
            position += 2
            continue
        if char == "`":
            run = len(re.match(r"`+", body[position:end]).group(0))
            close = body.find("`" * run, position + run, end)
            position = close + run if close >= 0 else position + run
            continue
        if char == "{":
            close = expression_end(body, position)
            if close < 0:
                position += 1
                continue
            inner = body[position + 1 : close - 1].strip()
            if inner.startswith("/*") and inner.endswith("*/"):
                found.comments.append((position, close))
                found.blanks.append((position, close))
            else:
                found.expressions.append((position, close))
            reached = max(reached, close)
            position = close
            continue
        if char == "<":
            tag = read_tag(body, position)
            if tag is not None:
                flow = position == first
                found.tags.append(FoundTag(tag, flow))
                found.blanks.append((tag.start, tag.end))
                if flow:
                    _track(tag, containers)
                reached = max(reached, tag.end)
                position = tag.end
                first = position if body[position : position + 1] == "<" else first
                continue
        position += 1
    return reached


def _track(tag: RawTag, containers: list[_Container]) -> None:
    """Open elements whose content is indented for layout; a closing tag ends the nearest of its name."""
    if tag.self_closing:
        return
    if not tag.closing:
        containers.append(_Container(tag.name))
        return
    for index in range(len(containers) - 1, -1, -1):
        if containers[index].name == tag.name:
            del containers[index:]
            return
