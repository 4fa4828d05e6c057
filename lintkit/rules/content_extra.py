"""LK702: content of the translation that the source does not have."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.content.blocks import parity, quote_start
from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule
from lintkit.rules.content_missing import describe, passages, reported, summarised


class ContentExtra(Rule):
    """
    What it finds:
        Blocks of the translation with no counterpart in the source: a
        paragraph, list item, table row, quote or code block that the source
        does not have. Consecutive extra blocks are one finding, at the first.
        A split or merged paragraph is not extra. An extra heading, and with
        it the section under it, is LK202's finding, except when the outline
        diverged (LK209); then more than five extra passages are one finding
        with their count.

    Why it matters:
        Usually the translation follows another version of the page (content
        the source has since removed), or text was pasted twice. A translator's
        note can be legitimate, so this is a warning: set `[severity] LK702 =
        "info"` where notes are welcome.

    Example:
        Source: `Run the installer.`
        Translation: `Lancez l'installateur.` then `Note du traducteur : …`
        Finding: `extra content: the paragraph at line 3 ("Note du traducteur : …") has no counterpart in the source`

    Options:
        `embedded-example-info` (default none): info-string words of code
        blocks that a page may write out or embed by a macro instead (the
        `mdn` preset sets `interactive-example`); such a block on one side
        only is neither missing nor extra. Its severity is set like any rule's.
    """

    code = "LK702"
    reads = ("embedded-example-info",)
    name = "content-extra"
    summary = "The translation has content (paragraph, list item, table row) the source does not have."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        runs = reported(pair, parity(pair).extra)
        if summarised(pair, runs):
            first = runs[0].blocks[0]
            yield self.report(
                pair,
                Span.point(first.span.line, first.span.column),
                f"extra content: {passages(runs)} of the translation have no counterpart in the source, the "
                f'first at line {first.span.line} ("{quote_start(first)}"); the translation follows another '
                "version of the page (LK209)",
            )
            return
        for found in runs:
            run = found.blocks
            first = run[0]
            where = describe(run).replace("source line", "line")
            verb = "has" if len(run) == 1 else "have"
            yield self.report(
                pair,
                Span(first.span.line, first.span.column, first.span.line, first.span.end_column)
                if first.span.line == first.span.end_line
                else Span.point(first.span.line, first.span.column),
                f'extra content: {where} ("{quote_start(first)}") {verb} no counterpart in the source',
            )
