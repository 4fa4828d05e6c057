"""`--format github`: GitHub Actions workflow commands, so findings show as annotations on the pull request.

`::error file=fr/guide.md,line=9,col=11,endLine=9,endColumn=41,title=LK101::message`;
warnings are `::warning` and info findings `::notice`. The plain summary line
after them shows in the job log. New lines in a message are escaped as GitHub
reads them (`%0A`), so a document cannot end the command and start another;
other control and bidi characters are written as visible escapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from lintkit.formatters.base import Formatter, Summary
from lintkit.formatters.safe import visible
from lintkit.formatters.text import TextFormatter, baseline_note
from lintkit.model import Finding, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The escaping GitHub applies to a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property values also may not hold the separators `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        lines = [self.command(finding) for finding in findings]
        if not self.quiet:
            lines.append(TextFormatter().summary_line(findings, summary))
            note = baseline_note(summary)
            if note:
                lines.append(note)
        return "".join(line + "\n" for line in lines)

    @staticmethod
    def command(finding: Finding) -> str:
        span = finding.span
        properties = {
            "file": visible(finding.path),
            "line": span.line,
            "col": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "title": finding.code,
        }
        if span.end_line != span.line:
            del properties["endColumn"]  # GitHub reads a column range only within one line
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        message = visible(finding.message, keep_new_lines=True)
        if finding.source_path is not None and finding.source_line is not None:
            message += f"\nsource: {visible(finding.source_path)}:{finding.source_line}"
        return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(message)}"
