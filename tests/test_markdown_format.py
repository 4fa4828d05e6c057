"""`--format markdown`: every locale worst first, `<details>` per locale, a shared size budget,
untranslated pages as one row, links to lines, and document text that cannot act in a comment."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from lintkit.cli.app import main
from lintkit.formatters import FORMATTERS, Summary
from lintkit.formatters.markdown import LIMIT, TOP_PER_LOCALE, MarkdownFormatter, code, message, plain
from lintkit.model import Finding, Severity, Span


def finding(
    path: str, line: int, text: str = "placeholder `{{ a }}` is missing", severity=Severity.ERROR, rule="LK101"
) -> Finding:
    names = {"LK101": "placeholder-missing", "LK401": "untranslated-block", "LK402": "untranslated-fragment"}
    return Finding(path, Span(line, 1, line, 5), rule, names[rule], severity, text, "en/" + path[3:], 2)


def render(findings: list[Finding], locales: dict[str, str], **options) -> str:
    return MarkdownFormatter(**options).render(findings, Summary.of(findings, 10, locales))


def section(out: str, locale: str) -> str:
    start = out.index(f"<summary><strong>{locale}</strong>")
    return out[start : out.index("</details>", start)]


def test_registered_for_check() -> None:
    assert FORMATTERS["markdown"] is MarkdownFormatter


def test_locales_by_errors_each_in_details_with_errors_first() -> None:
    findings = [
        finding("fr/a.md", 3, severity=Severity.WARNING),
        finding("fr/a.md", 9),
        finding("de/a.md", 1),
        finding("de/b.md", 1),
        finding("ar/a.md", 1, severity=Severity.INFO),
    ]
    out = render(findings, {f.path: f.path[:2] for f in findings})
    lines = out.splitlines()
    assert lines[0] == "### lintkit: 3 errors, 1 warning, 1 info in 4 files (10 files checked)"
    rows = [line for line in lines if re.match(r"\| \w\w \|", line)]
    assert [row.split()[1] for row in rows] == ["de", "fr", "ar"]  # 2 errors, 1 error, none
    assert "| de | 2 | 2 | 0 | 0 | `LK101` placeholder-missing (2) |" in lines
    assert lines.count("<details>") == 3 and lines.count("</details>") == 3
    assert "<summary><strong>fr</strong>: 1 error, 1 warning in 1 file</summary>" in lines
    fr_rows = [line for line in section(out, "fr").splitlines() if line.startswith("| `fr/")]
    assert fr_rows == [
        "| `fr/a.md:9:1` | error `LK101` placeholder-missing | placeholder `{{ a }}` is missing |",
        "| `fr/a.md:3:1` | warning `LK101` placeholder-missing | placeholder `{{ a }}` is missing |",
    ]
    assert out.index("<strong>de</strong>") < out.index("<strong>fr</strong>") < out.index("<strong>ar</strong>")


def test_document_text_cannot_break_the_table_or_inject_html() -> None:
    assert message("a | b <script>x</script> *c*") == "a \\| b &lt;script&gt;x&lt;/script&gt; \\*c\\*"
    assert message("placeholder `a|b` and `<%= x %>`") == "placeholder `a\\|b` and `<%= x %>`"
    assert code("a`b") == "``a`b``"
    assert code("line\nbreak") == "`line break`"


def test_mentions_references_and_links_from_documents_are_code() -> None:
    text = 'untranslated "thanks @octocat, see #12 and https://evil.example/x or www.evil.example" here'
    out = message(text)
    assert "`@octocat,`" in out and "`#12`" in out and "`https://evil.example/x`" in out
    assert '`www.evil.example"`' in out
    outside_code = re.sub(r"`[^`]*`", "", out)
    assert "@" not in outside_code and "://" not in outside_code and "#1" not in outside_code
    assert plain("mail me@example.org") == "mail `me@example.org`"
    assert plain("step #3 of GH-7") == "step `#3` of `GH-7`"
    assert plain("C# and F#") == "C# and F#"  # a hash not followed by a digit links nothing


def test_a_locale_name_that_is_not_a_tag_is_code_in_the_summary() -> None:
    findings = [finding("xx/a.md", 1)]
    out = render(findings, {"xx/a.md": "@team"})
    assert "<summary><strong><code>@team</code></strong>" in out
    assert "| `@team` | 1 |" in out


def test_every_locale_keeps_its_counts_and_how_many_more_under_the_limit() -> None:
    long_text = "placeholder `{{ x }}` is missing " + "very long message " * 30
    findings = [finding(f"l{n:02d}/page{i}.md", i, long_text) for n in range(60) for i in range(1, 30)]
    locales = {item.path: item.path[:3] for item in findings}
    out = render(findings, locales)
    assert len(out) < LIMIT
    for n in range(60):
        part = section(out, f"l{n:02d}")
        assert "29 errors in 29 files" in part
        shown = len(re.findall(r"^\| `l", part, re.MULTILINE))
        assert shown >= 1 and f"… and {29 - shown} more (" in part
    # the locales took turns: the first locale has at most one row more than the last
    counts = [len(re.findall(r"^\| `l", section(out, f"l{n:02d}"), re.MULTILINE)) for n in range(60)]
    assert max(counts) - min(counts) <= 1
    assert out.rstrip().endswith(f"`lintkit report` shows all {len(findings)}._")


def test_so_many_locales_that_the_table_is_left_out_still_lists_each() -> None:
    findings = [finding(f"l{n:03d}/page.md", 1) for n in range(500)]
    out = render(findings, {item.path: item.path[:4] for item in findings})
    assert all(f"<strong>l{n:03d}</strong>: 1 error in 1 file" in out for n in range(500))
    assert "| Locale |" not in out


def test_more_than_the_top_findings_of_a_locale_are_counted_by_severity() -> None:
    findings = [finding("fr/a.md", line) for line in range(1, TOP_PER_LOCALE + 4)]
    findings += [finding("fr/b.md", 1, severity=Severity.WARNING), finding("fr/b.md", 2, severity=Severity.INFO)]
    out = render(findings, {"fr/a.md": "fr", "fr/b.md": "fr"})
    assert "… and 5 more (3 errors, 1 warning, 1 info)." in out


def test_an_untranslated_page_is_one_row() -> None:
    english = [finding("fr/a.md", line, "block is English", Severity.WARNING, "LK401") for line in (3, 5, 9, 11)]
    english.append(finding("fr/a.md", 13, 'untranslated English "Post to"', Severity.WARNING, "LK402"))
    few = [finding("fr/b.md", line, "block is English", Severity.WARNING, "LK401") for line in (2, 4)]
    out = render([*english, *few, finding("fr/a.md", 20)], {"fr/a.md": "fr", "fr/b.md": "fr"})
    rows = [line for line in section(out, "fr").splitlines() if line.startswith("| `fr/")]
    assert rows[0].startswith("| `fr/a.md:20:1` | error")
    assert rows[1] == (
        "| `fr/a.md:3:1` | warning `LK401` untranslated-block | "
        "5 blocks left in English (lines 3, 5, 9, 11, 13): translate the page |"
    )
    assert len(rows) == 4  # the page, the error, and fr/b.md's two blocks on their own
    assert "… and" not in section(out, "fr")


def test_locations_link_to_their_line_with_a_template() -> None:
    findings = [finding("fr/a b.md", 9)]
    link = lambda path, line: f"https://example.org/blob/abc/{path.replace(' ', '%20')}#L{line}"  # noqa: E731
    out = render(findings, {"fr/a b.md": "fr"}, link_for=link)
    assert "| [`fr/a b.md:9:1`](https://example.org/blob/abc/fr/a%20b.md#L9) | error" in out


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
    assert "\n| fr | 1 |" in out and "<summary><strong>fr</strong>:" in out
