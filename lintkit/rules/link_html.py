"""LK304: raw HTML `<a>` and `<img>` tags that a browser cannot read as meant."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.links.html_tags import tag_problems
from lintkit.analysis.links.shared import LINK_SETTINGS, source_blocks
from lintkit.analysis.per_source import of_source
from lintkit.model import Document, FilePair, Finding, Severity
from lintkit.rules.base import Rule


class HtmlLinkMalformed(Rule):
    """
    What it finds:
        A raw HTML `<a>` or `<img>` tag that a browser cannot read as meant:
        `< a href=…>`, a tag without its closing `>`, a URL whose closing
        quote is lost, an unquoted URL broken by a space, or `</>` and `</ a>`
        for `</a>`.

    Why it matters:
        The tag shows as text, swallows the sentence after it, or links to a
        URL that runs into the page's words.

    Example:
        Source: `Wear <a href="https://store.example.org/">our shirts</a>.`
        Translation: `Tragen Sie <a href="https://store.example.org/> unsere Shirts </>.`
        Finding: `<a> tag: the href value is not closed with " before the tag ends`

    Options:
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK304"
    reads = LINK_SETTINGS
    name = "html-link-malformed"
    summary = "A raw HTML link or image tag is malformed."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        by_target = source_blocks(pair)
        source_problems = of_source(pair.source, "html-tag-problems", _problems_of)
        for block in pair.target.blocks:
            source = by_target.get(block.index)
            for problem in tag_problems(pair.target, block):
                if problem.problem in source_problems:
                    continue
                where = f" (source line {source.span.line})" if source is not None else ""
                yield self.report(pair, problem.span, f"<{problem.tag}> tag: {problem.problem}{where}", source=source)


def _problems_of(source: Document) -> frozenset[str]:
    """The tag problems the source has itself: a translation that keeps one is not reported for it."""
    return frozenset(problem.problem for block in source.blocks for problem in tag_problems(source, block))
