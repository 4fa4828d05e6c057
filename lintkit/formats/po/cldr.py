"""CLDR's plural rules for whole numbers: which integers each plural category of a language covers.

Source: the Unicode Common Locale Data Repository, `common/supplemental/plurals.xml`
(cardinal rules, as published in CLDR 44). gettext's `n` is a whole number, so only
the integer part of each rule is kept (operands `i = n`, `v = 0`); categories that
only fractions reach (Russian `other`, Czech `many`) are left out. The categories
are listed in CLDR's order (zero, one, two, few, many, other), which is the order
of gettext's `msgstr[n]` forms in the usual `Plural-Forms` of each language.

This is data, read when a catalog's own `Plural-Forms` header is missing or does
not parse: that header, when it parses, is what gettext uses at run time.
"""

from __future__ import annotations

from collections.abc import Callable

Rule = Callable[[int], bool]


def _in(value: int, low: int, high: int) -> bool:
    return low <= value <= high


def _slavic_one(n: int) -> bool:
    return n % 10 == 1 and n % 100 != 11


def _slavic_few(n: int) -> bool:
    return _in(n % 10, 2, 4) and not _in(n % 100, 12, 14)


def _words(text: str) -> list[str]:
    return text.split()


def _other(n: int) -> bool:
    return True


_ONE_IS_1: tuple[tuple[str, Rule], ...] = (("one", lambda n: n == 1), ("other", _other))
_ONE_IS_0_1: tuple[tuple[str, Rule], ...] = (("one", lambda n: n in (0, 1)), ("other", _other))
_NO_PLURAL: tuple[tuple[str, Rule], ...] = (("other", _other),)
_EAST_SLAVIC: tuple[tuple[str, Rule], ...] = (
    ("one", _slavic_one),
    ("few", _slavic_few),
    ("many", lambda n: not _slavic_one(n) and not _slavic_few(n)),
)
_WEST_SLAVIC: tuple[tuple[str, Rule], ...] = (
    ("one", lambda n: n == 1),
    ("few", lambda n: _in(n, 2, 4)),
    ("other", _other),
)
_SOUTH_SLAVIC: tuple[tuple[str, Rule], ...] = (("one", _slavic_one), ("few", _slavic_few), ("other", _other))
# French, Spanish, Italian, Portuguese, Catalan: `many` is 1000000, 2000000, … (`1 million de fichiers`).
_MILLIONS: tuple[tuple[str, Rule], ...] = (
    ("one", lambda n: n == 1),
    ("many", lambda n: n != 0 and n % 1_000_000 == 0),
    ("other", _other),
)

RULES: dict[str, tuple[tuple[str, Rule], ...]] = {
    **dict.fromkeys(
        _words("en de nl sv da nb nn no fi et el hu tr bg eu gl ka kk mn sq ta te ml ur az ky uz sw af eo fy lb ps so"),
        _ONE_IS_1,
    ),
    **dict.fromkeys(["hi", "bn", "fa", "gu", "kn", "mr", "am", "zu", "as", "pa"], _ONE_IS_0_1),
    **dict.fromkeys(["ja", "ko", "zh", "th", "vi", "id", "ms", "my", "km", "lo", "jv"], _NO_PLURAL),
    **dict.fromkeys(["ru", "uk", "be"], _EAST_SLAVIC),
    **dict.fromkeys(["cs", "sk"], _WEST_SLAVIC),
    **dict.fromkeys(["hr", "sr", "bs"], _SOUTH_SLAVIC),
    **dict.fromkeys(["es", "it", "ca"], _MILLIONS),
    "fr": (("one", lambda n: n in (0, 1)), _MILLIONS[1], _MILLIONS[2]),
    "pt": (("one", lambda n: n in (0, 1)), _MILLIONS[1], _MILLIONS[2]),
    "pt_PT": _MILLIONS,
    "pl": (
        ("one", lambda n: n == 1),
        ("few", _slavic_few),
        ("many", lambda n: n != 1 and not _slavic_few(n)),
    ),
    "lt": (
        ("one", lambda n: n % 10 == 1 and not _in(n % 100, 11, 19)),
        ("few", lambda n: _in(n % 10, 2, 9) and not _in(n % 100, 11, 19)),
        ("other", _other),
    ),
    "lv": (
        ("zero", lambda n: n % 10 == 0 or _in(n % 100, 11, 19)),
        ("one", lambda n: n % 10 == 1 and n % 100 != 11),
        ("other", _other),
    ),
    "ro": (
        ("one", lambda n: n == 1),
        ("few", lambda n: n == 0 or (n != 1 and _in(n % 100, 1, 19))),
        ("other", _other),
    ),
    "sl": (
        ("one", lambda n: n % 100 == 1),
        ("two", lambda n: n % 100 == 2),
        ("few", lambda n: _in(n % 100, 3, 4)),
        ("other", _other),
    ),
    "mk": (("one", _slavic_one), ("other", _other)),
    "is": (("one", _slavic_one), ("other", _other)),
    "he": (("one", lambda n: n == 1), ("two", lambda n: n == 2), ("other", _other)),
    "ar": (
        ("zero", lambda n: n == 0),
        ("one", lambda n: n == 1),
        ("two", lambda n: n == 2),
        ("few", lambda n: _in(n % 100, 3, 10)),
        ("many", lambda n: _in(n % 100, 11, 99)),
        ("other", _other),
    ),
    "ga": (
        ("one", lambda n: n == 1),
        ("two", lambda n: n == 2),
        ("few", lambda n: _in(n, 3, 6)),
        ("many", lambda n: _in(n, 7, 10)),
        ("other", _other),
    ),
    "cy": (
        ("zero", lambda n: n == 0),
        ("one", lambda n: n == 1),
        ("two", lambda n: n == 2),
        ("few", lambda n: n == 3),
        ("many", lambda n: n == 6),
        ("other", _other),
    ),
}


def categories(locale: str) -> tuple[tuple[str, Rule], ...] | None:
    """The integer categories of a locale (`pt_PT` first, then `pt`), or None for a language not listed."""
    tag = locale.strip().replace("-", "_")
    language = tag.split("_")[0].lower()
    region = tag.split("_")[1].upper() if "_" in tag else ""
    return RULES.get(f"{language}_{region}") or RULES.get(language)


def category_of(locale: str, number: int) -> str | None:
    """The category a whole number falls in: the first rule that holds, as CLDR reads them."""
    found = categories(locale)
    if found is None:
        return None
    return next((name for name, rule in found if rule(number)), "other")
