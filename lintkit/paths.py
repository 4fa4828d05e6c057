"""File names as lintkit shows them, and back.

A POSIX file name is bytes: it may be invalid UTF-8 (`caf\\xe9.md`, decoded by
Python with surrogate escapes) or hold a newline. Such a name cannot be
printed, written to JSON, a baseline or a report as it is, and a newline would
split one finding into two output lines. The display form escapes exactly
those characters, so it is plain printable text; `real_name` undoes it to find
the file again.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lintkit.patterns import on_first_use

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# undecodable bytes (surrogate escapes), C0 and C1 controls, DEL, and the Unicode line and paragraph separators
_UNSAFE = re.compile("[\udc80-\udcff\x00-\x1f\x7f-\x9f\u2028\u2029]")


_escape_sequence = on_first_use(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([nrt]))")


def _escape(match: re.Match[str]) -> str:
    character = match.group(0)
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"  # \\x80 and above are bytes


def safe_name(name: str) -> str:
    """`name` with undecodable bytes and control characters written as escapes (`\\xe9`, `\\n`)."""
    return _UNSAFE.sub(_escape, name)


def display_path(path: Path, cwd: Path) -> str:
    """A path as findings show it: relative to `cwd`, POSIX separators, in its safe form."""
    return safe_name(Path(os.path.relpath(path, cwd)).as_posix())


def _unescape(match: re.Match[str]) -> str:
    byte, code, named = match.groups()
    if named:
        return {"n": "\n", "r": "\r", "t": "\t"}[named]
    value = int(byte or code, 16)
    return chr(0xDC00 + value) if byte and value >= 0x80 else chr(value)


def real_name(shown: str) -> str:
    """The file name a display form stands for (the name itself when nothing in it was escaped)."""
    return _escape_sequence().sub(_unescape, shown) if "\\" in shown else shown
