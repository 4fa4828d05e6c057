"""LK701: content of the source that the translation lacks."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.content.blocks import parity, quote_start
from lintkit.analysis.content.placement import where_missing
from lintkit.model import Block, FilePair, Finding, Severity
from lintkit.rules.base import Rule
from lintkit.rules.structure import diverged

_KIND_NAMES = {
    "paragraph": "paragraph",
    "list_item": "list item",
    "quote": "quote",
    "table_row": "table row",
    "code": "code block",
    "html": "HTML block",
}


def describe(run: tuple[Block, ...]) -> str:
    """`the list item at source line 7` or `3 blocks (a paragraph and a code block) at source lines 7–12`."""
    first = run[0]
    if len(run) == 1:
        return f"the {_KIND_NAMES[first.kind]} at source line {first.span.line}"
    kinds = sorted({_KIND_NAMES[block.kind] for block in run})
    return f"{len(run)} blocks ({', '.join(kinds)}) at source lines {first.span.line}–{run[-1].span.end_line}"


class ContentMissing(Rule):
    """
    What it finds:
        Source content with no counterpart in the translation: a paragraph, a
        list item, a table row, a quote or aside, a code block, or an example
        made of a description and its code. Consecutive missing blocks are one
        finding, placed where the translation of the first would stand (on the
        line after the kept list item or table row it followed; among an MDX
        component's tags, after those the source writes before it when the
        translation has the same tags around it; at the end of the page, after
        the closing tags both files write before it; else where the next kept
        block starts) and quoting its start. A paragraph that the translator
        split in two, two merged into one, or a list item whose indented
        paragraph the translation writes as lines of the item, is not missing;
        nor is a paragraph next to a split whose halves the alignment paired
        one block over. Nor is a block that stands elsewhere in the
        translation: each of its links there (moved), or its text word for
        word inside another block more often than the source repeats it
        (left untranslated and merged into a neighbour). A section whose unpaired blocks on both sides keep its
        length (items written as paragraphs, merged or split) has no finding,
        unless the added blocks hold only other links, placeholders and code
        spans than the missing ones. A missing heading, and with it the section under it, is
        LK201's finding; when the outline diverged (LK209) and the heading
        rules are silent, this rule reports the section's content; when such
        a page misses content in more than five places, one finding gives the
        count and the first place (the page needs retranslating). Where the
        translation has other text in place of the missing blocks (an older
        version of the text), the finding says so and LK702 stays silent.

    Why it matters:
        A reader of the translation never learns what the source says there:
        a step, a warning, an example. Often the translation follows an older
        version of the page and the new content was never translated.

    Example:
        Source: `Start with the basics.` then `Run the installer.`
        Translation: only `Lancez l'installateur.`
        Finding: `missing content: the paragraph at source line 1 ("Start with the basics.") has no translation`

    Options:
        `embedded-example-info` (default none): info-string words of code
        blocks that a page may write out or embed by a macro instead (the
        `mdn` preset sets `interactive-example`); such a block on one side
        only is neither missing nor extra.
    """

    code = "LK701"
    reads = ("embedded-example-info",)
    name = "content-missing"
    summary = "Source content (paragraph, list item, table row, example) is missing from the translation."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        runs = reported(pair, parity(pair).missing)
        if summarised(pair, runs):
            first = runs[0].blocks[0]
            yield self.report(
                pair,
                where_missing(pair, first),
                f"missing content: {passages(runs)} of the source have no translation, the first at source line "
                f'{first.span.line} ("{quote_start(first)}"); the translation follows another version of '
                "the page (LK209): retranslate it from the current source",
                source=first,
            )
            return
        for found in runs:
            run = found.blocks
            verb = "has" if len(run) == 1 else "have"
            message = f'missing content: {describe(run)} ("{quote_start(run[0])}") {verb} no translation'
            if found.replaced_by:
                first, last = found.replaced_by[0], found.replaced_by[-1]
                lines = (
                    f"line {first.span.line}"
                    if len(found.replaced_by) == 1
                    else (f"lines {first.span.line}–{last.span.end_line}")
                )
                message += f'; the translation has other text there ({lines}, "{quote_start(first)}")'
            yield self.report(pair, where_missing(pair, run[0], run[-1]), message, source=run[0])


SUMMARY_RUNS = 5  # more runs than this on a page whose outline diverged: one finding for the page


def summarised(pair: FilePair, runs: list) -> bool:
    """A page whose outline diverged (LK209) and that misses (or adds) content in many places follows another
    version of the source: one finding says so, with the count, instead of one per place. Small pages, and
    pages that only lack a few passages, keep a finding for each."""
    return len(runs) > SUMMARY_RUNS and diverged(pair)


def passages(runs: list) -> str:
    blocks = sum(len(run.blocks) for run in runs)
    return f"{len(runs)} passages ({blocks} blocks)"


def reported(pair: FilePair, runs: list) -> list:
    """The runs these rules report: a run inside a section the heading rules already report is theirs,
    unless the whole outline diverged (then the heading rules summarise and these runs are the detail)."""
    outline_diverged = diverged(pair)
    return [run for run in runs if not run.in_unpaired_section or outline_diverged]
