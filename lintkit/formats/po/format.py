"""Gettext catalogs: a `.po` file is its own source (the msgids), with its `.pot` template when there is one.

`lintkit check messages.po` needs no configuration: a catalog's locale comes
from its folder (`fr/LC_MESSAGES/`), its name (`fr.po`) or its `Language`
header. With a layout, catalogs under the target pattern are checked and
`{source pattern}.pot` is their template.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

from lintkit.formats.base import Format
from lintkit.formats.decoding import empty_document
from lintkit.formats.po.catalog import Catalog, guess_locale, load_catalog
from lintkit.formats.po.documents import CatalogDocuments
from lintkit.model import Document, FilePair, Finding, FrontMatter

TEMPLATE_SUFFIX = ".pot"
_LANGUAGE = re.compile(rb'^"Language:[ \t]*([A-Za-z0-9_@-]*)', re.MULTILINE)


class CatalogFormat(Format):
    """Each translated string is a block aligned with the msgid it translates."""

    name = "po"
    needs_source = False
    says_own_locale = True

    @cached_property
    def documents(self) -> CatalogDocuments:
        return CatalogDocuments(self.settings.placeholders, self.settings.source_locale)

    def source_of(self, target: Path, layout_source: Path) -> Path:
        """The layout's source path as a `.pot`, else a template found by the gettext layouts, else itself."""
        template = layout_source.with_suffix(TEMPLATE_SUFFIX)
        return template if template.is_file() else lone_template(target)

    def own_job(self, path: Path, named: bool) -> tuple[str, Path] | None:
        if path.suffix.lower() == TEMPLATE_SUFFIX:
            return None
        locale = peek_locale(path)
        if not named and locale.replace("_", "-").lower() == self.settings.source_locale.lower():
            return None  # found by walking: the source language's own catalog (Django's en/) is empty by design
        return locale, lone_template(path)

    def load(self, path: str, data: bytes, locale: str) -> Document:
        """The catalog inside a Document; its blocks are built when it is paired."""
        catalog = load_catalog(path, data, locale)
        if isinstance(catalog, Finding):
            return empty_document(path, locale, "", (catalog,), format=self.name)
        if not catalog.locale:
            catalog = replace(catalog, locale=guess_locale(catalog.path, catalog.header))
        return Document(
            path=path,
            locale=catalog.locale,
            text=catalog.text,
            lines=catalog.lines,
            front_matter=FrontMatter({}, {}),
            blocks=(),
            placeholders=(),
            links=(),
            format=self.name,
            catalog=catalog,
        )

    def pair(self, source: Document | None, target: Document, options: dict[str, Any]) -> FilePair:
        catalog = _catalog(target)
        if source is not None and source.catalog is not None:
            catalog = replace(catalog, template=source.catalog)
        return self.documents.pair(catalog, options, self.settings.check_fuzzy)


def _catalog(document: Document) -> Catalog:
    if document.catalog is None:
        raise ValueError(f"{document.path}: not a loaded catalog")
    return document.catalog


def peek_locale(path: Path) -> str:
    """A catalog's locale before it is loaded: from its folder or name, else its `Language` header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        head = b""
    found = _LANGUAGE.search(head)
    language = found.group(1).decode("ascii", "replace") if found else ""
    return guess_locale(path.as_posix(), {"Language": language})


def lone_template(target: Path) -> Path:
    """The template of a catalog found without a layout, by the usual gettext layouts:
    `django.pot` beside `django.po`; the one `.pot` of a GNU `po/` folder beside `fr.po`;
    `locale/django.pot` for `locale/fr/LC_MESSAGES/django.po`. Else the catalog is its own source."""
    beside = target.with_suffix(TEMPLATE_SUFFIX)
    if beside.is_file():
        return beside
    if target.parent.name == "LC_MESSAGES":
        above = target.parent.parent.parent / beside.name
        return above if above.is_file() else target
    templates = sorted(target.parent.glob("*" + TEMPLATE_SUFFIX))
    return templates[0] if len(templates) == 1 else target
