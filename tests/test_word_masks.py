"""Blanking with only the mask alternatives a text can match gives the blanks of the whole alternation."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lintkit.analysis.language import words
from tests.helpers import corpus

SAMPLES = [
    "Ouvrez la page des réglages.",
    "Écrivez à équipe@exemple.fr ou visitez https://exemple.fr/aide, puis www.exemple.org.",
    "Le fichier demo/src/pages/index.md et la clé mode=dev.",
    "Utilisez :class:`liste` et client:media dans le composant.",
    "Appelez maFonction() ou ma_fonction() avec #étiquette et @pseudo.",
    "Il dure 5 min, commence à 10am, le 3rd jour ; 20 % de plus.",
    "Le « réseau mondial » et “un bord” &nbsp; <b>gras</b> &amp; fin",
    "Sans rien à masquer ici",
    "",
    "a:b c.de f_g hI 1",
]


def _with_every_alternative(text: str) -> str:
    return words._mask_pattern(words._ALL_MASKS).sub(words._blank, text)


@pytest.mark.parametrize("text", SAMPLES)
def test_blanks_are_those_of_the_whole_alternation(text: str) -> None:
    assert words._masked(text) == _with_every_alternative(text)


def test_a_mix_seen_often_gets_its_own_pattern_with_the_same_blanks() -> None:
    text = "Visitez exemple.fr pour 3 jours."
    for _ in range(words._COMPILE_AFTER + 1):
        assert words._masked(text) == _with_every_alternative(text)
    present = tuple(bool(test(text)) for _, test in words._MASK_ALTERNATIVES)
    assert present != words._ALL_MASKS
    assert present in words._patterns


def test_blanked_positions() -> None:
    text = "Voir exemple.fr et 5 min."
    masked = words._masked(text)
    assert masked == "Voir " + " " * len("exemple.fr") + " et " + " " * len("5 min") + "."
    assert len(masked) == len(text)


def test_text_without_any_maskable_character_is_unchanged() -> None:
    assert words._masked("Bonjour tout le monde") == "Bonjour tout le monde"


def test_corpus_paragraphs_are_blanked_as_with_every_alternative() -> None:
    root = corpus()
    checked = 0
    for path in sorted(root.rglob("*.md"))[:400]:
        for paragraph in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            assert words._masked(paragraph) == _with_every_alternative(paragraph), path
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("text", SAMPLES)
def test_the_tests_written_out_are_those_of_the_alternatives(text: str) -> None:
    assert words._present(text) == tuple(bool(test(text)) for _, test in words._MASK_ALTERNATIVES)


_PIECES = st.sampled_from(
    ["a", "Z", "é", "1", ".", "-", "_", " ", "\n", "org", "Fr", ":", "/", "=", "@", "#", "<", ">", "&", ";", "«", "»"]
)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
@example("see code.org")
@example("-.io")
@example("End. Next.")
def test_a_text_an_alternative_can_match_passes_its_test(text: str) -> None:
    """The test of each alternative is a necessary condition: a text it rejects has no match of the alternative."""
    for pattern, test in words._MASK_ALTERNATIVES:
        if re.search(pattern, text):
            assert test(text), (pattern, text)
    assert words._present(text) == tuple(bool(test(text)) for _, test in words._MASK_ALTERNATIVES)
