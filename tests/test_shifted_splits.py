"""A split half paired with a neighbouring paragraph is put back, and pairs that fit are left alone."""

from __future__ import annotations

from helpers import document

from lintkit.formats.shifted_splits import unshift_splits
from lintkit.formats.similarity import forget_blocks
from lintkit.model import AlignedPair

SOURCE = (
    "Pick one to three activities ahead of time, so that students choose from a short list. "
    "It also prepares you for their questions.\n\n"
    "If your class starts right after the kickoff, keep a chat open so they can reach you.\n"
)
SPLIT = (
    "Choisissez à l'avance une à trois activités, pour que les élèves choisissent dans une courte liste.\n\n"
    "Cela vous prépare aussi à leurs questions.\n\n"
    "Si votre classe commence juste après l'introduction, gardez une discussion ouverte pour eux.\n"
)


def _lines(pairs):
    return [(pair.source and pair.source.span.line, pair.target and pair.target.span.line) for pair in pairs]


def test_the_second_half_of_a_split_is_left_for_its_first_half() -> None:
    (first, after), (half, second_half, left) = document(SOURCE).blocks, document(SPLIT).blocks
    try:
        pairs = [AlignedPair(first, half), AlignedPair(after, second_half), AlignedPair(None, left)]
        assert _lines(unshift_splits(pairs, 1.0)) == [(1, 1), (None, 3), (3, 5)]
    finally:
        forget_blocks()


def test_the_first_half_of_a_split_is_left_for_its_second_half() -> None:
    source = "Welcome to the event page for teachers.\n\n" + SOURCE.split("\n\n")[0] + "\n"
    target = "Bienvenue sur la page de l'événement pour les enseignants.\n\n" + "\n\n".join(SPLIT.split("\n\n")[:2])
    (welcome, whole), (greeting, half, second_half) = document(source).blocks, document(target).blocks
    try:
        pairs = [AlignedPair(None, greeting), AlignedPair(welcome, half), AlignedPair(whole, second_half)]
        assert _lines(unshift_splits(pairs, 1.0)) == [(1, 1), (None, 3), (3, 5)]
    finally:
        forget_blocks()


def test_two_source_paragraphs_merged_into_one_are_put_back_too() -> None:
    source = document(
        "Pick one to three activities ahead of time, so that students choose from a short list.\n\n"
        "It also prepares you for their questions.\n\n"
        "If your class starts right after the kickoff, keep a chat open so they can reach you.\n"
    )
    target = document(
        "Choisissez à l'avance une à trois activités, pour que les élèves choisissent dans une courte liste. "
        "Cela vous prépare aussi à leurs questions.\n\n"
        "Si votre classe commence juste après l'introduction, gardez une discussion ouverte pour eux.\n"
    )
    (first, second, after), (merged, left) = source.blocks, target.blocks
    try:
        pairs = [AlignedPair(first, merged), AlignedPair(second, left), AlignedPair(after, None)]
        assert _lines(unshift_splits(pairs, 1.0)) == [(1, 1), (3, None), (5, 3)]
    finally:
        forget_blocks()


def test_pairs_whose_lengths_already_fit_are_left_alone() -> None:
    source = document("A short first paragraph here.\n\nA second paragraph of about the same size.\n")
    target = document("Un court premier paragraphe ici.\n\nUn second paragraphe de taille comparable.\n\nUne note.\n")
    (first, second), (one, two, note) = source.blocks, target.blocks
    try:
        pairs = [AlignedPair(first, one), AlignedPair(second, two), AlignedPair(None, note)]
        assert _lines(unshift_splits(pairs, 1.0)) == [(1, 1), (3, 3), (None, 5)]
    finally:
        forget_blocks()
