"""Placeholders of a command written in another order than the source's.

In prose a translation may move placeholders with its grammar, but inside a code
span the order is the command's: `cp {{file1}} {{file2}}` and
`cp {{fichier2}} {{fichier1}}` copy in opposite directions. A code span of the
translation is compared with the source's code span of the same skeleton (its
text with every placeholder taken out), placeholders by their keys (with
`translatable-placeholders`, what must survive: options and numbers).
"""

from __future__ import annotations

from collections import defaultdict

from lintkit.analysis.placeholders import key_function
from lintkit.model import Block, FilePair, Placeholder

_SLOT = "\x00"


def reordered(pair: FilePair) -> list[tuple[Placeholder, Placeholder]]:
    """(source placeholder, target placeholder) where each reordered code span first differs (memoized)."""
    return pair.memo("placeholders-reordered", _reordered)


def _reordered(pair: FilePair) -> list[tuple[Placeholder, Placeholder]]:
    key_of = key_function(pair)
    found = []
    for source_block, target_block in pair.aligned():
        if not source_block.placeholders or not target_block.placeholders:
            continue
        by_skeleton: dict[str, list[list[Placeholder]]] = defaultdict(list)
        for skeleton, placeholders in _code_spans(pair.source, source_block):
            by_skeleton[skeleton].append(placeholders)
        for skeleton, placeholders in _code_spans(pair.target, target_block):
            candidates = by_skeleton.get(skeleton)
            if not candidates:
                continue
            source_placeholders = candidates.pop(0)
            source_keys = [key_of(placeholder) for placeholder in source_placeholders]
            target_keys = [key_of(placeholder) for placeholder in placeholders]
            if len(source_keys) < 2 or source_keys == target_keys or sorted(source_keys) != sorted(target_keys):
                continue  # one placeholder, the same order, or a different set (LK101-LK103 say so)
            first = next(index for index, (a, b) in enumerate(zip(source_keys, target_keys, strict=True)) if a != b)
            found.append((source_placeholders[first], placeholders[first]))
    return found


def _code_spans(document, block: Block) -> list[tuple[str, list[Placeholder]]]:
    """Each code span of the block with two or more placeholders: its skeleton and its placeholders in order."""
    spans = []
    for inline in block.inlines:
        if inline.kind != "code":
            continue
        start = (inline.span.line, inline.span.column)
        end = (inline.span.end_line, inline.span.end_column)
        inside = [p for p in block.placeholders if start <= (p.span.line, p.span.column) < end]
        if len(inside) < 2:
            continue
        begin = document.lines.offset(*start)
        finish = document.lines.offset(*end)
        text = document.text[begin:finish]
        for placeholder in sorted(inside, key=lambda p: (p.span.line, p.span.column), reverse=True):
            offset = document.lines.offset(placeholder.span.line, placeholder.span.column) - begin
            text = text[:offset] + _SLOT + text[offset + len(placeholder.raw) :]
        spans.append((" ".join(text.split()), sorted(inside, key=lambda p: (p.span.line, p.span.column))))
    return spans
