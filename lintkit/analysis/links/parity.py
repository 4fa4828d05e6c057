"""Source destinations × target destinations: what was kept, lost, added, changed or mangled.

Destinations are compared per aligned block as multisets (order is free),
then across the file (a link moved to the next paragraph is still there).
What is left is paired: a target URL that is the source's one with spaces or
foreign punctuation is mangled; another URL in its place is changed; the rest
is lost or extra. Links that Markdown no longer parses (escaped, spaced) count
as kept when their destination is the source's: their own rule reports them.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from lintkit.analysis.links.anchors import anchors_of, source_anchors_of
from lintkit.analysis.links.destinations import LinkMap, comparable, has_template
from lintkit.analysis.links.recover import BrokenLink, broken_links, links_in_indented_code
from lintkit.analysis.links.urls import mangling, repaired
from lintkit.config import setting
from lintkit.model import Block, FilePair, Link

MIN_CHANGED_SIMILARITY = 0.5


@dataclass
class _Side:
    link: Link
    block: Block
    keys: set[str]
    parsed: bool = True


@dataclass
class _Group:
    source_block: Block | None
    target_block: Block | None
    sources: list[_Side] = field(default_factory=list)
    targets: list[_Side] = field(default_factory=list)


@dataclass
class Difference:
    """One source link and one target link that stand for each other but differ."""

    source: Link
    source_block: Block
    target: Link
    target_block: Block
    reason: str = ""


@dataclass
class LinkComparison:
    """The result for one file pair; rules read it through `pair.memo("links", compare_links)`."""

    lost: list[tuple[Link, Block, Block | None]] = field(default_factory=list)
    extra: list[tuple[Link, Block, Block | None]] = field(default_factory=list)
    changed: list[Difference] = field(default_factory=list)
    mangled: list[Difference] = field(default_factory=list)
    broken: dict[int, list[BrokenLink]] = field(default_factory=dict)


def compare_links(pair: FilePair) -> LinkComparison:
    link_map = LinkMap.of(setting(pair, "link-map"), pair.target.locale, pair.source.locale)
    result = LinkComparison()
    renamed = _renamed_anchors(pair)
    groups = []
    for aligned in pair.alignment:
        group = _group(pair, aligned.source, aligned.target, link_map, renamed, result)
        if group.sources or group.targets:
            groups.append(group)
    for group in groups:
        _match_exactly([group], [group])
    _match_exactly(groups, groups)
    for group in groups:
        _pair_leftovers(group, result)
    missing = _missing_placeholders(pair)
    result.extra = [extra for extra in result.extra if not _stands_for_placeholder(extra[0], missing)]
    return result


def _group(
    pair: FilePair,
    source: Block | None,
    target: Block | None,
    link_map: LinkMap,
    renamed: dict[str, str],
    result: LinkComparison,
) -> _Group:
    """The destinations of one aligned pair of blocks, with the target's unparsed links recovered."""
    group = _Group(source, target)
    if source is not None:
        group.sources = [
            _Side(link, source, link_map.source_keys(link.destination) | _reference_key(link)) for link in source.links
        ]
    if target is None:
        return group
    recovered = broken_links(pair.target, target) + links_in_indented_code(pair.target, target)
    result.broken[target.index] = recovered
    group.targets = [
        _Side(link, target, link_map.keys(_cleaned(link)) | _anchor_keys(link, renamed))
        for link in target.links
        if not any(_inside(link, broken) for broken in recovered)
    ]
    for broken in recovered:
        link = Link("broken", broken.text, broken.destination, broken.span, broken.raw)
        if broken.fault == "undefined-reference":
            keys = {_REFERENCE}  # stands for the source's reference link; LK303 reports it
        else:
            keys = link_map.keys(broken.destination) | link_map.keys(repaired(broken.destination))
        group.targets.append(_Side(link, target, keys, parsed=False))
    return group


_REFERENCE = "[reference]"


def _reference_key(link: Link) -> set[str]:
    return {_REFERENCE} if link.kind == "reference" else set()


def _renamed_anchors(pair: FilePair) -> dict[str, str]:
    """Target heading anchor → the source heading's anchor (`#comment-partager` → `#how-to-share`)."""
    source_anchors = pair.memo(
        "links-source-anchors", lambda pair: source_anchors_of(pair.source, setting(pair, "slug-style"))
    )
    source_names = {id(anchor.heading): name for name, anchor in source_anchors.items() if anchor.heading}
    translates = {id(target): source for source, target in pair.aligned()}
    renamed = {}
    for name, anchor in pair.memo(
        "links-target-anchors", lambda pair: anchors_of(pair.target, setting(pair, "slug-style"))
    ).items():
        source_heading = translates.get(id(anchor.heading)) if anchor.heading is not None else None
        if source_heading is not None and id(source_heading) in source_names:
            renamed[name] = source_names[id(source_heading)]
    return renamed


