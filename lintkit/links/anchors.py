"""The fragments a document offers: heading slugs, explicit `{#id}` and `<a id/name>` anchors.

Slugs follow GitHub: lowercase, punctuation removed (letters of every script
kept), spaces turned into hyphens, and `-1`, `-2` added to repeats.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lintkit.model import Block, Document

_EXPLICIT_ID = re.compile(r"\s*\{#([^\s}]+)[^}]*\}\s*$")
# `[^<>]`: a tag never reads past the next `<`, so a run of unclosed tags costs one pass, not n²
_HTML_ANCHOR = re.compile(r"<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def slug(text: str) -> str:
    kept = []
    for character in text.strip().lower():
        category = unicodedata.category(character)
        if character in "-_" or category[0] in "LNM":
            kept.append(character)
        elif character == " ":
            kept.append("-")
    return "".join(kept)


@dataclass(frozen=True)
class Anchor:
    """One fragment target, and the heading that makes it (None for HTML anchors)."""

    name: str
    heading: Block | None


def anchors_of(document: Document) -> dict[str, Anchor]:
    """Every anchor of the document by name."""
    found: dict[str, Anchor] = {}
    seen: dict[str, int] = {}
    for block in document.headings:
        explicit = _EXPLICIT_ID.search(block.raw)
        if explicit:
            found.setdefault(explicit.group(1), Anchor(explicit.group(1), block))
            continue
        name = slug(block.text)
        count = seen.get(name, 0)
        seen[name] = count + 1
        name = f"{name}-{count}" if count else name
        found.setdefault(name, Anchor(name, block))
    for block in document.blocks:
        if block.kind == "code" or "<" not in block.raw:
            continue
        for match in _HTML_ANCHOR.finditer(block.raw):
            found.setdefault(match.group(1), Anchor(match.group(1), None))
    return found
