"""The report in a real browser: headless Chromium runs its script without console errors,
the filters hide what they should, hostile text stays inert, and a screenshot is saved.

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
from helpers import ROOT
from test_report import HOSTILE, run_report

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
            from lintkit.cli import main

            main(["report", "-o", str(output)])
    finally:
        monkeypatch.undo()
    return output


def test_script_runs_without_console_errors(report, tmp_path) -> None:
    dom, console = chromium(tmp_path, report.as_uri(), "--dump-dom")
    assert console == []
    assert 'data-filters="ready"' in dom  # the script ran to its end under the page's security policy
    assert '<form id="filters" class="filters">' in dom  # and showed the filters it hides without script
    shown = re.search(r'<p id="shown"[^>]*>Showing (\d+) of (\d+) findings.</p>', dom)
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
    assert f"Showing {len(visible)} of {len(tags)} findings." in dom


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
