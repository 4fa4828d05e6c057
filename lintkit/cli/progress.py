"""A progress bar on stderr for long runs, and only where a person is watching.

Shown when stderr is a terminal, `CI` is not set, and the run has more than a
handful of files; otherwise `progress_bar()` returns None and the engine
reports progress to nobody. The bar erases itself when the run is done, so
the terminal keeps only the findings.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

MINIMUM_FILES = 8
WIDTH = 30
REDRAW_SECONDS = 0.1


class ProgressBar:
    """Called as `bar(done, total)` after each file; draws `checking [#####-----] 12/70 files`."""

    def __init__(self, stream: TextIO, label: str = "checking", clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.label = label
        self.clock = clock
        self.last_drawn = float("-inf")
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total < MINIMUM_FILES:
            return
        if done >= total:
            self.finish()
            return
        now = self.clock()
        if now - self.last_drawn < REDRAW_SECONDS:
            return
        self.last_drawn = now
        filled = WIDTH * done // total
        self.stream.write(f"\r{self.label} [{'#' * filled}{'-' * (WIDTH - filled)}] {done}/{total} files")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False


def progress_bar(
    stream: TextIO | None = None, environ: Mapping[str, str] | None = None, label: str = "checking"
) -> ProgressBar | None:
    """A bar for `Engine.run(progress=...)`, or None where nobody watches (CI, pipes, files)."""
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if "CI" in environ or not _is_terminal(stream):
        return None
    return ProgressBar(stream, label)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or unusual streams are not terminals
        return False
