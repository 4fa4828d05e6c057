"""`lintkit init`: each known layout is recognised, and the file it writes loads and finds the translations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintkit import config as config_module
from lintkit.cli.app import main
from lintkit.config import Key

PAGE = "# Guide\n\nGo to {{ home }}.\n"
PAGE_FR = "# Guide\n\nAllez sur {{ home }}.\n"

LAYOUTS = {
    "locale folders": (
        {"en/guide.md": PAGE, "fr/guide.md": PAGE_FR, "pt-BR/guide.md": PAGE_FR, "src/notes.md": "# Notes\n"},
        'source = "en/{path}"',
        None,
        2,
    ),
    "locale folders below": (
        {"site/i18n/en/a.md": PAGE, "site/i18n/de/a.md": PAGE_FR, "README.md": "# Read me\n"},
        'source = "site/i18n/en/{path}"',
        None,
        1,
    ),
    "pages": (
        {"pages/a.md": PAGE, "pages.fr/a.md": PAGE_FR, "pages.ja/a.md": PAGE_FR},
        'target = "pages.{locale}/{path}"',
        None,
        2,
    ),
    "hugo": (
        {"hugo.toml": "", "content/en/posts/a.md": PAGE, "content/fr/posts/a.md": PAGE_FR},
        'target = "content/{locale}/{path}"',
        "hugo",
        1,
    ),
    "docusaurus": (
        {
            "docs/intro.md": PAGE,
            "i18n/fr/docusaurus-plugin-content-docs/current/intro.md": PAGE_FR,
            "i18n/ko/docusaurus-plugin-content-docs/current/intro.md": PAGE_FR,
        },
        'target = "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}"',
        "docusaurus",
        2,
    ),
    "starlight with English at the root": (
        {"src/content/docs/guides/a.md": PAGE, "src/content/docs/fr/guides/a.md": PAGE_FR},
        'source = "src/content/docs/{path}"',
        "starlight",
        1,
    ),
    "starlight with en/": (
        {"src/content/docs/en/a.md": PAGE, "src/content/docs/es/a.md": PAGE_FR, "src/content/docs/ja/a.md": PAGE_FR},
        'source = "src/content/docs/en/{path}"',
        "starlight",
        2,
    ),
    "suffixes": (
        {"docs/a.md": PAGE, "docs/a.fr.md": PAGE_FR, "docs/b.md": PAGE, "docs/b.zh-Hans.md": PAGE_FR},
        'target = "{path}.{locale}.md"',
        None,
        2,
    ),
    "mkdocs suffixes": (
        {"mkdocs.yml": "site_name: x\n", "docs/index.md": PAGE, "docs/index.de.md": PAGE_FR},
        'target = "{path}.{locale}.md"',
        "mkdocs",
        1,
    ),
    "gettext": (
        {
            "locale/django.pot": 'msgid ""\nmsgstr ""\n\nmsgid "Hello"\nmsgstr ""\n',
            "locale/fr/LC_MESSAGES/django.po": (
                'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n'
            ),
        },
        'target = "locale/{locale}/LC_MESSAGES/{path}"',
        None,
        1,
    ),
    "code.org": (
        {"i18n/locales/source/hourofcode/a.md": PAGE, "i18n/locales/fr-FR/hourofcode/a.md": PAGE_FR},
        'source = "i18n/locales/source/hourofcode/{path}"',
        "code-org",
        1,
    ),
}


def _make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(cwd: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(list(arguments))
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_init_recognises_the_layout_and_its_file_finds_the_translations(tmp_path, monkeypatch, capsys, layout) -> None:
    files, expected_line, preset, translations = LAYOUTS[layout]
    root = _make(tmp_path, files)
    code, out, err = _run(root, monkeypatch, capsys, "init")
    assert code == 0, err
    assert out.startswith("Found a ") and "Wrote lintkit.toml" in out
    written = (root / "lintkit.toml").read_text(encoding="utf-8")
    assert expected_line in written.splitlines()
    if preset:
        assert f"preset {preset}" in out
        assert f'preset = "{preset}"' in written.splitlines()  # a setting now that the key exists
    code, out, err = _run(root, monkeypatch, capsys, "check", "--format", "json", "--select", "LK1")
    assert code in (0, 1), err
    assert err == ""  # the configuration was found: no "no configuration" notice
    assert json.loads(out)["summary"]["files_checked"] == translations


def test_the_preset_is_a_setting_once_the_key_exists(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(config_module.KEYS, "preset", Key(lambda key, value: value, None, "a preset"))
    root = _make(tmp_path, LAYOUTS["hugo"][0])
    code, _, _ = _run(root, monkeypatch, capsys, "init")
    assert code == 0
    assert 'preset = "hugo"' in (root / "lintkit.toml").read_text(encoding="utf-8").splitlines()


def test_init_never_overwrites_without_force(tmp_path, monkeypatch, capsys) -> None:
    root = _make(tmp_path, {**LAYOUTS["locale folders"][0], "lintkit.toml": "# mine\n"})
    code, out, err = _run(root, monkeypatch, capsys, "init")
    assert code == 2 and out == ""
    assert "lintkit.toml already exists; `lintkit init --force` replaces it" in err
    assert (root / "lintkit.toml").read_text(encoding="utf-8") == "# mine\n"
    code, _, _ = _run(root, monkeypatch, capsys, "init", "--force")
    assert code == 0
    assert 'target = "{locale}/{path}"' in (root / "lintkit.toml").read_text(encoding="utf-8")
    assert [path.name for path in root.iterdir() if path.name.startswith(".")] == []  # no temporary file left


def test_init_without_a_layout_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    root = _make(tmp_path, {"src/a.md": "# A\n", "app/b.md": "# B\n", "lib/c.md": "# C\n", "doc/d.md": "# D\n"})
    code, out, err = _run(root, monkeypatch, capsys, "init")
    assert code == 2 and out == ""
    assert "no translation layout found here" in err
    assert not (root / "lintkit.toml").exists()
