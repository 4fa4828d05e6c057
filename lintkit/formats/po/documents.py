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
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from lintkit.formats.formatstrings import Grammar, grammar_for
from lintkit.formats.formatstrings.messageformat import unknown_select_cases
from lintkit.formats.formatstrings.registry import BRACE_SYNTAXES
from lintkit.formats.markdown.inlines import InlineLocator
from lintkit.formats.placeholders import MaskedText, compile_scanner, find_placeholders, mask
from lintkit.formats.po.catalog import Catalog, Entry
from lintkit.formats.po.plain_links import read_plain_links
from lintkit.formats.po.plural_placeholders import (
    Analysis,
    excused,
    expected,
    few,
    numbers_may_be_words,
    source_fields,
    swallowed,
)
from lintkit.formats.po.plurals import form_numbers
from lintkit.formats.po.positions import FilePositions, per_line, visible_text
from lintkit.formats.po.scan import Field
from lintkit.model import (
    AlignedPair,
    Block,
    Document,
    FilePair,
    FrontMatter,
    Inline,
    Placeholder,
    Span,
)

# Without a flag, the msgid's content decides; these forms are unmistakable.
_PRINTF_CONTENT = re.compile(
    r"%(?:\([\w.]+\)|\d+\$)?[-#0+]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z)?[sdifrxXeEgGcu@](?![A-Za-z])"
)
_BRACE_CONTENT = re.compile(r"(?<!\{)\{(?:\d+|[A-Za-z_]\w*)(?:![rsa])?(?::[^{}\n]*)?\}(?!\})")
_POSITION = re.compile(r"%(\d+)\$(.*)")
# What a placeholder of each syntax starts with (`formats/placeholders.py`), a mangled ERB tag `(%= … %)`
# and an unclosed opener included: a string with none of its syntaxes' openers skips the scanner. A
# `python-format` string is full of `%` and, its printf read by the grammar, has no template opener.
_OPENERS = {"hugo": ("{{",), "jinja": ("{{", "{%", "(%"), "erb": ("<%", "(%"), "printf": ("%",), "brace": ("{",)}
_ANY_OPENER = ("{", "%", "<", "}")  # a syntax not in the table: any of its characters may open one
# Strings without these characters have no Markdown inline markup and skip the Markdown parser.
_MARKUP = re.compile(r"[\[<`*_&\\]|https?:|www\.")


def entry_syntaxes(entry: Entry, base: tuple[str, ...]) -> tuple[str, ...]:
    """The placeholder syntaxes compared in this entry besides its format grammar (`entry_grammar`).

    The configured ones, minus the template syntaxes where the grammar uses
    braces (`{{` is an escaped brace in `python-brace-format`); without a
    format flag, printf and brace where the msgid uses them unmistakably
    (`no-python-format` and the like turn that guess off).
    """
    grammar = entry_grammar(entry)
    if grammar is not None:
        dropped = {"printf", "brace"} | ({"jinja", "hugo"} if grammar.syntax in BRACE_SYNTAXES else set())
        return tuple(name for name in base if name not in dropped)
    flags = set(entry.flags)
    if any(flag.startswith("no-") and flag.endswith("-format") for flag in flags):
        return tuple(base)
    source_text = entry.msgid + "\n" + entry.msgid_plural
    chosen = list(base)
    for name, content in (("printf", _PRINTF_CONTENT), ("brace", _BRACE_CONTENT)):
        if name not in chosen and content.search(source_text):
            chosen.append(name)
    return tuple(chosen)


def entry_grammar(entry: Entry) -> Grammar | None:
    """The format grammar an entry's flag names (`c-format`, `icu-message-format`…), if any."""
    return grammar_for(entry.flags)


@dataclass(frozen=True)
class _EntryFormat:
    """How one entry's strings are read: the template syntaxes, and the grammar of its format flag."""

    syntaxes: tuple[str, ...]
    grammar: Grammar | None


