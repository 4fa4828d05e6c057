"""LK603, LK605: plural forms of a catalog: the Plural-Forms header and the forms of each entry."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule, catalog_of


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
    formats = frozenset({"po"})
    name = "plural-form-count"
    summary = "A plural entry does not have exactly nplurals forms."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        if catalog.plural_forms is None:
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
                message = f"{names} of {entry.quoted()}: {too_many}, Plural-Forms says nplurals={nplurals}"
                span = entry.field_span(extra[0])
            else:
                message = (
                    f"{entry.quoted()} has {len(forms)} plural forms but Plural-Forms says nplurals={nplurals}: "
                    f"add msgstr[{len(forms)}]"
                )
                span = entry.field_span(forms[-1])
            yield self.report(pair, span, message, source=source)


class PluralFormsInvalid(Rule):
    """
    What it finds:
        A `Plural-Forms` header that does not parse (`nplurals=N;
        plural=EXPRESSION;` in C syntax), whose expression gives a form number
        outside `0…nplurals-1`, or that is missing while the catalog has
        plural entries.

    Why it matters:
        gettext picks the plural form with this expression; a broken one makes
        `msgfmt` fail or shows the wrong form for some numbers. Without a
        usable header, lintkit reads the forms by CLDR's plural rules for the
        catalog's language.

    Example:
        `"Plural-Forms: nplurals=2; plural=(n != 1;\\n"`
        Finding: `Plural-Forms does not parse: expected ) in the plural expression`

    Options:
        None.
    """

    code = "LK605"
    formats = frozenset({"po"})
    name = "plural-forms-invalid"
    summary = "The Plural-Forms header is missing or does not parse."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        span = Span.point(catalog.header_line("Plural-Forms"))
        if catalog.plural_forms_problem is not None:
            yield self.report(pair, span, f"Plural-Forms does not parse: {catalog.plural_forms_problem}")
        elif catalog.plural_forms is None and any(entry.is_plural for entry in catalog.entries):
            yield self.report(pair, span, "the header has no Plural-Forms, but the catalog has plural entries")
