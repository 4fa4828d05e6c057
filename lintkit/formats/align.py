"""Source blocks × target blocks → aligned pairs.

A weighted global alignment (Needleman–Wunsch with free gaps) over the body
blocks, scored on what a translation keeps (`formats/similarity.py`): block
kind, heading level and step number, placeholders, link destinations, numbers,
code, and rough length. Passes by content then settle each section and each
gap. A merged paragraph, a dropped section or an added note leaves the rest
aligned, so rules report the one real difference instead of a cascade.
Front-matter fields are paired by key. `formats/groups.py` then joins an
unpaired paragraph to its neighbour's pair when the translator split one
paragraph in two or merged two (1:2 and 2:1), so that content rules see
neither as missing nor extra.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence

from lintkit.formats.gap_slides import slide_once
from lintkit.formats.page_ratio import text_ratio
from lintkit.formats.shifted_splits import unshift_splits
from lintkit.formats.similarity import (
    MIN_SIMILARITY,
    TEXT_KINDS,
    base_similarities,
    content_score,
    content_scores,
    forget_blocks,
    known,
)
from lintkit.model import AlignedPair, Block

RESCUE_MIN = 0.8  # content score at which two unpaired neighbours are taken as translations of each other
BAND_SHARE = 0.35  # cells further than this share of the document from the diagonal are not scored
MIN_BAND = 25
MAX_CELLS = 250_000  # beyond this, long runs of identical block signatures anchor the alignment first
# `<!-- lintkit-disable … -->` comments are for lintkit, not readers: adding one must not move the alignment
_LINTKIT_COMMENTS = re.compile(r"(?:\s*<!--\s*lintkit-.*?-->)+\s*", re.DOTALL)


def align(source: Sequence[Block], target: Sequence[Block]) -> tuple[AlignedPair, ...]:
    source_fields = [block for block in source if block.kind == "front_matter_field"]
    target_fields = [block for block in target if block.kind == "front_matter_field"]
    pairs = list(_align_fields(source_fields, target_fields))
    body_source = [block for block in source if block.kind != "front_matter_field" and not _lintkit_comment(block)]
    body_target = [block for block in target if block.kind != "front_matter_field" and not _lintkit_comment(block)]
    try:
        pairs.extend(_slide_gaps(_align_body(body_source, body_target), fields=pairs))
    finally:
        forget_blocks(keep=source)
    return tuple(pairs)


def _lintkit_comment(block: Block) -> bool:
    return block.kind == "html" and _LINTKIT_COMMENTS.fullmatch(block.raw) is not None


def _align_fields(source: list[Block], target: list[Block]) -> list[AlignedPair]:
    by_key = {block.info: block for block in target}
    pairs = [AlignedPair(block, by_key.pop(block.info, None)) for block in source]
    pairs.extend(AlignedPair(None, block) for block in target if block.info in by_key)
    return pairs


def _align_body(source: list[Block], target: list[Block]) -> list[AlignedPair]:
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [AlignedPair(block, None) for block in source] + [AlignedPair(None, block) for block in target]
    if n * m > MAX_CELLS:
        return _align_anchored(source, target)
    features_target = [known(block) for block in target]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = _moves(n, m)
    band = max(MIN_BAND, BAND_SHARE * max(n, m))
    positions = [j / m for j in range(m + 1)]
    for i in range(1, n + 1):
        first, last = _band(i * m / n, band, m)
        shared = base_similarities(known(source[i - 1]), features_target[first - 1 : last])
        source_position = i / n
        above, row, moves = score[i - 1], score[i], move[i]
        left = _gaps_only(above, row, moves, 1, first)
        for j, similarity in zip(range(first, last + 1), shared, strict=True):
            best, best_move = above[j], _UP
            if left > best:
                best, best_move = left, _LEFT
            if similarity is not None:
                similarity -= 0.5 * abs(source_position - positions[j])
                if similarity >= MIN_SIMILARITY and above[j - 1] + similarity >= best:
                    best, best_move = above[j - 1] + similarity, _DIAGONAL
            row[j] = left = best
            moves[j] = best_move
        _gaps_only(above, row, moves, max(first, last + 1), m + 1)
    return _traced(move, source, target)


def _gaps_only(above: list[float], row: list[float], moves: list[int], start: int, stop: int) -> float:
    """Fill the cells `start`..`stop - 1` of a row outside the band, where only gaps are possible: each takes
    the better of the cell above and the cell to its left. Returns the last cell's score."""
    left = row[start - 1]
    for j in range(start, stop):
        if left > above[j]:
            moves[j] = _LEFT
        else:
            left = above[j]
            moves[j] = _UP
        row[j] = left
    return left


