"""Chooses the loader for a file by its kind, and builds each loader once per process."""

from __future__ import annotations

from lintkit.config import Config
from lintkit.markdown.parse import MarkdownLoader
from lintkit.model import Document


class Loaders:
    """Bytes to Document, whatever the file format."""

    def __init__(self, config: Config) -> None:
        self.markdown = MarkdownLoader(tuple(config["placeholders"]))

    def load(self, path: str, data: bytes, locale: str) -> Document:
        return self.markdown.load(path, data, locale)
