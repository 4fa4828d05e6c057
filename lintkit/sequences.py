"""difflib's opcodes between two sequences, in time that stays bounded on long, repetitive ones.

`difflib.SequenceMatcher` without its junk heuristic looks at every place an
element recurs: two code blocks of a few thousand alike lines (`x = 0`), or a
page of a few thousand alike components, cost it seconds to minutes. Such a
pair is diffed in three parts, as GNU diff does: the common beginning and end
are equal runs as they stand, and only the middle is handed to difflib; a
middle still too large is one change, from the first difference to the last.
Smaller pairs get difflib's own answer, whose longest-match-first choices read
better in a finding than a common beginning taken greedily.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

Opcode = tuple[str, int, int, int, int]

# About 0.04 s of difflib at worst (1,000 by 1,000 alike elements)
MAX_PRODUCT = 1_000_000


def opcodes(first: Sequence[Any], second: Sequence[Any]) -> list[Opcode]:
    """What `SequenceMatcher(None, first, second, autojunk=False).get_opcodes()` returns, within bounded work."""
    if len(first) * len(second) <= MAX_PRODUCT:
        return SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    head = _common_head(first, second)
    tail = _common_tail(first, second, head)
    first_end, second_end = len(first) - tail, len(second) - tail
    found: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    if head < first_end or head < second_end:
        found.extend(_middle(first[head:first_end], second[head:second_end], head))
    if tail:
        found.append(("equal", first_end, len(first), second_end, len(second)))
    return found  # the middle starts and ends with a difference, so no two equal runs meet


def _middle(first: Sequence[Any], second: Sequence[Any], offset: int) -> list[Opcode]:
    if not first:
        return [("insert", offset, offset, offset, offset + len(second))]
    if not second:
        return [("delete", offset, offset + len(first), offset, offset)]
    if len(first) * len(second) > MAX_PRODUCT:  # too large to diff finely: one change, from its first difference
        return [("replace", offset, offset + len(first), offset, offset + len(second))]
    return [
        (tag, offset + i1, offset + i2, offset + j1, offset + j2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    ]


def _common_head(first: Sequence[Any], second: Sequence[Any]) -> int:
    limit = min(len(first), len(second))
    index = 0
    while index < limit and first[index] == second[index]:
        index += 1
    return index


def _common_tail(first: Sequence[Any], second: Sequence[Any], head: int) -> int:
    limit = min(len(first), len(second)) - head
    count = 0
    while count < limit and first[-1 - count] == second[-1 - count]:
        count += 1
    return count
