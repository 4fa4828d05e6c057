"""PO catalogs through the command line: no configuration needed, templates, broken files, the real corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import corpus

from lintkit.cli.app import main

ONLY_CATALOG_AND_PLACEHOLDERS = ["--select", "LK1,LK6,LK9"]

CATALOG = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

#, python-format
msgid "Delete %(name)s?"
msgstr "Supprimer ?"

msgid "Save"
msgstr "Enregistrer"
"""

TEMPLATE = """\
msgid ""
msgstr ""

#, python-format
msgid "Delete %(name)s?"
msgstr ""

msgid "Save"
msgstr ""

msgid "Sign in"
msgstr ""
"""


def _run(arguments: list[str], cwd: Path, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    return stop.value.code, capsys.readouterr().out


def test_a_named_catalog_needs_no_configuration(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "messages.po").write_text(CATALOG, encoding="utf-8")
    code, out = _run(
        ["check", "--no-color", "messages.po", *ONLY_CATALOG_AND_PLACEHOLDERS], tmp_path, monkeypatch, capsys
    )
    assert code == 1
    assert out.splitlines()[0] == ("messages.po:8:1: LK101 [error] placeholder `%(name)s` is missing (source line 7)")
    assert "1 file checked" in out


def test_catalogs_under_the_target_pattern_are_compared_with_their_template(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "messages.pot").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "fr" / "messages.po").write_text(CATALOG, encoding="utf-8")
    code, out = _run(["check", "--format", "json", *ONLY_CATALOG_AND_PLACEHOLDERS], tmp_path, monkeypatch, capsys)
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["code"], f["line"], f["source_path"], f["source_line"]) for f in findings] == [
        ("LK101", 8, "fr/messages.po", 7),
        ("LK606", 11, "en/messages.pot", 11),
    ]


def test_a_broken_catalog_is_a_finding_and_the_run_goes_on(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "broken.po").write_text('msgid "Save"\nmsgstr "Enregistrer\n', encoding="utf-8")
    (tmp_path / "good.po").write_text(CATALOG, encoding="utf-8")
    code, out = _run(["check", "--no-color", "broken.po", "good.po"], tmp_path, monkeypatch, capsys)
    assert code == 1
    assert "broken.po:2:8: LK906 [error] the catalog cannot be parsed: a string that is not closed" in out
    assert "good.po:8:1: LK101" in out


def test_djangojs_spanish_three_forms_under_two_plurals(monkeypatch, capsys) -> None:
    folder = corpus() / "po"
    _, out = _run(
        ["check", "--no-color", "django-admin-djangojs-es.po", "--select", "LK6"], folder, monkeypatch, capsys
    )
    lines = [line.split(": ")[0] for line in out.splitlines() if "LK603" in line]
    assert lines == [
        "django-admin-djangojs-es.po:83:1",
        "django-admin-djangojs-es.po:130:1",
        "django-admin-djangojs-es.po:137:1",
    ]


def test_python_docs_fuzzy_entry_is_reported(monkeypatch, capsys) -> None:
    folder = corpus() / "po"
    _, out = _run(["check", "--no-color", "python-docs-fr-about.po", "--select", "LK601"], folder, monkeypatch, capsys)
    assert out.splitlines()[0].startswith('python-docs-fr-about.po:55:4: LK601 [warning] msgid "the `Docutils')


