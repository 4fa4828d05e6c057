"""The untranslated-text analysis skips work without changing a verdict: a block with its source block's canvas
takes the source's words, and a block with neither a grammar word nor a pair of the source's is let go unplaced."""

from __future__ import annotations

from helpers import pair_of
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.analysis.language import untranslated, words
from lintkit.analysis.language.source_summary import source_summary
from lintkit.analysis.language.words import block_words, prose_canvas


def test_a_block_with_the_source_canvas_has_the_words_it_would_cut() -> None:
    source = "# Title\n\nIntro.\n\nSee the *guide* and [the page](/en/page) for {{ name }} now.\n"
    target = "# Titre\n\nIntroduction plus longue.\n\nSee the *guide* and [the page](/fr/page) for {{ name }} now.\n"
    pair = pair_of(source, target)
    block, source_block = pair.target.blocks[-1], pair.source.blocks[-1]
    summary = source_summary(pair.source, ())
    assert summary.canvases[id(source_block)].text == prose_canvas(pair.target, block).text
    verdict = untranslated._Context(pair, _languages(pair), ()).judge(block, source_block)
    assert verdict is not None and verdict.unchanged
    assert list(verdict.words) == block_words(pair.target, block)
    assert [word.text for word in verdict.words if word.italic] == ["guide"]


def test_a_block_without_grammar_words_or_source_pairs_is_let_go_unplaced() -> None:
    pair = pair_of("# Title\n\nOpen the settings page.\n", "# Titre\n\nOuvrez la page des réglages.\n")
    context = untranslated._Context(pair, _languages(pair), ())
    block, source_block = pair.target.blocks[-1], pair.source.blocks[-1]
    source_words = context.source_words[id(source_block)]
    lowers = words.split_words(prose_canvas(pair.target, block).text).lowers
    assert context._nothing_to_find(lowers, source_words)
    assert context.judge(block, source_block) is None
    assert not context._nothing_to_find(["ouvrez", "the", "page"], source_words)  # a grammar word
    assert not context._nothing_to_find(["ouvrez", "settings", "page"], source_words)  # a pair of the source's


_PIECES = st.sampled_from(
    ["a", "Z", "é", "Σ", "ς", "日本", "K", "İ", "ſ", "ẞ", "1", ".", "!", "-", "'", "’", "_", " ", "\n", words.BREAK]
)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_split_words_are_the_words_cut(text: str) -> None:
    """The lowercase words a block is let go on are those of the words it would be cut into."""
    split = words.split_words(text)
    cut = words._cut(split, 10)
    assert split.lowers == [word.lower for word in cut] == [word.text.lower() for word in cut]
    assert all(text[word.start - 10 : word.end - 10] == word.text for word in cut)
    assert all(word.latin == bool(words.LATIN_LETTER.match(word.text)) for word in cut)


def _languages(pair) -> untranslated.Languages:
    return untranslated.Languages(
        untranslated.Locale.parse(pair.source.locale), untranslated.Locale.parse(pair.target.locale)
    )
