"""LK207–LK208: front-matter keys and the values that must not be translated."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.yaml_values import same_value, short_value
from lintkit.config import setting
from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule


class FrontMatterKeyMissing(Rule):
    """
    What it finds:
        A front-matter key of the source that the translation does not have,
        including keys that were translated (`titre:` for `title:`) and front
        matter that was destroyed.

    Why it matters:
        The site generator reads these keys: without `title` the page has no
        title, without `layout` it renders with the wrong template.

    Example:
        Source: `title: Hour of Code for districts`
        Translation: `titre: L'Heure de code pour les districts`
        Finding: `front-matter key "title" is missing (source line 2)`

    Options:
        `optional-keys`: keys a translation may leave out, for sites whose
        translations inherit them from the source (MDN's `page-type`,
        `browser-compat`; Kubernetes' `reviewers`).
        `translatable-keys`: front-matter keys that get translated.
    """

    code = "LK207"
    reads = ("optional-keys", "translatable-keys")
    name = "front-matter-key-missing"
    summary = "A front-matter key of the source is missing."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if pair.target.front_matter.data == {} and any(p.code == "LK903" for p in pair.target.problems):
            return
        target_keys = set(pair.target.front_matter.key_lines) | set(pair.target.front_matter.data)
        target_keys |= set(setting(pair, "optional-keys"))
        front_matter_span = pair.target.front_matter.span
        span = Span.point(1) if front_matter_span is None else Span.point(front_matter_span.line)
        for key, line in pair.source.front_matter.key_lines.items():
            if key not in target_keys:
                yield self.report(
                    pair,
                    span,
                    f'front-matter key "{key}" is missing (source line {line})',
                    source=Span.point(line),
                )


class FrontMatterValueChanged(Rule):
    """
    What it finds:
        A front-matter value that differs from the source although its key is
        not translatable (anything but `title` and `description` by default).

    Why it matters:
        Slugs, layouts, weights and identifiers must match across languages or
        pages move, disappear from menus, or lose their template.

    Example:
        Source: `layout: wide`
        Translation: `layout: large`
        Finding: `front-matter value of "layout" is "large" but the source has "wide"`

    Options:
        `translatable-keys`: the keys whose values are translated
        (default `["title", "description"]`). `optional-keys`, which a
        translation may leave out, may also have a value of its own.
    """

    code = "LK208"
    reads = ("optional-keys", "translatable-keys")
    name = "front-matter-value-changed"
    summary = "A non-translatable front-matter value differs from the source."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        translatable = set(setting(pair, "translatable-keys"))
        translatable |= set(setting(pair, "optional-keys"))  # a key the page may leave out is its own
        target = pair.target.front_matter
        for key, value in pair.source.front_matter.data.items():
            if key in translatable or key not in target.data or same_value(target.data[key], value):
                continue
            line = target.key_lines.get(key, 1)
            source_line = pair.source.front_matter.key_lines.get(key, 1)
            yield self.report(
                pair,
                Span(line, 1, line, len(pair.target.line_text(line)) + 1),
                f'front-matter value of "{key}" is {short_value(target.data[key])} but the source has '
                f"{short_value(value)} (source line {source_line})",
                source=Span.point(source_line),
            )
