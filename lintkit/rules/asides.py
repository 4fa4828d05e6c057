"""Asides and admonitions (`:::note`, `:::tip[Title]`): the same kinds, in the same order (LK212)."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from lintkit.model import Block, FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule


def asides(blocks: tuple[Block, ...]) -> list[Block]:
    return [block for block in blocks if block.kind == "aside"]


class AsideMismatch(Rule):
    """
    What it finds:
        An aside (Starlight `:::note`, `:::tip[Title]`, `:::caution`,
        `:::danger`; Docusaurus `:::tip Title`) whose type keyword differs
        from the source's, an aside the translation lacks, or one it adds.
        The title is prose: translating it is right.

    Why it matters:
        The type keyword is syntax: `:::astuce` renders as plain text, and a
        security `:::caution` that a translation lost is a warning its readers
        never see.

    Example:
        source `:::tip[Use the CLI]`, translation `:::tipo[Usa la CLI]` → LK212
        source `:::caution`, translation without it → LK212 (missing)
        source `:::tip[Use the CLI]`, translation `:::tip[Utilisez la CLI]` → fine

    Options:
        none.
    """

    code = "LK212"
    name = "aside-mismatch"
    summary = "An aside's type differs from the source's, or an aside is missing or extra."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        source = asides(pair.source.blocks)
        target = asides(pair.target.blocks)
        if not source and not target:
            return
        kinds = [block.info for block in source]
        matcher = SequenceMatcher(None, kinds, [block.info for block in target], autojunk=False)
        for operation, first, last, target_first, target_last in matcher.get_opcodes():
            if operation == "replace" and last - first == target_last - target_first:
                for block, written in zip(source[first:last], target[target_first:target_last], strict=True):
                    yield self._changed(pair, block, written)
                continue
            for block in source[first:last] if operation in ("delete", "replace") else ():
                message = f"the source's `:::{block.info}` aside (source line {block.span.line}) is missing here"
                where = pair.insertion_point(block)
                yield self.report(pair, where, message, block, severity=Severity.WARNING)
            for written in target[target_first:target_last] if operation in ("insert", "replace") else ():
                message = f"aside `:::{written.info}` is not in the source"
                yield self.report(pair, _type_span(written), message, severity=Severity.WARNING)

    def _changed(self, pair: FilePair, block: Block, written: Block) -> Finding:
        message = f"aside type `{written.info}` is not the source's `{block.info}` (source line {block.span.line})"
        return self.report(pair, _type_span(written), message, block)


def _type_span(block: Block) -> Span:
    """Where the type keyword stands: after the colons that open the aside."""
    marker = block.raw.lstrip()
    start = block.span.column + len(marker) - len(marker.lstrip(":"))
    return Span(block.span.line, start, block.span.line, start + len(block.info))
