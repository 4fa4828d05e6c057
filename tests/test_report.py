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

from lintkit.cli.app import main
from lintkit.model import Finding, Severity, Span
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


# A small site with one of each kind of card: an error after a warning in one file, a page left in
# English, an outline that no longer follows its source, and a right-to-left translation.
SITE_SOURCE = """\
# Get ready for the event

Visit {{ urls/home }} to [sign up](https://example.org/signup) today.

## Prepare

Check that every computer can open the activity before the students arrive.

## Teach

Choose one of the tutorials that fits the age of the class and start together.

## Celebrate

Share a photo of your event and thank the volunteers who helped you.

## Next steps

Keep going with a longer course when the students want to learn more.
"""

SITE_FRENCH = """\
# Get ready for the event

Rendez-vous sur le site pour [vous inscrire](https://example.org/signup) aujourd'hui.

## Préparer

Vérifiez que chaque ordinateur peut ouvrir l'activité avant l'arrivée des élèves.

## Enseigner

Choisissez un des tutoriels adapté à l'âge de la classe et commencez ensemble.

## Célébrer

Partagez une photo de votre événement et remerciez les bénévoles qui vous ont aidé.

## Étapes suivantes

Continuez avec un cours plus long quand les élèves veulent en apprendre davantage.
"""

SITE_ARABIC = """\
# استعدوا للفعالية

زوروا الموقع [للتسجيل](https://example.org/signup) اليوم.

## التحضير

تأكدوا من أن كل حاسوب يستطيع فتح النشاط قبل وصول الطلاب.

## التعليم

اختاروا أحد الدروس المناسبة لعمر الصف وابدأوا معا.

## الاحتفال

شاركوا صورة من فعاليتكم واشكروا المتطوعين الذين ساعدوكم.

## الخطوات التالية

تابعوا مع دورة أطول عندما يرغب الطلاب في تعلم المزيد.
"""

OUTLINE_SOURCE = "# Guide\n\nIntro.\n\n" + "".join(f"## Part {n}\n\nText {n}.\n\n" for n in range(1, 6))
OUTLINE_FRENCH = "# Guide\n\nIntro.\n\n### Un\n\nTexte un.\n\n#### Deux\n\nTexte deux.\n\nTexte trois.\n"


def build_site(root: Path) -> Path:
    """en/ sources; fr/ with an error and warnings, an English page and an outdated outline; ar/ one error."""
    pages = {
        "en/page.md": SITE_SOURCE,
        "en/other.md": SITE_SOURCE,
        "en/outline.md": OUTLINE_SOURCE,
        "en/clean.md": "# Title\n\nText.\n",
        "fr/page.md": SITE_FRENCH,
        "fr/other.md": SITE_SOURCE,
        "fr/outline.md": OUTLINE_FRENCH,
        "fr/clean.md": "# Titre\n\nTexte.\n",
        "ar/page.md": SITE_ARABIC,
    }
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    return root


@pytest.fixture
def site_report(tmp_path, monkeypatch, capsys) -> str:
    code, _, err = run_report(build_site(tmp_path), monkeypatch, capsys, "-o", "report.html")
    assert code == 1, err
    return (tmp_path / "report.html").read_text(encoding="utf-8")


def cards_of(page: str, locale: str) -> list[dict[str, str]]:
    section = page[page.index(f'id="locale-{locale}"') :]
    section = section[: section.index("</section>")]
    return [attributes for tag, attributes in parse(section).tags if tag == "div" and "data-kind" in attributes]


def test_locales_and_cards_come_most_severe_first(site_report) -> None:
    headings = re.findall(r'<section class="locale" id="locale-([^"]+)"', site_report)
    assert headings == ["fr", "ar"]  # fr: 1 error and more warnings; ar: 1 error
    fr = cards_of(site_report, "fr")
    assert fr[0]["data-severity"] == "error" and fr[0]["id"] == "fr/page.md:3:1:LK101"
    severities = [card["data-severity"] for card in fr]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    # fr/page.md's English heading (line 1, a warning) comes after its error on line 3
    page_cards = [card["id"] for card in fr if card["id"].startswith("fr/page.md")]
    assert page_cards == ["fr/page.md:3:1:LK101", "fr/page.md:1:1:LK401"]


