"""LK301, LK303: links written so that Markdown no longer reads them."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.links.destinations import comparable
from lintkit.analysis.links.parity import repaired
from lintkit.analysis.links.recover import BrokenLink, broken_links, links_in_indented_code
from lintkit.analysis.links.shared import LINK_SETTINGS, comparison, shown, source_blocks
from lintkit.model import Block, FilePair, Finding, Severity
from lintkit.rules.base import Rule

_FAULTS = {
    "escaped": "has escaped brackets (`\\[…\\]`), so it shows as text",
    "spaced": "has a space between `]` and `(`, so it shows as text",
    "spaces": "has spaces in its destination, so it shows as text",
    "unclosed": "has no closing `)`, so it shows as text",
    "no-opening-bracket": "has no opening `[`, so it shows as text",
    "no-closing-bracket": "has no closing `]`, so it shows as text",
}


def _broken_in_target(pair: FilePair, faults: set[str]) -> Iterator[tuple[Block, Block, BrokenLink]]:
    """Broken links of the target whose source has the link (in the aligned block, or anywhere for an
    unaligned block) and not the same fault."""
    by_target = source_blocks(pair)
    by_destination = {}
    for block in pair.source.blocks:
        for link in block.links:
            by_destination.setdefault(comparable(link.destination), block)
    broken_by_block = comparison(pair).broken
    for block in pair.target.blocks:
        found = [broken for broken in broken_by_block.get(block.index, ()) if broken.fault in faults]
        if not found:
            continue
        source = by_target.get(block.index)
        in_source = set()
        if source is not None:
            in_source = {(broken.fault, broken.destination) for broken in broken_links(pair.source, source)}
        for broken in found:
            if broken.fault not in faults or (broken.fault, broken.destination) in in_source:
                continue
            compared = source if source is not None and source.links else None
            compared = compared or by_destination.get(comparable(repaired(broken.destination)))
            if compared is not None:
                yield block, compared, broken


class LinkSyntaxBroken(Rule):
    """
    What it finds:
        A link of the source that the translation wrote so that Markdown no
        longer reads it: escaped brackets (`\\[Twitter\\](…)`), a space in
        `[text] (url)`, spaces inside the URL, a missing `(`, `)` or `[`.

    Why it matters:
        The reader sees brackets and a raw URL instead of a link, and the
        link is gone. Translation tools make this mistake often and silently.

    Example:
        Source: `Post to [Twitter](https://twitter.com/codeclub).`
        Translation: `Publiez sur \\[Twitter\\](https://twitter.com/codeclub).`
        Finding: `link \\[Twitter\\](https://twitter.com/codeclub) has escaped brackets …`

    Options:
        None. Only blocks whose source block has a link are checked.
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK301"
    reads = LINK_SETTINGS
    name = "link-syntax-broken"
    summary = "A link is written so that Markdown shows it as text."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for _, source, broken in _broken_in_target(pair, set(_FAULTS)):
            message = f"link `{shown(broken.raw)}` {_FAULTS[broken.fault]} (source line {source.span.line})"
            yield self.report(pair, broken.span, message, source=source)
        yield from self._indented(pair)

    def _indented(self, pair: FilePair) -> Iterator[Finding]:
        """Prose indented by four spaces becomes a code block: one finding for all its links."""
        in_source = {comparable(link.destination) for link in pair.source.links}
        by_target = source_blocks(pair)
        for block in pair.target.blocks:
            source = by_target.get(block.index)
            if source is not None and source.kind == "code":
                continue  # the source shows this as code too
            found = links_in_indented_code(pair.target, block)
            known = [broken for broken in found if comparable(broken.destination) in in_source]
            if known:
                first = f"`{shown(known[0].destination)}`"
                if len(known) == 1:
                    what = f"a link of the source ({first}) no longer works"
                else:
                    what = f"{len(known)} links of the source ({first}, …) no longer work"
                yield self.report(pair, block.span, f"text indented by four spaces shows as a code block: {what}")


class LinkReferenceUndefined(Rule):
    """
    What it finds:
        A reference link `[text][label]` in the translation whose label has
        no definition (`[label]: https://…`) in the file.

    Why it matters:
        Without its definition the reference renders as bracketed text. The
        definition was usually dropped or its label translated.

    Example:
        Translation: `Lisez le [guide][guide-fr].` with only `[guide]: /guide` defined
        Finding: `reference link [guide][guide-fr] has no definition [guide-fr]: …`

    Options:
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK303"
    reads = LINK_SETTINGS
    name = "link-reference-undefined"
    summary = "A reference link has no definition."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for _, source, broken in _broken_in_target(pair, {"undefined-reference"}):
            message = (
                f"reference link `{shown(broken.raw)}` has no definition `[{broken.destination}]: …` "
                f"(source line {source.span.line})"
            )
            yield self.report(pair, broken.span, message, source=source)