class CatalogDocuments:
    """Builds the FilePair of a catalog; keep one per run (it holds the Markdown parsers)."""

    def __init__(self, syntaxes: tuple[str, ...], source_locale: str = "en") -> None:
        self.syntaxes = tuple(syntaxes)
        self.source_locale = source_locale
        self._scanners: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._openers_of: dict[tuple[str, ...], tuple[str, ...]] = {}

    def pair(self, catalog: Catalog, options: dict[str, Any], check_fuzzy: bool = False) -> FilePair:
        source_blocks: list[Block] = []
        target_blocks: list[Block] = []
        nplurals = catalog.plural_forms.nplurals if catalog.plural_forms else 2
        numbers_by_forms: dict[int, tuple[tuple[int, ...], ...] | None] = {}
        for entry in catalog.entries:
            if not entry.translated or (entry.fuzzy and not check_fuzzy):
                continue
            form = _EntryFormat(entry_syntaxes(entry, self.syntaxes), entry_grammar(entry))
            msgids: dict[int, Analysis] = {}
            kind = "plural_form" if entry.is_plural else "paragraph"
            numbers = None
            if entry.is_plural:  # the header's expression runs for 0…1000: once per number of forms
                forms = len(entry.msgstr_fields)
                if forms not in numbers_by_forms:
                    numbers_by_forms[forms] = form_numbers(catalog.plural_forms, catalog.locale, forms)
                numbers = numbers_by_forms[forms]
            for index, field in enumerate(entry.msgstr_fields):
                if not entry.msgstrs[index].strip():
                    continue  # empty (LK602) or blank (LK608): nothing to compare
                target = self._analyse(catalog, field, entry.msgstrs[index], form)
                covered = numbers[index] if entry.is_plural and numbers is not None else None
                source_field, other_field = source_fields(entry, index, nplurals, covered)
                source = self._msgid(catalog, entry, source_field, form, msgids)
                other = self._msgid(catalog, entry, other_field, form, msgids) if other_field else None
                target = excused(target, source, other)
                if form.grammar is not None and form.grammar.flag == "icu-message-format":
                    target = self._select_cases(
                        catalog, field, entry.msgstrs[index], target, _value(entry, source_field)
                    )
                if entry.is_plural:
                    target = swallowed(target, source, other)
                placeholders = expected(source, target, other)
                if covered is not None and few(covered):
                    placeholders = numbers_may_be_words(placeholders, target, form.grammar)
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
        self, catalog: Catalog, entry: Entry, field: Field, form: _EntryFormat, cache: dict[int, Analysis]
    ) -> Analysis:
        """A msgid is analysed once per entry, however many plural forms translate it."""
        if id(field) not in cache:
            cache[id(field)] = self._analyse(catalog, field, _value(entry, field), form)
        return cache[id(field)]

    def _analyse(self, catalog: Catalog, field: Field, value: str, form: _EntryFormat) -> Analysis:
        """Placeholders, links and inlines of one string, positioned in the file."""
        _, offsets = field.decode(catalog.text)
        mapper = FilePositions(offsets, catalog.text, catalog.lines)
        found = self._placeholders(value, mapper, form)
        placeholders = tuple(
            Placeholder(p.syntax, p.raw, p.key, p.span, offsets[p.start], p.problem) for p in found
        )  # what `replace(p, start=...)` builds, without its field-by-field copying
        if form.grammar is None:
            placeholders = _numbered(placeholders)
        if not _MARKUP.search(value):
            text = " ".join(value.split())
            inlines = per_line((Inline("text", text, mapper.span(0, len(value))),), field, catalog) if text else ()
            return Analysis(placeholders, (), inlines, text)
        masked = mask(value, found)
        read = read_plain_links(masked.text, mapper, visible_text(value, masked)) or self._parsed(masked, mapper)
        text = " ".join(read.text.split()) or " ".join(value.split())
        inlines = per_line(read.inlines, field, catalog)
        return Analysis(placeholders, tuple(read.links), inlines, text)

    def _parsed(self, masked: MaskedText, mapper: FilePositions) -> InlineLocator:
        """A string's inlines and links as the Markdown parser reads it, positioned in the file."""
        locator = InlineLocator(masked.text, 0, len(masked.text), mapper, masked.unmask)  # type: ignore[arg-type]
        locator.run(self.markdown.inline(masked.text.strip(), {"ref_links": _references(masked.text)}))
        return locator

    def _select_cases(
        self, catalog: Catalog, field: Field, value: str, target: Analysis, source_value: str
    ) -> Analysis:
        """A select case keyword the msgid's select lacks is a broken directive of the translation."""
        unknown = unknown_select_cases(source_value, value)
        if not unknown:
            return target
        _, offsets = field.decode(catalog.text)
        mapper = FilePositions(offsets, catalog.text, catalog.lines)
        extra = tuple(
            Placeholder("icu", d.raw, d.key, mapper.span(d.start, d.end), offsets[d.start], d.problem) for d in unknown
        )
        placeholders = tuple(sorted(target.placeholders + extra, key=lambda placeholder: placeholder.start))
        return replace(target, placeholders=placeholders)

    def _placeholders(self, value: str, mapper: FilePositions, form: _EntryFormat) -> list[Placeholder]:
        """The template placeholders of the configured syntaxes and the directives of the entry's grammar.

        Where both claim the same characters the grammar wins: in a
        `python-brace-format` entry `{name}` is a field, not a brace placeholder.
        """
        found: list[Placeholder] = []
        if form.syntaxes and any(opener in value for opener in self._openers(form.syntaxes)):
            scanner = self._scanners.get(form.syntaxes)
            if scanner is None:
                scanner = self._scanners[form.syntaxes] = compile_scanner(form.syntaxes)
            found = find_placeholders(value, scanner, mapper)  # type: ignore[arg-type]
        if form.grammar is None:
            return found
        directives = [
            Placeholder(form.grammar.syntax, d.raw, d.key, mapper.span(d.start, d.end), d.start, d.problem)
            for d in form.grammar.scan(value)
        ]
        if not found:
            return sorted(directives, key=lambda placeholder: placeholder.start)
        claimed = bytearray(len(value) + 1)
        for directive in directives:
            claimed[directive.start : directive.start + len(directive.raw)] = b"\x01" * len(directive.raw)
        kept = [p for p in found if not any(claimed[p.start : p.start + len(p.raw)])]
        return sorted(kept + directives, key=lambda placeholder: placeholder.start)

    def _openers(self, syntaxes: tuple[str, ...]) -> tuple[str, ...]:
        openers = self._openers_of.get(syntaxes)
        if openers is None:
            found = {opener for name in syntaxes for opener in _OPENERS.get(name, _ANY_OPENER)}
            openers = self._openers_of[syntaxes] = tuple(sorted(found))
        return openers

    @cached_property
    def markdown(self) -> Any:
        """The parser, imported and built only when a string needs it (most catalogs hold plain strings)."""
        from lintkit.formats.markdown.blocks import create_markdown

        return create_markdown()


# `[text][label]`, `[label][]`: the page that shows the entry defines the label, never the entry itself.
_REFERENCE_LABEL = re.compile(r"\]\[([^\[\]\n]*)\]")


def _references(text: str) -> dict[str, dict[str, str]]:
    """The reference labels an entry uses, as defined links, so that a label is never read as prose."""
    found: dict[str, dict[str, str]] = {}
    for match in _REFERENCE_LABEL.finditer(text):
        label = match.group(1) or text[text.rfind("[", 0, match.start()) + 1 : match.start()]
        key = " ".join(label.split())
        if key:  # the Markdown parser looks labels up case-folded, in one case or the other
            found[key.lower()] = found[key.upper()] = {"url": "", "label": label}
    return found


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


def _value(entry: Entry, field: Field) -> str:
    return entry.msgid_plural if field is entry.plural_field else entry.msgid


def _block(
    index: int, kind: str, field: Field, analysis: Analysis, placeholders: tuple[Placeholder, ...], name: str = ""
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
