"""What every grammar returns: the directives of a string, with their argument and any problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


class Directive(NamedTuple):
    """One directive of a format string, such as `%2$d` or `{count, plural, …}`.

    `key` is what a translation must keep: the argument and the kind of value
    it is formatted as (`%d` and `%i` are one key in C, `%d` and `%s` are not).
    `problem` says, for a translator, why the text at `start…end` is not a
    valid directive (a lone `%`, an unclosed `{`).
    """

    start: int
    end: int
    raw: str
    key: str
    problem: str | None = None


@dataclass(frozen=True)
class Grammar:
    """A format-string syntax: its gettext flag, the placeholder family it reports as, and its scanner.

    `reorderable` is true where a translation may use the arguments in any
    order without positions (named or numbered arguments); `number_keys`
    names the keys that format a number, which a plural form used for one
    number only may write in words.
    """

    flag: str
    syntax: str
    summary: str
    escapes: str
    scan: Callable[[str], list[Directive]]
    example: str = ""
    number_key: Callable[[str], bool] = lambda key: False


def problem(start: int, end: int, text: str, message: str) -> Directive:
    """A broken directive: the text it covers, and why a translator should fix it."""
    return Directive(start, end, text[start:end], text[start:end], message)