def _band(center: float, band: float, m: int) -> tuple[int, int]:
    """The first and last of columns 1..m within `band` of `center` (last < first when none is).

    Estimated by arithmetic, then settled with the very test `abs(j - center) <= band`, so that rounding can
    never move a column in or out of the band.
    """
    first = min(max(1, math.ceil(center - band)), m + 1)
    while first > 1 and abs(first - 1 - center) <= band:
        first -= 1
    while first <= m and abs(first - center) > band:
        first += 1
    last = max(min(m, math.floor(center + band)), first - 1)
    while last < m and abs(last + 1 - center) <= band:
        last += 1
    while last >= first and abs(last - center) > band:
        last -= 1
    return first, last


_DIAGONAL, _UP, _LEFT = 1, 2, 3  # a pair; a source block alone (a gap in the target); a target block alone


def _moves(n: int, m: int) -> list[list[int]]:
    """The move table of an n by m alignment, its edges set: along them only gaps remain."""
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        move[i][0] = _UP
    for j in range(1, m + 1):
        move[0][j] = _LEFT
    return move


def _traced(move: list[list[int]], source: Sequence[Block], target: Sequence[Block]) -> list[AlignedPair]:
    """The alignment a move table describes, read back from its last cell."""
    pairs: list[AlignedPair] = []
    i, j = len(source), len(target)
    while i > 0 or j > 0:
        step = move[i][j]
        if step == _DIAGONAL:
            pairs.append(AlignedPair(source[i - 1], target[j - 1]))
            i, j = i - 1, j - 1
        elif step == _UP:
            pairs.append(AlignedPair(source[i - 1], None))
            i -= 1
        else:
            pairs.append(AlignedPair(None, target[j - 1]))
            j -= 1
    pairs.reverse()
    return pairs


def _slide_gaps(pairs: list[AlignedPair], fields: list[AlignedPair]) -> list[AlignedPair]:
    """Settle which of two neighbouring blocks is the unpaired one by content alone.

    The global alignment weighs closeness of position, which cannot tell apart
    two neighbours when one of them was dropped or added. Next to each gap,
    the pair's target (or source) moves to the unpaired neighbour when that one
    shares more with it: table header rows, shared words (names, commands,
    cognates) and the translation's usual length ratio (which the front
    matter's translated title and description help to tell).
    """
    ratio = text_ratio([*fields, *pairs])
    pairs = _realign_sections(pairs, ratio)
    pairs = _pair_neighbouring_gaps(pairs, ratio)
    for _ in range(len(pairs)):
        if not slide_once(pairs, ratio):
            break
    pairs = _pair_neighbouring_gaps(pairs, ratio)  # a slide can leave two matching blocks side by side
    return unshift_splits(pairs, ratio)


SECTION_MIN = 0.55  # content score below which two blocks of a section are not taken as translations of each other
SECTION_CELLS = 40_000  # larger sections keep the global alignment
REALIGN_MARGIN = 0.1  # how much better a section must score by content to be realigned


def _realign_sections(pairs: list[AlignedPair], ratio: float) -> list[AlignedPair]:
    """Align each section again by content alone, between headings paired with each other.

    The global pass weighs a block's place in the whole page, which is what
    keeps a long page in step; inside one section, where a dropped or added
    block shifts its neighbours, the words, code, links and the length that
    this translation makes of its source tell better which block is which.
    A section's new alignment is kept only when it scores higher.
    """
    return _between(pairs, _anchor, lambda section: _realign(section, ratio))


def _anchor(pair: AlignedPair) -> bool:
    return pair.source is not None and pair.target is not None and pair.source.kind == pair.target.kind == "heading"


def _realign(section: list[AlignedPair], ratio: float) -> list[AlignedPair]:
    sources = [pair.source for pair in section if pair.source is not None]
    targets = [pair.target for pair in section if pair.target is not None]
    n, m = len(sources), len(targets)
    if n == 0 or m == 0 or n * m > SECTION_CELLS or any(front_matter_pair(pair) for pair in section):
        return section
    source_parts, target_parts = _subsections(sources), _subsections(targets)
    target_features = [known(target) for target in targets]
    cell = []
    for source, source_part in zip(sources, source_parts, strict=True):
        scores = content_scores(known(source), target_features, ratio)
        cell.append(
            [
                score - SECTION_MIN - CROSS_PENALTY * (source_part != target_part)
                for score, target_part in zip(scores, target_parts, strict=True)
            ]
        )
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = _moves(n, m)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            up, left, paired = score[i - 1][j], score[i][j - 1], score[i - 1][j - 1] + cell[i - 1][j - 1]
            if cell[i - 1][j - 1] > 0 and paired >= up and paired >= left:
                score[i][j], move[i][j] = paired, _DIAGONAL
            else:  # a cell of no gain never beats its neighbours: the table only grows along rows and columns
                score[i][j], move[i][j] = (up, _UP) if up >= left else (left, _LEFT)
    position = {id(block): k for k, block in enumerate(sources)} | {id(block): k for k, block in enumerate(targets)}
    current = sum(
        cell[position[id(pair.source)]][position[id(pair.target)]]
        for pair in section
        if pair.source is not None and pair.target is not None
    )
    if score[n][m] <= current + REALIGN_MARGIN:
        return section
    return _traced(move, sources, targets)


