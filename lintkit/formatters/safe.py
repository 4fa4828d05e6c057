"""Document text made safe to print where other programs read the output.

Messages quote the documents, and paths are file names: either can hold a
terminal escape (ESC `[2J`, OSC 52 writing the clipboard), a carriage return
that overwrites what was printed, a bidi override that makes a line read
differently from what it is, or a new line followed by a GitHub Actions
workflow command (`::error …`, `::set-output …`, the older `##[…]`), which a
CI log executes. Each such character is shown as a visible escape (`\\x1b`,
`\\u202e`), so every finding stays on its one `path:line:column: CODE message`
line and nothing in it can start a command.
"""

from __future__ import annotations

import re

from lintkit.patterns import on_first_use

# C0 controls (tab and new line too), DEL, C1 controls, bidi marks, overrides and isolates, line separators;
# compiled on first use (about a millisecond): a clean run prints no document text
_unsafe = on_first_use("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_OLD_COMMAND = "##["  # GitHub's older command syntax, read anywhere in a line


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep_new_lines: bool = False) -> str:
    """`text` on one line, with every control, bidi or separator character written as an escape.

    `keep_new_lines` leaves line feeds to a format that escapes them itself
    (GitHub's `%0A` inside one command).
    """
    if keep_new_lines:
        return "\n".join(visible(part) for part in text.split("\n"))
    return _unsafe().sub(_escape, text).replace(_OLD_COMMAND, "#\\x23[")


def line_start(path: str) -> str:
    """A path that begins an output line: visible, and never read as a workflow command (`::…`)."""
    shown = visible(path)
    if shown.lstrip().startswith(":"):
        return "./" + shown
    return shown
