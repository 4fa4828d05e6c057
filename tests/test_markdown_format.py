"""`--format markdown`: a table per locale, the top findings, escaping, and the size limit."""

from __future__ import annotations

import pytest
from helpers import ROOT

from lintkit.cli import main
from lintkit.formatters import FORMATTERS, Summary
from lintkit.formatters.markdown import LIMIT, TOP_PER_LOCALE, MarkdownFormatter, code, message
from lintkit.model import Finding, Severity, Span


def finding(path: str, line: int, text: str = "placeholder `{{ a }}` is missing", severity=Severity.ERROR) -> Finding:
    return Finding(path, Span(line, 1, line, 5), "LK101", "placeholder-missing", severity, text, "en/" + path[3:], 2)


def render(findings: list[Finding], locales: dict[str, str]) -> str:
    return MarkdownFormatter().render(findings, Summary.of(findings, 10, locales))


def test_registered_for_check() -> None:
    assert FORMATTERS["markdown"] is MarkdownFormatter


def test_a_row_per_locale_then_its_top_findings_errors_first() -> None:
    findings = [
        finding("fr/a.md", 3, severity=Severity.WARNING),
        finding("fr/a.md", 9),
        finding("de/a.md", 1),
    ]
    out = render(findings, {"fr/a.md": "fr", "de/a.md": "de"})
    lines = out.splitlines()
    assert lines[0] == "### lintkit: 2 errors, 1 warning in 2 files (10 files checked)"
    assert "| de | 1 | 1 | 0 | 0 | `LK101` placeholder-missing (1) |" in lines
    assert "| fr | 1 | 1 | 1 | 0 | `LK101` placeholder-missing (2) |" in lines
    fr_rows = [line for line in lines[lines.index("#### fr (2 findings)") :] if line.startswith("| `fr/")]
    assert fr_rows[0].startswith("| `fr/a.md:9:1` | error") and fr_rows[1].startswith("| `fr/a.md:3:1` | warning")
    assert "| `fr/a.md:9:1` | error `LK101` placeholder-missing | placeholder `{{ a }}` is missing |" in lines


def test_document_text_cannot_break_the_table_or_inject_html() -> None:
    assert message("a | b <script>x</script> *c*") == "a \\| b &lt;script&gt;x&lt;/script&gt; \\*c\\*"
    assert message("placeholder `a|b` and `<%= x %>`") == "placeholder `a\\|b` and `<%= x %>`"
    assert code("a`b") == "``a`b``"
    assert code("line\nbreak") == "`line break`"


def test_many_findings_stay_under_the_limit_with_a_note() -> None:
    long_text = "placeholder `{{ x }}` is missing " + "very long message " * 30
    findings = [finding(f"l{n:02d}/page{i}.md", i, long_text) for n in range(60) for i in range(1, 30)]
    locales = {item.path: item.path[:3] for item in findings}
    out = render(findings, locales)
    assert len(out) < LIMIT
    assert out.rstrip().endswith(f"run `lintkit report` to see all {len(findings)}._")
    assert "Truncated to stay under 60,000 characters" in out


def test_more_than_the_top_findings_of_a_locale_are_counted() -> None:
    findings = [finding("fr/a.md", line) for line in range(1, TOP_PER_LOCALE + 6)]
    out = render(findings, {"fr/a.md": "fr"})
    assert "… and 5 more (warnings and info last)." in out
    assert "Truncated" not in out


def test_no_findings() -> None:
    assert render([], {}) == "### lintkit: no findings (10 files checked)\n"


def test_check_groups_a_catalog_outside_any_layout_by_its_own_locale(tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_bytes((ROOT / "samples" / "fr" / "messages.po").read_bytes())
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["check", "--format", "markdown", "--select", "LK1", "locale/fr/LC_MESSAGES/django.po"])
    out = capsys.readouterr().out
    assert "\n| fr | 1 |" in out and "#### fr (" in out
