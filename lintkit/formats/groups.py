"""Split and merged paragraphs: the aligned pairs, with unpaired text blocks joined to the pair they belong to.

The aligner pairs blocks one to one; a translator who split a paragraph in two,
or merged two into one, leaves one of them unpaired. Grouping runs after the
alignment and joins such a block to its neighbour's pair when the joined
lengths agree better and what a translation keeps (code spans, placeholders,
links, digits) says it belongs there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lintkit.formats.align import front_matter_pair
from lintkit.formats.block_measures import sentence_count, text_length
from lintkit.formats.page_ratio import PRIOR_TEXT, length_evidence
from lintkit.formats.similarity import TEXT_KINDS, keys_within, stems
from lintkit.model import AlignedPair, Block

_JOINABLE_KINDS = frozenset({"paragraph", "quote"})  # table rows are never split or merged
SPLIT_RATIO_LIMIT = (0.55, 1.8)  # combined length / expected length, for a split or merge to count
LENGTH_DOUBT = 0.35  # how much worse the joined length may agree when the words or the lead-in say it belongs
SENTENCE_DOUBT = 0.25  # the same when only the sentence counts say so: a translation may cut a sentence in two


@dataclass(frozen=True)
class BlockGroup:
    """Source blocks and the target blocks that translate them together: 1:1, 1:2 (a split) or 2:1 (a merge)."""

    sources: tuple[Block, ...]
    targets: tuple[Block, ...]


def groups(alignment: Sequence[AlignedPair]) -> tuple[tuple[BlockGroup, ...], frozenset[int]]:
    """The aligned pairs, with unpaired text blocks joined to a nearby pair when together they translate it.

    A translator may split a long paragraph in two or merge two short ones
    (sometimes across a heading, when the outline was reworked); the aligner
    pairs one of them and leaves the other unpaired. An unpaired text block
    near an aligned pair joins it when its placeholders, links and digits
    belong to the other side's block and the joined length agrees better with
    what this translation's other blocks make of their source; the best such
    join is made first. Returns the groups and the ids of the joined blocks
    (neither missing nor extra).
    """
    body = [pair for pair in alignment if not front_matter_pair(pair)]
    totals = _aligned_lengths(alignment)
    members = {
        index: ([pair.source], [pair.target])
        for index, pair in enumerate(body)
        if pair.source is not None and pair.target is not None
    }
    unpaired = {index for index, pair in enumerate(body) if index not in members}
    outline_kept = _outline_kept(body)
    joined: set[int] = set()
    gains: dict[tuple[int, int], float | None] = {}  # a join's gain holds until its pair takes another block
    while True:
        best = None
        for index in unpaired - joined:
            for candidate in _near(index, len(body)):
                if candidate not in members:
                    continue
                if (index, candidate) not in gains:
                    gains[index, candidate] = _gain(body, index, candidate, members[candidate], totals, outline_kept)
                gain = gains[index, candidate]
                if gain is not None and (best is None or gain > best[0]):
                    best = (gain, index, candidate)
        if best is None:
            break
        _, index, candidate = best
        sources, targets = members[candidate]
        (sources if body[index].source is not None else targets).append(body[index].source or body[index].target)
        joined.add(index)
        gains = {key: gain for key, gain in gains.items() if key[1] != candidate}
    result = [
        BlockGroup(
            tuple(sorted(sources, key=lambda block: block.index)), tuple(sorted(targets, key=lambda block: block.index))
        )
        for sources, targets in (members[index] for index in sorted(members))
    ]
    return tuple(result), frozenset(id(body[index].source or body[index].target) for index in joined)


def _gain(
    body: list[AlignedPair],
    index: int,
    candidate: int,
    members: tuple[list[Block], list[Block]],
    totals: tuple[int, int],
    outline_kept: bool,
) -> float | None:
    """What joining the unpaired block at `index` to the pair at `candidate` gains; None where it may not join."""
    if _list_kept(body, index, members) or _pair_between(body, index, candidate, outline_kept):
        return None
    ratio = _ratio_without(totals, body[candidate].source, body[candidate].target)
    return _join_gain(body[index], *members, ratio, not _heading_between(body, index, candidate))


def _pair_between(body: list[AlignedPair], index: int, candidate: int, outline_kept: bool) -> bool:
    """Another pair stands between the block and the pair it would join: joining would cross it.

    Inside one section any pair of text bars the join; so does a heading when the outline was left as it was, for
    text does not move past it then. Where the outline was reworked, text may have moved with it."""
    between = [body[other] for other in _between(index, candidate)]
    paired = [pair for pair in between if pair.source is not None and pair.target is not None]
    if outline_kept and any(pair.source.kind == "heading" for pair in paired):
        return True
    return bool(paired) and not _heading_between(body, index, candidate)


def _outline_kept(body: list[AlignedPair]) -> bool:
    """Every heading of both files is paired with one of the same level: the translation kept the outline."""
    headings = [pair for pair in body if "heading" in (_kind(pair.source), _kind(pair.target))]
    return all(
        pair.source is not None and pair.target is not None and pair.source.level == pair.target.level
        for pair in headings
    )


def _kind(block: Block | None) -> str:
    return block.kind if block is not None else ""


def _heading_between(body: list[AlignedPair], index: int, candidate: int) -> bool:
    return any(
        block.kind == "heading"
        for other in _between(index, candidate)
        for block in (body[other].source, body[other].target)
        if block is not None
    )


def _between(index: int, candidate: int) -> range:
    return range(min(index, candidate) + 1, max(index, candidate))


def _list_kept(body: list[AlignedPair], index: int, members: tuple[list[Block], list[Block]]) -> bool:
    """A list item that would join a paragraph although its own list is kept as a list on the other side: the
    item was dropped (or added), not written into the paragraph."""
    block = body[index].source or body[index].target
    if block is None or block.kind != "list_item":
        return False
    if all(member.kind == "list_item" for side in members for member in side):
        return False
    own, other_side = members if body[index].source is not None else members[::-1]
    if _item_with_its_paragraphs(other_side, [block, *own]):
        return False  # the item joins the other side's item: its continuation paragraph is paired there
    return any(
        0 <= other < len(body)
        and body[other].source is not None
        and body[other].target is not None
        and body[other].source.kind == body[other].target.kind == "list_item"
        for other in (index - 1, index + 1)
    )


def _join_gain(
    other: AlignedPair, sources: list[Block], targets: list[Block], ratio: float, same_section: bool
) -> float | None:
    """How much better the lengths agree with `other`'s block joined to the group, or None if it must not join.

    Within a section, sentence counts that agree better joined also count: across a heading they are too weak
    to move text out of its section."""
    if other.source is None and other.target is not None:
        extra, own_side, other_side = other.target, targets, sources
        joined_sources, joined_targets = sources, [*targets, other.target]
    elif other.source is not None and other.target is None:
        extra, own_side, other_side = other.source, sources, targets
        joined_sources, joined_targets = [*sources, other.source], targets
    else:
        return None
    continued = same_section and _item_with_its_paragraphs(other_side, (extra, *own_side))
    if not (continued or _joinable(extra, own_side, other_side)) or not keys_within(extra, other_side):
        return None
    joined = _length(joined_targets) / max(_length(joined_sources), 1) / ratio
    apart = _length(targets) / max(_length(sources), 1) / ratio
    low, high = SPLIT_RATIO_LIMIT
    gain = abs(math.log(max(apart, 1e-6))) - abs(math.log(max(joined, 1e-6)))
    flattened = extra.kind == "list_item" and all(flattened_list(block) for block in other_side)
    if not low <= joined <= high and not (flattened and joined > high and gain > 0):
        return None  # a list written into one paragraph takes its items one by one, nearer the band each time
    if gain > 0:
        return gain
    # lengths are weak evidence next to words left as they were, a lead-in written the same way, the sentences,
    # or an item whose continuation one side writes inside it
    if gain <= -LENGTH_DOUBT:
        return None
    closer = (
        same_section
        and gain > -SENTENCE_DOUBT
        and _sentences_apart(joined_sources, joined_targets) < _sentences_apart(sources, targets)
    )
    return gain + 1.0 if closer or continued or _echoes(extra, own_side, other_side) else None


def _sentences_apart(sources: list[Block], targets: list[Block]) -> int:
    return abs(sum(map(sentence_count, targets)) - sum(map(sentence_count, sources)))


_INLINE_ITEM = re.compile(r"\S\s*[-*•]\s+\S")


def flattened_list(block: Block) -> bool:
    """A paragraph with list markers inside its lines: a list that was written into the paragraph."""
    return block.kind == "paragraph" and len(_INLINE_ITEM.findall(block.raw)) >= 1 and " - " in block.raw


def _echoes(extra: Block, own_side: list[Block], other_side: list[Block]) -> bool:
    """The other side's block starts like `extra` (a bold lead-in) and unlike its pair, or holds its words."""
    lead = _lead(extra)
    if lead and _lead(other_side[0]) == lead and _lead(own_side[0]) != lead:
        return True
    own = stems(extra.text)
    other = frozenset().union(*(stems(block.text) for block in other_side))
    return len(own) >= 2 and len(own & other) / len(own) >= 0.5


