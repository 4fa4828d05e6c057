"""Shared test helpers: parse inline Markdown strings into documents and pairs, run one rule."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from lintkit.formats import Formats
from lintkit.formats.align import align
from lintkit.formats.base import FormatSettings
from lintkit.model import Document, FilePair, Finding
from lintkit.rules import builtin_rules, find_rule

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = Formats(FormatSettings(("hugo", "jinja", "erb")))
SUFFIXES = {"markdown": ".md", "mdx": ".mdx"}


def corpus() -> Path:
    """The shared corpus of real translations; tests that need it skip cleanly where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


def document(text: str, path: str = "fr/page.md", locale: str = "fr") -> Document:
    format = FORMATS.for_path(path)
    assert format is not None, path
    return format.load(path, textwrap.dedent(text).encode("utf-8"), locale)


def pair_of(source: str, target: str, options: dict | None = None, format: str = "markdown") -> FilePair:
    suffix = SUFFIXES[format]
    source_document = document(source, f"en/page{suffix}", "en")
    target_document = document(target, f"fr/page{suffix}", "fr")
    return FilePair(
        source_document,
        target_document,
        align(source_document.blocks, target_document.blocks),
        options or {"translatable-keys": ("title", "description")},
    )


def run_rule(
    code: str, source: str, target: str, options: dict | None = None, format: str = "markdown"
) -> list[Finding]:
    rule = find_rule(code)
    assert rule is not None, f"no rule {code}"
    pair = pair_of(source, target, options, format)
    return sorted(rule.check(pair), key=Finding.sort_key)


def all_rules():
    return builtin_rules()


def run_catalog_rule(code: str, case: dict) -> list[Finding]:
    """A rule over a PO fixture: `catalog` (the .po text), optional `template` (.pot text) and `options`."""
    from lintkit.formats.po.catalog import load_catalog
    from lintkit.formats.po.documents import CatalogDocuments

    rule = find_rule(code)
    assert rule is not None, f"no rule {code}"
    options = case.get("options") or {}
    path, locale = case.get("path", "fr/messages.po"), case.get("locale", "fr")
    catalog = load_catalog(path, textwrap.dedent(case["catalog"]).encode(), locale)
    if "template" in case:
        template = load_catalog("en/messages.pot", textwrap.dedent(case["template"]).encode())
        catalog = replace(catalog, template=template)
    documents = CatalogDocuments(tuple(options.get("placeholders", ("hugo", "jinja", "erb"))))
    pair = documents.pair(catalog, {"translatable-keys": ()}, options.get("check-fuzzy", False))
    return sorted(rule.check(pair), key=Finding.sort_key)


def fixture_cases(folder: Path):
    """`pytest.param(rule, case)` for every case of every `<CODE>.yaml` fixture file in `folder`."""
    import yaml

    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}-{case['name']}")


# Short texts in several languages (and some that are no language) that the language detector is asked about.
SAMPLE_SENTENCES = [
    "Share the page with your class before the hour starts.",
    "Partagez la page avec votre classe avant le début de l'heure.",
    "Teilen Sie die Seite mit Ihrer Klasse, bevor die Stunde beginnt.",
    "Compartan la página con su clase antes de que empiece la hora.",
    "Поделитесь этой страницей с классом до начала урока.",
    "OK",
    "",
    "1234 5678",
]
