"""LK206: fenced and indented code is copied, not translated."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity
from lintkit.rules.base import Rule


def _normalized(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").split("\n"))


class CodeBlockChanged(Rule):
    """
    What it finds:
        A code block of the source that the translation changed or dropped.
        Trailing spaces and blank lines around the code do not count.

    Why it matters:
        Readers copy code as it is. A translated keyword, a lost line or a
        "smart" quote makes the example fail in one language only.

    Example:
        Source: a fence with `kubectl get pods`
        Translation: a fence with `kubectl obtenir pods`
        Finding: `code block differs from the source's (source line 30)`

    Options:
        None. Select it off (`ignore = ["LK206"]`) for sites that translate comments in code.
    """

    code = "LK206"
    name = "code-block-changed"
    summary = "A code block differs from the source or is missing."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for aligned in pair.alignment:
            source, target = aligned.source, aligned.target
            if source is None or source.kind != "code":
                continue
            if target is None or target.kind != "code":
                span = target.span if target is not None else pair.insertion_point(source)
                yield self.report(pair, span, f"code block of source line {source.span.line} is missing", source=source)
            elif _normalized(source.text) != _normalized(target.text):
                line = _first_difference(source.text, target.text)
                yield self.report(
                    pair,
                    target.span,
                    f"code block differs from the source's (source line {source.span.line}, "
                    f"first difference in code line {line})",
                    source=source,
                )


def _first_difference(source: str, target: str) -> int:
    source_lines = _normalized(source).split("\n")
    target_lines = _normalized(target).split("\n")
    for number, (first, second) in enumerate(zip(source_lines, target_lines, strict=False), start=1):
        if first != second:
            return number
    return min(len(source_lines), len(target_lines)) + 1
