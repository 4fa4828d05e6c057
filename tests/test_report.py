"""`lintkit report`: the self-contained HTML page, its excerpts, overview and chart, and its escaping."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT

from lintkit.cli import main
from lintkit.model import Severity, Span
from lintkit.report.chart import bar_chart
from lintkit.report.excerpts import FileLines, around
from lintkit.report.markup import Markup, element, escape


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def run_report(cwd: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(["report", *arguments])
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


@pytest.fixture
def samples_report(tmp_path, monkeypatch, capsys) -> str:
    output = tmp_path / "report.html"
    code, _, err = run_report(ROOT / "samples", monkeypatch, capsys, "-o", str(output))
    assert code == 1, err
    assert f"Wrote {output}" in err
    return output.read_text(encoding="utf-8")


def test_report_has_a_section_per_locale_with_side_by_side_excerpts(samples_report) -> None:
    page = samples_report
    for locale in ("de", "es", "fr"):
        assert f'<section class="locale" id="locale-{locale}" data-locale="{locale}">' in page
    finding = page[page.index('id="fr/guide.md:13:42:LK104"') :]
    finding = finding[: finding.index("</details>")]
    assert "placeholder-malformed" in finding
    assert "Translation · fr/guide.md" in finding and "Source · en/guide.md" in finding
    assert "<mark>{{ urls/welcome_video }}}</mark>" in finding
    assert '<tr class="focus"><td class="number">13</td>' in finding


def test_report_overview_counts_and_chart(tmp_path, monkeypatch, capsys) -> None:
    for locale in ("en", "fr", "es"):
        (tmp_path / locale).mkdir()
    (tmp_path / "en" / "page.md").write_text("# Page\n\nGo to {{ urls/home }}.\n\nThe end.\n")
    (tmp_path / "fr" / "page.md").write_text("# Page\n\nAllez sur le site.\n\nLa fin.\n")
    (tmp_path / "es" / "page.md").write_bytes(b"\x00\x01")
    code, _, _ = run_report(tmp_path, monkeypatch, capsys, "-o", "report.html", "--select", "LK1,LK9")
    assert code == 1
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    overview = page[page.index('<section id="overview">') : page.index("</section>")]

    def cells(locale: str) -> list[str]:
        row = re.search(rf'<tr><td><a href="#locale-{locale}">{locale}</a></td>(.*?)</tr>', overview)
        assert row is not None
        return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row.group(1))]

    # files, clean blocks, errors, warnings, info, then one column per family
    assert cells("fr")[:5] == ["1", "67%", "1", "0", "0"]  # the paragraph of 3 blocks has the finding
    assert cells("es")[:5] == ["1", "–", "1", "0", "0"]  # nothing parsed, so no share
    assert "<svg" in overview and 'role="img"' in overview
    assert "<title>es: 1 error: 1 input (LK9xx)</title>" in overview
    assert "<title>fr: 1 error: 1 placeholders (LK1xx)</title>" in overview


def test_report_is_self_contained_and_allows_only_its_own_script(samples_report) -> None:
    tags = parse(samples_report)
    names = [tag for tag, _ in tags.tags]
    assert names.count("script") == 1 and "link" not in names and "img" not in names and "iframe" not in names
    for _, attributes in tags.tags:
        for name, value in attributes.items():
            assert not name.startswith("on")
            if name in ("src", "href"):
                assert value is not None and value.startswith("#"), (name, value)
    policy = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv"))
    digest = base64.b64encode(hashlib.sha256(tags.scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


HOSTILE = """\
---
title: '"><img src=x onerror=alert(1)>'
---

# <script>alert("heading")</script>

