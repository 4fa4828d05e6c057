"""The central types that loaders produce, rules read and formatters print.

Everything here is an immutable record so that a parsed source can be shared by
every translation of it (and by worker processes) without defensive copies.
The records that nothing rebuilds with `dataclasses.replace` are named tuples:
as immutable, with the same fields, order and `repr` as a frozen dataclass, but
built several times faster (a frozen dataclass's `__init__` sets each field
through `object.__setattr__`; a run builds spans and inlines by the hundred
thousand), hashed and compared in C, and their classes cost no generated code
at start-up (about a millisecond each). The others (blocks, placeholders,
links, findings, documents) are frozen dataclasses.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from lintkit.formats.po.catalog import Catalog


class Severity(enum.IntEnum):
    """Ordered so that `severity >= threshold` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Span(NamedTuple):
    """A 1-based, end-exclusive range of a file: `end_column` is one past the last character.

    Spans order by line, then column (then end), as their fields are written.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)


# A Span from its four fields without the Python-level `__new__` of a named tuple: spans are built by the
# hundred thousand while a site loads.
_new_span = tuple.__new__


class LineIndex(NamedTuple):
    """Turns character offsets of one text into line and column numbers."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        position = text.find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        return cls(tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of `[start, end)`: most end on the line they start on, which one look-up finds."""
        starts = self.starts
        line = bisect.bisect_right(starts, start)
        line_start = starts[line - 1]
        if line_start <= end and (line == len(starts) or end < starts[line]):
            return _new_span(Span, (line, start - line_start + 1, line, end - line_start + 1))
        end_line = bisect.bisect_right(starts, end)
        return _new_span(Span, (line, start - line_start + 1, end_line, end - starts[end_line - 1] + 1))

    def offset(self, line: int, column: int = 1) -> int:
        return self.starts[line - 1] + column - 1


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A template expression kept verbatim by translators, such as `{{ urls/home }}`.

    `key` is the normalized form used to compare source and target; `problem`
    is set when the expression itself is malformed (an extra brace, no closing).
    """

    syntax: str
    raw: str
    key: str
    span: Span
    start: int
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image, whatever its written form: Markdown, autolink or raw HTML."""

    kind: str  # inline, reference, autolink, image, html
    text: str
    destination: str
    span: Span
    raw: str = ""
    destination_span: Span | None = None  # where the destination itself is written, when it is


class Inline(NamedTuple):
    """A positioned piece of a block's inline content (text run, code span, link...)."""

    kind: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class HeadingNumber:
    """The step number a how-to heading starts with: `3.` in `### 3. Share`."""

    value: int
    style: str  # the punctuation after the digits: ".", ")", "-", "）" ...
    span: Span


@dataclass(frozen=True, slots=True)
class Block:
    """One leaf block of a document, in reading order.

    `kind` is heading, paragraph, list_item, code, html, table, quote,
    thematic_break or front_matter_field. `raw` is the block's exact source
    text (placeholders unmasked); `text` is its visible text without markup.
    """

    index: int
    kind: str
    span: Span
    raw: str
    text: str
    level: int = 0
    number: HeadingNumber | None = None
    info: str = ""  # code fence info string, front-matter key, html tag
    placeholders: tuple[Placeholder, ...] = ()
    links: tuple[Link, ...] = ()
    inlines: tuple[Inline, ...] = ()


class Attribute(NamedTuple):
    """One attribute of a markup element: `kind` is string, expression, boolean or spread."""

    name: str
    kind: str
    value: str
    span: Span  # of the value (of the name, for a boolean)


class Element(NamedTuple):
    """A markup element of the page (an MDX component, a JSX tag): its name and attributes, positioned.

    `flow` is True for an element that starts its line (a block), False inside text.
    """

    name: str
    span: Span
    attributes: tuple[Attribute, ...] = ()
    flow: bool = True

    def attribute(self, name: str) -> Attribute | None:
        return next((attribute for attribute in self.attributes if attribute.name == name), None)


