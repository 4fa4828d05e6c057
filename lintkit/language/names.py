"""Text equal to the source that is a name, not English left untranslated.

A command reference titles each page with the command (`# git commit` on
`git-commit.md`, `title: tar` on `tar.md`): the title is the page's own name and
stays as it is in every language.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lintkit.language.words import Word
from lintkit.model import Block, Document

_SEPARATORS = re.compile(r"[\s_\-.]+")


def _folded(text: str) -> str:
    return _SEPARATORS.sub(" ", text).strip().lower()


def is_page_name(document: Document, block: Block, words: list[Word]) -> bool:
    """A heading or `title` whose words are the file's own name (`git-commit.md`, `index` aside)."""
    if block.kind == "heading" and block.level != 1:
        return False
    if block.kind == "front_matter_field" and block.info != "title":
        return False
    if block.kind not in ("heading", "front_matter_field"):
        return False
    stem = PurePosixPath(document.path).stem
    if stem.lower() in ("index", "readme", "_index"):
        return False
    return _folded(" ".join(word.text for word in words)) == _folded(stem)
