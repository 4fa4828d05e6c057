"""Numbers in prose, read in any locale's notation, and matched between a source and its translation.

A written number can mean different values by locale: `1,000` is a thousand in
English and one in French; `1.000` the other way round. So each number keeps
every value it can stand for (grouped, decimal, the sequence of its digit runs)
and two numbers match when they share one. Digits of any script count
(`٣٠`, `۳۰`, `३०`, `３０` are 30), and `万`/`億`, `만`/`억` multiply. What is
left unmatched on both sides is a changed number; a number on one side only
is not reported, because it is usually a number written as a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lintkit.analysis.content.prose import prose_runs
from lintkit.model import Block, Document, Span

# digit runs joined by separators; a space (or no-break space) only groups three digits: "1 000", not "5 10"
_NUMBER = re.compile(r"\d+(?:(?:[.,’'٫٬]\d+)|(?:[ \u00a0\u202f]\d{3}(?!\d)))*")
_SEPARATOR = re.compile(r"\D")
_DECIMAL_MARKS = frozenset(".,٫")
_MULTIPLIERS = {"万": 10**4, "萬": 10**4, "億": 10**8, "亿": 10**8, "만": 10**4, "억": 10**8}
_AFTERNOON = re.compile(r"\s?(?:pm|p\.m\.)", re.IGNORECASE)
_BOUND_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written at `start` in its file, with every value its notation allows."""

    written: str
    start: int
    values: frozenset[str]
    runs: tuple[int, ...]


def numbers_in(document: Document, block: Block) -> list[Number]:
    """The numbers of a block's prose; digits inside words (`H2O`, `v2`, `mp4`) are names, not numbers."""
    skip = None
    if block.number is not None:
        skip = document.lines.offset(block.number.span.line, block.number.span.column)
    found = []
    for run in prose_runs(document, block):
        for match in _NUMBER.finditer(run.text):
            start = run.start + match.start()
            if start == skip or _bound_to_word(run.text, match.start()):
                continue
            following = run.text[match.end() : match.end() + 5]
            found.append(_number(match.group(0), start, following))
    return found


def _bound_to_word(text: str, start: int) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    if before == "_":
        return True
    return before.isalpha() and unicodedata.name(before, "").startswith(_BOUND_SCRIPTS)


def _number(written: str, start: int, following: str) -> Number:
    ascii_text = "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in written)
    runs = tuple(int(run) for run in _SEPARATOR.split(ascii_text) if run)
    separators = [char for char in ascii_text if not char.isdigit()]
    values = {"seq:" + ".".join(str(run) for run in runs)}
    groups = _SEPARATOR.split(ascii_text)
    if not separators:
        values.add(_canonical(ascii_text))
    else:
        grouped = _grouped(groups, separators)
        if grouped is not None:
            values.add(grouped)
        if separators[-1] in _DECIMAL_MARKS:
            whole = _grouped(groups[:-1], separators[:-1]) if len(groups) > 2 else _canonical(groups[0])
            if whole is not None and len(set(separators[:-1]) & {separators[-1]}) == 0:
                values.add(_canonical(f"{whole}.{groups[-1]}"))
    multiplier = _MULTIPLIERS.get(following[:1].strip())
    if multiplier:
        values.update(_canonical(str(Decimal(value) * multiplier)) for value in list(values) if ":" not in value)
    if len(runs) == 1 and _AFTERNOON.match(following) and runs[0] < 12:
        values.add(str(runs[0] + 12))
    return Number(written, start, frozenset(values), runs)


def _grouped(groups: list[str], separators: list[str]) -> str | None:
    """The integer of `1,000,000`, `1 000`, `1’000` or `1,00,000` (Indian grouping), if the digits are grouped so."""
    if len(set(separators)) != 1 or not 1 <= len(groups[0]) <= 3 or len(groups[-1]) != 3:
        return None
    if any(len(group) not in (2, 3) for group in groups[1:-1]):
        return None
    return _canonical("".join(groups))


def _canonical(text: str) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    normal = value.normalize()
    return format(normal, "f") if normal == normal.to_integral_value() else str(normal)


@dataclass(frozen=True, slots=True)
class ChangedNumber:
    source: Number
    target: Number


def changed_numbers(source: Iterable[Number], target: Iterable[Number]) -> Iterator[ChangedNumber]:
    """Numbers of the translation that no source number explains, each with the source number it replaced."""
    source_left = list(source)
    target_left = []
    for number in target:
        match = next((index for index, other in enumerate(source_left) if other.values & number.values), None)
        if match is None:
            target_left.append(number)
        else:
            del source_left[match]
    source_left, target_left = _drop_partial_matches(source_left, target_left)
    for source_number, target_number in zip(source_left, target_left, strict=False):
        yield ChangedNumber(source_number, target_number)


def _drop_partial_matches(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """`08:00` and `8 h`, `18.0` and `18`: a number that is one run of the other's is the same number rewritten."""
    target_left = []
    for number in target:
        match = next(
            (
                index
                for index, other in enumerate(source)
                if (len(number.runs) == 1 and number.runs[0] in other.runs)
                or (len(other.runs) == 1 and other.runs[0] in number.runs)
            ),
            None,
        )
        if match is None:
            target_left.append(number)
        else:
            del source[match]
    return source, target_left


def span_of(document: Document, number: Number) -> Span:
    return document.lines.span(number.start, number.start + len(number.written))
