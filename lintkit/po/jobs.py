"""Checking one `.po` file: it is its own source (the msgids), with its `.pot` template when there is one.

`lintkit check messages.po` needs no configuration: the file's locale comes
from its folder (`fr/LC_MESSAGES/`), its name (`fr.po`) or its `Language`
header. With a configuration, catalogs under the target pattern are checked
and `{source pattern}.pot` is their template.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintkit.decoding import empty_document
from lintkit.model import Document, FilePair, Finding, Span
from lintkit.po.catalog import Catalog, guess_locale, load_catalog
from lintkit.po.documents import CatalogDocuments
from lintkit.problems import input_problem

if TYPE_CHECKING:
    from lintkit.project import Job

CATALOG_SUFFIXES = (".po",)
_LANGUAGE = re.compile(rb'^"Language:[ \t]*([A-Za-z0-9_@-]*)', re.MULTILINE)
TEMPLATE_SUFFIX = ".pot"


def is_catalog(path: Path) -> bool:
    return path.suffix.lower() in CATALOG_SUFFIXES


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


def catalog_source(target: Path, source: Path) -> Path:
    """The template a translated catalog is compared with: the source path as `.pot`, else one found by the
    gettext layouts, else the catalog itself."""
    template = source if source.suffix == TEMPLATE_SUFFIX else source.with_suffix(TEMPLATE_SUFFIX)
    return template if template.is_file() else lone_template(target)


def lone_template(target: Path) -> Path:
    """The template of a catalog named outside the layout, found by the usual gettext layouts:
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


class CatalogJobs:
    """Loads catalogs and their templates (each template once per run) and builds their FilePairs."""

    def __init__(self, syntaxes: tuple[str, ...], source_locale: str, check_fuzzy: bool) -> None:
        self.documents = CatalogDocuments(syntaxes, source_locale)
        self.check_fuzzy = check_fuzzy
        self._templates: dict[Path, Catalog | Finding] = {}
        self._reported: set[Path] = set()

    def document(self, path: str, data: bytes, locale: str) -> Document:
        """The msgstrs of a catalog as a Document (what other files' links and rules see of it)."""
        catalog = load_catalog(path, data, locale)
        if isinstance(catalog, Finding):
            return empty_document(path, locale, "", (catalog,))
        return self.documents.pair(catalog, {}, self.check_fuzzy).target

    def pair(
        self, job: Job, display: Callable[[Path], str], options: dict[str, Any]
    ) -> tuple[FilePair | None, list[Finding]]:
        target, source = job.target, job.source
        catalog = _read(target, display(target), job.locale)
        if isinstance(catalog, Finding):
            return None, [catalog]
        problems: list[Finding] = []
        if not catalog.locale:
            catalog = replace(catalog, locale=guess_locale(catalog.path, catalog.header))
        if source != target:
            template = self._template(source, display)
            if isinstance(template, Catalog):
                catalog = replace(catalog, template=template)
            elif source not in self._reported:  # a broken template is reported once, not per catalog
                self._reported.add(source)
                problems.append(template)
        return self.documents.pair(catalog, options, self.check_fuzzy), problems

    def _template(self, path: Path, display: Callable[[Path], str]) -> Catalog | Finding:
        if path not in self._templates:
            self._templates[path] = _read(path, display(path), "")
        return self._templates[path]


def _read(path: Path, shown: str, locale: str) -> Catalog | Finding:
    try:
        data = path.read_bytes()
    except OSError as error:
        return input_problem("LK900", shown, Span.point(1), f"cannot read the file: {error.strerror}")
    return load_catalog(shown, data, locale)
