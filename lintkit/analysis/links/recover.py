"""Links that Markdown no longer parses, found again in a block's raw text.

Translation tools escape brackets (`\\[Twitter\\](…)`), put a space in
`[text] (url)`, put spaces inside a URL, drop a bracket or a parenthesis, or
keep `[text][ref]` without its definition. Markdown renders all of these as
plain text, so they never reach `Block.links`; this module finds them with
exact positions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lintkit.formats.placeholders import unclosed
from lintkit.model import Block, Document, Span
from lintkit.patterns import on_first_use

# A bracketed text followed by a parenthesis, with the faults a parser rejects.
_CANDIDATE = re.compile(
    r"(?P<open>\\?\[)(?P<text>[^\[\]]{0,300}?)(?P<close>\\?\])(?P<gap>[ \t]*)"
    r"\((?P<destination>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)(?P<end>\)|$)",
    re.MULTILINE,
)
_REFERENCE = re.compile(r"\[(?P<text>[^\[\]]{1,300})\]\[(?P<label>[^\[\]]{0,100})\]")
# `[text(url)` with no `]`: the parenthesis holds a URL and no `]` follows it.
_NO_CLOSING = re.compile(r"(?<![\\\]])\[(?P<text>[^\[\]()\n]{1,200}?)\((?P<destination>[^()\s]+)\)(?!\])")
_NO_OPENING = re.compile(r"(?<!\\)\](?P<gap>[ \t]*)\((?P<destination>[^()\s]+)\)")


_urlish = on_first_use(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|\.{1,2}/|#|www\.|\ue000|[\w-]+(?:\.[\w-]+)+[/?#]?)")


_ANY_LINK_END = re.compile(r"\][ \t]*[(\[]|\[[^\[\]\n]*\(")  # every fault below has one; most blocks have none
_TEXT_KINDS = frozenset({"paragraph", "list_item", "quote", "heading", "table_row", "html"})
_MASK = "\ue000"


@dataclass(frozen=True)
class BrokenLink:
    """A link written so that it renders as text: the fault, where, its text and destination."""

    fault: str  # escaped, spaced, spaces, unclosed, no-opening-bracket, no-closing-bracket, undefined-reference
    span: Span
    raw: str
    text: str
    destination: str


def broken_links(document: Document, block: Block) -> list[BrokenLink]:
    """The broken links of one block, in order."""
    if block.kind not in _TEXT_KINDS or not _ANY_LINK_END.search(block.raw):
        return []
    base = document.lines.offset(block.span.line)
    masked, taken = _prepare(document, block, base)
    code = _code_spans(document, block, base)
    found: list[BrokenLink] = []

    def add(fault: str, start: int, end: int, text: str, destination: str) -> None:
        taken.add(start, end)
        raw = block.raw[start:end]
        found.append(BrokenLink(fault, document.lines.span(base + start, base + end), raw, text, destination))

    for match in _CANDIDATE.finditer(masked):
        if _overlaps(match.start(), match.end(), taken) or _in_code(match, code):
            continue
        fault = _fault_of(match)
        if fault is not None:
            destination = block.raw[match.start("destination") : match.end("destination")].strip()
            text = block.raw[match.start("text") : match.end("text")].strip()
            add(fault, match.start(), match.end(), text, destination)
    for match in _REFERENCE.finditer(masked):
        if not _overlaps(match.start(), match.end(), taken) and not _in_code(match, code):
            label = match.group("label") or match.group("text")
            add("undefined-reference", match.start(), match.end(), match.group("text").strip(), label.strip())
    for match in _NO_CLOSING.finditer(masked):
        if (
            not _overlaps(match.start(), match.end(), taken)
            and not _in_code(match, code)
            and _urlish().match(match.group("destination"))
            and "]" not in masked[match.end() : match.end() + 1]
        ):
            destination = block.raw[match.start("destination") : match.end("destination")]
            add("no-closing-bracket", match.start(), match.end(), match.group("text").strip(), destination)
    for match in _NO_OPENING.finditer(masked):
        if (
            not _overlaps(match.start(), match.end(), taken)
            and not _in_code(match, code)
            and _urlish().match(match.group("destination"))
        ):
            destination = block.raw[match.start("destination") : match.end("destination")]
            add("no-opening-bracket", match.start(), match.end(), "", destination)
    found.sort(key=lambda broken: broken.span)
    return found


def _fault_of(match: re.Match[str]) -> str | None:
    destination = match.group("destination").strip()
    urlish = bool(_urlish().match(destination))
    if match.group("open").startswith("\\") or match.group("close").startswith("\\"):
        return "escaped" if destination and not match.group("text").startswith("^") else None
    if not urlish:
        return None
    if match.group("end") == "":
        return "unclosed"
    if match.group("gap"):
        return "spaced" if not re.search(r"\s", destination) else None
    if re.search(r"\s", destination) and not re.search(r"\s[\"'(]", destination):
        return "spaces"
    return None


def _prepare(document: Document, block: Block, base: int) -> tuple[str, _Regions]:
    """The block's raw text with placeholders masked, and the regions parsed links and code already hold."""
    taken = _Regions()
    for link in block.links:
        if link.kind in ("inline", "reference") or (link.kind == "image" and link.raw.startswith("!")):
            taken.add(*_region(document, link.span, base))
    return masked_raw(block, base), taken


