"""A catalog as a FilePair: msgids are the source Document, msgstrs the target, one block per string.

Every translated form is a target block (its span is the `msgstr` or
`msgstr[n]` lines) aligned with a source block for the msgid it translates
(`msgid` for the singular, `msgid_plural` for the other forms), so the shared
placeholder, link and wording rules read an entry like a paragraph. Entry
text is analysed as inline Markdown, and every position is mapped back through
the string's escapes and line breaks to the line and column in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from lintkit.markdown.blocks import create_markdown
from lintkit.markdown.inlines import InlineLocator
from lintkit.markdown.placeholders import compile_scanner, find_placeholders, mask
from lintkit.model import (
    AlignedPair,
    Block,
    Document,
    FilePair,
    FrontMatter,
    Inline,
    LineIndex,
    Link,
    Placeholder,
    Span,
)
from lintkit.po.catalog import Catalog, Entry
from lintkit.po.scan import Field, escape_length, unescape

# Flags that say how a string is formatted at run time (xgettext writes them).
PRINTF_FLAGS = frozenset(
    {"python-format", "c-format", "javascript-format", "php-format", "perl-format", "sh-format", "objc-format"}
)
BRACE_FLAGS = frozenset({"python-brace-format"})
# Without a flag, the msgid's content decides; these forms are unmistakable.
_PRINTF_CONTENT = re.compile(r"%(?:\([\w.]+\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGcu](?![A-Za-z])")
_BRACE_CONTENT = re.compile(r"(?<!\{)\{(?:\d+|[A-Za-z_]\w*)(?:![rsa])?(?::[^{}\n]*)?\}(?!\})")
_NUMBER_CONVERSIONS = frozenset("diu")
_POSITION = re.compile(r"%(\d+)\$(.*)")
# Every placeholder syntax starts with one of these (a mangled ERB tag with "(%").
_OPENERS = re.compile(r"[{%<]")
# Strings without these characters have no Markdown inline markup and skip the Markdown parser.
_MARKUP = re.compile(r"[\[<`*_&\\]|https?:|www\.")


def entry_syntaxes(entry: Entry, base: tuple[str, ...]) -> tuple[str, ...]:
    """The placeholder syntaxes compared in this entry: the configured ones, plus printf and brace
    where the entry's flags say so (`python-format`, `no-python-format`…) or, without a flag, its msgid."""
    flags = set(entry.flags)
    source_text = entry.msgid + "\n" + entry.msgid_plural
    chosen = list(base)
    for name, positive, content in (("printf", PRINTF_FLAGS, _PRINTF_CONTENT), ("brace", BRACE_FLAGS, _BRACE_CONTENT)):
        if name in chosen:
            continue
        if flags & positive or (not flags & {f"no-{flag}" for flag in positive} and content.search(source_text)):
            chosen.append(name)
    return tuple(chosen)


@dataclass
class _Analysis:
    placeholders: tuple[Placeholder, ...]
    links: tuple[Link, ...]
    inlines: tuple[Inline, ...]
    text: str


