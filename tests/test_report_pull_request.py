"""`lintkit report` scoped to a pull request: `--changed-since`, `--link-template`, and a summary of a
real site that names every locale."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from helpers import corpus
from test_report import build_site, run_report


def _git(folder: Path, *arguments: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.email=dev@example.org", "-c", "user.name=dev", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout.strip()


def repository(tmp_path: Path) -> Path:
    site = build_site(tmp_path / "site")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", ".")
    _git(site, "commit", "-q", "-m", "start")
    _git(site, "checkout", "-q", "-b", "feature")
    return site


def test_changed_since_reports_only_the_changed_translations(tmp_path, monkeypatch, capsys) -> None:
    site = repository(tmp_path)
    (site / "ar" / "page.md").write_text((site / "ar" / "page.md").read_text() + "\nسطر جديد.\n", encoding="utf-8")
    code, out, _ = run_report(site, monkeypatch, capsys, "--changed-since", "main", "--format", "markdown", "-o", "-")
    assert code == 1
    assert "<summary><strong>ar</strong>: 1 error in 1 file</summary>" in out
    assert "fr/" not in out  # the French findings were there before the branch


def test_changed_since_with_nothing_changed_writes_an_empty_report(tmp_path, monkeypatch, capsys) -> None:
    site = repository(tmp_path)
    code, _, err = run_report(site, monkeypatch, capsys, "--changed-since", "main", "-o", "report.html")
    assert code == 0, err
    page = (site / "report.html").read_text(encoding="utf-8")
    assert "No findings: every file is clean." in page and 'class="finding' not in page


def test_changed_since_an_unknown_ref_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:
    site = repository(tmp_path)
    code, _, err = run_report(site, monkeypatch, capsys, "--changed-since", "nowhere", "-o", "-")
    assert code == 2 and "unknown git ref 'nowhere'" in err and "Traceback" not in err


def test_link_template_links_each_location_to_its_line_at_the_commit(tmp_path, monkeypatch, capsys) -> None:
    site = repository(tmp_path)
    sha = _git(site, "rev-parse", "HEAD")
    template = "https://github.com/org/repo/blob/{sha}/{path}#L{line}"
    monkeypatch.chdir(site / "fr")  # paths in the link are from the repository's top, not the working folder
    code, out, _ = run_report(
        site / "fr", monkeypatch, capsys, "--config", "../lintkit.toml", "--format", "markdown", "-o", "-",
        "--link-template", template,
    )  # fmt: skip
    assert code == 1
    assert f"| [`page.md:3:1`](https://github.com/org/repo/blob/{sha}/fr/page.md#L3) | error" in out


def test_link_template_with_an_unknown_field_is_a_usage_error(tmp_path, monkeypatch, capsys) -> None:
    site = repository(tmp_path)
    code, _, err = run_report(site, monkeypatch, capsys, "--format", "markdown", "--link-template", "x/{file}")
    assert code == 2 and "unknown field {file}" in err


def test_summary_of_the_corpus_names_every_locale(monkeypatch, capsys) -> None:
    folder = corpus() / "hourofcode"
    locales = sorted(path.name for path in folder.iterdir() if path.is_dir() and path.name != "en")
    arguments = ("--source", "en/{path}", "--target", "{locale}/{path}", "--format", "markdown", "-o", "-")
    code, out, _ = run_report(folder, monkeypatch, capsys, *arguments)
    assert code == 1 and len(out) < 60_000
    summaries = re.findall(r"^<summary><strong>([^<]+)</strong>: (.+) in \d+ files?</summary>$", out, re.MULTILINE)
    assert sorted(locale for locale, _ in summaries) == locales
    errors = [int(m.group(1)) if (m := re.match(r"(\d+) error", counts)) else 0 for _, counts in summaries]
    assert errors == sorted(errors, reverse=True)  # worst locale first
