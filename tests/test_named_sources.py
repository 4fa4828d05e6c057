"""A source named on the command line brings in its translations without listing the whole project.

What is found must be exactly what walking the project finds for that source:
the same files, none through a linked or skipped folder, the same problems for
files that stand where a translation would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lintkit.config import Config, parse_values
from lintkit.formats import Formats
from lintkit.run.engine import format_settings
from lintkit.run.project import Project

PAGE = "# Guide\n"


def _project(root: Path, source: str, target: str, files: list[str]) -> Project:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PAGE, encoding="utf-8")
    values = parse_values({"source": source, "target": target, "baseline": False}, "test")
    config = Config(root, root / "lintkit.toml", values)
    return Project(config, Formats(format_settings(config)))


def _targets(project: Project, *named: str) -> list[str]:
    jobs = project.discover([project.root / name for name in named])
    return [job.target.relative_to(project.root).as_posix() for job in jobs]


def _walked(project: Project, *keys: str) -> list[str]:
    """What the walk of the whole project gives for these sources: the reference."""
    jobs = [job for job in project.discover() if job.key in keys]
    return [job.target.relative_to(project.root).as_posix() for job in jobs]


def test_locale_folders_beside_the_source(tmp_path: Path) -> None:
    files = ["en/a.md", "en/sub/b.md", "fr/a.md", "fr/sub/b.md", "pt-BR/sub/b.md", "de/other.md", "src/a.md"]
    project = _project(tmp_path, "en/{path}", "{locale}/{path}", files)
    assert _targets(project, "en/sub/b.md") == ["fr/sub/b.md", "pt-BR/sub/b.md"] == _walked(project, "sub/b.md")
    assert _targets(project, "en/a.md", "en/sub/b.md") == _walked(project, "a.md", "sub/b.md")


def test_locale_folder_deeper_in_the_layout(tmp_path: Path) -> None:
    layout = ("docs/{path}", "i18n/{locale}/plugin-docs/current/{path}")
    files = ["docs/intro.md", "i18n/fr/plugin-docs/current/intro.md", "i18n/ja/plugin-docs/current/intro.md"]
    project = _project(tmp_path, *layout, files)
    expected = ["i18n/fr/plugin-docs/current/intro.md", "i18n/ja/plugin-docs/current/intro.md"]
    assert _targets(project, "docs/intro.md") == expected == _walked(project, "intro.md")


def test_translations_nested_beside_their_sources(tmp_path: Path) -> None:
    files = ["docs/guide.md", "docs/fr/guide.md", "docs/es/guide.md", "docs/reference/guide.md"]
    project = _project(tmp_path, "docs/{path}", "docs/{locale}/{path}", files)
    assert _targets(project, "docs/guide.md") == ["docs/es/guide.md", "docs/fr/guide.md"]
    assert _targets(project, "docs/guide.md") == _walked(project, "guide.md")


def test_linked_and_skipped_folders_are_not_entered(tmp_path: Path) -> None:
    files = ["en/a.md", "en/node_modules/x.md", "fr/a.md", "fr/node_modules/x.md", "elsewhere/a.md"]
    project = _project(tmp_path, "en/{path}", "{locale}/{path}", files)
    (tmp_path / "de").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "it").mkdir()
    (tmp_path / "it" / "linked").symlink_to(tmp_path / "fr", target_is_directory=True)
    assert _targets(project, "en/a.md") == ["fr/a.md"] == _walked(project, "a.md")
    assert _targets(project, "en/node_modules/x.md") == [] == _walked(project, "node_modules/x.md")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_a_translation_stands_is_reported(tmp_path: Path) -> None:
    project = _project(tmp_path, "en/{path}", "{locale}/{path}", ["en/a.md", "fr/a.md", "de/b.md"])
    os.mkfifo(tmp_path / "de" / "a.md")
    assert _targets(project, "en/a.md") == ["fr/a.md"]
    assert [(problem.path.name, problem.code) for problem in project.walk_problems] == [("a.md", "LK908")]


def test_a_locale_inside_the_file_name_walks_the_project(tmp_path: Path) -> None:
    files = ["docs/page.md", "docs/page.fr.md", "docs/page.de.md", "docs/other.fr.md"]
    project = _project(tmp_path, "docs/{path}.md", "docs/{path}.{locale}.md", files)
    assert _targets(project, "docs/page.md") == ["docs/page.de.md", "docs/page.fr.md"] == _walked(project, "page")


def test_the_other_locales_are_not_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = ["en/a.md", "en/b.md", "fr/a.md", "fr/b.md", "de/a.md"]
    project = _project(tmp_path, "en/{path}", "{locale}/{path}", files)
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path: str | Path) -> object:
        listed.append(Path(path).relative_to(tmp_path).as_posix())
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert _targets(project, "en/a.md") == ["de/a.md", "fr/a.md"]
    assert listed == ["."]  # the folder that holds the locale folders, and nothing below it
