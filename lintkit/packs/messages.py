"""A pack rule's `message` is checked when the pack loads, against the fields its kind fills in.

A message is a `str.format` template. `{}`, `{0}`, `{found.upper}`, `{found[0]}`, `{found!x}` or a nested
`{found:{width}}` would only fail when the rule first reports, and then on every file (LK909); here each
is a pack error with its line, before any file is read.
"""

from __future__ import annotations

import string
from collections.abc import Sequence


def check_message(message: object, fields: Sequence[str], key: str = "message", line: int | None = None) -> str:
    """`message` when it can be formatted with exactly `fields` (as strings or numbers); else ValueError
    with the reason, the key and the line, as the pack loader reports them."""
    if not isinstance(message, str):
        raise ValueError(f"`{key}` must be a string", key, line)
    known = ", ".join(f"{{{name}}}" for name in fields)
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as error:  # a lone `{` or `}`
        raise ValueError(
            f"`{key}` is not a valid message: {error} (write `{{{{` for a literal brace)", key, line
        ) from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in fields:
            shown = f"{{{name}}}"
            if name == "" or name.isdigit():
                raise ValueError(f"`{key}` has a field without a name, {shown}; use one of {known}", key, line)
            raise ValueError(f"unknown field {shown} in `{key}` (known: {', '.join(fields)})", key, line)
        if conversion not in (None, "r", "s", "a"):
            raise ValueError(f"`{key}`: {{{name}!{conversion}}} is not a conversion (use !r, !s or !a)", key, line)
        if spec:
            raise ValueError(f"`{key}`: {{{name}:{spec}}} has a format spec; write the field alone", key, line)
    return message
