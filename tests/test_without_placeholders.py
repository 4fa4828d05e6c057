"""Blanking placeholders in one pass gives what replacing them one by one gives."""

from __future__ import annotations

import random

from helpers import document

from lintkit.formats.placeholders import placeholder_texts, without_placeholders


def _one_by_one(text: str, raws: frozenset[str], fill: str) -> str:
    for raw in sorted(raws, key=len, reverse=True):
        text = text.replace(raw, fill)
    return text


def test_many_placeholders_are_blanked_as_one_by_one_would() -> None:
    rng = random.Random(7)
    names = [f"{{{{ p{index} }}}}" for index in range(40)] + [f"<%= url_{index} %>" for index in range(10)]
    words = ["mot", "{", "<", "{{", "texte", "%>", "}}"]
    for _ in range(200):
        text = " ".join(rng.choice(names + words) for _ in range(rng.randint(0, 60)))
        raws = frozenset(rng.sample(names, rng.randint(0, len(names))))
        assert without_placeholders(text, raws, "…") == _one_by_one(text, raws, "…")


def test_a_blocks_placeholders_are_taken_from_the_block() -> None:
    page = document("Voir {{ urls/learn }} et {{ urls/help }} ou {{ urls/learn }}.\n", "fr/page.md")
    block = page.blocks[0]
    assert placeholder_texts(block.placeholders) == {"{{ urls/learn }}", "{{ urls/help }}"}
    assert without_placeholders(block.text, block.placeholders) == "Voir   et   ou  ."
