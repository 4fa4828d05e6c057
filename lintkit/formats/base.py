"""What every format provides, and the settings a run hands to the formats.

Formats know no rules and no configuration file: the run turns the
configuration into `FormatSettings` once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from lintkit.model import Document, FilePair

# Props of JSX components whose values are prose (translated), by default.
DEFAULT_TEXT_PROPS = ("title", "label", "alt", "caption", "description", "cta", "text", "placeholder", "summary")
# Props whose values are link destinations.
DEFAULT_LINK_PROPS = ("href", "link", "src", "url")


@dataclass(frozen=True)
class FormatSettings:
    """The part of a run's configuration that reading files depends on."""

    placeholders: tuple[str, ...]
    source_locale: str = "en"
    check_fuzzy: bool = False
    text_props: tuple[str, ...] = DEFAULT_TEXT_PROPS
    link_props: tuple[str, ...] = DEFAULT_LINK_PROPS
    extra: dict[str, Any] = field(default_factory=dict)


class Format:
    """Base class of the formats: subclasses set `name` and implement `load` and `pair`."""

    name: ClassVar[str] = ""
    # Whether a translation can be checked without its source file (a catalog is its own source).
    needs_source: ClassVar[bool] = True
    # Whether a file says its own locale (a catalog's folder, name or header), so it needs no layout.
    says_own_locale: ClassVar[bool] = False

    def __init__(self, settings: FormatSettings) -> None:
        self.settings = settings

    def source_of(self, target: Path, layout_source: Path) -> Path:
        """The file a translation is compared with, given the path its layout names."""
        return layout_source

    def own_job(self, path: Path, named: bool) -> tuple[str, Path] | None:
        """For a file that says its own locale (a catalog): its locale and its source, found without a layout.

        `named`: the file was named on the command line. None: the format needs the layout.
        """
        return None

    def load(self, path: str, data: bytes, locale: str) -> Document:
        raise NotImplementedError

    def pair(self, source: Document | None, target: Document, options: dict[str, Any]) -> FilePair:
        """A source and a target as the rules read them; `source` is None when the target is its own source."""
        raise NotImplementedError