def _anchor_keys(link: Link, renamed: dict[str, str]) -> set[str]:
    """A link to a translated heading's own anchor stands for the source's link to that heading."""
    fragment = link.destination.strip()
    if fragment.startswith("#") and fragment[1:] in renamed:
        return {comparable("#" + renamed[fragment[1:]])}
    return set()


def _cleaned(link: Link) -> str:
    """An HTML attribute value whose closing quote was lost ends where the tag ends (LK304 reports it)."""
    if link.kind in ("html", "autolink") or (link.kind == "image" and not link.raw.startswith("!")):
        return re.split(r"[<>\"]", link.destination, maxsplit=1)[0]
    return link.destination


def _inside(link: Link, broken: BrokenLink) -> bool:
    """A URL that Markdown autolinked inside a broken link belongs to that broken link."""
    start = (link.span.line, link.span.column)
    first = (broken.span.line, broken.span.column)
    return link.kind == "autolink" and first <= start < (broken.span.end_line, broken.span.end_column)


def _match_exactly(source_groups: list[_Group], target_groups: list[_Group]) -> None:
    """Remove every source/target pair with the same destination from their groups.

    Each target link, in order, takes the first source link (in the groups' order) that shares a destination
    with it. The source links are found through an index of their destinations, each list read from its
    first link still free: a page of thousands of links that match nothing costs no search through them all.
    """
    by_key: dict[str, list[tuple[int, int, _Group, _Side]]] = {}
    for group_number, group in enumerate(source_groups):
        for side_number, side in enumerate(group.sources):
            for key in side.keys:
                by_key.setdefault(key, []).append((group_number, side_number, group, side))
    heads = dict.fromkeys(by_key, 0)
    taken: set[int] = set()
    for target_group in target_groups:
        for target in list(target_group.targets):
            best = None
            for key in target.keys:
                candidates = by_key.get(key)
                if candidates is None:
                    continue
                head = heads[key]
                while head < len(candidates) and id(candidates[head][3]) in taken:
                    head += 1
                heads[key] = head
                if head < len(candidates) and (best is None or candidates[head][:2] < best[:2]):
                    best = candidates[head]
            if best is not None:
                source_group, source = best[2], best[3]
                taken.add(id(source))
                source_group.sources.remove(source)
                target_group.targets.remove(target)


def _pair_leftovers(group: _Group, result: LinkComparison) -> None:
    targets = [side for side in group.targets if side.parsed]
    sources = list(group.sources)
    for target in list(targets):
        for source in sources:
            reason = mangling(source.link.destination, target.link.destination)
            if reason:
                result.mangled.append(Difference(source.link, source.block, target.link, target.block, reason))
                sources.remove(source)
                targets.remove(target)
                break
    while sources and targets:
        source, target, similarity = max(
            ((s, t, _similarity(s, t)) for s in sources for t in targets), key=lambda found: found[2]
        )
        if similarity < MIN_CHANGED_SIMILARITY and not (len(sources) == len(targets) == 1):
            break
        sources.remove(source)
        targets.remove(target)
        if not has_template(target.link.destination):  # placeholder rules (LK102–LK104) report those
            result.changed.append(Difference(source.link, source.block, target.link, target.block))
    broken_placeholder = group.target_block is not None and any(p.problem for p in group.target_block.placeholders)
    result.lost.extend(
        (side.link, side.block, group.target_block)
        for side in sources
        if not (broken_placeholder and has_template(side.link.destination))  # LK104 names the source's placeholder
    )
    result.extra.extend((side.link, side.block, group.source_block) for side in targets)


def _missing_placeholders(pair: FilePair) -> list[str]:
    """Source placeholders the target does not have, lowercased, such as `{{glossary("api")}}`."""
    missing = Counter(p.key for p in pair.source.placeholders)
    missing.subtract(p.key for p in pair.target.placeholders)
    return [p.raw.lower() for p in pair.source.placeholders if missing[p.key] > 0]


def _stands_for_placeholder(link: Link, missing: list[str]) -> bool:
    """An extra link that writes out a dropped macro (`{{glossary("API")}}` → `[API](/docs/Glossary/API)`);
    the placeholder rules report the macro, at this link."""
    if not missing:
        return False
    last_segment = link.destination.split("#")[0].rstrip("/").rsplit("/", 1)[-1].replace("_", " ").lower()
    names = {name for name in (link.text.strip().lower(), last_segment) if len(name) > 1}
    return any(name in raw for name in names for raw in missing)


def _similarity(source: _Side, target: _Side) -> float:
    """How alike two destinations are; the same page with another fragment (a translated anchor) comes first."""
    first = comparable(source.link.destination)
    page = first.split("#", 1)[0]

    def score(key: str) -> float:
        same_page = "#" in key and key.split("#", 1)[0] == page
        return difflib.SequenceMatcher(None, first, key).ratio() + (1.0 if same_page else 0.0)

    return max(score(key) for key in target.keys)