class CatalogDocuments:
    """Builds the FilePair of a catalog; keep one per run (it holds the Markdown parsers)."""

    def __init__(self, syntaxes: tuple[str, ...], source_locale: str = "en") -> None:
        self.syntaxes = tuple(syntaxes)
        self.source_locale = source_locale
        self._scanners: dict[tuple[str, ...], re.Pattern[str]] = {}

    def pair(self, catalog: Catalog, options: dict[str, Any], check_fuzzy: bool = False) -> FilePair:
        source_blocks: list[Block] = []
        target_blocks: list[Block] = []
        single_forms = catalog.plural_forms.single_number_forms() if catalog.plural_forms else frozenset()
        nplurals = catalog.plural_forms.nplurals if catalog.plural_forms else 2
        for entry in catalog.entries:
            if not entry.translated or (entry.fuzzy and not check_fuzzy):
                continue
            syntaxes = entry_syntaxes(entry, self.syntaxes)
            msgids: dict[int, _Analysis] = {}
            kind = "plural_form" if entry.is_plural else "paragraph"
            for form, field in enumerate(entry.msgstr_fields):
                if not entry.msgstrs[form]:
                    continue
                target = self._analyse(catalog, field, entry.msgstrs[form], syntaxes)
                source_field, other_field = _source_fields(entry, form, nplurals)
                source = self._msgid(catalog, entry, source_field, syntaxes, msgids)
                other = self._msgid(catalog, entry, other_field, syntaxes, msgids) if other_field else None
                placeholders = _expected(source, target, other)
                if entry.is_plural and form in single_forms:
                    placeholders = _numbers_may_be_words(placeholders, target)
                name = "msgstr" if field.index is None else f"msgstr[{field.index}]"
                source_blocks.append(_block(len(source_blocks), kind, source_field, source, placeholders))
                target_blocks.append(_block(len(target_blocks), kind, field, target, target.placeholders, name))
        source_document = self._document(catalog, source_blocks, self.source_locale)
        target_document = self._document(catalog, target_blocks, catalog.locale)
        alignment = tuple(map(AlignedPair, source_blocks, target_blocks))
        return FilePair(source_document, target_document, alignment, options)

    def _document(self, catalog: Catalog, blocks: list[Block], locale: str) -> Document:
        return Document(
            path=catalog.path,
            locale=locale,
            text=catalog.text,
            lines=catalog.lines,
            front_matter=FrontMatter({}, {}),
            blocks=tuple(blocks),
            placeholders=tuple(p for block in blocks for p in block.placeholders),
            links=tuple(link for block in blocks for link in block.links),
            format="po",
            catalog=catalog,
        )

    def _msgid(
        self, catalog: Catalog, entry: Entry, field: Field, syntaxes: tuple[str, ...], cache: dict[int, _Analysis]
    ) -> _Analysis:
        """A msgid is analysed once per entry, however many plural forms translate it."""
        if id(field) not in cache:
            cache[id(field)] = self._analyse(catalog, field, _value(entry, field), syntaxes)
        return cache[id(field)]

    def _analyse(self, catalog: Catalog, field: Field, value: str, syntaxes: tuple[str, ...]) -> _Analysis:
        """Placeholders, links and inlines of one string, positioned in the file."""
        scanner = self._scanners.get(syntaxes)
        if scanner is None:
            scanner = self._scanners[syntaxes] = compile_scanner(syntaxes)
        _, offsets = field.decode(catalog.text)
        mapper = _FilePositions(offsets, catalog.text, catalog.lines)
        found = find_placeholders(value, scanner, mapper) if _OPENERS.search(value) else []  # type: ignore[arg-type]
        placeholders = _numbered(tuple(replace(p, start=offsets[p.start]) for p in found))
        if not _MARKUP.search(value):
            text = " ".join(value.split())
            inlines = _per_line(Inline("text", text, mapper.span(0, len(value))), field, catalog) if text else ()
            return _Analysis(placeholders, (), tuple(inlines), text)
        masked = mask(value, found)
        locator = InlineLocator(masked.text, 0, len(value), mapper, masked.unmask)  # type: ignore[arg-type]
        locator.run(self.markdown.inline(masked.text.strip(), {"ref_links": {}}))
        text = " ".join(locator.text.split()) or " ".join(value.split())
        inlines = tuple(piece for inline in locator.inlines for piece in _per_line(inline, field, catalog))
        return _Analysis(placeholders, tuple(locator.links), inlines, text)

    @cached_property
    def markdown(self) -> Any:
        return create_markdown()


