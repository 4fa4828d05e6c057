"""Output formats. A formatter sees only findings and the run's counts, never documents.

`FORMATTERS` maps each format's name to its class; a format's module is
imported the first time its class is asked for, so a run that prints text
never loads the SARIF, JUnit or Markdown code. `Formatter` and `Summary` load
on first use too: `lintkit --version` and `--help` need only the names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lintkit.formatters.base import Formatter, Summary

_CLASSES = {
    "text": "lintkit.formatters.text:TextFormatter",
    "json": "lintkit.formatters.json:JsonFormatter",
    "github": "lintkit.formatters.github:GithubFormatter",
    "sarif": "lintkit.formatters.sarif:SarifFormatter",
    "junit": "lintkit.formatters.junit:JunitFormatter",
    "markdown": "lintkit.formatters.markdown:MarkdownFormatter",
}


class _Formatters(Mapping[str, "type[Formatter]"]):
    """Format name -> formatter class, importing the class's module on first use."""

    def __getitem__(self, name: str) -> type[Formatter]:
        module, _, attribute = _CLASSES[name].partition(":")
        return getattr(import_module(module), attribute)

    def __iter__(self) -> Iterator[str]:
        return iter(_CLASSES)

    def __len__(self) -> int:
        return len(_CLASSES)


FORMATTERS: Mapping[str, type[Formatter]] = _Formatters()

__all__ = ["FORMATTERS", "Formatter", "Summary"]


def __getattr__(name: str) -> Any:
    """`Formatter` and `Summary`, from `formatters.base` when first asked for."""
    if name in ("Formatter", "Summary"):
        from lintkit.formatters import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
