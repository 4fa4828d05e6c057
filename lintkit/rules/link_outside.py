"""LK312: a local link that leads out of the project, where nothing is checked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lintkit.analysis.links.destinations import comparable, is_local
from lintkit.analysis.links.shared import LINK_SETTINGS, link_targets, shown
from lintkit.analysis.links.targets import split_target
from lintkit.model import FilePair, Finding, Link, Severity
from lintkit.rules.base import Rule


class LinkOutsideProject(Rule):
    """
    What it finds:
        A relative link or image of the translation whose file would lie
        outside the project folder (and outside `site-root`), for example one
        `../` too many, or a path through a symbolic link that leaves the
        project. Links the source has as they are are left alone.

    Why it matters:
        lintkit never opens or tests files outside the project, so such a link
        is not checked at all; on the built site it usually points above the
        site's root and is broken. A translation often gains a `../` when a
        page moves one folder deeper in its language.

    Example:
        Source: `![Map](../img/map.png)`
        Translation: `![Carte](../../img/map.png)`
        Finding: `` `../../img/map.png` leads outside the project, where links are not checked; the source
        has `../img/map.png` ``

    Options:
        `site-root`: a second folder that links may reach (root-relative
        paths start there).
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
    """

    code = "LK312"
    reads = LINK_SETTINGS
    name = "link-outside-project"
    summary = "A local link leads outside the project, so it cannot be checked."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        targets = link_targets(pair)
        if targets is None:
            return
        source_destinations = {comparable(link.destination) for link in pair.source.links}
        for block in pair.target.blocks:
            for link in block.links:
                if link.kind == "autolink" or not is_local(link.destination):
                    continue
                path, _ = split_target(link.destination)
                if not path or comparable(link.destination) in source_destinations:
                    continue  # the source links there too: not this translation's doing
                if not targets.outside(pair.target.path, path, pair.target.locale):
                    continue
                message = f"`{shown(path, 80)}` leads outside the project, where links are not checked"
                source_block = pair.source_block_for(block)
                original = _same_file_name(source_block.links if source_block else (), path)
                if original is not None:
                    message += f"; the source has `{shown(original.destination, 80)}`"
                yield self.report(pair, link.span, message, source=original.span if original else None)


def _same_file_name(links: Iterable[Link], path: str) -> Link | None:
    """The source link to a file of the same name, which the translation most likely meant."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return next((link for link in links if split_target(link.destination)[0].rsplit("/", 1)[-1] == name), None)
