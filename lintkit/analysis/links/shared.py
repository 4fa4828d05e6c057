"""Small lookups the LK3xx rules share, each computed once per file pair."""

from __future__ import annotations

from lintkit.analysis.links.anchors import Anchor, anchors_of, source_anchors_of
from lintkit.analysis.links.parity import LinkComparison, compare_links
from lintkit.analysis.links.targets import KnownFiles, LinkTargets
from lintkit.config import setting
from lintkit.model import Block, FilePair

# What the link comparison reads (rules that use it declare these in `reads`).
LINK_SETTINGS = ("link-map", "link-targets", "site-root", "slug-style")


def comparison(pair: FilePair) -> LinkComparison:
    return pair.memo("links", compare_links)


def source_blocks(pair: FilePair) -> dict[int, Block]:
    """Target block index → the source block it translates."""

    def build(pair: FilePair) -> dict[int, Block]:
        return {target.index: source for source, target in pair.aligned()}

    return pair.memo("links-source-blocks", build)


def source_to_target(pair: FilePair) -> dict[int, Block]:
    """Source block identity → the target block that translates it."""
    return pair.memo("links-target-blocks", lambda pair: {id(source): target for source, target in pair.aligned()})


def target_anchors(pair: FilePair) -> dict[str, Anchor]:
    return pair.memo("links-target-anchors", lambda pair: anchors_of(pair.target, setting(pair, "slug-style")))


def source_anchors(pair: FilePair) -> dict[str, Anchor]:
    return pair.memo("links-source-anchors", lambda pair: source_anchors_of(pair.source, setting(pair, "slug-style")))


def link_targets(pair: FilePair) -> LinkTargets | None:
    """The engine's file resolver, or a list of known files (fixtures); None when local files are not checked."""
    value = setting(pair, "link-targets")
    if isinstance(value, list | tuple):
        return KnownFiles(value, setting(pair, "site-root") or None)
    return value


def shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
