"""The default format: `path:line:column: CODE [severity] message`, then the source it was compared with.

Paths and messages come from the documents; `safe` writes their control and
bidi characters as escapes, so each finding stays one line that no terminal or
CI log interprets.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from lintkit.formatters.base import Formatter, Summary
from lintkit.formatters.safe import line_start, visible
from lintkit.model import Finding, Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def baseline_note(summary: Summary) -> str | None:
    """What the baseline hid and which of its findings are fixed; None when it did neither."""
    if not summary.baseline_hidden and not summary.baseline_fixed:
        return None
    parts = []
    if summary.baseline_hidden:
        parts.append(f"{_plural(summary.baseline_hidden, 'known finding')} hidden by the baseline.")
    if summary.baseline_fixed:
        parts.append(
            f"{_plural(summary.baseline_fixed, 'baseline finding')} no longer "
            f"{'occurs' if summary.baseline_fixed == 1 else 'occur'}; "
            "run `lintkit baseline` to drop them."
        )
    return " ".join(parts)


class TextFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        lines = []
        for finding in findings:
            location = f"{line_start(finding.path)}:{finding.span.line}:{finding.span.column}:"
            severity = f"[{finding.severity}]"
            if self.color:
                location = click.style(location, bold=True)
                severity = click.style(severity, fg=_COLORS[finding.severity])
            lines.append(f"{location} {finding.code} {severity} {visible(finding.message)}")
            if finding.source_path is not None and finding.source_line is not None:
                reference = f"    {line_start(finding.source_path)}:{finding.source_line}: source"
                lines.append(click.style(reference, dim=True) if self.color else reference)
        if not self.quiet:
            lines.append(self.summary_line(findings, summary))
            note = baseline_note(summary)
            if note:
                lines.append(note)
        return "".join(line + "\n" for line in lines)

    def summary_line(self, findings: Sequence[Finding], summary: Summary) -> str:
        checked = f"{_plural(summary.files_checked, 'file')} checked"
        if not findings:
            return f"No findings ({checked})."
        counts = ", ".join(
            _plural(count, word)
            for count, word in (
                (summary.errors, "error"),
                (summary.warnings, "warning"),
                (summary.infos, "info"),
            )
            if count
        )
        in_files = _plural(summary.files_with_findings(findings), "file")
        return f"Found {counts} in {in_files} ({checked})."
