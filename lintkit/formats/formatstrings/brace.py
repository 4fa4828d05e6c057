"""Brace directives: Python's `str.format`, C#'s `String.Format`, C++'s `std::format`.

`{{` and `}}` are escaped braces, so `{{ name }}` is the text `{ name }`, not
a template placeholder. A `{` that opens no field, or a `}` that closes none,
is an error at run time (`ValueError: Single '}' encountered`,
`FormatException`) and is reported with the fix: double the brace.
Fields without a name (`{}`, `{:>8}`) take the arguments in order, so their
keys are numbered (`{0}`, `{1}`) like explicit indexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from lintkit.formats.formatstrings.base import Directive, Grammar, problem

_PYTHON_FIELD = re.compile(r"(?:\d+|[^\W\d]\w*)?(?:\.[^\W\d]\w*|\[[^\]{}]+\])*\Z")
_INDEX_FIELD = re.compile(r"\d*\Z")
_CSHARP_FIELD = re.compile(r"(\d+)\s*(?:,\s*-?\d+\s*)?\Z")
_BRACE = re.compile(r"[{}]")


@dataclass(frozen=True)
class Dialect:
    field: re.Pattern[str]  # what may stand before `!` or `:`
    conversion: bool = False  # Python's `!r`, `!s`, `!a`
    nested: bool = True  # `{:{width}}`: a field inside the format spec


PYTHON = Dialect(_PYTHON_FIELD, conversion=True)
CPP = Dialect(_INDEX_FIELD)
CSHARP = Dialect(_CSHARP_FIELD, nested=False)


def scan(dialect: Dialect, text: str) -> list[Directive]:
    found: list[Directive] = []
    counter = 0
    index = 0
    numbering: set[bool] = set()  # automatic `{}` and numbered `{0}` fields seen
    while (brace := _BRACE.search(text, index)) is not None:  # from brace to brace: the text between is text
        index = brace.start()
        character = brace.group()
        if text.startswith(character * 2, index):
            index += 2
            continue
        if character == "}":
            found.append(problem(index, index + 1, text, "is a single `}`: write `}}` for a brace"))
            index += 1
            continue
        before = counter
        directive, index, counter = _field(dialect, text, index, counter)
        if directive.problem is None and directive.key[1:-1].isdigit():
            numbering.add(counter > before)
            if len(numbering) > 1:
                message = "mixes automatic `{}` and numbered `{0}` fields, which fails at run time: use one kind"
                directive = Directive(directive.start, directive.end, directive.raw, directive.key, message)
        found.append(directive)
    return found


def _field(dialect: Dialect, text: str, start: int, counter: int) -> tuple[Directive, int, int]:
    """The field that starts at `start`, up to its `}`; a format spec may hold one level of fields (`{:{w}}`).

    The cursor only moves forward, so a line of a thousand `{` is read once: a
    `{` inside a field's name ends that field as broken, and reading goes on
    from the inner `{`.
    """
    index, in_spec = start + 1, False
    while index < len(text) and text[index] != "}":
        character = text[index]
        if character == "{":
            if not (in_spec and dialect.nested):
                message = "is a `{` whose field never closes before the next `{`: write `{{` for a brace"
                return problem(start, start + 1, text, message), index, counter
            inner = _BRACE.search(text, index + 1)
            if inner is None or inner.group(0) == "{":
                break
            index = inner.end()
            continue
        in_spec = in_spec or character == ":" or (dialect.conversion and character == "!")
        index += 1
    if index >= len(text) or text[index] != "}":
        unclosed = problem(start, start + 1, text, "is a `{` that is never closed: write `{{` for a brace")
        return unclosed, len(text), counter
    index += 1
    inner = text[start + 1 : index - 1]
    name, spec = _split(inner, dialect)
    if "{" in name or "}" in name or not dialect.field.match(name) or "{{" in spec:
        return problem(start, index, text, "is not a valid field: write `{{` and `}}` for braces"), index, counter
    argument = name.split(",")[0].strip() if dialect is CSHARP else name
    if argument == "":
        argument, counter = str(counter), counter + 1
    return Directive(start, index, text[start:index], "{" + argument + "}"), index, counter


def _split(inner: str, dialect: Dialect) -> tuple[str, str]:
    """The field name, and what follows it (`!r`, `:>10`)."""
    cut = len(inner)
    for marker in ("!", ":") if dialect.conversion else (":",):
        found = inner.find(marker)
        if found != -1 and found < cut and "[" not in inner[:found].replace("]", ""):
            cut = found
    name, rest = inner[:cut], inner[cut:]
    if dialect.conversion and rest.startswith("!"):
        if len(rest) < 2 or rest[1] not in "rsa" or (len(rest) > 2 and rest[2] != ":"):
            return "{", ""  # an invalid conversion makes the field invalid
        rest = rest[2:]
    return name, rest[1:] if rest.startswith(":") else rest


def _grammar(flag: str, dialect: Dialect, summary: str, example: str) -> Grammar:
    return Grammar(
        flag=flag,
        syntax="brace",
        summary=summary,
        escapes="`{{` and `}}` are braces",
        scan=partial(scan, dialect),
        example=example,
    )


_PERL_FIELD = re.compile(r"\{([^\W\d]\w*)\}")


def scan_perl(text: str) -> list[Directive]:
    """Perl's `{name}` (Locale::TextDomain): a name in braces; other braces are text, there is no escape."""
    return [Directive(m.start(), m.end(), m.group(0), m.group(0)) for m in _PERL_FIELD.finditer(text)]


GRAMMARS = (
    _grammar(
        "python-brace-format", PYTHON, "Python str.format: `{}`, `{0}`, `{name}`, `{name!r:>10}`", "{count} files"
    ),
    _grammar("c++-format", CPP, "C++ std::format: `{}`, `{0}`, `{:>8}`", "{} of {}"),
    _grammar("csharp-format", CSHARP, "C# String.Format: `{0}`, `{0,-10}`, `{1:N2}`", "{0} of {1}"),
    Grammar("perl-brace-format", "brace", "Perl (Locale::TextDomain): `{name}`", "none", scan_perl, "{count} files"),
)
