"""LK704: a number of the source's prose that the translation changed."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.content.blocks import parity
from lintkit.analysis.content.numbers import changed_numbers, numbers_in, span_of
from lintkit.analysis.per_source import of_source_block
from lintkit.model import FilePair, Finding, Severity
from lintkit.rules.base import Rule


class NumberChanged(Rule):
    """
    What it finds:
        In each aligned block's prose, a number of the translation that no
        number of the source's block explains, while the source's block has
        a number the translation does not: `50 secondes` for `30 seconds`.
        Numbers are read in the notation of any locale: `1,000`, `1 000`,
        `1.000` and `1’000`; decimal commas; Arabic-Indic, Persian, Devanagari
        and full-width digits; `万` and `만`; `08:00` and `8 h`. Numbers in code,
        links' destinations, placeholders and step numbers of headings
        (LK204) are not compared, nor digits inside names (`H2O`, `mp4`).

    Why it matters:
        A changed number (a price, a duration, a version, a limit) is wrong
        information that reads perfectly well, so no reader suspects it.

    Example:
        Source: `wait 30 seconds`
        Translation: `attendez 50 secondes`
        Finding: `number 50 differs from the source's 30 (source line 1)`

    Options:
        None. Blocks with more numbers than the source's are not compared (a
        sentence rephrased: "10 values" → "from 0 to 9"); with fewer, the
        numbers the translation writes as words are left out, and a number
        that no source number explains is still reported. Blocks paired across
        sections (under headings that are not each other's) are not compared.
        `embedded-example-info` (see LK701) decides which blocks are aligned.
    """

    code = "LK704"
    reads = ("embedded-example-info",)
    name = "number-changed"
    summary = "A number in the prose differs from the source's."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        content = parity(pair)
        for group in content.groups:
            if content.across_sections(group):
                continue  # blocks under headings that are not each other's: another section's numbers
            source = [
                number
                for block in group.sources
                for number in of_source_block(pair.source, block, "numbers", numbers_in)
            ]
            if not source:
                continue
            target = [number for block in group.targets for number in numbers_in(pair.target, block)]
            if len(target) > len(source):
                continue  # a sentence with more numbers was rephrased ("10 values" → "from 0 to 9")
            for change in changed_numbers(source, target):
                source_span = span_of(pair.source, change.source)
                yield self.report(
                    pair,
                    span_of(pair.target, change.target),
                    f"number {change.target.written} differs from the source's {change.source.written} "
                    f"(source line {source_span.line})",
                    source=source_span,
                )