class _FilePositions:
    """Line and column in the file of a range of a decoded string: through escapes and line breaks.

    It stands in for the string's own LineIndex, so the Markdown helpers place
    what they find directly in the file.
    """

    def __init__(self, offsets: list[int], text: str, lines: LineIndex) -> None:
        self.offsets = offsets
        self.text = text
        self.lines = lines

    def span(self, start: int, end: int) -> Span:
        last = len(self.offsets) - 1
        file_start = self.offsets[min(start, last)]
        file_end = file_start
        if end > start:
            final = self.offsets[min(end - 1, last)]
            file_end = final + escape_length(self.text, final)
        return self.lines.span(file_start, max(file_start, file_end))


def _per_line(inline: Inline, field: Field, catalog: Catalog) -> Iterator[Inline]:
    """Text that runs over several quoted lines, one piece per line: the quotes between them are not text."""
    if inline.span.line == inline.span.end_line or inline.kind not in ("text", "code"):
        yield inline
        return
    start = catalog.lines.offset(inline.span.line, inline.span.column)
    end = catalog.lines.offset(inline.span.end_line, inline.span.end_column)
    for segment_start, segment_end in field.segments:
        begin, finish = max(segment_start, start), min(segment_end, end)
        if begin < finish:
            yield Inline(inline.kind, unescape(catalog.text[begin:finish]), catalog.lines.span(begin, finish))


def _numbered(placeholders: tuple[Placeholder, ...]) -> tuple[Placeholder, ...]:
    """printf arguments by number: `%s … %d` and `%2$d … %1$s` name the same two arguments, so a
    translation may reorder them with positions; `%d … %s` for `%s … %d` swaps two arguments."""
    if not any(p.syntax == "printf" for p in placeholders):
        return placeholders
    numbered = []
    counter = 0
    for placeholder in placeholders:
        if placeholder.syntax == "printf" and not placeholder.raw.startswith("%("):
            position = _POSITION.match(placeholder.raw)
            if position is None:
                counter += 1
                key = f"%{counter}${placeholder.raw[1:]}"
            else:
                key = f"%{position.group(1)}${position.group(2)}"
            placeholder = replace(placeholder, key=key)
        numbered.append(placeholder)
    return tuple(numbered)


def _source_fields(entry: Entry, form: int, nplurals: int) -> tuple[Field, Field | None]:
    """The msgid a form translates, and the other one of a plural entry."""
    if entry.plural_field is None:
        return entry.msgid_field, None
    if form == 0 and nplurals > 1:
        return entry.msgid_field, entry.plural_field
    return entry.plural_field, entry.msgid_field


def _value(entry: Entry, field: Field) -> str:
    return entry.msgid_plural if field is entry.plural_field else entry.msgid


def _expected(source: _Analysis, target: _Analysis, other: _Analysis | None) -> tuple[Placeholder, ...]:
    """The form's msgid placeholders, plus those of the other msgid of a plural entry that the form
    uses: `%d` may be in a singular form even where the singular msgid says "one"."""
    if other is None:
        return source.placeholders
    have = {p.key for p in source.placeholders}
    used = {p.key for p in target.placeholders}
    return source.placeholders + tuple(p for p in other.placeholders if p.key in used and p.key not in have)


def _numbers_may_be_words(placeholders: tuple[Placeholder, ...], target: _Analysis) -> tuple[Placeholder, ...]:
    """A form used for one number only (German's n = 1) may write "ein" instead of `%d`."""
    used = {p.key for p in target.placeholders}
    return tuple(
        p for p in placeholders if p.key in used or not (p.syntax == "printf" and p.raw[-1] in _NUMBER_CONVERSIONS)
    )


def _block(
    index: int, kind: str, field: Field, analysis: _Analysis, placeholders: tuple[Placeholder, ...], name: str = ""
) -> Block:
    """An entry's string as a paragraph; plural forms are their own kind, since the forms of one msgid
    differ by design and must not be compared with each other as repeated text."""
    return Block(
        index=index,
        kind=kind,
        span=Span(field.line, 1, field.end_line, field.end_column),
        raw=analysis.text,
        text=analysis.text,
        info=name or field.keyword,
        placeholders=placeholders,
        links=analysis.links,
        inlines=analysis.inlines,
    )