def _lead(block: Block) -> str:
    raw = block.raw.lstrip("-*+ 0123456789.)\t") if block.kind == "list_item" else block.raw.lstrip()
    return "**" if raw.startswith("**") else ""


def _joinable(extra: Block, own_side: list[Block], other_side: list[Block]) -> bool:
    """Paragraphs (or quotes) split or merged; or a paragraph and list items the other side wrote as one paragraph.

    Two list items are never one: a list item next to a longer one is a dropped item, not a merged one.
    """
    blocks = (extra, *own_side, *other_side)
    if extra.kind in _JOINABLE_KINDS and all(block.kind == extra.kind for block in blocks):
        return True
    return all(block.kind == "paragraph" for block in other_side) and all(
        block.kind in ("paragraph", "list_item") for block in (extra, *own_side)
    )


def _item_with_its_paragraphs(item_side: Sequence[Block], other: Sequence[Block]) -> bool:
    """One list item on one side; on the other, a list item and the indented paragraphs that follow it: the
    item's continuation, which one file writes as a paragraph of the item and the other as lines of its text."""
    first, *rest = sorted(other, key=lambda block: block.index)
    return (
        len(item_side) == 1
        and item_side[0].kind == first.kind == "list_item"
        and _line_count(item_side[0]) > _line_count(first)  # the item holds the continuation on lines of its own
        and bool(rest)
        and all(block.kind == "paragraph" and _indent(block) > _indent(first) for block in rest)
        and [block.index for block in rest] == list(range(first.index + 1, first.index + 1 + len(rest)))
    )


