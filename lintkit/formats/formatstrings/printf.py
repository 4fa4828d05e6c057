"""printf directives, in the dialects gettext knows: C, Objective-C, Python, PHP, JavaScript, Perl, Java.

A directive is `%`, an optional argument (`2$`, or `(name)` in Python), flags,
a width, a precision, a length and a conversion: `%'.2lf`, `%1$@`, `%(count)d`.
`%%` is a percent sign. Anything else after a `%` is not a directive: C and
PHP print garbage or fail, Python raises ("incomplete format", "unsupported
format character"), so it is reported with the fix (`%%`).

Each argument's key is its position (`%s … %d` is arguments 1 and 2, like
`%1$s … %2$d`), its width and precision (`%5.2f` lays out a column), and the
kind of value it takes: `%d` and `%i` are one key, `%d` and `%s` are not, and
`%ld` is not `%d` (a different size in C). Flags may change: `%'d` groups the
thousands the way the translation's locale does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from lintkit.formats.formatstrings.base import Directive, Grammar, problem

_INTEGER, _UNSIGNED, _FLOAT = "d", "u", "f"
_C_CONVERSIONS = {
    **dict.fromkeys("di", _INTEGER),
    **dict.fromkeys("ouxX", _UNSIGNED),
    **dict.fromkeys("eEfFgGaA", _FLOAT),
    "c": "c",
    "s": "s",
    "p": "p",
    "n": "n",
    "C": "lc",
    "S": "ls",
}
_C_LENGTHS = ("hh", "h", "ll", "l", "L", "q", "j", "z", "Z", "t", "I64", "I32", "I")


@dataclass(frozen=True)
class Dialect:
    """What one language's printf accepts."""

    conversions: dict[str, str]
    flags: str
    lengths: tuple[str, ...] = ()
    positions: bool = True  # `%2$s`
    names: bool = False  # `%(name)s`
    padding_quote: bool = False  # PHP's `%'*10s`: a quote and the padding character
    no_argument: str = ""  # conversions that take no argument, such as Java's `%n`
    stringsdict: bool = False  # Apple's `%#@files@`: a variable of the .stringsdict plural rules
    boost: bool = False  # Boost.Format's `%1%` and `%|1$+5|` beside printf directives


C = Dialect(_C_CONVERSIONS, "-+ #0'I", _C_LENGTHS)
OBJC = Dialect({**_C_CONVERSIONS, "@": "@"}, "-+ #0'", _C_LENGTHS, stringsdict=True)
PYTHON = Dialect(
    {
        **dict.fromkeys("diouxX", _INTEGER),
        **dict.fromkeys("eEfFgG", _FLOAT),
        "c": "c",
        **dict.fromkeys("sra", "s"),
    },
    "-+ #0",
    ("h", "l", "L"),
    positions=False,
    names=True,
)
PHP = Dialect(
    {**dict.fromkeys("bcdouxX", _INTEGER), **dict.fromkeys("eEfFgGhH", _FLOAT), "s": "s"},
    "-+ 0",
    padding_quote=True,
)
JAVASCRIPT = Dialect({**dict.fromkeys("bcdiouxX", _INTEGER), "f": _FLOAT, "s": "s", "j": "j"}, "-+ 0")
PERL = Dialect({**_C_CONVERSIONS, "b": _UNSIGNED, "B": _UNSIGNED}, "-+ #0v", ("hh", "h", "ll", "l", "q", "L"))
BOOST = Dialect(_C_CONVERSIONS, "-+ #0'_=", _C_LENGTHS, boost=True)
LUA = Dialect({**_C_CONVERSIONS, "q": "s"}, "-+ #0", ())
JAVA_PRINTF = Dialect(
    {
        **dict.fromkeys("bB", "b"),
        **dict.fromkeys("hH", "h"),
        **dict.fromkeys("sS", "s"),
        **dict.fromkeys("cC", "c"),
        **dict.fromkeys("doxX", _INTEGER),
        **dict.fromkeys("eEfgGaA", _FLOAT),
        **dict.fromkeys("tT", "t"),
    },
    "-#+ 0,(",
    no_argument="n",
)


def scan(dialect: Dialect, text: str) -> list[Directive]:
    """Every directive of `text` and every `%` that starts none, in order."""
    found: list[Directive] = []
    counter = 0
    position = text.find("%")
    while position != -1:
        if text.startswith("%%", position):
            position = text.find("%", position + 2)
            continue
        directive, end, used = _directive(dialect, text, position, counter)
        counter += used
        found.append(directive)
        position = text.find("%", end)
    return found


_STRINGSDICT = re.compile(r"%#@(\w+)@")
_INTTYPES = re.compile(r"<PRI([diouxX])((?:FAST|LEAST)?\d+|MAX|PTR)>")
_BOOST_NUMBERED = re.compile(r"%([1-9]\d*)%")
_STAR_POSITION = re.compile(r"\*\d+\$")  # `*2$`: the width is argument 2, the key keeps only the star
_BOOST_SPEC = re.compile(r"%\|(?:([1-9]\d*)\$)?([^|%\n]*)\|")


