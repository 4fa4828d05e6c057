"""The MDX format: pages and their translations aligned block by block, like Markdown."""

from __future__ import annotations

from functools import cached_property

from lintkit.formats.markdown.format import MarkdownFormat
from lintkit.formats.mdx.loader import MdxLoader
from lintkit.model import Document


class MdxFormat(MarkdownFormat):
    """Markdown's pairing, MDX's reading."""

    name = "mdx"

    @cached_property
    def mdx_loader(self) -> MdxLoader:
        return MdxLoader(self.settings.placeholders, self.settings.text_props, self.settings.link_props)

    def load(self, path: str, data: bytes, locale: str) -> Document:
        return self.mdx_loader.load(path, data, locale)
