"""The fragments a document offers: heading slugs, explicit `{#id}` and `<a id/name>` anchors.

Slugs follow the site generator's rules (`links/slugs.py`, GitHub's by default),
and `-1`, `-2` are added to repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintkit.analysis.links.slugs import slug
from lintkit.analysis.per_source import of_source
from lintkit.model import Block, Document

_EXPLICIT_ID = re.compile(r"\s*\{#([^\s}]+)[^}]*\}\s*$")
# `[^<>]`: a tag never reads past the next `<`, so a run of unclosed tags costs one pass, not n²
_HTML_ANCHOR = re.compile(r"<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


__all__ = ["Anchor", "anchors_of", "slug", "source_anchors_of"]


@dataclass(frozen=True)
class Anchor:
    """One fragment target, and the heading that makes it (None for HTML anchors)."""

    name: str
    heading: Block | None


def anchors_of(document: Document, style: str = "github") -> dict[str, Anchor]:
    """Every anchor of the document by name, heading slugs made by the `style` of `links/slugs.py`."""
    found: dict[str, Anchor] = {}
    seen: dict[str, int] = {}
    for block in document.headings:
        explicit = _EXPLICIT_ID.search(block.raw)
        if explicit:
            found.setdefault(explicit.group(1), Anchor(explicit.group(1), block))
            continue
        name = slug(block.text, style)
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


def source_anchors_of(source: Document, style: str = "github") -> dict[str, Anchor]:
    """`anchors_of` a source document, once for all of its translations (`analysis/per_source.py`)."""
    return of_source(source, f"anchors:{style}", lambda document: anchors_of(document, style))
