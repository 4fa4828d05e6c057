"""Bytes to text, for every file format: binary files and invalid UTF-8 become input findings."""

from __future__ import annotations

from typing import Any

from lintkit.model import Document, FrontMatter, LineIndex, Span
from lintkit.problems import input_problem


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
