"""LK308, LK309: web addresses that a translation broke: a bare domain, a damaged URL."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.links.destinations import comparable, looks_like_domain
from lintkit.analysis.links.shared import LINK_SETTINGS, comparison, shown
from lintkit.model import FilePair, Finding, Severity
from lintkit.rules.base import Rule


class LinkBareDomain(Rule):
    """
    What it finds:
        A destination that is a web address without its scheme:
        `google.com`, `www.example.org/page`.

    Why it matters:
        Browsers read it as a path of the current site
        (`https://site/fr/google.com`), so the link is dead.

    Example:
        Translation: `Suivez-nous sur [Twitter](twitter.com/codeclub).`
        Finding: `destination twitter.com/codeclub has no https://, so browsers treat it as a page of this site`

    Options:
        None. Bare domains that the source itself has are left alone.
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK308"
    reads = LINK_SETTINGS
    name = "link-bare-domain"
    summary = "A destination is a domain without https://."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        in_source = {comparable(link.destination) for link in pair.source.links}
        replaced = {id(difference.target): difference.source for difference in comparison(pair).changed}
        for link in pair.target.links:
            if link.kind == "autolink" or not looks_like_domain(link.destination):
                continue
            if comparable(link.destination) in in_source:
                continue
            message = (
                f"destination `{shown(link.destination, 80)}` has no `https://`, "
                "so browsers treat it as a page of this site"
            )
            original = replaced.get(id(link))
            if original is not None:
                message += f"; the source has `{shown(original.destination, 80)}` (source line {original.span.line})"
            yield self.report(pair, link.span, message, source=original.span if original else None)


class UrlMangled(Rule):
    """
    What it finds:
        A URL that is the source's one damaged by translation: spaces put in
        (`http://forum. example. org/`), non-ASCII punctuation (`watch؟v=`,
        full-width `。`), a broken scheme (`https: //`) or an altered host.

    Why it matters:
        The URL looks right at a glance but leads nowhere. The finding shows
        the source's URL, so the fix is a copy and paste.

    Example:
        Source: `[the video](https://www.youtube.com/watch?v=abc)`
        Translation: `[الفيديو](https://www.youtube.com/watch؟v=abc)`
        Finding: `URL https://www.youtube.com/watch؟v=abc has the non-ASCII punctuation ؟; the source has …`

    Options:
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK309"
    reads = LINK_SETTINGS
    name = "url-mangled"
    summary = "A URL was damaged by translation (spaces, foreign punctuation, scheme or host)."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for difference in comparison(pair).mangled:
            yield self.report(
                pair,
                difference.target.span,
                f"URL `{shown(difference.target.destination, 80)}` {difference.reason}; the source has "
                f"`{shown(difference.source.destination, 80)}` (source line {difference.source.span.line})",
                source=difference.source.span,
            )
