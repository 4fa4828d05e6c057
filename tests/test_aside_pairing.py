"""LK212 pairs an aside the alignment left alone with the translated aside between the same neighbours."""

from __future__ import annotations

from helpers import document

from lintkit.model import AlignedPair, FilePair
from lintkit.rules import find_rule

SOURCE = "Intro.\n\n:::note\nOnly with manual routing.\n:::\n\nMore text here.\n\n:::tip\nUse the CLI.\n:::\n"
TARGET = "Intro.\n\n:::note\nSeulement en routage manuel.\n:::\n\nPlus de texte.\n\n:::tip\nUtilisez la CLI.\n:::\n"


def pair_with(alignment_of) -> FilePair:
    source = document(SOURCE, "en/page.mdx", "en")
    target = document(TARGET, "fr/page.mdx", "fr")
    return FilePair(source, target, alignment_of(source.blocks, target.blocks), {})


def test_an_aside_the_alignment_set_against_a_paragraph_still_pairs_with_its_translation() -> None:
    def drifted(source_blocks, target_blocks):
        # The first note is set against nothing and its translation against the intro's neighbour.
        pairs = [AlignedPair(source_blocks[0], target_blocks[0]), AlignedPair(source_blocks[1], None)]
        pairs += [AlignedPair(None, target_blocks[1])]
        pairs += [AlignedPair(s, t) for s, t in zip(source_blocks[2:], target_blocks[2:], strict=True)]
        return pairs

    assert [block.kind for block in document(SOURCE, "en/page.mdx", "en").blocks].count("aside") == 2
    assert list(find_rule("LK212").check(pair_with(drifted))) == []


def test_an_aside_with_no_translation_between_its_neighbours_is_missing() -> None:
    source = document(SOURCE, "en/page.mdx", "en")
    target = document("Intro.\n\nPlus de texte.\n\n:::tip\nUtilisez la CLI.\n:::\n", "fr/page.mdx", "fr")
    from lintkit.formats.align import align

    findings = list(find_rule("LK212").check(FilePair(source, target, align(source.blocks, target.blocks), {})))
    assert [(f.span.line, f.message) for f in findings] == [
        (3, "the source's `:::note` aside (source line 3) is missing here")
    ]
