"""Parsed packs are kept between runs: the same rules and the same errors, without parsing the YAML again."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lintkit.packs import cache as pack_cache
from lintkit.packs import loader
from lintkit.packs.loader import PackError, parse_pack

PACK = """\
pack: house-style
rules:
  - code: ACME101
    name: fr-product-name
    kind: glossary
    summary: The product's name in French.
    locales: [fr]
    entries:
      - source: Lesson Planner
        target: Planificateur de leçons
  - code: ACME102
    name: no-click-here
    kind: forbidden
    summary: Links never say "click here".
    entries:
      - pattern: '\\bcliquez ici\\b'
        message: 'write what the link leads to instead of "cliquez ici"'
"""
INVALID = """\
pack: house-style
rules:
  - code: ACME101
    name: fr-product-name
    kind: glossary
    summary: The product's name in French.
    colour: blue
"""


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _described(text: str) -> list[tuple]:
    return [(rule.code, rule.name, rule.summary, rule.message, rule.locales) for rule in parse_pack(text, "pack.yaml")]


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "_yaml_with_lines", lambda text: pytest.fail("the pack was parsed again"))


def test_a_pack_parsed_once_is_read_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _described(PACK)
    assert len(list(cache.glob("packs-*/*.json"))) == 1
    _no_yaml(monkeypatch)
    assert _described(PACK) == first
    assert [rule.code for rule in parse_pack(PACK, "pack.yaml")] == ["ACME101", "ACME102"]


def test_an_error_names_the_same_line_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    errors = []
    for _ in range(2):
        with pytest.raises(PackError) as caught:
            parse_pack(INVALID, "l10n/pack.yaml")
        errors.append(str(caught.value))
        _no_yaml(monkeypatch)
    assert errors[0] == errors[1]
    assert errors[0].startswith("l10n/pack.yaml:7: unknown key `colour`")


def test_yaml_that_is_not_valid_is_never_kept(cache: Path) -> None:
    for _ in range(2):
        with pytest.raises(PackError, match=r"pack.yaml:3: not valid YAML"):
            parse_pack("rules:\n  - code: [ACME101\n  - name: x\n", "pack.yaml")
    assert not list(cache.glob("packs-*/*.json"))


def test_an_edited_pack_is_parsed_again(cache: Path) -> None:
    _described(PACK)
    edited = PACK.replace("Planificateur de leçons", "Planificateur de cours")
    assert ("fr-product-name" in str(_described(edited))) and len(list(cache.glob("packs-*/*.json"))) == 2


def test_a_damaged_entry_is_parsed_again(cache: Path) -> None:
    first = _described(PACK)
    (entry,) = cache.glob("packs-*/*.json")
    entry.write_text('{"text": "pack: house-style', encoding="utf-8")
    assert _described(PACK) == first
    assert entry.read_text(encoding="utf-8").startswith('{"text"') and entry.stat().st_size > 100


def test_an_entry_kept_for_another_text_is_not_used(cache: Path) -> None:
    """Entries are named by a checksum: one that another text left under the same name is parsed over."""
    first = _described(PACK)
    (entry,) = cache.glob("packs-*/*.json")
    entry.write_text(entry.read_text(encoding="utf-8").replace("in French", "in German"), encoding="utf-8")
    assert _described(PACK) == first
    assert "in French" in entry.read_text(encoding="utf-8")


def test_values_json_cannot_keep_leave_the_pack_uncached(cache: Path) -> None:
    dated = PACK.replace("pack: house-style\n", "pack: house-style\ndescription: 2024-05-01\n")
    assert [rule.code for rule in parse_pack(dated, "pack.yaml")] == ["ACME101", "ACME102"]
    assert not list(cache.glob("packs-*/*.json"))
    numbered = textwrap.dedent("""\
        pack: house-style
        description: {1: the first edition}
        rules: []
    """)
    assert parse_pack(numbered, "pack.yaml") == []
    assert not list(cache.glob("packs-*/*.json"))


def test_an_unwritable_cache_still_loads_the_pack(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocked / "cache"))
    assert [code for code, *_ in _described(PACK)] == ["ACME101", "ACME102"]


def test_every_mapping_comes_back_with_its_lines(cache: Path) -> None:
    data = pack_cache.parsed(PACK, loader._yaml_with_lines, loader._Located)
    again = pack_cache.parsed(PACK, lambda text: pytest.fail("parsed again"), loader._Located)
    assert again == data
    first_rule = again["rules"][0]
    assert isinstance(first_rule, loader._Located) and first_rule.line == 3
    assert first_rule.key_lines == data["rules"][0].key_lines
    assert first_rule["entries"][0].key_lines == {"source": 9, "target": 10}