def _code_spans(document: Document, block: Block, base: int) -> _Regions:
    """Code spans, backticks included: brackets there are code, not links (but link text may hold code)."""
    regions = _Regions()
    for inline in block.inlines:
        if inline.kind == "code":
            start, end = _region(document, inline.span, base)
            regions.add(start - 1, end + 1)
    return regions


def _in_code(match: re.Match[str], code: _Regions) -> bool:
    """The brackets or the `](` of a match stand in code."""
    points = (match.start(), match.group(0).find("](") + match.start())
    return any(code.overlaps(point, point + 1) for point in points)


def masked_raw(block: Block, base: int) -> str:
    """The block's raw text with each placeholder replaced by a same-length run (they may hold spaces or `<`)."""
    if not block.placeholders:  # most blocks: nothing to replace
        return block.raw
    characters = list(block.raw)
    for placeholder in block.placeholders:
        if unclosed(placeholder):
            continue  # not masked by the loader either: it runs to the end of the line
        start = placeholder.start - base
        if 0 <= start < len(characters):
            characters[start : start + len(placeholder.raw)] = _MASK * len(placeholder.raw)
    return "".join(characters)[: len(block.raw)]


def _region(document: Document, span: Span, base: int) -> tuple[int, int]:
    start = document.lines.offset(span.line, span.column) - base
    end = document.lines.offset(span.end_line, span.end_column) - base
    return start, end


def _overlaps(start: int, end: int, regions: _Regions) -> bool:
    return regions.overlaps(start, end)


class _Regions:
    """Regions of a block already explained (parsed links, broken links found), kept merged and in order,
    so that asking whether a new match overlaps one costs a binary search, not a pass over all of them."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1  # the last region that starts before `end`
        return index >= 0 and self.ends[index] > start

    def add(self, start: int, end: int) -> None:
        """Add [start, end), merged with the regions it overlaps (an image inside a link)."""
        first = bisect.bisect_left(self.ends, start + 1)  # the first region that ends after `start`
        last = bisect.bisect_left(self.starts, end)  # past the last region that starts before `end`
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]


_link_in_code = on_first_use(r"\]\((?P<markdown>[^()\s]+)\)|\b(?:href|src)\s*=\s*[\"'](?P<html>[^\"'<>]+)[\"']")


def links_in_indented_code(document: Document, block: Block) -> list[BrokenLink]:
    """Links inside an indented code block: prose indented by four spaces by mistake shows as code."""
    if block.kind != "code" or block.info or not block.raw.startswith(("    ", "\t")):
        return []
    base = document.lines.offset(block.span.line)
    found = []
    for match in _link_in_code().finditer(masked_raw(block, base)):
        group = "markdown" if match.group("markdown") else "html"
        start, end = match.span(group)
        span = document.lines.span(base + start, base + end)
        found.append(BrokenLink("in-code", span, block.raw[slice(*match.span())], "", block.raw[start:end]))
    return found
