"""The grammars by flag name, and the grammar an entry's flags choose."""

from __future__ import annotations

from collections.abc import Iterable

from lintkit.formats.formatstrings import brace, messageformat, printf, qt, shell
from lintkit.formats.formatstrings.base import Grammar

GRAMMARS: dict[str, Grammar] = {
    grammar.flag: grammar for module in (printf, brace, messageformat, qt, shell) for grammar in module.GRAMMARS
}
# Flags the brace grammars share: `{{` is an escape there, never a template placeholder.
BRACE_SYNTAXES = frozenset({"brace", "icu"})


def grammar_for(flags: Iterable[str]) -> Grammar | None:
    """The grammar of the first format flag of an entry (`#, fuzzy, c-format`); None without one.

    A `no-c-format` flag only says what the string is not, so it chooses nothing.
    """
    for flag in flags:
        grammar = GRAMMARS.get(flag.strip())
        if grammar is not None:
            return grammar
    return None