def _line_count(block: Block) -> int:
    return block.span.end_line - block.span.line + 1


def _indent(block: Block) -> int:
    """How far a block's first line is indented (a tab to the next multiple of four, as Markdown counts it)."""
    raw = block.raw.expandtabs(4)
    return len(raw) - len(raw.lstrip(" "))


def _length(blocks: list[Block]) -> int:
    return sum(text_length(block) for block in blocks)


JOIN_WINDOW = 4  # how far (in pairs) a split-off or merged block may stand from its pair: a heading may be between


def _near(index: int, count: int) -> list[int]:
    """Neighbouring positions, nearest first."""
    found = []
    for distance in range(1, JOIN_WINDOW + 1):
        found.extend(other for other in (index - distance, index + distance) if 0 <= other < count)
    return found


def _aligned_lengths(alignment: Sequence[AlignedPair]) -> tuple[int, int]:
    counted = [pair for pair in alignment if length_evidence(pair)]
    return sum(text_length(pair.source) for pair in counted), sum(text_length(pair.target) for pair in counted)


def _ratio_without(totals: tuple[int, int], source: Block, target: Block) -> float:
    """This translation's length ratio, from its other aligned paragraphs (a split or merge would skew its own)."""
    own_source, own_target = (text_length(source), text_length(target)) if source.kind in TEXT_KINDS else (0, 0)
    return (totals[1] - own_target + PRIOR_TEXT) / (totals[0] - own_source + PRIOR_TEXT)