@pytest.mark.parametrize(
    ("name", "msgstr_line", "placeholder"),
    [
        ("django-humanize-fr.po", 'msgstr[1] "%(value).1f millions"', "%(value).1f"),
        ("django-admin-djangojs-de.po", 'msgstr "Ausgewählte %s"', "%s"),
    ],
)
def test_placeholder_dropped_from_a_real_catalog_is_reported_at_its_msgstr(
    tmp_path, monkeypatch, capsys, name: str, msgstr_line: str, placeholder: str
) -> None:
    text = (corpus() / "po" / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    if msgstr_line not in lines:
        pytest.skip(f"{msgstr_line} is not in this version of {name}")
    number = lines.index(msgstr_line) + 1
    lines[number - 1] = msgstr_line.replace(placeholder, "", 1)
    (tmp_path / name).write_text("\n".join(lines), encoding="utf-8")
    shutil.copystat(corpus() / "po" / name, tmp_path / name)
    _, out = _run(["check", "--no-color", name, "--select", "LK1"], tmp_path, monkeypatch, capsys)
    assert f"{name}:{number}:1: LK101 [error] placeholder `{placeholder}` is missing" in out


def test_no_placeholder_findings_on_the_real_catalogs(monkeypatch, capsys) -> None:
    folder = corpus() / "po"
    names = sorted(path.name for path in folder.glob("*.po"))
    code, out = _run(["check", "--no-color", *names, "--select", "LK1,LK9"], folder, monkeypatch, capsys)
    assert code == 0, out


def test_a_translator_comment_suppresses_a_finding_on_its_entry(tmp_path, monkeypatch, capsys) -> None:
    suppressed = CATALOG.replace("#, python-format\n", "# lintkit: ignore LK101\n#, python-format\n")
    (tmp_path / "messages.po").write_text(suppressed, encoding="utf-8")
    code, out = _run(["check", "messages.po", *ONLY_CATALOG_AND_PLACEHOLDERS], tmp_path, monkeypatch, capsys)
    assert (code, out) == (0, "No findings (1 file checked).\n")


def test_plural_forms_of_one_msgid_are_not_inconsistent_translations(tmp_path, monkeypatch, capsys) -> None:
    catalog = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

#, python-format
msgid "%(count)d files were copied to the folder"
msgid_plural "%(count)d files were copied to the folder"
msgstr[0] "%(count)d файл скопирован в папку"
msgstr[1] "%(count)d файла скопированы в папку"
msgstr[2] "%(count)d файлов скопированы в папку"
"""
    (tmp_path / "ru.po").write_text(catalog, encoding="utf-8")
    code, out = _run(["check", "ru.po", "--select", "LK501"], tmp_path, monkeypatch, capsys)
    assert (code, out) == (0, "No findings (1 file checked).\n")


@pytest.mark.parametrize(
    ("catalog", "template"),
    [
        ("django.po", "django.pot"),
        ("po/fr.po", "po/myapp.pot"),
        ("locale/fr/LC_MESSAGES/django.po", "locale/django.pot"),
    ],
)
def test_a_named_catalog_finds_its_template_by_the_gettext_layouts(
    tmp_path, monkeypatch, capsys, catalog: str, template: str
) -> None:
    for name, text in ((catalog, CATALOG), (template, TEMPLATE)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    _, out = _run(["check", "--no-color", catalog, "--select", "LK606"], tmp_path, monkeypatch, capsys)
    assert out.splitlines()[:2] == [
        f'{catalog}:11:1: LK606 [error] msgid "Sign in" of the template is missing (template line 11)',
        f"    {template}:11: source",
    ]


def test_the_source_languages_own_catalog_is_skipped_unless_named(tmp_path, monkeypatch, capsys) -> None:
    for locale in ("en", "fr"):
        folder = tmp_path / "locale" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "django.po").write_text(CATALOG.replace("Language: fr", f"Language: {locale}"), encoding="utf-8")
    _, out = _run(["check", "--no-color", "locale", "--select", "LK1"], tmp_path, monkeypatch, capsys)
    assert out.splitlines()[0].startswith("locale/fr/LC_MESSAGES/django.po:8:1: LK101")
    assert out.splitlines()[-1].endswith("(1 file checked).")
    named = ["check", "--no-color", "locale/en/LC_MESSAGES/django.po", "--select", "LK1"]
    _, out = _run(named, tmp_path, monkeypatch, capsys)
    assert out.splitlines()[0].startswith("locale/en/LC_MESSAGES/django.po:8:1: LK101")
