"""What a block measures whatever it says: its length in letters of an alphabet and how many sentences it ends.

The alignment, the grouping of split paragraphs and the content rules compare
translations by these two numbers, which survive translation in any script.
"""

from __future__ import annotations

import re

from lintkit.model import Block
from lintkit.patterns import on_first_use

# Han, kana and Hangul write in one character what alphabets write in about two (the best fit on the plantings)
DENSE_WEIGHT = 2
_JAMO = re.compile(r"[\u1100-\u11ff]")  # the one dense block below the kana: Hangul letters written apart


# compiled on first need: a class this wide takes milliseconds to compile, which a page in a script without Han,
# kana or Hangul syllables need not pay
_dense = on_first_use(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def text_length(block: Block) -> int:
    """A block's text length in letters of an alphabet: a page that mixes scripts (some blocks left in English)
    still has one length ratio."""
    text = block.text
    if text.isascii():
        return len(text)
    highest = max(text)
    if highest < "\u1100":
        return len(text)
    dense = _JAMO if highest < "\u3040" else _dense()
    return len(text) + (DENSE_WEIGHT - 1) * len(dense.findall(text))


_SENTENCE_END = re.compile(
    # stops followed by a space or the end: Latin, Arabic and Urdu, Devanagari, Armenian, Greek question mark
    r"[.!?\u061f\u06d4\u0964\u0589\u037e]+[\"\u201d\u00bb)\]]*(?:\s+(?P<next>\S)|\s*$)"
    r"|[\u3002\uff01\uff1f\u1362\u104b]"  # Chinese and Japanese, Ethiopic, Myanmar: no space needed after
    r"|[:\uff1a]\s*$"  # a colon that ends the text
)


def sentence_count(block: Block) -> int:
    """How many sentences a block's text ends: translators keep a paragraph's sentences far more often than its
    length (nineteen pairs in twenty in the shared corpora, outside Japanese), in any script. A stop before a
    lowercase word ends an abbreviation (e.g. this one), not a sentence; a colon that ends the text ends a
    sentence that leads into what follows."""
    return sum(1 for end in _SENTENCE_END.finditer(block.text) if not (end["next"] or "").islower())
