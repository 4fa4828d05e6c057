"""Slides: which of two neighbouring blocks is the unpaired one, settled by content.

The global alignment weighs each block's place on the page, which cannot tell
apart two neighbours when one of them was dropped or added. A slide moves a
pair's partner to an unpaired block beside it when that block shares more with
it (inside a section, by content alone; across a heading, following a paired
heading counts too), keeping both files in order.
"""

from __future__ import annotations

from lintkit.formats.similarity import content_score
from lintkit.model import AlignedPair, Block

CONTEXT_BONUS = 0.06  # across a heading: for two blocks that follow headings paired with each other
SLIDE_MARGIN = 0.01  # how much better an unpaired neighbour must fit a pair's block to take its place


def slide_once(pairs: list[AlignedPair], ratio: float) -> bool:
    """Move one pair's partner to a better unpaired block of the run of gaps beside it; True if one moved.

    Between neighbours of one section, content alone decides: that a block follows the section's heading says
    nothing about which of two neighbours was dropped. Across a heading, following a paired heading counts.
    """
    context = _Context(pairs)
    for index, pair in enumerate(pairs):
        if pair.source is None or pair.target is None or not _beside_gap(pairs, index):
            continue
        plain = content_score(pair.source, pair.target, ratio)
        placed = plain + context.bonus(pair.source, pair.target)
        for step in (-1, 1):
            best, best_gain = None, SLIDE_MARGIN
            other = index + step
            crossed_heading = False
            while 0 <= other < len(pairs) and (pairs[other].source is None) != (pairs[other].target is None):
                gap = pairs[other]
                source, target = (gap.source, pair.target) if gap.target is None else (pair.source, gap.target)
                content = content_score(source, target, ratio)
                # across a heading, what follows a paired heading counts; inside a section, content alone
                gain = content + context.bonus(source, target) - placed if crossed_heading else content - plain
                if gain > best_gain:
                    best, best_gain = other, gain
                crossed_heading = crossed_heading or (gap.source or gap.target).kind == "heading"
                other += step
            if best is not None:
                _move_partner(pairs, index, best)
                return True
    return False


def _beside_gap(pairs: list[AlignedPair], index: int) -> bool:
    """Whether a block of one side only stands next to `index`: only such a pair can slide, so only its
    content is scored."""
    return any(
        0 <= other < len(pairs) and (pairs[other].source is None) != (pairs[other].target is None)
        for other in (index - 1, index + 1)
    )


def _move_partner(pairs: list[AlignedPair], index: int, best: int) -> None:
    """Pair the block at `index` with the unpaired block at `best` instead, and leave its old partner unpaired.

    Gaps of the other side between the two keep their order in their file: they pass to the far side of the
    new pair, so both files' blocks stay in order.
    """
    pair, gap = pairs[index], pairs[best]
    moved_side = "source" if gap.target is None else "target"
    low, high = min(index, best), max(index, best)
    between = pairs[low + 1 : high]
    same = [aligned for aligned in between if (aligned.target is None) == (moved_side == "source")]
    crossing = [aligned for aligned in between if (aligned.target is None) != (moved_side == "source")]
    if moved_side == "source":
        left, joined = AlignedPair(pair.source, None), AlignedPair(gap.source, pair.target)
    else:
        left, joined = AlignedPair(None, pair.target), AlignedPair(pair.source, gap.target)
    if best > index:
        pairs[low : high + 1] = [left, *same, joined, *crossing]
    else:
        pairs[low : high + 1] = [*crossing, joined, *same, left]


class _Context:
    """Which block precedes which, and what is paired with what: a section's text follows its heading in both files."""

    def __init__(self, pairs: list[AlignedPair]) -> None:
        self.previous: dict[int, Block | None] = {}
        self.partner: dict[int, Block] = {}
        last: dict[str, Block | None] = {"source": None, "target": None}
        for pair in pairs:
            for side, block in (("source", pair.source), ("target", pair.target)):
                if block is not None:
                    self.previous[id(block)] = last[side]
                    last[side] = block
            if pair.source is not None and pair.target is not None:
                self.partner[id(pair.source)] = pair.target

    def bonus(self, source: Block, target: Block) -> float:
        """CONTEXT_BONUS when both blocks follow headings paired with each other."""
        before_source, before_target = self.previous.get(id(source)), self.previous.get(id(target))
        if (
            before_source is not None
            and before_target is not None
            and before_source.kind == before_target.kind == "heading"
            and self.partner.get(id(before_source)) is before_target
        ):
            return CONTEXT_BONUS
        return 0.0
