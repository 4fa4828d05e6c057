"""`lintkit terms`: frequent source terms and their renderings, printable as a pack that loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lintkit.cli.app import cli
from lintkit.packs.loader import parse_pack

SOURCE = """\
# Join the Hour of Code

Every school can host an Hour of Code.

Sign up for the Hour of Code today.

Teachers love the Hour of Code and Code Studio.
"""

TARGET = """\
# Rejoignez l'Heure de Code

Chaque école peut organiser une Heure de Code.

Inscrivez-vous à l'Heure du Code aujourd'hui.

Les enseignants adorent l'Heure de Code et Code Studio.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for locale, text in (("en", SOURCE), ("fr", TARGET)):
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "page.md").write_text(text, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text("baseline = false\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_terms_lists_renderings_with_counts(project: Path) -> None:
    result = CliRunner().invoke(cli, ["terms", "--locale", "fr"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Hour of Code  (4 source blocks)"
    assert lines[1].split() == ["Heure", "de", "Code", "3"]
    assert lines[2].split() == ["Heure", "du", "Code", "1"]


def test_terms_prints_a_pack_that_loads(project: Path) -> None:
    result = CliRunner().invoke(cli, ["terms", "--locale", "fr", "--pack"])
    assert result.exit_code == 0, result.output
    (rule,) = parse_pack(result.output, "suggested.yaml")
    assert rule.kind == "glossary" and rule.entries[0] == ("Hour of Code", "Heure de Code")
    assert "also found: Heure du Code (1)" in result.output


def test_terms_without_frequent_terms(project: Path) -> None:
    result = CliRunner().invoke(cli, ["terms", "--locale", "fr", "--min-uses", "9"])
    assert result.output == "No frequent source terms in the fr files.\n"
