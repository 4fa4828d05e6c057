"""Source blocks × target blocks → aligned pairs.

A weighted global alignment (Needleman–Wunsch with free gaps) over the body
blocks, scored on what a translation keeps: block kind, heading level and step
number, placeholders, link destinations, numbers, code, and rough length. A
merged paragraph, a dropped section or an added note leaves the rest aligned,
so rules report the one real difference instead of a cascade. Front-matter
fields are paired by key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from lintkit.model import AlignedPair, Block

_TEXT_KINDS = frozenset({"paragraph", "list_item", "quote"})
_DIGITS = re.compile(r"\d+")
_LEADING_NUMBER = re.compile(r"^\W{0,3}(\d{1,3})[.)\-:）．]")
MIN_SIMILARITY = 0.3
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
    pairs.extend(_align_body(body_source, body_target))
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
    features_source = [_Features(block) for block in source]
    features_target = [_Features(block) for block in target]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 diagonal, 2 up (source gap), 3 left (target gap)
    for i in range(1, n + 1):
        move[i][0] = 2
    for j in range(1, m + 1):
        move[0][j] = 3
    band = max(MIN_BAND, BAND_SHARE * max(n, m))
    for i in range(1, n + 1):
        center = i * m / n
        for j in range(1, m + 1):
            best, best_move = score[i - 1][j], 2
            if score[i][j - 1] > best:
                best, best_move = score[i][j - 1], 3
            if abs(j - center) <= band:
                similarity = _similarity(features_source[i - 1], features_target[j - 1], i / n, j / m)
                if similarity >= MIN_SIMILARITY and score[i - 1][j - 1] + similarity >= best:
                    best, best_move = score[i - 1][j - 1] + similarity, 1
            score[i][j] = best
            move[i][j] = best_move
    pairs: list[AlignedPair] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == 1:
            pairs.append(AlignedPair(source[i - 1], target[j - 1]))
            i, j = i - 1, j - 1
        elif step == 2:
            pairs.append(AlignedPair(source[i - 1], None))
            i -= 1
        else:
            pairs.append(AlignedPair(None, target[j - 1]))
            j -= 1
    pairs.reverse()
    return pairs


def _signature(block: Block) -> tuple:
    """What a block keeps through translation: kind, level, step number, placeholders and links."""
    family = "text" if block.kind in _TEXT_KINDS else block.kind
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


class _Features:
    """What the similarity needs of a block, computed once per block instead of once per cell."""

    __slots__ = ("block", "digits", "family", "length", "links", "number", "placeholders")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.family = "text" if block.kind in _TEXT_KINDS else block.kind
        self.placeholders = frozenset(p.key for p in block.placeholders)
        self.links = frozenset(link.destination for link in block.links)
        self.digits = frozenset(_DIGITS.findall(block.text))
        self.length = max(len(block.text), 1)
        if block.number is not None:
            self.number: int | None = block.number.value
        else:
            leading = _LEADING_NUMBER.match(block.text) if block.kind != "code" else None
            self.number = int(leading.group(1)) if leading else None


def _jaccard(first: frozenset, second: frozenset) -> float:
    if not first and not second:
        return 0.0
    return len(first & second) / len(first | second)


def _similarity(source: _Features, target: _Features, source_position: float, target_position: float) -> float:
    if source.family == target.family:
        similarity = 0.4
    elif {source.family, target.family} <= {"text", "heading"}:
        similarity = 0.1  # a heading that lost its markup, or a paragraph turned into a heading
    else:
        return 0.0
    if source.family == target.family == "heading":
        similarity += 0.15 if source.block.level == target.block.level else 0.0
    if source.number is not None and target.number is not None:
        similarity += 0.3 if source.number == target.number else -0.15
    if source.placeholders or target.placeholders:
        similarity += 0.45 * _jaccard(source.placeholders, target.placeholders) - 0.1
    if source.links or target.links:
        similarity += 0.35 * _jaccard(source.links, target.links) - 0.05
    if source.digits or target.digits:
        similarity += 0.15 * _jaccard(source.digits, target.digits)
    if source.family == "code":
        similarity += 0.4 if source.block.text == target.block.text else 0.1
    if source.family == "text":
        ratio = target.length / source.length
        similarity += 0.1 if 0.33 <= ratio <= 3.0 else -0.2
    similarity -= 0.5 * abs(source_position - target_position)
    return similarity
