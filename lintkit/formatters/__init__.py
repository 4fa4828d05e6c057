"""Output formats. A formatter sees only findings and the run's counts, never documents."""

from __future__ import annotations

from lintkit.formatters.base import Formatter, Summary
from lintkit.formatters.github import GithubFormatter
from lintkit.formatters.json import JsonFormatter
from lintkit.formatters.junit import JunitFormatter
from lintkit.formatters.markdown import MarkdownFormatter
from lintkit.formatters.sarif import SarifFormatter
from lintkit.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "github": GithubFormatter,
    "sarif": SarifFormatter,
    "junit": JunitFormatter,
    "markdown": MarkdownFormatter,
}

__all__ = ["FORMATTERS", "Formatter", "Summary"]