class FrontMatter(NamedTuple):
    """Front-matter metadata and where each key stands in the file."""

    data: dict[str, Any]
    key_lines: dict[str, int]
    span: Span | None = None


@dataclass(frozen=True)
class Document:
    """A parsed file: its blocks, placeholders and links, all positioned."""

    path: str
    locale: str
    text: str
    lines: LineIndex
    front_matter: FrontMatter
    blocks: tuple[Block, ...]
    placeholders: tuple[Placeholder, ...]
    links: tuple[Link, ...]
    problems: tuple[Finding, ...] = ()
    anchors: frozenset[str] = frozenset()
    format: str = "markdown"  # the name of the format that read it (lintkit.formats.REGISTRY)
    elements: tuple[Element, ...] = ()  # markup elements (MDX components), in order
    parsed: bool = True  # False: the file could not be read at all; `problems` says why
    catalog: Catalog | None = None  # the gettext catalog the document was built from (po format only)

    @property
    def headings(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kind == "heading")

    def line_text(self, line: int) -> str:
        start = self.lines.starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


class AlignedPair(NamedTuple):
    """A source block and the target block that translates it; either may be None."""

    source: Block | None
    target: Block | None


@dataclass
class FilePair:
    """A translation, its source and their block alignment: what per-file rules read."""

    source: Document
    target: Document
    alignment: tuple[AlignedPair, ...]
    options: dict[str, Any] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Any) -> Any:
        """Share one analysis between the rules of a family (computed once per pair)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def forget_analyses(self) -> None:
        """Let the shared analyses go once the file's rules have run; a later reader computes them again."""
        self._memo.clear()

    def aligned(self) -> Iterator[tuple[Block, Block]]:
        for pair in self.alignment:
            if pair.source is not None and pair.target is not None:
                yield pair.source, pair.target

    def target_block_for(self, source_block: Block) -> Block | None:
        by_source = self.memo("target-by-source", lambda pair: {id(a.source): a.target for a in pair.alignment})
        return by_source.get(id(source_block))

    def source_block_for(self, target_block: Block) -> Block | None:
        by_target = self.memo("source-by-target", lambda pair: {id(a.target): a.source for a in pair.alignment})
        return by_target.get(id(target_block))

    def insertion_point(self, source_block: Block) -> Span:
        """Where the translation of an unaligned source block would stand in the target."""
        seen = False
        previous_target: Block | None = None
        for pair in self.alignment:
            if pair.source is source_block:
                seen = True
                continue
            if pair.target is None:
                continue
            if seen:
                return Span.point(pair.target.span.line, 1)
            previous_target = pair.target
        if previous_target is not None:
            return Span.point(previous_target.span.end_line, 1)
        return Span.point(1, 1)


class Job(NamedTuple):
    """One translation to check: its file, its locale, the file it is compared with, and its format."""

    target: Path
    source: Path
    locale: str
    key: str  # the shared {path}
    format: str = "markdown"


@dataclass
class LocaleSet:
    """All pairs of one locale in a run: what consistency rules read."""

    locale: str
    pairs: list[FilePair]


class Fix(NamedTuple):
    """A replacement of `span` by `text` in the translated file."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file; sorts by path and position."""

    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    source_path: str | None = None
    source_line: int | None = None
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "source_path": self.source_path,
            "source_line": self.source_line,
        }


@dataclass
class RunResult:
    """A run's findings, sorted, the jobs it checked (with their locales) and the counts a summary needs."""

    findings: list[Finding]
    jobs: list[Job]
    sources_parsed: int
    pairs: list[FilePair] = field(default_factory=list)
    baseline_hidden: int | None = None  # None: no baseline in use
    baseline_fixed: int | None = None

    @property
    def files_checked(self) -> int:
        return len(self.jobs)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def failed(self, threshold: Severity) -> bool:
        return any(finding.severity >= threshold for finding in self.findings)
