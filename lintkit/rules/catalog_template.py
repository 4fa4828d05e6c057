"""LK606: entries of the .pot template that the translated catalog lacks."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule, catalog_of


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
    formats = frozenset({"po"})
    name = "entry-missing"
    summary = "An entry of the .pot template is missing from the catalog."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        catalog = catalog_of(pair)
        if catalog.template is None:
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
                message=f"{entry.quoted()}{context} of the template is missing (template line {line})",
                source_path=catalog.template.path,
                source_line=line,
            )
