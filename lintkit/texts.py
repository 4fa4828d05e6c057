"""The lines of the files that findings point into, read once per run.

Suppression comments and baseline fingerprints need the text around a
finding; files are read again here (not kept from loading) so that this works
for every file kind and for files that could not be parsed at all.
"""

from __future__ import annotations

from pathlib import Path


class FileTexts:
    """Lines of files by their display path (relative to `cwd`); an unreadable file has no lines."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._lines: dict[str, list[str]] = {}

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                data = (self.cwd / path).read_bytes()
            except OSError:
                data = b""
            # errors="replace" keeps line numbers right in files that are not valid UTF-8
            # and splitting on "\n" alone counts lines the way the loaders do
            text = data.decode("utf-8", errors="replace")
            self._lines[path] = [line.removesuffix("\r") for line in text.split("\n")]
        return self._lines[path]

    def line(self, path: str, number: int) -> str:
        lines = self.lines(path)
        return lines[number - 1] if 1 <= number <= len(lines) else ""
