"""Asides and admonitions (`:::note`, `:::tip[Title]`): the same kinds, in the same order (LK212)."""

from __future__ import annotations

from collections.abc import Iterator

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
        partners = _partners(pair, source, target)
        matched = {id(written) for written in partners.values()}
        for block in source:
            written = partners.get(id(block))
            if written is not None:
                if written.info != block.info:
                    yield self._changed(pair, block, written)
                continue
            message = f"the source's `:::{block.info}` aside (source line {block.span.line}) is missing here"
            yield self.report(pair, pair.insertion_point(block), message, block, severity=Severity.WARNING)
        for written in target:
            if id(written) not in matched:
                message = f"aside `:::{written.info}` is not in the source"
                yield self.report(pair, _type_span(written), message, severity=Severity.WARNING)

    def _changed(self, pair: FilePair, block: Block, written: Block) -> Finding:
        message = f"aside type `{written.info}` is not the source's `{block.info}` (source line {block.span.line})"
        return self.report(pair, _type_span(written), message, block)


def _partners(pair: FilePair, source: list[Block], target: list[Block]) -> dict[int, Block]:
    """Source aside (by id) → its translation: the aligned aside, else an aside left between the same neighbours.

    The block alignment can set an aside against another block when the pages
    around it drifted; an unpaired translated aside that stands between the
    translations of the source aside's neighbours is its counterpart (the same
    type first, else the first one there).
    """
    partners: dict[int, Block] = {}
    for block in source:
        written = pair.target_block_for(block)
        if written is not None and written.kind == "aside":
            partners[id(block)] = written
    paired = {id(written) for written in partners.values()}
    lonely = [written for written in target if id(written) not in paired]
    # the lowest partner index after each source aside, and the highest before it (read as the loop goes,
    # since it pairs asides): each a pass, not a search of all the others per aside
    after = [len(pair.target.blocks)] * (len(source) + 1)
    for position in range(len(source) - 1, -1, -1):
        partner = partners.get(id(source[position]))
        after[position] = min(after[position + 1], partner.index) if partner is not None else after[position + 1]
    low = -1
    for position, block in enumerate(source):
        if id(block) not in partners and lonely:
            high = after[position + 1]
            between = [written for written in lonely if low < written.index < high]
            if between:
                chosen = next((written for written in between if written.info == block.info), between[0])
                partners[id(block)] = chosen
                lonely.remove(chosen)
        if id(block) in partners:
            low = max(low, partners[id(block)].index)
    return partners


def _type_span(block: Block) -> Span:
    """Where the type keyword stands: after the colons that open the aside."""
    marker = block.raw.lstrip()
    start = block.span.column + len(marker) - len(marker.lstrip(":"))
    return Span(block.span.line, start, block.span.line, start + len(block.info))
