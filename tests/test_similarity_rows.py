"""Scoring a row of blocks at once gives each pair the score it has alone, and kept features change nothing."""

from __future__ import annotations

import sys

from helpers import document

from lintkit.formats.align import BAND_SHARE, MIN_BAND, _band, align
from lintkit.formats.similarity import (
    _ALPHANUMERIC,
    base_similarities,
    content_score,
    content_scores,
    forget_blocks,
    known,
)

SOURCE = """\
---
title: Build a game
---
# Build a game

Open the editor at https://example.org/editor and pick a sprite.

1. Drag `move(10)` into the workspace.
2. Press **Run** {{ button }} to see it move.

```js
sprite.move(10);
sprite.turn(90);
```

## 2. Share it

Send the link [to a friend](/share) when you are done.

| Block | Effect |
|---|---|
| `move` | moves |
"""

TARGET = """\
---
title: Créer un jeu
---
# Créer un jeu

Ouvrez l'éditeur sur https://example.org/editor et choisissez un lutin.

1. Faites glisser `move(10)` dans l'espace de travail.
2. Appuyez sur **Exécuter** {{ button }} pour le voir bouger.

```js
sprite.move(10);
sprite.turn(90);
```

Une note ajoutée par la traduction.

## 2. Partagez-le

Envoyez le lien [à un ami](/fr/share) quand vous avez fini.

| Bloc | Effet |
|---|---|
| `move` | déplace |
"""


def _blocks(text: str, path: str, locale: str):
    return document(text, path, locale).blocks


def test_a_row_of_scores_is_each_pair_scored_alone() -> None:
    sources, targets = _blocks(SOURCE, "en/page.md", "en"), _blocks(TARGET, "fr/page.md", "fr")
    try:
        target_features = [known(block) for block in targets]
        for source in sources:
            row = base_similarities(known(source), target_features)
            assert row == [base_similarities(known(source), (features,))[0] for features in target_features]
            scores = content_scores(known(source), target_features, 1.2)
            assert scores == [content_score(source, target, 1.2) for target in targets]
        heading = known(next(block for block in sources if block.kind == "heading"))
        code = known(next(block for block in targets if block.kind == "code"))
        assert base_similarities(heading, (code,)) == [None]  # a heading is never a code block's translation
    finally:
        forget_blocks()


def test_forgetting_keeps_only_the_source_features_asked_for() -> None:
    sources, targets = _blocks(SOURCE, "en/page.md", "en"), _blocks(TARGET, "fr/page.md", "fr")
    source_features, target_features = known(sources[1]), known(targets[1])
    forget_blocks(keep=sources)
    assert known(sources[1]) is source_features
    assert known(targets[1]) is not target_features
    forget_blocks()
    assert known(sources[1]) is not source_features


def _positions(alignment) -> list[tuple[int | None, int | None]]:
    return [
        (pair.source.span.line if pair.source else None, pair.target.span.line if pair.target else None)
        for pair in alignment
    ]


def test_a_source_aligned_with_several_translations_aligns_as_a_fresh_one() -> None:
    shared = _blocks(SOURCE, "en/page.md", "en")
    first = _blocks(TARGET, "fr/page.md", "fr")
    second = _blocks(TARGET.replace("Une note ajoutée par la traduction.\n\n", ""), "de/page.md", "de")
    kept = [_positions(align(shared, first)), _positions(align(shared, second))]
    fresh = [
        _positions(align(_blocks(SOURCE, "en/page.md", "en"), first)),
        _positions(align(_blocks(SOURCE, "en/page.md", "en"), second)),
    ]
    assert kept == fresh
    assert (None, 16) in kept[0]  # the added note stays unpaired, at its line
    assert all(source is not None for source, _ in kept[1])  # without it, every target block has its source


def test_the_band_holds_the_columns_within_its_width_of_the_diagonal() -> None:
    for n, m in [(1, 1), (3, 40), (40, 3), (57, 61), (700, 500), (1, 90)]:
        band = max(MIN_BAND, BAND_SHARE * max(n, m))
        for i in range(1, n + 1):
            center = i * m / n
            inside = [j for j in range(1, m + 1) if abs(j - center) <= band]
            first, last = _band(center, band, m)
            assert list(range(first, last + 1)) == inside, (n, m, i)
    assert _band(100.0, 2.0, 10) == (11, 10)  # no column is near enough: an empty band


def test_a_bare_block_is_one_without_a_letter_or_digit_of_any_script() -> None:
    """`bare` looks for a character `str.isalnum` accepts with one pattern: the two agree on every code point."""
    disagree = [
        code
        for code in range(sys.maxunicode + 1)
        if (_ALPHANUMERIC.match(chr(code)) is not None) != chr(code).isalnum()
    ]
    assert disagree == []
    assert known(document("Hello\n").blocks[0]).bare is False
    assert known(document("***«»*** —\n").blocks[0]).bare is True
    assert known(document("٣\n").blocks[0]).bare is False  # an Arabic-Indic digit is a digit
