"""Bounded diffs (`lintkit/sequences.py`): difflib's answer where it is cheap, three parts where it is not."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest
from helpers import run_rule

from lintkit import sequences
from lintkit.sequences import opcodes


def _covers(codes, first, second) -> None:
    """The opcodes tile both sequences in order, and every equal run is equal."""
    i = j = 0
    for tag, i1, i2, j1, j2 in codes:
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert list(first[i1:i2]) == list(second[j1:j2])
        i, j = i2, j2
    assert (i, j) == (len(first), len(second))


def test_small_pairs_get_difflib_s_own_answer() -> None:
    generator = random.Random(5)
    for _ in range(200):
        first = [generator.choice("abc") for _ in range(generator.randint(0, 30))]
        second = [generator.choice("abc") for _ in range(generator.randint(0, 30))]
        assert opcodes(first, second) == SequenceMatcher(None, first, second, autojunk=False).get_opcodes()


def test_large_alike_pairs_keep_their_common_beginning_and_end() -> None:
    first = ["x", "=", "0"] * 2000
    second = ["x", "=", "0"] * 1000 + ["y"] + ["x", "=", "0"] * 1000
    codes = opcodes(first, second)
    _covers(codes, first, second)
    assert codes == [("equal", 0, 3000, 0, 3000), ("insert", 3000, 3000, 3000, 3001), ("equal", 3000, 6000, 3001, 6001)]


def test_a_middle_too_large_to_diff_is_one_change(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sequences, "MAX_PRODUCT", 100)
    first = list("ab" + "x" * 20 + "cd")
    second = list("ab" + "y" * 30 + "cd")
    codes = opcodes(first, second)
    _covers(codes, first, second)
    assert codes == [("equal", 0, 2, 0, 2), ("replace", 2, 22, 2, 32), ("equal", 22, 24, 32, 34)]
    assert opcodes(list("ab" + "x" * 200), list("ab")) == [("equal", 0, 2, 0, 2), ("delete", 2, 202, 2, 2)]
    assert opcodes(list("x" * 200), list("x" * 200)) == [("equal", 0, 200, 0, 200)]


def test_a_long_code_block_is_reported_at_its_changed_line() -> None:
    lines = [f"value = {index % 3}\n" for index in range(1500)]
    changed = [*lines[:900], "value = 7\n", *lines[901:]]
    source = "Text.\n\n```js\n" + "".join(lines) + "```\n"
    target = "Texte.\n\n```js\n" + "".join(changed) + "```\n"
    findings = run_rule("LK206", source, target)
    assert [(finding.span.line, finding.span.column) for finding in findings] == [(904, 9)]
    assert "`7` where the source has `0`" in findings[0].message


def test_many_alike_components_with_one_renamed() -> None:
    cards = ["<Card>text</Card>\n\n"] * 1200
    renamed = [*cards[:700], "<Carte>texte</Carte>\n\n", *cards[701:]]
    findings = run_rule("LK210", "# Title\n\n" + "".join(cards), "# Titre\n\n" + "".join(renamed), format="mdx")
    assert [(finding.span.line, finding.span.column) for finding in findings] == [(3 + 2 * 700, 1)]
