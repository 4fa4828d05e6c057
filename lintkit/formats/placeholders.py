"""Template placeholders: finding them and masking them (their keys: `placeholder_keys.py`).

Placeholders must be masked before Markdown parsing: `[text]({{ urls/home }})`
is not a link in CommonMark because of the spaces in the destination. Each
placeholder is replaced by a run of one private-use character of the same
length, so lines and columns do not move and every placeholder keeps its exact
position in the mask table.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lintkit.formats.placeholder_keys import normalize_key, spaced_key
from lintkit.formats.scanning import LineCloser, NextFinder
from lintkit.model import LineIndex, Placeholder

MASK_BASE = 0xE000
MASK_LIMIT = 0x1900  # the private-use area U+E000..U+F8FF


@dataclass(frozen=True)
class Syntax:
    """One placeholder syntax: the family name and the regular expression of a well-formed one."""

    name: str
    pattern: str


SYNTAXES: dict[str, tuple[Syntax, ...]] = {
    "hugo": (
        Syntax("hugo", r"\{\{<\s*/?\s*[\w./-]+(?:[^\n>]|>(?!\}\}))*?>\}\}"),
        Syntax("hugo", r"\{\{%\s*/?\s*[\w./-]+[^\n%]*?%\}\}"),
    ),
    "jinja": (
        Syntax("jinja", r"\{\{(?![<%])[^\n{}]*?\}\}"),
        Syntax("jinja", r"\{%[^\n]*?%\}"),
    ),
    "erb": (Syntax("erb", r"<%[=-]?[^\n]*?-?%>"),),
    "printf": (
        Syntax(
            "printf",
            # `%%` is matched so that it is skipped: it is a literal percent sign, not a placeholder.
            # The space flag is left out: "50 % de remise" is prose in many languages. `%'d` groups
            # thousands, `%.0lf` is a double, `%@` an Objective-C object. Catalog entries with a
            # format flag are read by that flag's grammar instead (`lintkit/formatstrings/`).
            r"%%|%(?:\((?P<printf_name>[\w.]+)\)|\d+\$)?[#0+'-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlLqjzt]*"
            r"[diouxXeEfFgGcrsab@]",
        ),
    ),
    "brace": (Syntax("brace", r"(?<!\{)\{(?:\w+(?:\.\w+|\[\w+\])*)?(?:![rsa])?(?::[^{}\n]*)?\}(?!\})"),),
}

DEFAULT_SYNTAXES = ("hugo", "jinja", "erb")

# Broken forms (`_broken_placeholders`), each tried only where no well-formed placeholder matched: a mangled
# ERB tag `(%= … %)` (the parentheses stay) and a jinja or ERB opener that its line never closes.


def compile_scanner(syntaxes: Iterable[str]) -> re.Pattern[str]:
    """One alternation of all selected syntaxes, longest forms first (hugo before jinja)."""
    order = [name for name in ("hugo", "jinja", "erb", "printf", "brace") if name in set(syntaxes)]
    parts = []
    for name in order:
        for index, syntax in enumerate(SYNTAXES[name]):
            pattern = re.sub(r"\(\?P<(\w+)>", r"(?:", syntax.pattern)
            parts.append(f"(?P<{name}_{index}>{pattern})")
    return re.compile("|".join(parts) or r"(?!)")  # no syntax (`placeholders = []`): a pattern that never matches


@dataclass(frozen=True)
class MaskedText:
    """The text with placeholders replaced by same-length private-use runs."""

    text: str
    placeholders: tuple[Placeholder, ...]

    def unmask(self, masked: str) -> str:
        """Put the original placeholder text back into any substring of the masked text."""
        if not self.placeholders:
            return masked
        return _MASK_RUN.sub(lambda match: self._raw_for(match.group(0)), masked)

    def _raw_for(self, run: str) -> str:
        index = ord(run[0]) - MASK_BASE
        if index < len(self.placeholders):
            raw = self.placeholders[index].raw
            if len(raw) == len(run):
                return raw
            return raw if len(run) >= len(raw) else raw[: len(run)]
        return run


_MASK_RUN = re.compile("([\ue000-\uf8ff])\\1*")


# Where a syntax's tag starts and the text that must end it on the same line (for a shortcode, the line where
# its name starts: spaces before the name may hold a line break). The scan tries a tag only where that ending
# follows: a regular expression tried at each of n unclosed openers reads to the end of the line each time
# (n² steps). Syntaxes not listed here are searched with their own expression.
_GATES: dict[str, tuple[str, str, bool]] = {
    "hugo_0": ("{{<", ">}}", True),
    "hugo_1": ("{{%", "%}}", True),
    "jinja_0": ("{{", "}}", False),
    "jinja_1": ("{%", "%}", False),
    "erb_0": ("<%", "%>", False),
}
_SHORTCODE_LEAD = re.compile(r"\s*/?\s*")


class _Alternative:
    """One syntax of the scanner, searched on its own: its next match at or after a position."""

    def __init__(self, group: str, pattern: re.Pattern[str], text: str, newlines: NextFinder) -> None:
        self.group = group
        self.pattern = pattern
        self.text = text
        gate = _GATES.get(group)
        self.openers = NextFinder(text, gate[0]) if gate else None
        self.closers = LineCloser(text, gate[1], newlines) if gate else None
        self.skip = len(gate[0]) if gate else 0
        self.lead = _SHORTCODE_LEAD if gate and gate[2] else None
        self.match: re.Match[str] | None = None
        self.searched_from = -1

    def next_at_or_after(self, position: int) -> re.Match[str] | None:
        if self.searched_from >= 0 and (self.match is None or self.match.start() >= position):
            return self.match
        self.searched_from = position
        self.match = self._search(position)
        return self.match

    def _search(self, position: int) -> re.Match[str] | None:
        if self.openers is None or self.closers is None:
            return self.pattern.search(self.text, position)
        while (start := self.openers.at_or_after(position)) >= 0:
            after = start + self.skip
            if self.lead is not None:
                after = self.lead.match(self.text, after).end()  # type: ignore[union-attr]
            if self.closers.end_after(after) is not None:
                found = self.pattern.match(self.text, start)
                if found is not None:
                    return found
            position = start + 1
        return None


@lru_cache(maxsize=16)
def _syntax_patterns(scanner: re.Pattern[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The scanner's alternatives in its order, each compiled on its own (`jinja_1` is `SYNTAXES["jinja"][1]`)."""
    patterns = []
    for group in sorted(scanner.groupindex, key=scanner.groupindex.__getitem__):
        name, _, index = group.rpartition("_")
        if name in SYNTAXES and index.isdigit() and int(index) < len(SYNTAXES[name]):
            patterns.append((group, re.compile(SYNTAXES[name][int(index)].pattern)))
    return tuple(patterns)


