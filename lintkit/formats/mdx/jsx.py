"""Reading JSX tags and `{…}` expressions in MDX text, with offsets, without evaluating anything.

A tag is read the way MDX reads one: `<Name prop="v" other={…} flag />`,
`</Name>`, fragments `<>` and `</>`; attribute values are quoted strings or
balanced expressions (strings, template literals and comments inside them are
skipped, so a `}` in a string does not end the value). Anything that does not
read as a tag is left as text: `a < b`, `<3`, `<https://…>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z_$][\w$.:-]*")
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True, slots=True)
class RawAttribute:
    """One attribute as written: `kind` is string, expression, boolean or spread; offsets into the text."""

    name: str
    kind: str
    value: str  # the string's content, the expression's inner text, "" for a boolean
    start: int  # where the attribute starts
    value_start: int  # where the value's content starts (inside the quotes or braces)
    value_end: int


@dataclass(frozen=True, slots=True)
class RawTag:
    """One tag: `closing` for `</Name>`, `self_closing` for `<Name />`; `name` is "" for a fragment."""

    name: str
    closing: bool
    self_closing: bool
    attributes: tuple[RawAttribute, ...]
    start: int
    end: int


def read_tag(text: str, start: int) -> RawTag | None:
    """The tag that starts at `text[start] == "<"`, or None when the text there is not a tag."""
    position = start + 1
    closing = text.startswith("/", position)
    if closing:
        position += 1
    if text.startswith(">", position):
        return RawTag("", closing, False, (), start, position + 1)
    name_match = _NAME.match(text, position)
    if name_match is None:
        return None
    name = name_match.group(0)
    position = name_match.end()
    attributes: list[RawAttribute] = []
    while True:
        position = _SPACE.match(text, position).end()
        if position >= len(text):
            return None
        if text.startswith("/>", position):
            return None if closing else RawTag(name, False, True, tuple(attributes), start, position + 2)
        if text[position] == ">":
            return RawTag(name, closing, False, tuple(attributes), start, position + 1)
        if closing:
            return None
        attribute = _read_attribute(text, position)
        if attribute is None:
            return None
        attributes.append(attribute)
        position = _attribute_end(text, attribute)


def _read_attribute(text: str, start: int) -> RawAttribute | None:
    if text[start] == "{":
        end = expression_end(text, start)
        if end < 0:
            return None
        return RawAttribute("", "spread", text[start + 1 : end - 1], start, start + 1, end - 1)
    name_match = _NAME.match(text, start)
    if name_match is None:
        return None
    name = name_match.group(0)
    position = _SPACE.match(text, name_match.end()).end()
    if not text.startswith("=", position):
        return RawAttribute(name, "boolean", "", start, name_match.end(), name_match.end())
    position = _SPACE.match(text, position + 1).end()
    if position >= len(text):
        return None
    quote = text[position]
    if quote in "\"'":
        end = text.find(quote, position + 1)
        if end < 0:
            return None
        return RawAttribute(name, "string", text[position + 1 : end], start, position + 1, end)
    if quote == "{":
        end = expression_end(text, position)
        if end < 0:
            return None
        return RawAttribute(name, "expression", text[position + 1 : end - 1], start, position + 1, end - 1)
    return None


def _attribute_end(text: str, attribute: RawAttribute) -> int:
    if attribute.kind == "boolean":
        return attribute.value_end
    return attribute.value_end + 1  # the closing quote or brace


def expression_end(text: str, start: int) -> int:
    """One past the `}` that closes the `{` at `start`, or -1 when it is never closed.

    Strings, template literals (with their `${…}`), and comments are skipped.
    """
    depth = 0
    position = start
    length = len(text)
    while position < length:
        char = text[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position + 1
        elif char in "\"'":
            end = _string_end(text, position, char)
            if end < 0:
                return -1
            position = end
            continue
        elif char == "`":
            end = _template_end(text, position)
            if end < 0:
                return -1
            position = end
            continue
        elif text.startswith("//", position):
            newline = text.find("\n", position)
            position = length if newline < 0 else newline
            continue
        elif text.startswith("/*", position):
            close = text.find("*/", position + 2)
            if close < 0:
                return -1
            position = close + 2
            continue
        position += 1
    return -1


def _string_end(text: str, start: int, quote: str) -> int:
    position = start + 1
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if char == "\n":
            return -1
        position += 1
    return -1


def _template_end(text: str, start: int) -> int:
    position = start + 1
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "`":
            return position + 1
        if text.startswith("${", position):
            end = expression_end(text, position + 1)
            if end < 0:
                return -1
            position = end
            continue
        position += 1
    return -1
