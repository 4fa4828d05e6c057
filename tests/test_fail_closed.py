"""A gate never passes while checking nothing: unmatched patterns, absent locales, no configuration."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.cli.options import NO_CONFIGURATION
from lintkit.run.locale_tags import looks_like_locale

SOURCE = "# Guide\n\nGo to {{ home }}.\n"
TARGET = "# Guide\n\nAllez sur {{ home }}.\n"
LAYOUT = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n'


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(cwd: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--no-color", *arguments])
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


def test_locales_that_name_no_present_locale_are_an_error(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"lintkit.toml": LAYOUT, "en/a.md": SOURCE, "fr-FR/a.md": TARGET, "de-DE/a.md": TARGET})
    code, out, err = _run(site, monkeypatch, capsys, "--locales", "fr")
    assert code == 2 and out == ""
    assert "`locales`: no translation in `fr` (locales found: de-DE, fr-FR); did you mean fr-FR?" in err
    code, out, _ = _run(site, monkeypatch, capsys, "--locales", "fr-FR")
    assert code == 0 and "1 file checked" in out


def test_a_locale_outside_the_paths_given_is_still_present(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"lintkit.toml": LAYOUT, "en/a.md": SOURCE, "fr/a.md": TARGET, "de/a.md": TARGET})
    code, out, _ = _run(site, monkeypatch, capsys, "--locales", "fr,de", "fr/a.md")
    assert code == 0 and "1 file checked" in out


def test_a_target_pattern_that_matches_nothing_exits_2_and_names_it(tmp_path, monkeypatch, capsys) -> None:
    config = 'source = "docs/en/{path}"\ntarget = "docs/{locale}/{path}"\n'
    site = _write(tmp_path, {"lintkit.toml": config, "en/a.md": SOURCE, "fr/a.md": TARGET})
    code, out, err = _run(site, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "nothing checked: the target pattern `docs/{locale}/{path}` matched no translation under ." in err
    assert "include = [*.md, *.markdown" in err


def test_paths_that_hold_no_translation_exit_2_unless_allowed(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"lintkit.toml": LAYOUT, "en/a.md": SOURCE, "fr/a.md": TARGET, "README.md": "# Hi\n"})
    code, _, err = _run(site, monkeypatch, capsys, "README.md")
    assert code == 2
    assert "no translation among the paths given (README.md)" in err and "`{locale}/{path}`" in err
    code, out, _ = _run(site, monkeypatch, capsys, "--allow-no-match", "README.md")
    assert code == 0 and "No findings (0 files checked)." in out


def test_without_a_configuration_one_notice_and_only_locale_folders(tmp_path, monkeypatch, capsys) -> None:
    files = {"en/a.md": SOURCE}
    for folder in ("fr", "pt-BR", "zh_Hant_TW", "sr@latin"):
        files[f"{folder}/a.md"] = TARGET
    for folder in ("src", "app", "lib", "doc"):
        files[f"{folder}/a.md"] = "# Code notes\n"
    site = _write(tmp_path, files)
    code, out, err = _run(site, monkeypatch, capsys, "--format", "json")
    assert code == 0, err
    assert err == NO_CONFIGURATION + "\n"
    assert json.loads(out)["summary"]["files_checked"] == 4
    assert json.loads(out)["findings"] == []  # no LK904 "no source" for src/, app/, lib/, doc/


def test_a_code_repository_without_translations_is_not_a_clean_pass(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"src/a.md": "# A\n", "app/b.md": "# B\n", "lib/c.md": "# C\n", "doc/d.md": "# D\n"})
    code, out, err = _run(site, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[0] == NO_CONFIGURATION
    assert "the target pattern `{locale}/{path}` matched no translation" in err
    assert "`lintkit init` writes a configuration" in err


def test_quiet_leaves_out_the_notice(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"en/a.md": SOURCE, "fr/a.md": TARGET})
    code, _, err = _run(site, monkeypatch, capsys, "--quiet")
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("fr", True),
        ("pt-BR", True),
        ("pt_BR", True),
        ("zh_Hant_TW", True),
        ("zh-Hans", True),
        ("sr@latin", True),
        ("es-419", True),
        ("de_DE.UTF-8", True),
        ("fr-FR-x-custom", True),
        ("yue-HK", True),
        ("fil", True),
        ("src", False),
        ("app", False),
        ("lib", False),
        ("doc", False),
        ("docs", False),
        ("bin", False),
        ("man", False),
        ("fr--FR", False),
        ("pt_", False),
    ],
)
def test_locale_tags(name: str, expected: bool) -> None:
    assert looks_like_locale(name) is expected


def test_a_named_file_no_format_reads_keeps_its_own_finding(tmp_path, monkeypatch, capsys) -> None:
    site = _write(tmp_path, {"lintkit.toml": LAYOUT, "en/a.md": SOURCE, "fr/notes.rst": "Notes\n=====\n"})
    code, out, err = _run(site, monkeypatch, capsys, "fr/notes.rst")
    assert code == 2, err
    assert out.startswith("fr/notes.rst:1:1: LK905 [warning] not checked: no format reads .rst files")
    assert "nothing checked: no translation among the paths given (fr/notes.rst)" in err


def test_locales_are_looked_for_no_further_than_needed(tmp_path, monkeypatch, capsys) -> None:
    """A one-file run with `locales` finds each other locale's first translation, not every file of the site."""
    files = {"lintkit.toml": LAYOUT + 'locales = ["fr-FR", "de-DE"]\n'}
    files |= {f"en/{name}/page.md": SOURCE for name in ("a", "b", "c")}
    for locale in ("fr-FR", "de-DE", "es-ES", "it-IT"):
        files |= {f"{locale}/{name}/page.md": TARGET for name in ("a", "b", "c")}
    site = _write(tmp_path, files)
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path):
        folder = Path(path).resolve()
        if folder.is_relative_to(site.resolve()):  # not the shipped packs' folder
            listed.append(folder.relative_to(site.resolve()).as_posix())
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = _run(site, monkeypatch, capsys, "fr-FR/a/page.md")
    assert (code, err) == (0, "") and "1 file checked" in out
    assert listed == [".", "de-DE", "de-DE/a"]  # the locale folders, then de-DE as far as its first page
    listed.clear()
    code, _, err = _run(site, monkeypatch, capsys, "fr-FR/a/page.md", "--locales", "fr-FR,pt-BR")
    assert code == 2 and "no translation in `pt-BR` (locales found: de-DE, es-ES, fr-FR, it-IT)" in err
