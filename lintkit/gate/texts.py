"""The lines of the files that findings point into, read once per run.

Suppression comments and baseline fingerprints need the text around a
finding; files are read again here (not kept from loading) so that this works
for every file kind and for files that could not be parsed at all. Lines are
cut the way the loaders cut them: `\\r\\n`, `\\r` and `\\n` each end a line.
"""

from __future__ import annotations

from pathlib import Path

from lintkit.formats.decoding import read_regular
from lintkit.paths import real_name


def split_lines(text: str) -> list[str]:
    """The lines of `text` as the loaders number them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class FileTexts:
    """Lines of files by their display path (relative to `cwd`); an unreadable file has no lines."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._lines: dict[str, list[str]] = {}

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            # errors="replace" keeps line numbers right in files that are not valid UTF-8
            self._lines[path] = split_lines(self._read(path).decode("utf-8", errors="replace"))
        return self._lines[path]

    def _read(self, shown: str) -> bytes:
        """The file a display path names; a FIFO or device is never opened."""
        for name in dict.fromkeys((shown, real_name(shown))):
            try:
                return read_regular(self.cwd / name)
            except OSError:
                continue
        return b""

    def line(self, path: str, number: int) -> str:
        lines = self.lines(path)
        return lines[number - 1] if 1 <= number <= len(lines) else ""