def test_each_locale_has_a_table_of_its_files_worst_first_linking_to_their_cards(site_report) -> None:
    section = site_report[site_report.index('id="locale-fr"') :]
    table = section[section.index('<table class="files"') : section.index("</table>")]
    rows = re.findall(r'<tr data-path="([^"]+)">(.*?)</tr>', table)
    assert [path for path, _ in rows] == ["fr/page.md", "fr/outline.md", "fr/other.md"]
    counts = [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", cells)] for _, cells in rows]
    assert counts[0] == ["1", "1", "0", "80%"]  # 10 blocks, 2 with a finding
    # outline.md: LK209 and, not hidden by it, the two paragraphs that page lost (LK701);
    # other.md: one LK401 for the whole page left in English
    assert counts[1][:3] == ["0", "3", "0"] and counts[2][:3] == ["0", "1", "0"]
    ids = set(re.findall(r'<article class="file" id="([^"]+)"', site_report))
    links = re.findall(r'<a href="#([^"]+)"><bdi>fr/', table)
    assert links == ["file:fr/page.md", "file:fr/outline.md", "file:fr/other.md"] and set(links) <= ids
    assert "No findings in: <bdi>fr/clean.md</bdi>" in section


def test_an_untranslated_page_is_one_card_that_lists_its_english_blocks(site_report) -> None:
    other = [card for card in cards_of(site_report, "fr") if card["id"].startswith("fr/other.md")]
    assert len(other) == 1
    card = site_report[site_report.index(f'id="{other[0]["id"]}"') :]
    card = card[: card.index("<details><summary>About")]
    assert "7 of 10 text blocks are still in English, at lines 1, 3, 7, 11, 15, 17, 19" in card
    assert "en/other.md" in card
    assert '<tr class="focus"><td class="number">1</td>' in card  # the first of them, quoted


def test_an_outline_card_shows_both_outlines_side_by_side(site_report) -> None:
    card = site_report[site_report.index('id="fr/outline.md:1:1:LK209"') :]
    card = card[: card.index("</details>")]
    assert "Source outline · <bdi>en/outline.md</bdi>" in card and "Translation outline · <bdi>fr/outline.md" in card
    source, target = re.findall(r'<ol class="outline">(.*?)</ol>', card)
    assert re.findall(r"<bdi>([^<]+)</bdi>", source) == ["Guide", *(f"Part {n}" for n in range(1, 6))]
    assert re.findall(r"<bdi>([^<]+)</bdi>", target) == ["Guide", "Un", "Deux"]
    assert '<li class="level-1"><span class="number">1</span> # <bdi>Guide</bdi></li>' in source
    assert source.count("no counterpart") == 5 and target.count("no counterpart") == 2


def test_right_to_left_text_has_its_direction_isolated(site_report) -> None:
    card = site_report[site_report.index('id="ar/page.md:3:1:LK101"') :]
    card = card[: card.index("</figure>")]
    line = re.search(r'<td class="code" dir="auto">(.*?)</td>', card.split('class="focus"')[1])
    assert line is not None and "زوروا الموقع [للتسجيل](https://example.org/signup) اليوم." in line.group(1)
    assert "<h3><bdi>ar/page.md</bdi>" in site_report


def test_cards_are_capped_per_file_with_a_note(tmp_path, monkeypatch, capsys) -> None:
    from lintkit.report import data

    monkeypatch.setattr(data, "MAX_CARDS_PER_FILE", 2)
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("".join(f"Go {{{{ urls/p{n} }}}}.\n\n" for n in range(5)))
    (tmp_path / "fr" / "page.md").write_text("".join("Allez.\n\n" for _ in range(5)))
    run_report(tmp_path, monkeypatch, capsys, "-o", "report.html")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert len(cards_of(page, "fr")) == 2
    assert "3 errors more in this file have no card here: <bdi><code>lintkit check fr/page.md</code></bdi>" in page
    assert "at most 2 cards per file" in page and "3 errors of this locale have no card here" in page
    assert re.search(r"<td><span class=\"count error\">5</span></td>", page)  # the table still counts all


def test_cards_share_one_budget_for_the_page_errors_first_locales_taking_turns(monkeypatch) -> None:
    from lintkit.report import data

    monkeypatch.setattr(data, "MAX_CARDS", 4)

    def file(path: str, severities: list[Severity]) -> data.FileView:
        view = data.FileView(path, None)
        view.findings = [
            Finding(path, Span.point(line), "LK101", "placeholder-missing", severity, "m")
            for line, severity in enumerate(severities, start=1)
        ]
        return view

    fr = data.LocaleView("fr", False, [file("fr/a.md", [Severity.WARNING] * 3 + [Severity.ERROR])])
    de = data.LocaleView(
        "de", False, [file("de/a.md", [Severity.ERROR, Severity.ERROR]), file("de/b.md", [Severity.INFO])]
    )
    chosen = data._within_budget([de, fr])
    lines = {path: [group[0].span.line for group in groups] for path, groups in chosen.items()}
    assert lines == {"de/a.md": [1, 2], "fr/a.md": [4, 1]}  # every error, then fr's first warning


def _luminance(color: str) -> float:
    channels = [int(color[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_text_colours_pass_wcag_aa_on_every_background_they_sit_on() -> None:
    from lintkit.report.chart import COLORS

    css = (ROOT / "lintkit" / "report" / "static" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", css))
    assert {"text", "muted", "error", "warning", "info", "panel", "focus", "mark"} <= set(colours)
    backgrounds = ["#ffffff", colours["panel"], colours["focus"]]
    for name in ("text", "muted", "error", "warning", "info"):
        for background in backgrounds:
            assert contrast(colours[name], background) >= 4.5, (name, background)
    assert contrast(colours["text"], colours["mark"]) >= 4.5  # the marked span of an excerpt
    for severity, colour in COLORS.items():  # chart bars: graphics need 3:1 against the page
        assert contrast(colour, "#ffffff") >= 3, severity
    assert contrast("#777777", "#ffffff") < 4.5  # the check can fail