CROSS_PENALTY = 0.1  # for two blocks that unpaired headings of the section put in different parts of it


def _subsections(blocks: list[Block]) -> list[int]:
    """For each block of a section, how many headings of its side precede it there: a block after a heading
    the other side lacks belongs to that heading's part, not to the part its neighbours translate."""
    parts, count = [], 0
    for block in blocks:
        count += block.kind == "heading"
        parts.append(count)
    return parts


def _pair_neighbouring_gaps(pairs: list[AlignedPair], ratio: float) -> list[AlignedPair]:
    """Unpaired source and target blocks between the same two pairs pair up, in order, when they clearly match.

    On a short page a block's share of the page is large, so the position term
    can keep apart two blocks that translate each other; between the same
    neighbours their content decides.
    """
    return _between(pairs, _both_sides, lambda segment: _pair_segment(segment, ratio))


def _both_sides(pair: AlignedPair) -> bool:
    return pair.source is not None and pair.target is not None


def _between(
    pairs: list[AlignedPair],
    boundary: Callable[[AlignedPair], bool],
    rework: Callable[[list[AlignedPair]], list[AlignedPair]],
) -> list[AlignedPair]:
    """The pairs with each run between two `boundary` pairs replaced by `rework(run)`; boundaries stay."""
    result: list[AlignedPair] = []
    run: list[AlignedPair] = []
    for pair in [*pairs, None]:
        if pair is not None and not boundary(pair):
            run.append(pair)
            continue
        result.extend(rework(run))
        run = []
        if pair is not None:
            result.append(pair)
    return result


def _pair_segment(segment: list[AlignedPair], ratio: float) -> list[AlignedPair]:
    sources = [pair.source for pair in segment if pair.source is not None]
    targets = [pair.target for pair in segment if pair.target is not None]
    if not sources or not targets:
        return segment
    result: list[AlignedPair] = []
    next_target = 0
    for source in sources:
        match = next(
            (k for k in range(next_target, len(targets)) if content_score(source, targets[k], ratio) >= RESCUE_MIN),
            None,
        )
        if match is None:
            result.append(AlignedPair(source, None))
            continue
        result.extend(AlignedPair(None, target) for target in targets[next_target:match])
        result.append(AlignedPair(source, targets[match]))
        next_target = match + 1
    result.extend(AlignedPair(None, target) for target in targets[next_target:])
    return result


def _signature(block: Block) -> tuple:
    """What a block keeps through translation: kind, level, step number, placeholders and links."""
    family = "text" if block.kind in TEXT_KINDS else block.kind
    number = block.number.value if block.number is not None else None
    return (
        family,
        block.level if family == "heading" else 0,
        number,
        tuple(sorted(p.key for p in block.placeholders)),
        tuple(sorted(link.destination for link in block.links)),
        block.text if family == "code" else "",
    )


def _align_anchored(source: list[Block], target: list[Block]) -> list[AlignedPair]:
    """Align very long documents in linear-ish time: match equal signatures, then align each gap.

    Gaps small enough for the full alignment get it; larger ones pair block by block in order.
    """
    # autojunk: signatures shared by many blocks (plain paragraphs) make poor anchors and slow matching
    matcher = difflib.SequenceMatcher(None, [_signature(b) for b in source], [_signature(b) for b in target])
    pairs: list[AlignedPair] = []
    source_at = target_at = 0
    for match in matcher.get_matching_blocks():
        source_gap, target_gap = source[source_at : match.a], target[target_at : match.b]
        if len(source_gap) * len(target_gap) <= MAX_CELLS:
            pairs.extend(_align_body(source_gap, target_gap))
        else:
            pairs.extend(_pair_in_order(source_gap, target_gap))
        pairs.extend(AlignedPair(source[match.a + k], target[match.b + k]) for k in range(match.size))
        source_at, target_at = match.a + match.size, match.b + match.size
    return pairs


def _pair_in_order(source: list[Block], target: list[Block]) -> list[AlignedPair]:
    common = min(len(source), len(target))
    pairs = [AlignedPair(source[k], target[k]) for k in range(common)]
    pairs.extend(AlignedPair(block, None) for block in source[common:])
    pairs.extend(AlignedPair(None, block) for block in target[common:])
    return pairs


def front_matter_pair(pair: AlignedPair) -> bool:
    block = pair.source or pair.target
    return block is not None and block.kind == "front_matter_field"
