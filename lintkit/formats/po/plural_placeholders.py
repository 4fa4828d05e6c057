"""Which placeholders a translated catalog string must keep, form by form of a plural entry.

A plural form translates `msgid` or `msgid_plural` depending on the numbers
it is chosen for; a form for a few numbers may write the number as a word; a
broken directive the msgid has too is the source's defect; `%.0s` swallows a
number on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lintkit.formats.formatstrings import Grammar
from lintkit.formats.po.catalog import Entry
from lintkit.formats.po.scan import Field
from lintkit.model import Inline, Link, Placeholder

_NUMBER_CONVERSIONS = frozenset("diu")
# Argument names that say they hold the number a plural entry is chosen by: `%(count)s`, `{num_files}`.
_COUNT_NAME = re.compile(r"[({](?:n|num|number|count|counter|quantity|qty)(?:_\w+)?[)}]|_(?:count|num)[)}]")
# A plural form chosen for at most this many of the numbers 0…1000 may write its number in words.
FEW_NUMBERS = 3


@dataclass
class Analysis:
    """One catalog string as read: its placeholders, links and inlines, and its visible text."""

    placeholders: tuple[Placeholder, ...]
    links: tuple[Link, ...]
    inlines: tuple[Inline, ...]
    text: str


def source_fields(
    entry: Entry, form: int, nplurals: int, covered: tuple[int, ...] | None = None
) -> tuple[Field, Field | None]:
    """The msgid a form translates, and the other one of a plural entry.

    A form chosen for 1 and at most a few other numbers (German's 1, French's
    0 and 1) translates `msgid`; every other form, Russian's form 0 for 1, 21,
    31… included, translates `msgid_plural` and must keep its number. Where
    the numbers are not known, form 0 is the singular.
    """
    if entry.plural_field is None:
        return entry.msgid_field, None
    singular = 1 in covered and few(covered) if covered is not None else form == 0 and nplurals > 1
    if singular:
        return entry.msgid_field, entry.plural_field
    return entry.plural_field, entry.msgid_field


def expected(source: Analysis, target: Analysis, other: Analysis | None) -> tuple[Placeholder, ...]:
    """The form's msgid placeholders, plus those of the other msgid of a plural entry that the form
    uses: `%d` may be in a singular form even where the singular msgid says "one". A broken
    directive of the msgid is not expected: a translation that writes `%%` for its lone `%` is right."""
    expected = tuple(
        p for p in source.placeholders if p.problem is None or p.key in {t.key for t in target.placeholders}
    )
    if other is None:
        return expected
    have = {p.key for p in expected}
    used = {p.key for p in target.placeholders}
    return expected + tuple(p for p in other.placeholders if p.key in used and p.key not in have)


def few(covered: tuple[int, ...]) -> bool:
    """A form chosen for so few numbers that its text may name them: `une seconde`, `zwei Dateien`."""
    return 0 < len(covered) <= FEW_NUMBERS


def numbers_may_be_words(
    placeholders: tuple[Placeholder, ...], target: Analysis, grammar: Grammar | None
) -> tuple[Placeholder, ...]:
    """A form used for a few numbers only (German's n = 1) may write "ein" instead of the number.

    The number is an integer directive (`%d`, `%(count)d`, Qt's `%n`) or an
    argument named as the count (`%(count)s`, `{num}`). Other arguments stay:
    "Eine Datei" for "%(count)s file in %(folder)s" lost the folder, and
    "Stunde" for "%s hour" lost a number that may be 1.5.
    """
    used = {p.key for p in target.placeholders}

    def is_number(placeholder: Placeholder) -> bool:
        if grammar is not None and grammar.number_key(placeholder.key):
            return True
        if grammar is None and placeholder.syntax == "printf" and placeholder.raw[-1] in _NUMBER_CONVERSIONS:
            return True
        return bool(_COUNT_NAME.search(placeholder.key))

    return tuple(p for p in placeholders if p.key in used or not is_number(p))


_SWALLOW = re.compile(r"%(?:(\d+)\$)?\.0s\Z")


def swallowed(target: Analysis, source: Analysis, other: Analysis | None) -> Analysis:
    """`%.0s` prints nothing: a plural form takes the number with it without showing it.

    "%d files" may be "%.0sun fichier" in a form for one; `%.0s` then stands for `%d`.
    """
    numbered = {p.key.split("$")[0]: p.key for p in (*source.placeholders, *(other.placeholders if other else ()))}
    kept = []
    for placeholder in target.placeholders:
        if placeholder.syntax == "printf" and _SWALLOW.match(placeholder.raw):
            argument = placeholder.key.split("$")[0]
            placeholder = replace(placeholder, key=numbered.get(argument, placeholder.key))
        kept.append(placeholder)
    return replace(target, placeholders=tuple(kept))


def excused(target: Analysis, source: Analysis, other: Analysis | None) -> Analysis:
    """A broken directive the msgid has too is the source's defect: the translation kept it faithfully."""
    broken = {p.raw: p for p in (*source.placeholders, *(other.placeholders if other else ())) if p.problem}
    if not broken or not any(p.problem and p.raw in broken for p in target.placeholders):
        return target
    kept = tuple(
        replace(p, problem=None, key=broken[p.raw].key) if p.problem and p.raw in broken else p
        for p in target.placeholders
    )
    return replace(target, placeholders=kept)
