"""LK601, LK602, LK607, LK608: catalog entries that are fuzzy, untranslated, defined twice or blank."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule, catalog_of


class EntryFuzzy(Rule):
    """
    What it finds:
        An entry marked `#, fuzzy`: its translation was guessed by a tool or
        belongs to an older msgid, and waits for a translator's review.

    Why it matters:
        gettext does not use fuzzy translations: readers see the English text
        until someone checks the entry and removes the flag.

    Example:
        `#, fuzzy` above `msgid "Many thanks go to:"`
        Finding: `msgid "Many thanks go to:" is marked fuzzy: review the translation and remove the flag`

    Options:
        `check-fuzzy` (default false): also run the other checks (placeholders,
        links…) on fuzzy entries.
    """

    code = "LK601"
    formats = frozenset({"po"})
    name = "entry-fuzzy"
    summary = "A catalog entry is marked fuzzy and is not used until reviewed."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        for entry in catalog.entries:
            if not entry.fuzzy:
                continue
            span = Span.point(entry.msgid_field.line)
            for line in range(entry.line, entry.msgid_field.line):
                text = pair.target.line_text(line)
                if text.startswith("#,") and "fuzzy" in text:
                    column = text.index("fuzzy") + 1
                    span = Span(line, column, line, column + len("fuzzy"))
                    break
            message = f"{entry.quoted()} is marked fuzzy: review the translation and remove the flag"
            yield self.report(pair, span, message, source=Span.point(entry.msgid_field.line))


class EntryUntranslated(Rule):
    """
    What it finds:
        An entry whose msgstr (or one of whose `msgstr[n]` forms) is empty.
        The message counts the untranslated entries of the catalog.

    Why it matters:
        Readers see the source text there. Useful as a to-do list; reported as
        information, since catalogs are often shipped partly translated.

    Example:
        `msgstr ""` under `msgid "Development of the documentation…"`
        Finding: `msgid "Development of the documentation…" is not translated (1 of 1 untranslated entries)`

    Options:
        None.
    """

    code = "LK602"
    formats = frozenset({"po"})
    name = "entry-untranslated"
    summary = "A catalog entry has no translation."
    severity = Severity.INFO

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        empty = [entry for entry in catalog.entries if not all(entry.msgstrs)]
        for number, entry in enumerate(empty, start=1):
            source = Span.point(entry.msgid_field.line)
            if not entry.translated:
                field = entry.msgstr_fields[0]
                what = f"{entry.quoted()} is not translated"
            else:
                field = next(f for f, text in zip(entry.msgstr_fields, entry.msgstrs, strict=True) if not text)
                what = f"plural form msgstr[{field.index}] of {entry.quoted()} is empty"
            yield self.report(
                pair, entry.field_span(field), f"{what} ({number} of {len(empty)} untranslated entries)", source=source
            )


class EntryDuplicate(Rule):
    """
    What it finds:
        A msgid (with the same msgctxt) defined a second time in one catalog.

    Why it matters:
        `msgfmt` rejects the catalog ("duplicate message definition"); tools
        that accept it keep one of the two translations, not always the
        reviewed one. Merges of two branches of a catalog are the usual cause.

    Example:
        `msgid "Save"` at lines 10 and 42.
        Finding: `msgid "Save" is defined twice (first at line 10): keep one entry`

    Options:
        None.
    """

    code = "LK607"
    formats = frozenset({"po"})
    name = "entry-duplicate"
    summary = "A msgid is defined twice in one catalog."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        first_lines: dict[tuple[str | None, str], int] = {}
        for entry in catalog.entries:
            line = entry.msgid_field.line
            if entry.key not in first_lines:
                first_lines[entry.key] = line
                continue
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt is not None else ""
            first = first_lines[entry.key]
            message = f"{entry.quoted()}{context} is defined twice (first at line {first}): keep one entry"
            yield self.report(pair, entry.field_span(entry.msgid_field), message, source=Span.point(first))


class EntryBlank(Rule):
    """
    What it finds:
        A msgstr (or a `msgstr[n]` form) made only of spaces, tabs or line
        breaks, where the msgid has text.

    Why it matters:
        An empty msgstr falls back to the English text, but a blank one is a
        translation: gettext shows the reader nothing at all, a button without
        a label or a missing sentence. Editors that trim text on save, or a
        space typed by mistake, leave these behind.

    Example:
        `msgid "Save the file"` with `msgstr " "`
        Finding: `the translation of msgid "Save the file" is blank (only white space): translate it or leave it empty`

    Options:
        None.
    """

    code = "LK608"
    formats = frozenset({"po"})
    name = "entry-blank"
    summary = "A catalog translation is only white space."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        for entry in catalog.entries:
            if entry.fuzzy or not (entry.msgid + entry.msgid_plural).strip():
                continue
            for field, text in zip(entry.msgstr_fields, entry.msgstrs, strict=True):
                if text and not text.strip():
                    form = "the translation" if field.index is None else f"plural form msgstr[{field.index}]"
                    message = f"{form} of {entry.quoted()} is blank (only white space): translate it or leave it empty"
                    yield self.report(pair, entry.field_span(field), message, source=Span.point(entry.msgid_field.line))
