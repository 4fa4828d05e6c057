"""Safe-by-default HTML building: every string is escaped unless it is `Markup`.

Document text (translations, sources, file names, messages) reaches the report
only as plain `str`, so it is always escaped: a translation that contains
`<script>` or `"><img onerror=…>` shows as text. Only this module and the page's
own fixed templates create `Markup`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache

_QUOTED = re.compile(r'`([^`]+)`|"([^"\n]+)"')

# Attribute names are fixed by the report's code, never taken from documents; this guards against mistakes.
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*\Z")


@cache
def _checked_name(name: str) -> str:
    if not _ATTRIBUTE_NAME.match(name) or name.lower().startswith("on"):
        raise ValueError(f"unsafe attribute name {name!r}")
    return name


class Markup(str):
    """Text that is already HTML; `escape()` passes it through unchanged."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """HTML for a value: `Markup` as is, anything else escaped (quotes included, for attributes)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def join(parts: Iterable[object]) -> Markup:
    return Markup("".join(escape(part) for part in parts))


def element(tag: str, attributes: dict[str, object] | None = None, *children: object) -> Markup:
    """`<tag attributes>children</tag>`; an attribute whose value is None or False is left out, True is bare."""
    rendered = [tag]
    for name, value in (attributes or {}).items():
        if value is None or value is False:
            continue
        name = _checked_name(name)
        rendered.append(name if value is True else f'{name}="{escape(value)}"')
    return Markup(f"<{' '.join(rendered)}>{join(children)}</{tag}>")


def isolated(text: str) -> Markup:
    """Document text (a path, a heading) in `<bdi>`: its direction is its own, and it cannot reorder
    the text around it."""
    return element("bdi", None, text)


def with_code(text: str) -> Markup:
    """A finding's message, its `quoted` parts (placeholders, URLs, headings) shown as code.

    The quoted parts are document text, so each is isolated: a right-to-left quote keeps its order
    and the message's own words stay where they are.
    """
    parts: list[object] = []
    position = 0
    for found in _QUOTED.finditer(text):
        if found.group(1) is not None:
            quoted = element("bdi", None, element("code", None, found.group(1)))
        else:
            quoted = join(['"', isolated(found.group(2)), '"'])
        parts += [text[position : found.start()], quoted]
        position = found.end()
    parts.append(text[position:])
    return join(parts)
