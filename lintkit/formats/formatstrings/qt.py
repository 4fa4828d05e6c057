"""Qt's `QString::arg` markers: `%1` to `%99`, `%L1` for a localized number; `%n` in plural strings.

Qt has no escape: a `%` not followed by a digit is printed as it is. The
markers may come in any order, so a translation reorders them freely.
"""

from __future__ import annotations

import re

from lintkit.formats.formatstrings.base import Directive, Grammar

_MARKER = re.compile(r"%L?([1-9]\d?)")
_PLURAL_MARKER = re.compile(r"%L?(n)")


def scan(text: str, plural: bool = False) -> list[Directive]:
    pattern = _PLURAL_MARKER if plural else _MARKER
    markers = [Directive(m.start(), m.end(), m.group(0), "%" + m.group(1)) for m in pattern.finditer(text)]
    if plural:
        markers += scan(text)
        markers.sort(key=lambda directive: directive.start)
    return markers


GRAMMARS = (
    Grammar("qt-format", "qt", "Qt: `%1`, `%2`, `%L1`", "no escape: `%` alone is text", scan, "%1 of %2"),
    Grammar(
        "qt-plural-format",
        "qt",
        "Qt plural strings: `%n` is the number, `%1` the other arguments",
        "no escape: `%` alone is text",
        lambda text: scan(text, plural=True),
        "%n files",
        number_key=lambda key: key == "%n",
    ),
)