def scan_tags(text: str, scanner: re.Pattern[str]) -> Iterator[tuple[str, re.Match[str]]]:
    """What `scanner.finditer(text)` finds, with the group that matched, in linear time on unclosed openers.

    The leftmost match wins and, at one position, the earlier syntax: the order of the scanner's alternation.
    """
    patterns = _syntax_patterns(scanner)
    if len(patterns) != len(scanner.groupindex):  # a scanner not built by compile_scanner
        for match in scanner.finditer(text):
            yield match.lastgroup or "", match
        return
    newlines = NextFinder(text, "\n")
    alternatives = [_Alternative(group, pattern, text, newlines) for group, pattern in patterns]
    position = 0
    while True:
        best: tuple[int, int, _Alternative, re.Match[str]] | None = None
        for order, alternative in enumerate(alternatives):
            found = alternative.next_at_or_after(position)
            if found is not None and (best is None or found.start() < best[0]):
                best = (found.start(), order, alternative, found)
        if best is None:
            return
        _, _, alternative, found = best
        yield alternative.group, found
        position = found.end() if found.end() > found.start() else found.start() + 1


def find_placeholders(text: str, scanner: re.Pattern[str], lines: LineIndex) -> list[Placeholder]:
    """Every well-formed and malformed placeholder of `text`, in order."""
    found: list[Placeholder] = []
    taken: list[tuple[int, int]] = []
    for group, match in scan_tags(text, scanner):
        if match.group(0) == "%%":
            continue
        syntax = group.rsplit("_", 1)[0] if group else "jinja"
        start, end = match.span()
        problem = None
        if syntax == "jinja" and text.startswith("{{", start):
            extra_close = end < len(text) and text[end] == "}"
            extra_open = start > 0 and text[start - 1] == "{"
            if extra_close and not extra_open:
                end = _EXTRA_CLOSING.match(text, end).end()  # type: ignore[union-attr]
                problem = "has an extra closing brace"
            elif extra_open and not extra_close:
                while start > 0 and text[start - 1] == "{":
                    start -= 1
                problem = "has an extra opening brace"
        raw = text[start:end]
        key_raw = match.group(0)
        found.append(Placeholder(syntax, raw, normalize_key(syntax, key_raw), lines.span(start, end), start, problem))
        taken.append((start, end))
    found.extend(_broken_placeholders(text, scanner, lines, taken))
    found.sort(key=lambda placeholder: placeholder.start)
    return found


_EXTRA_CLOSING = re.compile(r"\}*")
_UNCLOSED_OPENERS = {"jinja": ("{{", "}}"), "erb": ("<%", "%>")}


