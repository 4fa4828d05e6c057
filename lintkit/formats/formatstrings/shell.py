"""Shell variables (`sh-format`, for `envsubst`): `$name` and `${name}`; `$` alone is text."""

from __future__ import annotations

import re

from lintkit.formats.formatstrings.base import Directive, Grammar

_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))")


def scan(text: str) -> list[Directive]:
    return [
        Directive(m.start(), m.end(), m.group(0), "$" + (m.group(1) or m.group(2))) for m in _VARIABLE.finditer(text)
    ]


GRAMMARS = (Grammar("sh-format", "shell", "shell: `$HOME`, `${count}`", "none", scan, "$count files"),)
