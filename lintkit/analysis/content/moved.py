"""Blocks that stand elsewhere on the other side: moved (their links or link macros are there) or copied.

A translator may move a block (a see-also list reordered), write the source's
link macros as links, or merge untranslated text into another paragraph. Such
a block is neither missing where the source has it nor extra where the
translation has it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lintkit.formats.destinations import destination_key
from lintkit.formats.placeholder_keys import rendered_page
from lintkit.model import Block


def linked_pages(blocks: Iterable[Block]) -> frozenset[str]:
    """Every key that names a page the blocks link or render a link to."""
    return frozenset(key for block in blocks for key in _pages(block))


def stands_elsewhere(block: Block, others: frozenset[str]) -> bool:
    """The block links somewhere, and each of its links or macros has a counterpart among `others`."""
    return bool(_pages(block)) and all(keys & others for keys in _link_keys(block))


def copied_into(others: Iterable[Block], own: Iterable[Block]) -> Callable[[Block], bool]:
    """Whether a block's text stands word for word in one of `others` (untranslated text merged into another
    paragraph, or moved) more often than in the other blocks of its `own` side: a quote of the source that
    repeats a paragraph and was left untranslated repeats it in the translation too, and tells nothing of where
    the paragraph went. A heading's text does not count: a table of contents repeats every heading."""
    everything = _prose(others)
    own_text: list[str] = []  # built the first time a block's text is found on the other side

    def copied(block: Block) -> bool:
        text = _plain(block.text)
        if len(text) < MIN_COPIED or text not in everything:
            return False
        if not own_text:
            own_text.append(_prose(own))
        return everything.count(text) > own_text[0].count(text) - (block.kind in _PROSE_KINDS)

    return copied


def _prose(blocks: Iterable[Block]) -> str:
    return "\n".join(_plain(block.text) for block in blocks if block.kind in _PROSE_KINDS)


_PROSE_KINDS = frozenset({"paragraph", "list_item", "quote"})
MIN_COPIED = 30  # characters of a block's text that must stand word for word on the other side


def _plain(text: str) -> str:
    return " ".join(text.split()).lower()


def _pages(block: Block) -> frozenset[str]:
    """The pages a block links: each link's destination, and the page a link macro renders
    (`{{domxref("Window.confirm")}}` links the page `confirm`, as `[confirm](/fr/docs/Web/API/Window/confirm)` does)."""
    keys = set()
    for link in block.links:
        keys.add(destination_key(link.destination))
        page = _page_key(link.destination)
        if page:
            keys.add(page)
    for placeholder in block.placeholders:
        page = rendered_page(placeholder.raw) if placeholder.syntax == "jinja" else None
        if page:
            keys.add(_PAGE + page)
    return frozenset(keys)


def _link_keys(block: Block) -> list[frozenset[str]]:
    """For each link or link macro of a block, the keys any one of which names it on the other side: a link
    whose page is named by a macro there need not have the same destination (a link to the site's root or to
    a fragment is named only by its destination)."""
    keys = []
    for link in block.links:
        page = _page_key(link.destination)
        keys.append(frozenset({page}) if page else frozenset({destination_key(link.destination)}))
    for placeholder in block.placeholders:
        page = rendered_page(placeholder.raw) if placeholder.syntax == "jinja" else None
        if page:
            keys.append(frozenset({_PAGE + page}))
    return keys


def _page_key(destination: str) -> str | None:
    """The key that names a link's page by its last path segment, None for a generic one (`index`, the root)."""
    last = destination.partition("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    return _PAGE + last if last and last not in _GENERIC_PAGES else None


_PAGE = "page:"  # a key that names a page by its last path segment
_GENERIC_PAGES = frozenset({"index", "index.html", "readme", "readme.md", "docs", "en", "en-us"})
