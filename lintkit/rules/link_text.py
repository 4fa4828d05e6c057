"""LK302: a link without text, which nobody can see or click."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.links.shared import LINK_SETTINGS, shown, source_blocks
from lintkit.model import FilePair, Finding, Severity
from lintkit.rules.base import Rule


class LinkTextEmpty(Rule):
    """
    What it finds:
        A link with no text (`[](https://…)`) where the source link has text.

    Why it matters:
        A link without text is invisible: nothing on the page can be read or
        clicked. Images inside links (`[![](pic.png)](…)`) are not empty.

    Example:
        Source: `Watch [the video](https://example.org/v).`
        Translation: `Regardez [](https://example.org/v).`
        Finding: `link to https://example.org/v has no text; the source's is "the video"`

    Options:
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK302"
    reads = LINK_SETTINGS
    name = "link-text-empty"
    summary = "A link has no text where the source's has."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        by_target = source_blocks(pair)
        for block in pair.target.blocks:
            source = by_target.get(block.index)
            if source is None:
                continue
            source_texts = [link.text for link in source.links if link.kind in ("inline", "reference") and link.text]
            for link in block.links:
                if link.kind not in ("inline", "reference") or link.text.strip() or not source_texts:
                    continue
                if "![" in link.raw or "<img" in link.raw.lower():
                    continue
                same = [s.text for s in source.links if s.destination == link.destination and s.text]
                source_text = (same or source_texts)[0]
                yield self.report(
                    pair,
                    link.span,
                    f'link to `{shown(link.destination)}` has no text; the source\'s is "{shown(source_text)}" '
                    f"(source line {source.span.line})",
                    source=source,
                )
