"""Findings about the input itself (LK9xx), made by loaders and the engine.

Loaders know no rules, but a file that cannot be read is still a finding with a
stable code, a name and a default severity: this table is their one home.
"""

from __future__ import annotations

from lintkit.model import Finding, Severity, Span

INPUT_PROBLEMS: dict[str, tuple[str, Severity, str]] = {
    "LK900": ("file-unreadable", Severity.ERROR, "The file cannot be read or parsed."),
    "LK901": ("file-binary", Severity.ERROR, "The file is binary, not text."),
    "LK902": ("invalid-utf8", Severity.ERROR, "The file is not valid UTF-8."),
    "LK903": ("front-matter-invalid", Severity.ERROR, "The YAML front matter cannot be parsed."),
    "LK904": ("source-missing", Severity.ERROR, "A translation has no source file."),
    "LK905": ("file-unsupported", Severity.WARNING, "No format reads this kind of file, so it was not checked."),
    "LK906": ("catalog-invalid", Severity.ERROR, "The gettext catalog cannot be parsed."),
    "LK909": ("check-failed", Severity.ERROR, "A rule failed on this file; the other rules and files went on."),
}


def input_problem(code: str, path: str, span: Span, message: str, source_path: str | None = None) -> Finding:
    name, severity, _ = INPUT_PROBLEMS[code]
    return Finding(path, span, code, name, severity, message, source_path=source_path)
