"""The file formats lintkit reads, registered in one place.

A format claims paths by suffix, finds the file a translation is compared with,
loads bytes into a `Document`, pairs a source and a target, and names its
suppression-comment syntax. The registry lists each format by name, suffixes
and the class that implements it; the class is imported only when a file of
that format is met, so a run over Markdown never imports the catalog code.

Adding a format is one module and one line in `REGISTRY`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lintkit.formats.base import Format, FormatSettings


@dataclass(frozen=True)
class FormatEntry:
    """One registered format: what it is called, which files it reads, where its class lives."""

    name: str
    suffixes: tuple[str, ...]  # every suffix it reads, lower case
    implementation: str  # "module:Class"
    # The comment syntax of inline suppressions: "html" (`<!-- lintkit-… -->`), "mdx" (`{/* lintkit-… */}`),
    # "po" (`# lintkit: ignore …`).
    suppression: str = "html"
    templates: tuple[str, ...] = ()  # suffixes of sources only, never checked as translations

    def claims(self, path: str | Path) -> bool:
        return str(path).lower().endswith(self.suffixes)


REGISTRY: tuple[FormatEntry, ...] = (
    FormatEntry("markdown", (".md", ".markdown"), "lintkit.formats.markdown.format:MarkdownFormat"),
    FormatEntry("mdx", (".mdx",), "lintkit.formats.mdx:MdxFormat", suppression="mdx"),
    FormatEntry(
        "po", (".po", ".pot"), "lintkit.formats.po.format:CatalogFormat", suppression="po", templates=(".pot",)
    ),
)

FORMAT_NAMES: tuple[str, ...] = tuple(entry.name for entry in REGISTRY)


def entry_for(path: str | Path) -> FormatEntry | None:
    """The format that reads `path`, or None when no format does."""
    return next((entry for entry in REGISTRY if entry.claims(path)), None)


def comment_syntax(path: str | Path) -> str:
    """The suppression-comment syntax of a file: its format's, HTML comments for files no format reads."""
    entry = entry_for(path)
    return entry.suppression if entry is not None else "html"


def default_include() -> tuple[str, ...]:
    """The `include` default: every suffix a format checks as a translation."""
    return tuple(f"*{suffix}" for entry in REGISTRY for suffix in entry.suffixes if suffix not in entry.templates)


class Formats:
    """The formats of one run, each built once with the run's settings."""

    def __init__(self, settings: FormatSettings) -> None:
        self.settings = settings
        self._built: dict[str, Format] = {}

    def for_path(self, path: str | Path) -> Format | None:
        entry = entry_for(path)
        return self.get(entry.name) if entry is not None else None

    def get(self, name: str) -> Format:
        if name not in self._built:
            entry = next(entry for entry in REGISTRY if entry.name == name)
            module_name, _, class_name = entry.implementation.partition(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            self._built[name] = cls(self.settings)
        return self._built[name]
