"""Fragments of a block's words found in the source language, and the index runs they are built from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

MAX_GAP = 3  # fragments this few words of the source's vocabulary apart are one fragment


@dataclass(frozen=True, slots=True)
class Fragment:
    """Words `first` to `last` (inclusive) of a block, found copied or detected."""

    first: int
    last: int
    copied: bool


def trimmed(names: list[bool]) -> tuple[int, int]:
    """The first and last positions that are not names (last < first when all are)."""
    first, last = 0, len(names) - 1
    while first <= last and names[first]:
        first += 1
    while last >= first and names[last]:
        last -= 1
    return first, last


def runs(indexes: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive indexes as (first, last) ranges."""
    start = previous = None
    for index in indexes:
        if previous is not None and index != previous + 1:
            yield start, previous
            start = None
        if start is None:
            start = index
        previous = index
    if start is not None:
        yield start, previous


def merged(fragments: list[Fragment], from_source: Callable[[int], bool]) -> list[Fragment]:
    """Fragments that touch, or that a few words of the source's vocabulary separate, become one."""
    merged: list[Fragment] = []
    for fragment in sorted(fragments, key=lambda item: item.first):
        if merged:
            previous = merged[-1]
            between = range(previous.last + 1, fragment.first)
            if len(between) <= MAX_GAP and all(from_source(index) for index in between):
                copied = previous.copied or fragment.copied
                merged[-1] = Fragment(previous.first, max(previous.last, fragment.last), copied)
                continue
        merged.append(fragment)
    return merged
