"""Output formats. A formatter sees only findings and the run's counts, never documents."""

from __future__ import annotations

from lintkit.formatters.base import Formatter, Summary
from lintkit.formatters.json import JsonFormatter
from lintkit.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}

__all__ = ["FORMATTERS", "Formatter", "Summary"]
