"""LK206: fenced and indented code is copied, not translated."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintkit.model import FilePair, Finding, Severity
from lintkit.rules.base import Rule

_LINE_COMMENT = re.compile(r"^\s*(?:#(?!!)|//)")  # a shebang (#!) is code
_TRAILING_COMMENT = re.compile(r"\s+(?:#|//)\s.*$")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->", re.DOTALL)


def _code_lines(code: str) -> list[tuple[int, str]]:
    """The lines that are code, numbered as written: comments and blank lines may be translated or moved."""
    code = _BLOCK_COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), code)
    lines = []
    for number, line in enumerate(code.split("\n"), start=1):
        if _LINE_COMMENT.match(line):
            continue
        line = _TRAILING_COMMENT.sub("", line).rstrip()
        if line:
            lines.append((number, line))
    return lines


class CodeBlockChanged(Rule):
    """
    What it finds:
        A code block of the source that the translation changed or dropped.
        Comments (`#`, `//`, `/* */`, `<!-- -->`), blank lines and trailing
        spaces do not count: translating the comments of an example is fine.

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
            elif [line for _, line in _code_lines(source.text)] != [line for _, line in _code_lines(target.text)]:
                line = _first_difference(source.text, target.text)
                yield self.report(
                    pair,
                    target.span,
                    f"code block differs from the source's (source line {source.span.line}, "
                    f"first difference in code line {line})",
                    source=source,
                )


def _first_difference(source: str, target: str) -> int:
    """The target's line number (within the code) of the first code line that differs."""
    source_lines, target_lines = _code_lines(source), _code_lines(target)
    for (_, first), (number, second) in zip(source_lines, target_lines, strict=False):
        if first != second:
            return number
    if len(target_lines) > len(source_lines):
        return target_lines[len(source_lines)][0]
    return (target_lines[-1][0] + 1) if target_lines else 1