def _broken_placeholders(
    text: str, scanner: re.Pattern[str], lines: LineIndex, taken: list[tuple[int, int]]
) -> Iterable[Placeholder]:
    taken_starts = [begin for begin, _ in taken]

    def free(start: int) -> bool:
        index = bisect.bisect_right(taken_starts, start) - 1  # the tags taken do not overlap
        return index < 0 or start >= taken[index][1]

    newlines = NextFinder(text, "\n")
    if "erb" in scanner.pattern or "jinja" in scanner.pattern:
        for start, end in _gated_runs(text, "(%", "%)", newlines, 2):
            if free(start):
                raw = text[start + 1 : end - 1]
                key = spaced_key("<" + raw + ">")
                yield Placeholder(
                    "erb",
                    raw,
                    key,
                    lines.span(start + 1, end - 1),
                    start + 1,
                    "is a mangled ERB tag: `%=` … `%` without its `<` and `>`",
                )
    for syntax, (opener, closer) in _UNCLOSED_OPENERS.items():
        if f"(?P<{syntax}_" not in scanner.pattern:
            continue
        for start, end in _unclosed_runs(text, opener, closer, newlines):
            if free(start):
                raw = text[start:end]
                shown = raw if len(raw) <= 40 else raw[:40] + "…"
                yield Placeholder(
                    syntax,
                    shown,
                    " ".join(raw.split()),
                    lines.span(start, start + len(raw)),
                    start,
                    f"is never closed with `{closer}`",
                )


def _gated_runs(text: str, opener: str, closer: str, newlines: NextFinder, skip: int) -> Iterator[tuple[int, int]]:
    """Spans from each `opener` to the first `closer` after it on its line (not overlapping, in order)."""
    openers, closers = NextFinder(text, opener), LineCloser(text, closer, newlines)
    position = 0
    while (start := openers.at_or_after(position)) >= 0:
        end = closers.end_after(start + skip)
        if end is None:
            position = start + 1
            continue
        yield start, end
        position = end


def _unclosed_runs(text: str, opener: str, closer: str, newlines: NextFinder) -> Iterator[tuple[int, int]]:
    """From each `opener` that no `closer` follows on its line, to the end of that line."""
    openers, closers = NextFinder(text, opener), LineCloser(text, closer, newlines)
    position = 0
    while (start := openers.at_or_after(position)) >= 0:
        if closers.end_after(start + len(opener)) is not None:
            position = start + 1
            continue
        line_end = newlines.at_or_after(start)
        end = line_end if line_end >= 0 else len(text)
        yield start, end
        position = end


def unclosed(placeholder: Placeholder) -> bool:
    """An opener with no closer on its line: it runs to the end of the line, so it is never masked."""
    return "never closed" in (placeholder.problem or "")


def mask(text: str, placeholders: Iterable[Placeholder]) -> MaskedText:
    """Replace each placeholder that has an end by a private-use run of its own length."""
    kept = [placeholder for placeholder in placeholders if not unclosed(placeholder)]
    if not kept:
        return MaskedText(text, ())
    pieces: list[str] = []
    position = 0
    masked: list[Placeholder] = []
    for placeholder in kept:
        if len(masked) >= MASK_LIMIT or placeholder.start < position:
            continue
        pieces.append(text[position : placeholder.start])
        pieces.append(chr(MASK_BASE + len(masked)) * len(placeholder.raw))
        position = placeholder.start + len(placeholder.raw)
        masked.append(placeholder)
    pieces.append(text[position:])
    return MaskedText("".join(pieces), tuple(masked))


def without_placeholders(text: str, placeholders: Sequence[Placeholder] | frozenset[str], fill: str = " ") -> str:
    """`text` with every occurrence of the placeholders' texts (or of the given texts) replaced by `fill`.

    Replacing each placeholder in turn costs the text's length per placeholder: a
    line of thousands of distinct placeholders would cost millions of steps. Beyond
    a few placeholders, one pass tries each position where a placeholder may start
    against the lengths the placeholders have, longest first.
    """
    raws = placeholders if isinstance(placeholders, frozenset) else placeholder_texts(placeholders)
    if not raws or not text:
        return text
    if len(raws) <= FEW_PLACEHOLDERS:
        for raw in sorted(raws, key=len, reverse=True):
            text = text.replace(raw, fill)
        return text
    lengths: dict[str, list[int]] = {}
    for raw in raws:
        lengths.setdefault(raw[0], []).append(len(raw))
    for first in lengths:
        lengths[first] = sorted(set(lengths[first]), reverse=True)
    starts = re.compile("[" + "".join(re.escape(first) for first in lengths) + "]")
    pieces: list[str] = []
    kept_from = position = 0
    while (candidate := starts.search(text, position)) is not None:
        position = candidate.start()
        size = next((size for size in lengths[text[position]] if text[position : position + size] in raws), None)
        if size is None:
            position += 1
            continue
        pieces.append(text[kept_from:position])
        pieces.append(fill)
        position += size
        kept_from = position
    pieces.append(text[kept_from:])
    return "".join(pieces)


FEW_PLACEHOLDERS = 8  # up to this many, replacing each in turn is as fast


def placeholder_texts(placeholders: Sequence[Placeholder]) -> frozenset[str]:
    """The distinct texts of some placeholders, to blank many strings with `without_placeholders`."""
    return frozenset(placeholder.raw for placeholder in placeholders if placeholder.raw)
