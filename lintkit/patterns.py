"""Regular expressions compiled on first use.

Python compiles every pattern a module defines when the module is imported, and
a one-file check (a pre-commit hook) imports every rule: patterns that only rare
inputs need would cost each run milliseconds for nothing. `on_first_use` gives a
function that compiles its pattern the first time it is called and returns the
same compiled pattern after that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning `re.compile(pattern, flags)`, compiled when it is first called."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
