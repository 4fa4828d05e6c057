"""`lintkit check --changed-since REF`: the translations a branch changed, and those of the sources it changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.run.changes import GitError, changed_files

SOURCE = "# Guide\n\nGo to [the site]({{ urls/home }}).\n"
BROKEN = "# Guide\n\nAllez sur [le site](https://example.org).\n"
GOOD = "# Guide\n\nAllez sur [le site]({{ urls/home }}).\n"


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=dev@example.org", "-c", "user.name=dev", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose main branch has a broken French and a good German guide; HEAD is a feature branch."""
    for locale, text in (("en", SOURCE), ("fr", BROKEN), ("de", GOOD)):
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "guide.md").write_text(text, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\nselect = ["LK1"]\n')
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    _git(tmp_path, "checkout", "-q", "-b", "feature")
    return tmp_path


def _check(repository: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repository)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--no-color", "--changed-since", "main", *arguments])
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


def test_nothing_changed_checks_nothing(repository, monkeypatch, capsys) -> None:
    assert _check(repository, monkeypatch, capsys) == (0, "No findings (0 files checked).\n", "")


def test_a_changed_translation_is_checked_alone(repository, monkeypatch, capsys) -> None:
    (repository / "de" / "guide.md").write_text(BROKEN, encoding="utf-8")
    _git(repository, "commit", "-q", "-am", "edit de")
    code, out, _ = _check(repository, monkeypatch, capsys)
    assert code == 1
    assert "de/guide.md:3:" in out and "fr/guide.md" not in out and "(1 file checked)" in out


def test_a_changed_source_brings_its_translations(repository, monkeypatch, capsys) -> None:
    (repository / "en" / "guide.md").write_text(SOURCE + "\nMore.\n", encoding="utf-8")
    code, out, _ = _check(repository, monkeypatch, capsys)
    assert code == 1
    assert "fr/guide.md:3:" in out and "(2 files checked)" in out


def test_untracked_translations_count_and_paths_narrow_the_set(repository, monkeypatch, capsys) -> None:
    (repository / "es").mkdir()
    (repository / "es" / "guide.md").write_text(BROKEN, encoding="utf-8")
    (repository / "de" / "guide.md").write_text(BROKEN, encoding="utf-8")
    _, out, _ = _check(repository, monkeypatch, capsys)
    assert "es/guide.md:3:" in out and "de/guide.md:3:" in out
    _, out, _ = _check(repository, monkeypatch, capsys, "es")
    assert "es/guide.md:3:" in out and "de/guide.md" not in out


def test_changes_on_main_after_the_branch_point_do_not_count(repository, monkeypatch, capsys) -> None:
    _git(repository, "checkout", "-q", "main")
    (repository / "de" / "guide.md").write_text(BROKEN, encoding="utf-8")
    _git(repository, "commit", "-q", "-am", "main moves on")
    _git(repository, "checkout", "-q", "feature")
    assert changed_files("main", repository) == []


def test_an_unknown_ref_is_a_clear_error(repository, monkeypatch, capsys) -> None:
    monkeypatch.chdir(repository)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--changed-since", "origin/nope"])
    assert stop.value.code == 2
    assert "unknown git ref 'origin/nope'" in capsys.readouterr().err


def test_outside_a_repository(tmp_path) -> None:
    with pytest.raises(GitError):
        changed_files("main", tmp_path)
