"""The report in a real browser: headless Chromium runs its script without console errors,
the filters hide what they should, hostile text stays inert, the most severe cards come first,
each locale has its table of files, an untranslated page is one card, right-to-left lines have
their direction isolated, and screenshots of the samples and of the corpus are saved.

Skips only where Chromium is absent (`.ci/run` installs Debian's `chromium`). The
screenshot goes to `$LINTKIT_ARTIFACTS` when set (for CI to keep), else to a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, corpus
from test_report import HOSTILE, build_site, run_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)


def chromium(tmp_path: Path, url: str, *extra: str) -> tuple[str, list[str]]:
    """The page's DOM after its scripts ran (or Chromium's output for a screenshot), and its console lines."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    output = folder / "report.html"
    monkeypatch = pytest.MonkeyPatch()
    try:
        monkeypatch.chdir(ROOT / "samples")
        with pytest.raises(SystemExit):
            from lintkit.cli.app import main

            main(["report", "-o", str(output)])
    finally:
        monkeypatch.undo()
    return output


def test_script_runs_without_console_errors(report, tmp_path) -> None:
    dom, console = chromium(tmp_path, report.as_uri(), "--dump-dom")
    assert console == []
    assert 'data-filters="ready"' in dom  # the script ran to its end under the page's security policy
    # and showed the filters it hides without script
    assert '<form id="filters" class="filters" aria-label="Filters">' in dom
    shown = re.search(r'<p id="shown"[^>]*>Showing (\d+) of (\d+) findings on cards.</p>', dom)
    assert shown is not None and shown.group(1) == shown.group(2) != "0"


def test_filters_from_the_address_hide_other_locales_and_severities(report, tmp_path) -> None:
    dom, console = chromium(tmp_path, report.as_uri() + "#locale=fr&severity=error", "--dump-dom")
    assert console == []
    tags = re.findall(r'<div class="finding [^"]*"[^>]*>', dom)
    visible = [tag for tag in tags if " hidden" not in tag]
    assert visible and all('data-locale="fr"' in tag and 'data-severity="error"' in tag for tag in visible)
    hidden = [tag for tag in tags if " hidden" in tag]
    assert all('data-locale="fr"' not in tag or 'data-severity="error"' not in tag for tag in hidden)
    assert any('data-locale="de"' in tag for tag in hidden) and any('data-severity="warning"' in tag for tag in hidden)
    assert re.search(r'<section class="locale" id="locale-de" data-locale="de" hidden', dom)
    assert re.search(r'<section class="locale" id="locale-fr" data-locale="fr">', dom)
    counts = [int(re.search(r'data-count="(\d+)"', tag).group(1)) for tag in tags]
    shown = sum(count for tag, count in zip(tags, counts, strict=True) if " hidden" not in tag)
    assert f"Showing {shown} of {sum(counts)} findings on cards." in dom


def test_hostile_translation_stays_inert(tmp_path, monkeypatch, capsys) -> None:
    hostile = HOSTILE.replace("alert(1)", "document.body.setAttribute('data-pwned', 1)")
    hostile = hostile.replace('alert("heading")', "document.body.setAttribute('data-pwned', 2)")
    hostile = hostile.replace("alert(2)", "document.body.setAttribute('data-pwned', 3)")
    hostile = hostile.replace("alert(3)", "document.body.setAttribute('data-pwned', 4)")
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("---\ntitle: Page\n---\n\n# Page\n\nClick {{ urls/home }}.\n")
    (tmp_path / "fr" / "page.md").write_text(hostile)
    run_report(tmp_path, monkeypatch, capsys, "-o", "report.html")
    dom, console = chromium(tmp_path, (tmp_path / "report.html").as_uri(), "--dump-dom")
    assert 'data-filters="ready"' in dom
    assert "data-pwned" not in dom.replace("setAttribute('data-pwned'", "")
    assert "<img" not in dom
    assert console == []


