"""Whether a catalog entry whose msgstr is its msgid, unchanged, is untranslated English.

Catalog strings are short, so the block rule's "two content words" threshold
misses what peers and translators call untranslated: `See https://…`,
`Write to help@example.org`, `Who is RMS?`. And some unchanged strings are
not English at all: a list of identifiers (`powerpc, m68k, i386, amd64`), a
path (`/cgi-bin/search.pl?q=`), a copyright line. A single word left as it is
(`Filter`, `Notes`, `Classes`) is spelled the same in many languages and is
never reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lintkit.analysis.language.words import Word
from lintkit.model import Block
from lintkit.patterns import on_first_use

# Compiled when the first unchanged catalog entry is judged: a Markdown run never needs them.


# Text that a translation keeps as it is; one of them beside a word makes a short phrase worth judging.
_kept = on_first_use(
    r"""
        (?:https?|ftp|mailto):\S+ | www\.\S+
        | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+
        | \b[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}\b
        | `[^`]+`
        | (?<!\w)[#@]\w+
        | [%$@{][^\s]*
        """,
    re.VERBOSE,
)


_path = on_first_use(r"(?:[~.]{0,2}/|[A-Za-z]:\\)[^\s]*")
_list_item = on_first_use(r"[^\s,;&]+")
_list_separator = on_first_use(r"\s*(?:,|;|&amp;|&)\s*")
_copyright = on_first_use(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def judge_unchanged(
    block: Block, source: Block | None, words: Sequence[Word], translatable: Sequence[bool]
) -> bool | None:
    """True: the entry is untranslated English; False: it is unchanged but not English; None: not unchanged.

    `translatable[i]` says whether `words[i]` is a word a translation would
    change (a content or grammar word, not a name, acronym or term).
    """
    if source is None or " ".join(block.text.split()) != " ".join(source.text.split()):
        return None
    text = block.text.strip()
    if _copyright().match(text) or _path().fullmatch(text) or _identifier_list(text):
        return False
    code = any(inline.kind == "code" for inline in block.inlines)
    kept_text = bool(block.placeholders or block.links or code or _kept().search(text))
    count = sum(1 for word, keep in zip(words, translatable, strict=True) if keep and len(word.text) > 1)
    return count >= 2 or (count == 1 and kept_text)


def _identifier_list(text: str) -> bool:
    """`powerpc, m68k, i386, amd64`, `Fedora & openSUSE`: single tokens separated by commas, not prose."""
    items = [item for item in _list_separator().split(text.rstrip(".…")) if item]
    return len(items) >= 2 and all(_list_item().fullmatch(item) for item in items)
