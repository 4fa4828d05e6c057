"""A block's length counts Han, kana and Hangul double, in every branch the count takes."""

import pytest

from lintkit.formats.block_measures import text_length
from lintkit.formats.markdown.parse import MarkdownLoader


def length_of(text: str) -> int:
    return text_length(MarkdownLoader().parse("a.md", text + "\n", "xx").blocks[0])


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("hello", 5),  # ASCII
        ("l’école", 7),  # Latin letters and punctuation above the ASCII range
        ("Привет", 6),  # Cyrillic
        ("\u1112\u1161\u11ab", 6),  # Hangul letters written apart (jamo), below the kana
        ("한국어", 6),  # Hangul syllables
        ("Astroの設定", 11),  # a Latin name and Japanese
        ("设置“页面”", 10),  # Han with quotes
    ],
)
def test_dense_letters_count_double(text: str, length: int) -> None:
    assert length_of(text) == length
