"""A split paragraph's half paired with a neighbouring source paragraph: the alignment shifted by one.

The aligner pairs blocks one to one. When a translator splits a paragraph in
two, a half can be about as long as a neighbouring source paragraph's
translation, and the place of each block on the page then prefers pairing it
there: the pairs beside it move one block over, and the translation of that
neighbour is left unpaired, reported as extra, while the split is reported as
nothing. Where the two halves together translate their source paragraph far
better by length than one half alone does, the sentences agree at least as
well, and the block left unpaired translates the neighbour, the pairs are put
back: the half is left unpaired (`groups` joins it to the other half) and the
unpaired block takes the neighbour. Two source paragraphs merged into one are
the same shift seen from the other side.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from lintkit.formats.block_measures import sentence_count, text_length
from lintkit.formats.similarity import keys_within
from lintkit.model import AlignedPair, Block

SHIFT_GAIN = 0.3  # how much closer (in log length ratio, both groups together) the unshifted pairs must be

Group = tuple[Sequence[Block], Sequence[Block]]  # source blocks, target blocks


def unshift_splits(pairs: list[AlignedPair], ratio: float) -> list[AlignedPair]:
    """The pairs, with each shift left by a split (or a merge) put back."""
    pairs = list(pairs)
    for index in range(len(pairs) - 2):
        window = pairs[index : index + 3]
        unshifted = _forward(*window, ratio) or _backward(*window, ratio)
        if unshifted is not None:
            pairs[index : index + 3] = unshifted
    return pairs


def _forward(first: AlignedPair, second: AlignedPair, gap: AlignedPair, ratio: float) -> list[AlignedPair] | None:
    """Two pairs and an unpaired block after them: the second pair's block is the second half of the first's."""
    if not (_paired(first) and _paired(second)):
        return None
    (s1, t1), (s2, t2) = (first.source, first.target), (second.source, second.target)
    if gap.source is None and gap.target is not None:
        u = gap.target
        if _better(((s1,), (t1,)), ((s2,), (t2,)), ((s1,), (t1, t2)), ((s2,), (u,)), ratio, (t1, t2, u), t2, s1):
            return [first, AlignedPair(None, t2), AlignedPair(s2, u)]
    if gap.target is None and gap.source is not None:
        u = gap.source
        if _better(((s1,), (t1,)), ((s2,), (t2,)), ((s1, s2), (t1,)), ((u,), (t2,)), ratio, (s1, s2, u), s2, t1):
            return [first, AlignedPair(s2, None), AlignedPair(u, t2)]
    return None


def _backward(gap: AlignedPair, first: AlignedPair, second: AlignedPair, ratio: float) -> list[AlignedPair] | None:
    """An unpaired block and two pairs after it: the first pair's block is the first half of the second's."""
    if not (_paired(first) and _paired(second)):
        return None
    (s1, t1), (s2, t2) = (first.source, first.target), (second.source, second.target)
    if gap.source is None and gap.target is not None:
        u = gap.target
        if _better(((s1,), (t1,)), ((s2,), (t2,)), ((s1,), (u,)), ((s2,), (t1, t2)), ratio, (u, t1, t2), t1, s2):
            return [AlignedPair(s1, u), AlignedPair(None, t1), second]
    if gap.target is None and gap.source is not None:
        u = gap.source
        if _better(((s1,), (t1,)), ((s2,), (t2,)), ((u,), (t1,)), ((s1, s2), (t2,)), ratio, (u, s1, s2), s1, t2):
            return [AlignedPair(u, t1), AlignedPair(s1, None), second]
    return None


def _paired(pair: AlignedPair) -> bool:
    return pair.source is not None and pair.target is not None


def _better(
    now_a: Group,
    now_b: Group,
    new_a: Group,
    new_b: Group,
    ratio: float,
    side_by_side: tuple[Block, Block, Block],
    moved: Block,
    into: Block,
) -> bool:
    """Whether the two groups after the change (one of them a split or merge) translate each other far better by
    length than the two pairs before it, and no worse by sentences; the three blocks of one side that change
    partners stand side by side, every block is a paragraph, and what a translation keeps of the half that
    moves (`moved`) stands in the block it now belongs to (`into`)."""
    blocks = {*now_a[0], *now_a[1], *now_b[0], *now_b[1], *new_a[0], *new_a[1], *new_b[0], *new_b[1]}
    if any(block.kind != "paragraph" for block in blocks):
        return False
    first = side_by_side[0].index
    if [block.index for block in side_by_side] != [first, first + 1, first + 2]:
        return False
    if _off(new_a, ratio) + _off(new_b, ratio) > _off(now_a, ratio) + _off(now_b, ratio) - SHIFT_GAIN:
        return False
    if _sentences_apart(new_a) + _sentences_apart(new_b) > _sentences_apart(now_a) + _sentences_apart(now_b):
        return False
    return keys_within(moved, (into,))


def _off(group: Group, ratio: float) -> float:
    """How far a group's target length is from what this translation makes of its source (0: as expected)."""
    sources, targets = group
    source_length = sum(text_length(block) for block in sources)
    target_length = sum(text_length(block) for block in targets)
    return abs(math.log(max(target_length, 1) / max(source_length, 1) / ratio))


def _sentences_apart(group: Group) -> int:
    sources, targets = group
    return abs(sum(map(sentence_count, targets)) - sum(map(sentence_count, sources)))
