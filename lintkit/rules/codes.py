"""Rule identity in one place: what a code looks like, what a person may write for rules, and the families.

A code is letters then digits: `LK101` for a built-in rule, `ACME101` for a
rule of a pack. A person names rules by full code, by code prefix (`LK1`,
`ACME`) or by rule name (`placeholder-missing`) in `select`, `ignore`,
`severity`, `per-file-ignores` and suppression comments. All of them resolve
here, against the codes and names the run really has, so that an entry which
names nothing (`LK999`, `E501`, a misspelt name) is reported with the closest
known spellings instead of silently selecting or hiding nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CODE = re.compile(r"^(?P<letters>[A-Z]{2,4})(?P<digits>[0-9]{3,4})$")
PREFIX = re.compile(r"^[A-Z]{2,4}[0-9]{0,3}$")
BUILTIN_LETTERS = "LK"

# The built-in families (first digit of an LK code): a short name for reports, a title for the documentation.
FAMILIES: dict[str, str] = {
    "LK1": "placeholders",
    "LK2": "structure",
    "LK3": "links",
    "LK4": "untranslated",
    "LK5": "terminology",
    "LK6": "PO catalogs",
    "LK7": "content parity",
    "LK9": "input",
}
FAMILY_TITLES: dict[str, str] = {
    "LK1": "Placeholders",
    "LK2": "Structure and headings",
    "LK3": "Links and images",
    "LK4": "Untranslated text",
    "LK5": "Terminology and consistency",
    "LK6": "Gettext catalogs",
    "LK7": "Content parity",
    "LK9": "Input problems and suppressions",
}


def is_code(text: str) -> bool:
    return CODE.match(text) is not None


def family_of(code: str) -> str:
    """`LK1` for `LK104`, `ACME1` for `ACME104`; a text that is not a code is its own family."""
    found = CODE.match(code)
    return f"{found['letters']}{found['digits'][0]}" if found else code


def family_name(family: str) -> str:
    return FAMILIES.get(family, family)


def family_title(code: str) -> str:
    """The heading a rule sits under in the reference: its built-in family, or its pack's letters."""
    family = family_of(code)
    if family in FAMILY_TITLES:
        return FAMILY_TITLES[family]
    found = CODE.match(code)
    return f"{found['letters']} rules" if found else "Other rules"


class UnknownRule(ValueError):
    """An entry that names no rule of this run; `suggestions` are the closest known spellings."""

    def __init__(self, entry: str, suggestions: tuple[str, ...]) -> None:
        self.entry = entry
        self.suggestions = suggestions
        super().__init__(self.describe())

    def describe(self) -> str:
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        return (
            f"unknown rule {self.entry!r}{hint} "
            "(use a code such as LK101, a prefix such as LK1, or a name; `lintkit rules` lists them)"
        )


@dataclass(frozen=True)
class RuleCodes:
    """The codes and names of one run's rules (built-in, input problems and packs), and how entries resolve.

    `resolve` turns an entry into a code prefix (a full code is its own
    prefix) or raises `UnknownRule`: a full code must be a rule's, a prefix
    must cover at least one rule, a name must be a rule's name.
    """

    names: Mapping[str, str]  # rule name -> code

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> RuleCodes:
        """From (code, name) pairs."""
        return cls({name: code for code, name in pairs})

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.names.values())

    def resolve(self, entry: str) -> str:
        written = entry.strip()
        if written in self.names:
            return self.names[written]
        if written.lower() in self.names:
            return self.names[written.lower()]
        upper = written.upper()
        well_formed = PREFIX.match(upper) or CODE.match(upper)
        if well_formed and any(code.startswith(upper) for code in self.codes):
            return upper
        raise UnknownRule(written, self.suggest(written))

    def find(self, entry: str) -> str | None:
        """The prefix an entry resolves to, or None when it names no rule."""
        try:
            return self.resolve(entry)
        except UnknownRule:
            return None

    def suggest(self, entry: str) -> tuple[str, ...]:
        """The known codes or names spelt most like `entry` (up to three, as close as the closest)."""
        candidates = sorted(self.codes) + sorted(self.names)
        lookup = {candidate.lower(): candidate for candidate in candidates}
        wanted = entry.lower()
        scored = []
        for lowered, candidate in lookup.items():
            ratio = difflib.SequenceMatcher(None, wanted, lowered).ratio()
            if ratio >= 0.6:
                scored.append((-ratio, candidate))
        scored.sort()
        best = -scored[0][0] if scored else 0.0
        return tuple(candidate for ratio, candidate in scored[:3] if -ratio >= best - 0.05)

    def codes_under(self, prefixes: Iterable[str] | None) -> set[str]:
        """The codes the prefixes cover (every code for None)."""
        if prefixes is None:
            return set(self.codes)
        prefixes = tuple(prefixes)
        return {code for code in self.codes if code.startswith(prefixes)}
