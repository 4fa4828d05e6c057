"""CommonMark with front matter and template placeholders: `.md` and `.markdown` files."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from lintkit.formats.align import align
from lintkit.formats.base import Format
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.model import Document, FilePair


class MarkdownFormat(Format):
    """A page and its translation, aligned block by block."""

    name = "markdown"

    @cached_property
    def loader(self) -> MarkdownLoader:
        return MarkdownLoader(self.settings.placeholders)

    def load(self, path: str, data: bytes, locale: str) -> Document:
        return self.loader.load(path, data, locale)

    def pair(self, source: Document | None, target: Document, options: dict[str, Any]) -> FilePair:
        if source is None:
            raise ValueError(f"{target.path}: a Markdown translation needs its source")
        return FilePair(source, target, align(source.blocks, target.blocks), options)