def _directive(dialect: Dialect, text: str, start: int, counter: int) -> tuple[Directive, int, int]:
    """The directive at `start`, where it ends, and how many sequential arguments it used."""
    if dialect.stringsdict and (variable := _STRINGSDICT.match(text, start)):
        return Directive(start, variable.end(), variable.group(0), variable.group(0)), variable.end(), 0
    if dialect.boost and (numbered := _BOOST_NUMBERED.match(text, start)):
        return Directive(start, numbered.end(), numbered.group(0), f"%{numbered.group(1)}$"), numbered.end(), 0
    if dialect.boost and (spec := _BOOST_SPEC.match(text, start)):
        position, used = (int(spec.group(1)), 0) if spec.group(1) else (counter + 1, 1)
        if spec.group(2).endswith("t"):  # `%|40t|` moves to a column and takes no argument
            return Directive(start, spec.end(), spec.group(0), spec.group(0)), spec.end(), 0
        return Directive(start, spec.end(), spec.group(0), f"%{position}$|{spec.group(2)}|"), spec.end(), used
    index = start + 1
    name = number = None
    if dialect.names and text.startswith("(", index):
        close = text.find(")", index)
        if close == -1:
            return _broken(text, start, len(text), "has a `(` that is never closed"), len(text), 0
        name, index = text[index + 1 : close], close + 1
    elif dialect.positions:
        index, number = _position(text, index)
    stars = 0
    while index < len(text):
        if text[index] in dialect.flags:
            index += 1
        elif dialect.padding_quote and text[index] == "'" and index + 1 < len(text):
            index += 2
        else:
            break
    size_start = index
    index, star = _width(text, index)
    stars += star
    if text.startswith(".", index):
        index, star = _width(text, index + 1)
        stars += star
    size = text[size_start:index]  # width and precision: `5.2`, `*`
    if "*" in size:
        size = _STAR_POSITION.sub("*", size)
    if dialect is C and (macro := _INTTYPES.match(text, index)):  # `%<PRId64>`: <inttypes.h>, as xgettext writes it
        end = macro.end()
        argument = number if number is not None else counter + stars + 1
        key = f"%{argument}${size}{macro.group(2)}{dialect.conversions[macro.group(1)]}"
        return Directive(start, end, text[start:end], key), end, (stars + 1 if number is None else 0)
    length = next((length for length in dialect.lengths if text.startswith(length, index)), "")
    index += len(length)
    if index >= len(text):
        return _broken(text, start, index, "is a lone `%` at the end: write `%%` for a percent sign"), index, 0
    conversion = text[index]
    end = index + 1
    if conversion in dialect.no_argument:
        return Directive(start, end, text[start:end], text[start:end]), end, 0
    kind = dialect.conversions.get(conversion)
    if kind is None:
        shown = text[start:end]
        return _broken(text, start, end, f"is not a directive: write `%%` for a percent sign ({shown!r})"), end, 0
    raw = text[start:end]
    if name is not None:
        return Directive(start, end, raw, f"%({name}){size}{length}{kind}"), end, 0
    used = stars + 1 if number is None else 0
    argument = number if number is not None else counter + stars + 1
    return Directive(start, end, raw, f"%{argument}${size}{length}{kind}"), end, used


def _position(text: str, index: int) -> tuple[int, int | None]:
    digits = index
    while digits < len(text) and text[digits].isdigit():
        digits += 1
    if digits > index and text.startswith("$", digits) and text[index] != "0":
        return digits + 1, int(text[index:digits])
    return index, None


def _width(text: str, index: int) -> tuple[int, int]:
    """Past a width or precision: digits, or `*` (which takes an argument of its own)."""
    if text.startswith("*", index):
        index, _ = _position(text, index + 1)
        return index, 1
    while index < len(text) and text[index].isdigit():
        index += 1
    return index, 0


def _broken(text: str, start: int, end: int, message: str) -> Directive:
    return problem(start, max(end, start + 1), text, message)


def _counts(key: str) -> bool:
    """Keys that format an integer: a form for a single number may write it in words."""
    return key.endswith((_INTEGER, _UNSIGNED)) and "*" not in key


def _grammar(flag: str, dialect: Dialect, summary: str, example: str) -> Grammar:
    return Grammar(
        flag=flag,
        syntax="printf",
        summary=summary,
        escapes="`%%` is a percent sign",
        scan=partial(scan, dialect),
        example=example,
        number_key=_counts,
    )


GRAMMARS = (
    _grammar("c-format", C, "C printf: `%s`, `%2$d`, `%'.2lf`, `%zu`", "%d file(s) in %s"),
    _grammar("objc-format", OBJC, "Objective-C: C printf plus `%@` (an object)", "%1$@ of %2$@"),
    _grammar("python-format", PYTHON, "Python %-formatting: `%s`, `%(name)s`, `%.1f`", "%(count)d items"),
    _grammar("php-format", PHP, "PHP sprintf: `%s`, `%1$s`, `%'*10s`", "%1$s has %2$d points"),
    _grammar("javascript-format", JAVASCRIPT, "JavaScript (Node util.format, sprintf-js): `%s`, `%d`, `%j`", "%s: %d"),
    _grammar("perl-format", PERL, "Perl sprintf: `%s`, `%vd`", "%s is %d"),
    _grammar("boost-format", BOOST, "Boost.Format: printf plus `%1%` and `%|1$+5|`", "%1% of %2%"),
    _grammar("lua-format", LUA, "Lua string.format: `%s`, `%d`, `%q`", "%s: %d"),
    _grammar("java-printf-format", JAVA_PRINTF, "Java String.format: `%s`, `%1$tY`; `%n` is a line break", "%1$s"),
)
