"""LK601–LK606: what only gettext catalogs have: fuzzy and untranslated entries, plural forms, the header."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule


def _catalog(pair: FilePair):
    return pair.target.catalog


def _quoted(entry) -> str:
    return f'msgid "{entry.shown()}"'


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
    name = "entry-fuzzy"
    summary = "A catalog entry is marked fuzzy and is not used until reviewed."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None:
            return
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
            message = f"{_quoted(entry)} is marked fuzzy: review the translation and remove the flag"
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
    name = "entry-untranslated"
    summary = "A catalog entry has no translation."
    severity = Severity.INFO

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None:
            return
        empty = [entry for entry in catalog.entries if not all(entry.msgstrs)]
        for number, entry in enumerate(empty, start=1):
            source = Span.point(entry.msgid_field.line)
            if not entry.translated:
                field = entry.msgstr_fields[0]
                what = f"{_quoted(entry)} is not translated"
            else:
                field = next(f for f, text in zip(entry.msgstr_fields, entry.msgstrs, strict=True) if not text)
                what = f"plural form msgstr[{field.index}] of {_quoted(entry)} is empty"
            yield self.report(
                pair, entry.field_span(field), f"{what} ({number} of {len(empty)} untranslated entries)", source=source
            )


class PluralFormCount(Rule):
    """
    What it finds:
        A plural entry whose number of `msgstr[n]` forms differs from
        `nplurals` in the header's `Plural-Forms`.

    Why it matters:
        `msgfmt` rejects the catalog, and a missing form shows the English
        text for those numbers; an extra form is never used and is usually
        pasted from another language's file.

    Example:
        Header `nplurals=2`, entry with `msgstr[0]`, `msgstr[1]`, `msgstr[2]`.
        Finding: `msgstr[2] is one form too many: Plural-Forms says nplurals=2`

    Options:
        None.
    """

    code = "LK603"
    name = "plural-form-count"
    summary = "A plural entry does not have exactly nplurals forms."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None or catalog.plural_forms is None:
            return
        nplurals = catalog.plural_forms.nplurals
        for entry in catalog.entries:
            if not entry.is_plural or len(entry.msgstr_fields) == nplurals:
                continue
            forms = entry.msgstr_fields
            source = Span.point(entry.plural_field.line)
            if len(forms) > nplurals:
                extra = forms[nplurals:]
                names = ", ".join(f"msgstr[{field.index}]" for field in extra)
                too_many = "one form too many" if len(extra) == 1 else f"{len(extra)} forms too many"
                message = f"{names} of {_quoted(entry)}: {too_many}, Plural-Forms says nplurals={nplurals}"
                span = entry.field_span(extra[0])
            else:
                message = (
                    f"{_quoted(entry)} has {len(forms)} plural forms but Plural-Forms says nplurals={nplurals}: "
                    f"add msgstr[{len(forms)}]"
                )
                span = entry.field_span(forms[-1])
            yield self.report(pair, span, message, source=source)


class HeaderLanguage(Rule):
    """
    What it finds:
        A catalog header without a `Language` field, with an empty one, or
        with one that disagrees with the file's locale (its folder or name,
        such as `fr/LC_MESSAGES/` or `fr.po`).

    Why it matters:
        Tools pick plural rules, fonts and spell checkers by `Language`; a
        catalog copied from another language keeps the old value.

    Example:
        `"Language: de\\n"` in `locale/fr/LC_MESSAGES/django.po`
        Finding: `the header says Language: de, but the file is for locale fr`

    Options:
        None.
    """

    code = "LK604"
    name = "header-language"
    summary = "The catalog header's Language is missing or disagrees with the file's locale."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None or catalog.header_entry is None:
            return
        language = catalog.header.get("Language")
        span = Span.point(catalog.header_line("Language"))
        if language is None:
            yield self.report(pair, span, "the header has no Language field" + _expected(catalog.locale))
        elif not language.strip():
            yield self.report(pair, span, "the header's Language field is empty" + _expected(catalog.locale))
        elif catalog.locale and _language(language) != _language(catalog.locale):
            yield self.report(
                pair, span, f"the header says Language: {language.strip()}, but the file is for locale {catalog.locale}"
            )


def _expected(locale: str) -> str:
    return f" (the file is for locale {locale})" if locale else ""


def _language(locale: str) -> str:
    return locale.strip().replace("-", "_").split("_")[0].lower()


class PluralFormsInvalid(Rule):
    """
    What it finds:
        A `Plural-Forms` header that does not parse (`nplurals=N;
        plural=EXPRESSION;` in C syntax), whose expression gives a form number
        outside `0…nplurals-1`, or that is missing while the catalog has
        plural entries.

    Why it matters:
        gettext picks the plural form with this expression; a broken one makes
        `msgfmt` fail or shows the wrong form for some numbers.

    Example:
        `"Plural-Forms: nplurals=2; plural=(n != 1;\\n"`
        Finding: `Plural-Forms does not parse: expected ) in the plural expression`

    Options:
        None.
    """

    code = "LK605"
    name = "plural-forms-invalid"
    summary = "The Plural-Forms header is missing or does not parse."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None:
            return
        span = Span.point(catalog.header_line("Plural-Forms"))
        if catalog.plural_forms_problem is not None:
            yield self.report(pair, span, f"Plural-Forms does not parse: {catalog.plural_forms_problem}")
        elif catalog.plural_forms is None and any(entry.is_plural for entry in catalog.entries):
            yield self.report(pair, span, "the header has no Plural-Forms, but the catalog has plural entries")


class EntryMissing(Rule):
    """
    What it finds:
        An entry of the `.pot` template that the translated catalog does not
        have (compared by msgctxt and msgid). Applies when a template is the
        catalog's source: `{path}.pot` where the source pattern points.

    Why it matters:
        The catalog was not updated (`msgmerge`) after the template changed:
        the new strings are shown in the source language.

    Example:
        `messages.pot` has `msgid "Sign in"`; `fr/messages.po` does not.
        Finding: `msgid "Sign in" of the template is missing (template line 14)`

    Options:
        None.
    """

    code = "LK606"
    name = "entry-missing"
    summary = "An entry of the .pot template is missing from the catalog."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = _catalog(pair)
        if catalog is None or catalog.template is None:
            return
        present = {entry.key: entry for entry in catalog.entries}
        following: dict[int, Span] = {}
        last_line = len(catalog.lines.starts) - (1 if catalog.text.endswith("\n") else 0)
        next_span = Span.point(max(last_line, 1))
        for index in range(len(catalog.template.entries) - 1, -1, -1):
            following[index] = next_span
            found = present.get(catalog.template.entries[index].key)
            if found is not None:
                next_span = Span.point(found.line)
        for index, entry in enumerate(catalog.template.entries):
            if entry.key in present:
                continue
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt is not None else ""
            line = entry.msgid_field.line
            yield Finding(
                path=pair.target.path,
                span=following[index],
                code=self.code,
                name=self.name,
                severity=self.severity,
                message=f"{_quoted(entry)}{context} of the template is missing (template line {line})",
                source_path=catalog.template.path,
                source_line=line,
            )
