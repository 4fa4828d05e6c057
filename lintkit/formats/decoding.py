"""Bytes to text, for every file format: binary files and invalid UTF-8 become input findings."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from lintkit.model import Document, Finding, FrontMatter, LineIndex, Span
from lintkit.patterns import on_first_use
from lintkit.problems import input_problem


class NotRegularFile(OSError):
    """A FIFO, socket or device where a text file is expected: reading it could block forever."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"it is a {kind}, not a regular file")
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a file is, in a translator's words, from its `st_mode`."""
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; anything else raises `NotRegularFile` without being opened."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(file_kind(mode))
    return path.read_bytes()


def decode(path: str, data: bytes) -> tuple[str, Any]:
    """UTF-8 text, or the input finding that explains why there is none."""
    if b"\x00" in data[:8192]:
        return "", input_problem("LK901", path, Span.point(1), "the file is binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"the file is not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        return "", input_problem("LK902", path, Span.point(line, column), message)
    return text.removeprefix("\ufeff"), None


_surrogate = on_first_use("[\ud800-\udfff]")


def lone_surrogate(path: str, text: str, encoding: str) -> Finding | None:
    """The input finding for text that decoded to a lone surrogate (UTF-7 and UTF-16 can encode one):
    it is no character, so it cannot be printed or written anywhere."""
    found = _surrogate().search(text)
    if found is None:
        return None
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    message = f"the file is not valid {encoding}: it encodes U+{ord(found.group(0)):04X}, which is not a character"
    return input_problem("LK902", path, Span.point(line, column), message)


MAX_LINE_LENGTH = 100_000  # characters; longer lines are embedded data (base64 images, minified markup)


def cut_long_lines(path: str, text: str) -> tuple[str, list[Finding]]:
    """`text` with the part of each line past `MAX_LINE_LENGTH` blanked (same length, so no position
    moves), and an LK907 finding for each such line: the work on one file stays bounded."""
    if len(text) <= MAX_LINE_LENGTH:
        return text, []
    pieces: list[str] = []
    problems: list[Finding] = []
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_LENGTH:
            cut = start + MAX_LINE_LENGTH
            pieces.append(text[start:cut] + " " * (end - cut))
            message = (
                f"line {number} is {end - start:,} characters long; only its first {MAX_LINE_LENGTH:,} were checked"
            )
            problems.append(
                input_problem("LK907", path, Span(number, MAX_LINE_LENGTH + 1, number, end - start + 1), message)
            )
        else:
            pieces.append(text[start:end])
        start = end + 1
        number += 1
    return "\n".join(pieces), problems


def empty_document(path: str, locale: str, text: str, problems: tuple, format: str = "markdown") -> Document:
    """A file that could not be read: no blocks, and the problems that say why."""
    return Document(
        path=path,
        locale=locale,
        text=text,
        lines=LineIndex.of(text),
        front_matter=FrontMatter({}, {}),
        blocks=(),
        placeholders=(),
        links=(),
        problems=problems,
        format=format,
        parsed=False,
    )