Click [here]("><img src=x onerror=alert(2)>) and </td></tr></table><script>alert(3)</script>.
"""


def test_document_text_is_escaped_everywhere(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("---\ntitle: Page\n---\n\n# Page\n\nClick {{ urls/home }}.\n")
    (tmp_path / "fr" / "page.md").write_text(HOSTILE)
    (tmp_path / "fr" / "<img src=x onerror=alert(4)>.md").write_text(HOSTILE)
    code, _, _ = run_report(tmp_path, monkeypatch, capsys, "-o", "report.html")
    assert code == 1
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    tags = parse(page)
    assert [tag for tag, _ in tags.tags].count("script") == 1
    assert "img" not in [tag for tag, _ in tags.tags]
    assert all(not name.startswith("on") for _, attributes in tags.tags for name in attributes)
    assert "&lt;script&gt;alert(&quot;heading&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(4)&gt;.md" in page


def test_markup_escapes_strings_and_refuses_event_attributes() -> None:
    assert escape('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert escape(Markup("<b>")) == "<b>"
    assert element("p", {"title": '"><x'}, "<y>") == '<p title="&quot;&gt;&lt;x">&lt;y&gt;</p>'
    assert element("input", {"checked": True, "disabled": False}) == "<input checked></input>"
    with pytest.raises(ValueError):
        element("p", {"onclick": "x"})
    with pytest.raises(ValueError):
        element("p", {'x" onload="y': "z"})


def test_excerpt_marks_the_span_with_context() -> None:
    lines = FileLines([f"line {number}" for number in range(1, 21)])
    excerpt = around("fr/a.md", lines, Span(10, 3, 11, 5))
    assert [line.number for line in excerpt.lines] == [8, 9, 10, 11, 12, 13]
    focused = {line.number: line.mark for line in excerpt.lines if line.focus}
    assert focused == {10: (2, 7), 11: (0, 4)}


def test_excerpt_of_a_span_ending_at_column_1_stops_at_the_line_before() -> None:
    lines = FileLines(["# Title", "", "text", "more"])
    excerpt = around("fr/a.md", lines, Span(1, 1, 3, 1))
    assert [line.number for line in excerpt.lines if line.focus] == [1, 2]
    assert excerpt.lines[0].mark == (0, 7)


def test_excerpt_of_a_point_marks_one_character_and_clips_at_the_file_end() -> None:
    lines = FileLines(["title: a: b"])
    excerpt = around("fr/a.md", lines, Span.point(1, 9))
    assert excerpt.lines[0].mark == (8, 9)
    assert [line.number for line in around("fr/a.md", lines, Span.point(7)).lines] == [1]


def test_chart_bars_are_stacked_by_severity_on_one_scale_with_families_as_detail() -> None:
    rows = [
        ("de", {Severity.ERROR: Counter({"LK1": 2})}),
        ("fr", {Severity.ERROR: Counter({"LK1": 1, "LK3": 1}), Severity.INFO: Counter({"LK5": 2})}),
    ]
    svg = bar_chart(rows)
    bars = re.findall(r'<rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="16" fill="[^"]+" class="(\w+)"', svg)
    assert [(float(w), kind) for _, _, w, kind in bars] == [(210.0, "error"), (210.0, "error"), (210.0, "info")]
    assert float(bars[2][0]) == float(bars[1][0]) + 210.0  # info follows errors in fr's bar
    assert "<title>fr: 2 errors: 1 placeholders (LK1xx), 1 links (LK3xx)</title>" in svg
    assert "<title>fr: 2 info: 2 terminology (LK5xx)</title>" in svg
    assert ">2 errors · 2 info</text>" in svg
    assert 'aria-label="Findings per locale by severity: de: 2 errors; fr: 2 errors · 2 info"' in svg


def test_markdown_report_to_standard_output(monkeypatch, capsys) -> None:
    code, out, _ = run_report(ROOT / "samples", monkeypatch, capsys, "--format", "markdown", "-o", "-")
    assert code == 1
    assert out.startswith("### lintkit: ")
    assert re.search(r"^\| fr \| \d+ \| \d+ \| \d+ \| \d+ \| `LK", out, re.MULTILINE)
    assert "<summary><strong>fr</strong>: " in out


def test_clean_run_says_so(tmp_path, monkeypatch, capsys) -> None:
    shutil.copytree(ROOT / "samples" / "en", tmp_path / "en")
    shutil.copytree(ROOT / "samples" / "en", tmp_path / "fr")
    code, _, _ = run_report(tmp_path, monkeypatch, capsys, "-o", "report.html", "--select", "LK1")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert code == 0
    assert "No findings: every file is clean." in page
    assert '<section class="locale" id="locale-fr" data-locale="fr">' in page and "100%" in page


def test_without_its_script_the_page_is_plain_and_complete(samples_report) -> None:
    tags = parse(samples_report)
    form = next(attributes for tag, attributes in tags.tags if tag == "form")
    assert "hidden" in form  # the filters appear only when the script runs
    assert not any("hidden" in attributes for tag, attributes in tags.tags if tag in ("div", "section", "article"))


def test_every_finding_has_its_own_address(samples_report) -> None:
    ids = re.findall(r'<div class="finding [^"]*" id="([^"]*)"', samples_report)
    assert ids and len(ids) == len(set(ids))


def test_an_unwritable_output_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:
    code, _, err = run_report(ROOT / "samples", monkeypatch, capsys, "-o", str(tmp_path / "missing" / "r.html"))
    assert code == 2
    assert "cannot write" in err and "Traceback" not in err


def test_quoted_parts_of_messages_show_as_code_and_stay_escaped() -> None:
    from lintkit.report.markup import with_code

    assert with_code("placeholder `<%= x %>` is <b>") == (
        "placeholder <bdi><code>&lt;%= x %&gt;</code></bdi> is &lt;b&gt;"
    )
    assert with_code("a lone ` backtick") == "a lone ` backtick"
    assert with_code('English "Post to" left') == "English &quot;<bdi>Post to</bdi>&quot; left"
