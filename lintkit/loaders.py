"""Chooses the loader for a file by its kind, and builds each loader once per process."""

from __future__ import annotations

from lintkit.config import Config
from lintkit.markdown.parse import MarkdownLoader
from lintkit.model import Document
from lintkit.po.jobs import CatalogJobs


class Loaders:
    """Bytes to Document, whatever the file format."""

    def __init__(self, config: Config) -> None:
        self.markdown = MarkdownLoader(tuple(config["placeholders"]))
        self.catalogs = CatalogJobs(tuple(config["placeholders"]), config["source-locale"], config["check-fuzzy"])

    def load(self, path: str, data: bytes, locale: str) -> Document:
        if path.lower().endswith((".po", ".pot")):
            return self.catalogs.document(path, data, locale)
        return self.markdown.load(path, data, locale)
