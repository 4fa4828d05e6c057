"""LK310–LK311: local files and fragments that links point at."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintkit.analysis.links.anchors import Anchor
from lintkit.analysis.links.destinations import comparable, is_local
from lintkit.analysis.links.shared import (
    LINK_SETTINGS,
    comparison,
    link_targets,
    shown,
    source_anchors,
    source_to_target,
    target_anchors,
)
from lintkit.analysis.links.targets import split_target
from lintkit.model import Block, FilePair, Finding, Link, Severity
from lintkit.rules.base import Rule
from lintkit.rules.headings import shown as shown_heading


def _local_links(pair: FilePair) -> Iterator[tuple[Link, str, str]]:
    """Target links to local paths, with their path and fragment parts."""
    for link in pair.target.links:
        if link.kind != "autolink" and is_local(link.destination):
            path, fragment = split_target(link.destination)
            yield link, path, fragment


def _names(anchors: dict | None) -> frozenset[str] | None:
    """Anchor names in lower case (a fragment's case does not matter), each also with its runs of hyphens
    collapsed; None when they are unknown."""
    if anchors is None:
        return None
    return frozenset(name.lower() for name in anchors) | frozenset(_loose(name) for name in anchors)


def _loose(name: str) -> str:
    """`exemple-guidé--voir-les-étapes-` → `exemple-guidé-voir-les-étapes`.

    French puts a (non-breaking) space before `:` and `!`; where a copy of the page
    lost the non-breaking space, the heading's slug gets doubled hyphens that the
    published page, with its non-breaking spaces, does not have.
    """
    return re.sub(r"-{2,}", "-", name.lower()).strip("-")


def _made_by(pair: FilePair, heading: Block) -> str | None:
    """The anchor that the translation of a source heading makes, if it is still a heading."""
    translated = source_to_target(pair).get(id(heading))
    if translated is None or translated.kind != "heading":
        return None
    made = pair.memo(
        "links-anchor-of-heading",
        lambda pair: {id(anchor.heading): name for name, anchor in target_anchors(pair).items() if anchor.heading},
    )
    return made.get(id(translated))


class LinkTargetMissing(Rule):
    """
    What it finds:
        A relative or root-relative link or image whose file does not exist,
        neither in the translation's tree nor in the source's.

    Why it matters:
        A translated page often links to `../images/…` copied from the source
        with a changed name or folder depth; the image or download is missing
        in that language only.

    Example:
        Translation: `![Carte](../img/carte.png)` where only `img/map.png` exists
        Finding: `file ../img/carte.png does not exist`

    Options:
        `site-root`: the folder that root-relative paths (`/files/x.pdf`) start
        from, relative to the configuration file; it may contain `{locale}`.
        Root-relative paths are not checked when it is unset.
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK310"
    reads = LINK_SETTINGS
    name = "link-target-missing"
    summary = "A local link or image points at a file that does not exist."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        targets = link_targets(pair)
        if targets is None:
            return
        source_destinations = {comparable(link.destination) for link in pair.source.links}
        replaced = {id(difference.target): difference.source for difference in comparison(pair).changed}
        for link, path, _ in _local_links(pair):
            if not path:
                continue
            found = targets.find(pair.target.path, path, pair.target.locale)
            if found is None:
                found = targets.find(pair.source.path, path, pair.source.locale)
            if found is not None:
                continue
            if comparable(link.destination) in source_destinations:
                continue  # the source links to the same missing file: not this translation's fault
            message = f"file `{shown(path, 80)}` does not exist"
            original = replaced.get(id(link))
            if original is not None:
                message += (
                    f"; the source links to `{shown(original.destination, 80)}` (source line {original.span.line})"
                )
            yield self.report(pair, link.span, message, source=original.span if original else None)


class LinkAnchorMissing(Rule):
    """
    What it finds:
        A link to a fragment (`#section`, `page.md#section`) that the linked
        document does not have: no heading with that slug (GitHub style), no
        `{#id}` and no `<a id>` or `<a name>`. When a translated heading changed
        the slug, the finding names the source heading.

    Why it matters:
        The link opens the top of the page instead of the section; a table of
        contents with translated headings breaks this way entry by entry.

    Example:
        Source: `See [the steps](#how-to-start).` and `## How to start`
        Translation: `Voir [les étapes](#how-to-start).` and `## Comment commencer`
        Finding: `anchor #how-to-start does not exist in this page: the source heading
        "## How to start" (source line 9) makes it; its translation makes #comment-commencer`

        A translated fragment (`#comment-commencer`) is fine when it resolves in
        the translated page, as many sites' guides ask; one that resolves in
        neither page is reported with the source heading it should reach and
        the anchor that heading's translation makes.

    Options:
        `slug-style`: the site generator's heading-anchor rules (`github`, the
        default, for GitHub, Docusaurus, Starlight and Hugo; `github-ascii`).
        Explicit `{#id}` and `<a id>` anchors count too. Fragments that the
        source cannot resolve either are left alone.
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
    """

    code = "LK311"
    reads = LINK_SETTINGS
    name = "link-anchor-missing"
    summary = "A link points at a fragment the linked document does not have."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        here = _names(target_anchors(pair))
        for link, path, fragment in _local_links(pair):
            if not fragment:
                continue
            if path:
                yield from self._other_document(pair, link, path, fragment)
                continue
            if fragment.lower() in here or _loose(fragment) in here:
                continue
            source_anchor = source_anchors(pair).get(fragment)
            message = f"anchor `#{fragment}` does not exist in this page"
            if source_anchor is None:
                # a translated fragment that resolves in neither page: name what the source links to
                source_anchor, source_fragment = self._linked_by_source(pair, link)
                if source_anchor is None:
                    continue  # the source's link is just as broken
                message = (
                    f"anchor `#{fragment}` resolves neither in this page nor in the source, "
                    f"which links to `#{source_fragment}`"
                )
            heading = source_anchor.heading
            if heading is not None:
                message += f': the source heading "{shown_heading(heading)}" (source line {heading.span.line}) makes it'
                made = _made_by(pair, heading)
                if made:
                    message += f"; its translation makes `#{made}`"
            yield self.report(pair, link.span, message, source=heading)

    @staticmethod
    def _linked_by_source(pair: FilePair, link: Link) -> tuple[Anchor | None, str]:
        """The source heading anchor that the source's counterpart of `link` points at, if it resolves."""
        for difference in comparison(pair).changed:
            if difference.target is link:
                _, source_fragment = split_target(difference.source.destination)
                if source_fragment and not split_target(difference.source.destination)[0]:
                    return source_anchors(pair).get(source_fragment), source_fragment
        return None, ""

    def _other_document(self, pair: FilePair, link: Link, path: str, fragment: str) -> Iterator[Finding]:
        targets = link_targets(pair)
        if targets is None:
            return
        found = targets.find(pair.target.path, path, pair.target.locale)
        if not isinstance(found, str):
            return
        names = _names(targets.anchors(found))
        if names is None or fragment.lower() in names or _loose(fragment) in names:
            return
        if comparable(link.destination) in {comparable(other.destination) for other in pair.source.links}:
            in_source = targets.find(pair.source.path, path, pair.source.locale)
            source_names = _names(targets.anchors(in_source)) if isinstance(in_source, str) else None
            if source_names is not None and fragment.lower() not in source_names:
                return  # the source's link is just as broken
        yield self.report(pair, link.span, f"anchor `#{fragment}` does not exist in `{found}`")
