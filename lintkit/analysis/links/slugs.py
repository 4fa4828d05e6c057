"""How site generators turn a heading into its anchor: the slug rules a translated fragment is checked against.

- `github`: github-slugger, which GitHub, Docusaurus, Astro Starlight and Hugo's
  default (`autoHeadingIDType = "github"`) follow: lowercase, punctuation and
  symbols removed (letters, marks and digits of every script kept), each space
  a hyphen.
- `github-ascii`: Hugo's `github-ascii`: the same, with accents folded and
  other non-ASCII characters dropped, so `## Présentation` makes `#presentation`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)  # a source's headings are slugged again for each of its translations
def github(text: str) -> str:
    kept = []
    for character in text.strip().lower():
        category = unicodedata.category(character)
        if character in "-_" or category[0] in "LNM":
            kept.append(character)
        elif character == " ":
            kept.append("-")
    return "".join(kept)


def github_ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return github("".join(character for character in folded if character.isascii()))


SLUG_STYLES = {"github": github, "github-ascii": github_ascii}


def slug(text: str, style: str = "github") -> str:
    """The anchor `style` makes of a heading's visible text."""
    return SLUG_STYLES.get(style, github)(text)
