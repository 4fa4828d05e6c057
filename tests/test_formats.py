"""The format seam: one registry, formats chosen by path, rules by the formats they declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lintkit.formats as formats
from lintkit.config import KEYS, Config
from lintkit.formats.base import Format
from lintkit.formats.placeholders import compile_scanner, find_placeholders
from lintkit.model import AlignedPair, Block, Document, FilePair, FrontMatter, LineIndex, Span
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

ROOT = Path(__file__).resolve().parents[1]


class LinesFormat(Format):
    """A format of one block per line, registered by a test to show what a new format takes."""

    name = "lines"

    def load(self, path: str, data: bytes, locale: str) -> Document:
        text = data.decode("utf-8")
        lines = LineIndex.of(text)
        found = find_placeholders(text, compile_scanner(self.settings.placeholders), lines)
        blocks = tuple(
            Block(
                index,
                "paragraph",
                Span(index + 1, 1, index + 1, len(line) + 1),
                line,
                line,
                placeholders=tuple(p for p in found if p.span.line == index + 1),
            )
            for index, line in enumerate(text.splitlines())
        )
        return Document(path, locale, text, lines, FrontMatter({}, {}), blocks, tuple(found), (), format=self.name)

    def pair(self, source: Document | None, target: Document, options: dict[str, Any]) -> FilePair:
        assert source is not None
        alignment = tuple(map(AlignedPair, source.blocks, target.blocks))
        return FilePair(source, target, alignment, options)


def test_each_path_goes_to_the_format_that_claims_its_suffix() -> None:
    assert formats.entry_for("fr/page.md").name == "markdown"
    assert formats.entry_for("fr/PAGE.MARKDOWN").name == "markdown"
    assert formats.entry_for("fr/page.mdx").name == "mdx"
    assert formats.entry_for("locale/fr/LC_MESSAGES/django.po").name == "po"
    assert formats.entry_for("messages.pot").name == "po"
    assert formats.entry_for("docs/index.rst") is None


def test_the_include_default_comes_from_the_registry_without_templates() -> None:
    assert KEYS["include"].default == ("*.md", "*.markdown", "*.mdx", "*.po")


def test_the_suppression_syntax_is_the_formats() -> None:
    assert formats.comment_syntax("fr/a.md") == "html"
    assert formats.comment_syntax("fr/a.mdx") == "mdx"
    assert formats.comment_syntax("fr.po") == "po"
    assert formats.comment_syntax("notes.txt") == "html"


def test_a_new_format_is_one_class_and_one_registry_line(tmp_path: Path, monkeypatch) -> None:
    entry = formats.FormatEntry("lines", (".txt",), f"{__name__}:LinesFormat")
    monkeypatch.setattr(formats, "REGISTRY", (*formats.REGISTRY, entry))
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "notes.txt").write_text("Keep {{ name }} here\nSecond line\n")
    (tmp_path / "fr" / "notes.txt").write_text("Gardez ici\nDeuxième ligne\n")
    config = Config(tmp_path, tmp_path / "lintkit.toml", {"include": ("*.txt",), "select": ("LK101",)})
    result = Engine(config, builtin_rules(), cwd=tmp_path).run()
    assert [job.format for job in result.jobs] == ["lines"]
    assert [(f.path, f.span.line, f.code) for f in result.findings] == [("fr/notes.txt", 1, "LK101")]


def test_a_named_file_that_no_format_reads_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    page = tmp_path / "fr" / "index.rst"
    page.write_text("Titre\n=====\n")
    result = Engine(Config(tmp_path, None, {}), builtin_rules(), cwd=tmp_path).run([page])
    assert [(f.path, f.code, f.message) for f in result.findings] == [
        ("fr/index.rst", "LK905", "not checked: no format reads .rst files")
    ]


def test_catalog_rules_declare_their_format_instead_of_returning_early() -> None:
    catalog_rules = [rule for rule in builtin_rules() if rule.code.startswith("LK6")]
    assert catalog_rules
    assert all(rule.formats == {"po"} for rule in catalog_rules)
    assert not any(rule.reads_format("markdown") for rule in catalog_rules)
