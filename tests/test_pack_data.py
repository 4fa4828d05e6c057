"""The shipped packs in rules/ are data that must stay clean, like a spelling dictionary.

Each file loads, its codes sit in the range reserved for shipped packs, every
rule documents why it matters with an example, no term or pattern is listed
twice, every pattern compiles and matches its own example.
"""

from __future__ import annotations

import re

import pytest
import yaml

from lintkit.analysis.terms import BREAKERS, FUNCTION_WORDS
from lintkit.packs.kinds import PackRule
from lintkit.packs.loader import load_pack, shipped_pack_paths, shipped_packs_folder
from lintkit.rules.base import DOC_SECTIONS

PACKS = shipped_pack_paths()


def test_packs_are_found() -> None:
    assert shipped_packs_folder() is not None
    assert {path.name for path in PACKS} >= {"typography-fr.yaml", "typography-es.yaml"}


@pytest.mark.parametrize("path", PACKS, ids=lambda path: path.name)
def test_pack_is_valid_and_documented(path) -> None:
    rules = load_pack(path)
    assert rules, f"{path.name} has no rules"
    for rule in rules:
        assert re.fullmatch(r"LK5[2-4][0-9]", rule.code), f"{rule.code}: shipped packs use LK520-LK549"
        assert rule.why and rule.example, f"{rule.code} needs `why` and `example`"
        documentation = rule.documentation()
        for section in DOC_SECTIONS:
            assert f"{section}:" in documentation


@pytest.mark.parametrize("path", PACKS, ids=lambda path: path.name)
def test_pack_lists_nothing_twice_and_every_pattern_compiles(path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        listed = [
            entry.get("term") or entry.get("pattern") for entry in rule.get("entries", []) if "source" not in entry
        ]
        listed += [entry["source"].casefold() for entry in rule.get("entries", []) if "source" in entry]
        listed += rule.get("terms", [])
        assert len(listed) == len(set(listed)), f"{rule['code']} lists a term twice"
        for entry in rule.get("entries", []):
            if "pattern" in entry:
                assert re.compile(entry["pattern"]).pattern


def test_example_findings_are_what_the_rules_report() -> None:
    """Each example's translation, checked by its rule, gives the finding the example shows."""
    from test_pack_fixtures import check

    for path in PACKS:
        for rule in load_pack(path):
            assert isinstance(rule, PackRule)
            translation = re.search(r"Translation: `(.*)`", rule.example).group(1)
            expected = re.search(r"Finding: `(.*)`", rule.example).group(1)
            locale = rule.locales[0] if rule.locales else "fr"
            messages = [finding.message for finding in check(rule, "Text.", translation + "\n", locale)]
            assert any(expected in message for message in messages), f"{rule.code}: {messages}"


def test_word_lists_do_not_overlap() -> None:
    assert not FUNCTION_WORDS & BREAKERS
