"""LK604: the catalog header's Language, compared with the file's locale."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule, catalog_of


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
    formats = frozenset({"po"})
    name = "header-language"
    summary = "The catalog header's Language is missing or disagrees with the file's locale."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        if catalog.header_entry is None:
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
