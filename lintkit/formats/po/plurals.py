"""The `Plural-Forms` header: `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : …);`.

The expression is C syntax. It is parsed here (never evaluated with `eval`)
into a small tree, so a broken header is a finding with a reason, and the
numbers each form stands for are known: form 0 in German is only n = 1, where
a translation may write the number in words; form 0 in Russian is 1, 21, 31,
…, where it must keep the number. Without a usable header, CLDR's rules for
the catalog's language (`po/cldr.py`) say the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lintkit.formats.po import cldr

_HEADER = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)
_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_BINARY = {
    "||": (1, lambda a, b: int(bool(a) or bool(b))),
    "&&": (2, lambda a, b: int(bool(a) and bool(b))),
    "==": (3, lambda a, b: int(a == b)),
    "!=": (3, lambda a, b: int(a != b)),
    "<": (4, lambda a, b: int(a < b)),
    ">": (4, lambda a, b: int(a > b)),
    "<=": (4, lambda a, b: int(a <= b)),
    ">=": (4, lambda a, b: int(a >= b)),
    "+": (5, lambda a, b: a + b),
    "-": (5, lambda a, b: a - b),
    "*": (6, lambda a, b: a * b),
    "/": (6, lambda a, b: a // b if b else 0),
    "%": (6, lambda a, b: a % b if b else 0),
}
SAMPLE = range(0, 1001)

Formula = Callable[[int], int]


class PluralFormsError(ValueError):
    """The header does not parse; the message says what is wrong."""


@dataclass(frozen=True)
class PluralForms:
    """A parsed `Plural-Forms` header."""

    nplurals: int
    expression: str
    formula: Formula

    def numbers(self) -> tuple[tuple[int, ...], ...]:
        """For each form, the numbers of 0…1000 that choose it."""
        found: list[list[int]] = [[] for _ in range(self.nplurals)]
        for number in SAMPLE:
            found[self.formula(number)].append(number)
        return tuple(map(tuple, found))

    def single_number_forms(self) -> frozenset[int]:
        """Forms chosen for exactly one number (of 0…1000): they may spell the number out."""
        seen: dict[int, int] = {}
        for number in SAMPLE:
            form = self.formula(number)
            seen[form] = seen.get(form, 0) + 1
        return frozenset(form for form, count in seen.items() if count == 1)


def parse_plural_forms(header: str) -> PluralForms:
    match = _HEADER.match(header)
    if match is None:
        raise PluralFormsError("expected `nplurals=N; plural=EXPRESSION;`")
    nplurals = int(match.group(1))
    if nplurals < 1:
        raise PluralFormsError("nplurals must be at least 1")
    formula = _Parser(match.group(2)).parse()
    for number in SAMPLE:
        form = formula(number)
        if not 0 <= form < nplurals:
            raise PluralFormsError(
                f"the plural expression gives form {form} for n = {number}, but nplurals is {nplurals}"
            )
    return PluralForms(nplurals, match.group(2), formula)


MAX_DEPTH = 100  # real headers nest a few levels; a deeper tree would exhaust the stack when evaluated


class _Parser:
    """Precedence climbing over C's operators, with `?:` lowest and right-associative.

    Every node carries its depth, and parsing stops with a `PluralFormsError`
    past `MAX_DEPTH`: 330 nested parentheses or 1,000 `!` are a finding, not a
    stack overflow (neither while parsing nor while evaluating the formula).
    """

    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise PluralFormsError(
                    f"unexpected {text[position : position + 10].strip()!r} in the plural expression"
                )
            self.tokens.append(match.group(match.lastindex or 0))
            position = match.end()
            while position < len(text) and text[position].isspace():
                position += 1
        self.position = 0
        self.nesting = 0

    def parse(self) -> Formula:
        formula, _ = self._conditional()
        if self.position != len(self.tokens):
            raise PluralFormsError(f"unexpected {self.tokens[self.position]!r} in the plural expression")
        return formula

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> str:
        token = self._peek()
        if token is None or (expected is not None and token != expected):
            raise PluralFormsError(f"expected {expected or 'more'} in the plural expression")
        self.position += 1
        return token

    def _deeper(self, depth: int) -> int:
        """`depth`, checked against the limit; parser nesting counts too (parentheses add no node)."""
        if depth > MAX_DEPTH or self.nesting > MAX_DEPTH:
            raise PluralFormsError(f"the plural expression is nested more than {MAX_DEPTH} levels deep")
        return depth

    def _conditional(self) -> _Node:
        self.nesting += 1
        self._deeper(0)
        condition, depth = self._binary(1)
        if self._peek() == "?":
            self._take("?")
            when_true, true_depth = self._conditional()
            self._take(":")
            when_false, false_depth = self._conditional()
            depth = self._deeper(1 + max(depth, true_depth, false_depth))
            test = condition
            self.nesting -= 1
            return (lambda n: when_true(n) if test(n) else when_false(n)), depth
        self.nesting -= 1
        return condition, depth

    def _binary(self, level: int) -> _Node:
        left, depth = self._unary()
        while (token := self._peek()) in _BINARY and _BINARY[token][0] >= level:
            precedence, operation = _BINARY[self._take()]
            right, right_depth = self._binary(precedence + 1)
            left = _combine(operation, left, right)
            depth = self._deeper(1 + max(depth, right_depth))
        return left, depth

    def _unary(self) -> _Node:
        token = self._take()
        if token == "!":
            count = 1
            while self._peek() == "!":  # a run of `!` is read in a loop, not one call each
                self._take()
                count += 1
            self._deeper(count)
            operand, depth = self._unary()
            negate = count % 2 == 1
            return (lambda n: int(not operand(n)) if negate else int(bool(operand(n)))), self._deeper(depth + 1)
        if token == "(":
            inner = self._conditional()
            self._take(")")
            return inner
        if token == "n":
            return (lambda n: n), 0
        if token.isdigit():
            value = int(token)
            return (lambda n: value), 0
        raise PluralFormsError(f"unexpected {token!r} in the plural expression")


_Node = tuple[Formula, int]  # a parsed subexpression and the depth of its tree


def _combine(operation: Callable[[int, int], int], left: Formula, right: Formula) -> Formula:
    return lambda n: operation(left(n), right(n))


def form_numbers(plural_forms: PluralForms | None, locale: str, forms: int) -> tuple[tuple[int, ...], ...] | None:
    """The numbers (of 0…1000) each of an entry's `forms` stands for: from the header, else from CLDR.

    CLDR's categories are gettext's forms in order; where the usual gettext
    header leaves out CLDR's `many` for millions (French, Spanish: nplurals=2),
    that category is left out too. None when neither source knows.
    """
    if plural_forms is not None:
        return plural_forms.numbers() if plural_forms.nplurals == forms else None
    rules = cldr.categories(locale)
    if rules is None:
        return None
    if len(rules) == forms + 1 and any(rule(1_000_000) and not rule(5) for _, rule in rules):
        rules = tuple((name, rule) for name, rule in rules if not (rule(1_000_000) and not rule(5)))
    if len(rules) != forms:
        return None
    found: list[list[int]] = [[] for _ in rules]
    for number in SAMPLE:
        index = next((position for position, (_, rule) in enumerate(rules) if rule(number)), len(rules) - 1)
        found[index].append(number)
    return tuple(map(tuple, found))
