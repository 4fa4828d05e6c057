"""The lines of the files that findings point into, read when the gate needs them.

Suppression comments and baseline fingerprints need the text around a
finding; files are read again here (not kept from loading) so that this works
for every file kind and for files that could not be parsed at all. Lines are
cut the way the loaders cut them: `\\r\\n`, `\\r` and `\\n` each end a line.

Only the most recently read files are kept, so the gate's memory does not grow
with the site: its passes (suppressions, then fingerprints) go through the
files in path order, so each file is read about once per pass.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from lintkit.formats.decoding import read_regular
from lintkit.paths import real_name


def split_lines(text: str) -> list[str]:
    """The lines of `text` as the loaders number them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class FileTexts:
    """Lines of files by their display path (relative to `cwd`); an unreadable file has no lines."""

    KEPT = 64  # files whose lines stay in memory

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._lines: OrderedDict[str, list[str]] = OrderedDict()

    def lines(self, path: str) -> list[str]:
        if path in self._lines:
            self._lines.move_to_end(path)
            return self._lines[path]
        # errors="replace" keeps line numbers right in files that are not valid UTF-8
        lines = self._lines[path] = split_lines(self._read(path).decode("utf-8", errors="replace"))
        if len(self._lines) > self.KEPT:
            self._lines.popitem(last=False)
        return lines

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
