"""An analysis of a source alone runs once for all of its translations, and goes with the document."""

from __future__ import annotations

import gc

from lintkit.analysis import per_source
from lintkit.formats.markdown.parse import MarkdownLoader


def _document(text: str = "# Title\n\nA paragraph.\n"):
    return MarkdownLoader().parse("en/page.md", text, "en")


def test_a_source_analysis_runs_once_per_document_and_name() -> None:
    document, calls = _document(), []

    def count(source):
        calls.append(source)
        return len(source.blocks)

    assert per_source.of_source(document, "blocks", count) == 2
    assert per_source.of_source(document, "blocks", count) == 2
    assert per_source.of_source(document, "other", count) == 2
    assert len(calls) == 2


def test_a_block_analysis_runs_once_per_block() -> None:
    document, calls = _document(), []

    def text_of(source, block):
        calls.append(block.index)
        return block.text

    first, second = document.blocks
    assert per_source.of_source_block(document, first, "text", text_of) == "Title"
    assert per_source.of_source_block(document, second, "text", text_of) == "A paragraph."
    assert per_source.of_source_block(document, first, "text", text_of) == "Title"
    assert calls == [0, 1]


def test_what_was_kept_goes_with_its_document() -> None:
    document = _document()
    per_source.of_source(document, "blocks", lambda source: len(source.blocks))
    key = id(document)
    del document
    gc.collect()
    assert key not in per_source._KEPT
