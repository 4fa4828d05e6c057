"""What rules read of a source document alone, computed once for all of its translations.

The engine checks a source with each of its translations in turn (a site in
eighteen locales: eighteen pairs with one source document). An analysis that
reads the source alone gives the same answer for every pair, so it is kept
with the document for as long as the document lives: memory follows the
documents in use, not the size of the run. A name says what was computed and
from which settings (`anchors:github`), so two analyses never share an entry.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from lintkit.model import Block, Document

Value = TypeVar("Value")

_KEPT: dict[int, dict[str, Any]] = {}  # by id() of the live documents


def of_source(document: Document, name: str, compute: Callable[[Document], Value]) -> Value:
    """`compute(document)`, once per document and name; callers read the value and never change it."""
    kept = _KEPT.get(id(document))
    if kept is None:
        kept = _KEPT[id(document)] = {}
        weakref.finalize(document, _KEPT.pop, id(document), None)
    if name not in kept:
        kept[name] = compute(document)
    return kept[name]


def of_source_block(document: Document, block: Block, name: str, compute: Callable[[Document, Block], Value]) -> Value:
    """`compute(document, block)` for one block of a source, once per block and name."""
    by_block: dict[int, Value] = of_source(document, name, lambda _: {})
    if block.index not in by_block:
        by_block[block.index] = compute(document, block)
    return by_block[block.index]