def test_screenshot(report, tmp_path) -> None:
    folder = Path(os.environ.get("LINTKIT_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = folder / "samples-report.png"
    chromium(tmp_path, report.as_uri(), f"--screenshot={screenshot}", "--window-size=1280,1800", "--hide-scrollbars")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a rendered page, not a blank one


@pytest.fixture(scope="module")
def site_dom(tmp_path_factory) -> str:
    """The DOM of the small site's report (see `test_report.build_site`) after its script ran."""
    folder = build_site(tmp_path_factory.mktemp("site"))
    monkeypatch = pytest.MonkeyPatch()
    try:
        monkeypatch.chdir(folder)
        with pytest.raises(SystemExit):
            from lintkit.cli.app import main

            main(["report", "-o", "report.html"])
    finally:
        monkeypatch.undo()
    dom, console = chromium(tmp_path_factory.mktemp("chromium"), (folder / "report.html").as_uri(), "--dump-dom")
    assert console == [] and 'data-filters="ready"' in dom
    return dom


def cards(dom: str) -> list[str]:
    return re.findall(r'<div class="finding [^"]*"[^>]*>', dom)


def test_the_first_card_is_an_error_and_severities_never_go_back_up(site_dom) -> None:
    tags = cards(site_dom)
    assert 'data-severity="error"' in tags[0]
    for section in re.findall(r'<section class="locale".*?</section>', site_dom, re.DOTALL):
        order = [re.search(r'data-severity="(\w+)"', tag).group(1) for tag in cards(section)]
        assert order == sorted(order, key=["error", "warning", "info"].index)


def test_each_locale_has_a_file_table_whose_rows_lead_to_the_cards(site_dom) -> None:
    table = re.search(r'<table class="files" data-locale="fr">(.*?)</table>', site_dom, re.DOTALL)
    assert table is not None
    rows = re.findall(r'<tr data-path="([^"]+)"><th scope="row"><a href="#([^"]+)">', table.group(1))
    assert [path for path, _ in rows] == ["fr/page.md", "fr/outline.md", "fr/other.md"]
    for path, target in rows:
        assert f'<article class="file" id="{target}" data-path="{path}">' in site_dom
    errors = re.findall(r'<td><span class="count(?: error)?">(\d+)</span></td>', table.group(1))[::3]
    assert [int(count) for count in errors] == sorted((int(count) for count in errors), reverse=True)


def test_an_untranslated_page_is_one_card(site_dom) -> None:
    article = re.search(r'<article class="file" id="file:fr/other.md".*?</article>', site_dom, re.DOTALL)
    assert article is not None
    tags = cards(article.group(0))
    assert len(tags) == 1 and "7 of 10 text blocks are still in English" in article.group(0)


def test_a_right_to_left_excerpt_has_its_direction_isolated(site_dom) -> None:
    article = re.search(r'<article class="file" id="file:ar/page.md".*?</article>', site_dom, re.DOTALL)
    assert article is not None
    lines = re.findall(r'<td class="code" dir="auto">(.*?)</td>', article.group(0))
    lines = [re.sub(r"</?mark>", "", line) for line in lines]
    assert "زوروا الموقع [للتسجيل](https://example.org/signup) اليوم." in lines
    assert "<h3><bdi>ar/page.md</bdi>" in article.group(0)


def test_filters_are_form_controls_with_labels(site_dom) -> None:
    form = re.search(r'<form id="filters".*?</form>', site_dom, re.DOTALL).group(0)
    boxes = re.findall(r"<label><input [^>]*></label>|<label><input [^>]*>[^<]+</label>", form)
    assert boxes and len(boxes) == form.count("<input ")  # every checkbox sits in its label: keyboard and name
    assert "tabindex" not in form and form.count('<button type="button"') == 6


def test_screenshot_of_the_corpus_shows_the_worst_locale_and_files_first(tmp_path, monkeypatch, capsys) -> None:
    folder = corpus() / "hourofcode"
    output = tmp_path / "corpus-report.html"
    arguments = ("--source", "en/{path}", "--target", "{locale}/{path}", "-o", str(output))
    run_report(folder, monkeypatch, capsys, *arguments)
    page = output.read_text(encoding="utf-8")
    first_bar = re.search(r'<text x="[\d.]+" y="\d+" text-anchor="end">([^<]+)</text>', page).group(1)
    first_locale = re.search(r'<section class="locale" id="locale-([^"]+)"', page).group(1)
    assert first_bar == first_locale  # the chart's first bar is the locale with the most errors
    screenshots = Path(os.environ.get("LINTKIT_ARTIFACTS", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    screenshot = screenshots / "corpus-report.png"
    chromium(tmp_path, output.as_uri(), f"--screenshot={screenshot}", "--window-size=1280,1300", "--hide-scrollbars")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000
