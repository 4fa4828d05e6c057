"""Loading rule packs: valid packs become rules, invalid ones are errors naming the file and line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintkit.cli.app import cli
from lintkit.config import load_config
from lintkit.packs.loader import PackError, do_not_translate_terms, parse_pack, rules_for
from lintkit.run.engine import Engine

GLOSSARY = """\
pack: glossary-fr
rules:
  - code: LK551
    name: fr-glossary
    kind: glossary
    summary: The event's name in French.
    locales: [fr]
    entries:
      - source: Hour of Code
        target: Heure de code
  - code: LK552
    name: fr-product-names
    kind: do-not-translate
    summary: Product names stay in English.
    terms: [Code Studio]
"""


def _error(text: str) -> str:
    with pytest.raises(PackError) as caught:
        parse_pack(textwrap.dedent(text), "l10n/pack.yaml")
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rules: [\n  {code: LK551\n", "l10n/pack.yaml:3: not valid YAML"),
        ("- a list\n", "l10n/pack.yaml:1: a rule pack is a mapping with a `rules` list"),
        ("rules: []\nauthor: me\n", "l10n/pack.yaml:2: unknown pack key `author`"),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: spelling\n    summary: s\n",
            "l10n/pack.yaml:4: unknown kind `spelling`",
        ),
        (
            "rules:\n  - code: LK551\n    name: Not Kebab\n    kind: forbidden\n    summary: s\n"
            "    entries: [{term: a}]\n",
            "l10n/pack.yaml:3: name `Not Kebab` must be kebab-case",
        ),
        (
            "rules:\n  - code: 551\n    name: x\n    kind: forbidden\n    summary: s\n",
            "l10n/pack.yaml:2: rule needs `code`",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: forbidden\n    summary: s\n    entries:\n"
            "      - pattern: 'a('\n",
            "l10n/pack.yaml:7: `entries` is not a valid regular expression",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: forbidden\n    summary: s\n    entries:\n"
            "      - term: courriel\n      - term: courriel\n",
            "l10n/pack.yaml:8: `courriel` is listed twice",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: glossary\n    summary: s\n    entries:\n"
            "      - source: Hour of Code\n        target: [1, 2]\n",
            "l10n/pack.yaml:7: `target` must be a string",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: pattern-parity\n    summary: s\n    pattern: 'a*'\n",
            "l10n/pack.yaml:6: `pattern` matches the empty text",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: do-not-translate\n    summary: s\n    terms: [a]\n"
            "    message: '{nothing}'\n",
            "l10n/pack.yaml:7: unknown field {nothing} in `message`",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: do-not-translate\n    summary: s\n    terms: [a]\n"
            "    severity: fatal\n",
            "l10n/pack.yaml:7: unknown severity 'fatal'",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: do-not-translate\n    summary: s\n    terms: [a]\n"
            "    scope: [code]\n",
            "l10n/pack.yaml:7: unknown scope `code`",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: glossary\n    summary: s\n    case: upper\n"
            "    entries: [{source: a, target: b}]\n",
            "l10n/pack.yaml:6: `case` must be exact or ignore",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: glossary\n    summary: s\n    inflection: 3\n"
            "    entries: [{source: a, target: b}]\n",
            "l10n/pack.yaml:6: `inflection` must be true or false",
        ),
        (
            "rules:\n  - code: LK551\n    name: x\n    kind: forbidden\n    summary: s\n    message: 5\n"
            "    entries: [{term: a}]\n",
            "l10n/pack.yaml:6: `message` must be a string",
        ),
    ],
)
def test_invalid_packs_name_the_file_and_line(text: str, expected: str) -> None:
    assert _error(text).startswith(expected)


def _project(tmp_path: Path, pack: str = GLOSSARY) -> Path:
    (tmp_path / "l10n").mkdir()
    (tmp_path / "l10n" / "glossary-fr.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('packs = ["l10n/glossary-fr.yaml"]\nbaseline = false\n', encoding="utf-8")
    for locale in ("en", "fr"):
        (tmp_path / locale).mkdir()
    return tmp_path


def test_configured_packs_add_rules_and_feed_do_not_translate(tmp_path: Path) -> None:
    config = load_config(cwd=_project(tmp_path))
    rules = rules_for(config)
    codes = [rule.code for rule in rules]
    assert "LK551" in codes and "LK552" in codes and "LK101" in codes and "LK521" in codes
    assert codes == sorted(codes)
    assert do_not_translate_terms(rules, "fr-FR") == ("Code Studio",)
    assert Engine(config, rules, cwd=tmp_path).rule_options("fr")["do-not-translate"] == ("Code Studio",)


def test_a_pack_reusing_a_code_is_an_error(tmp_path: Path) -> None:
    config = load_config(cwd=_project(tmp_path, GLOSSARY.replace("LK551", "LK101")))
    with pytest.raises(PackError, match="`LK101` is already used by built-in rules"):
        rules_for(config)


def test_two_packs_sharing_a_code_name_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "l10n" / "again.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('packs = ["l10n/glossary-fr.yaml", "l10n/again.yaml"]\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"^l10n/again.yaml:1: `LK551` is already used by l10n/glossary-fr.yaml$"):
        rules_for(load_config(cwd=tmp_path))


def test_a_missing_pack_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "lintkit.toml").write_text('packs = ["nowhere.yaml"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "--config", str(tmp_path / "lintkit.toml")])
    assert isinstance(result.exception, PackError)
    assert "nowhere.yaml:1: no such rule pack" in str(result.exception)


def test_explain_and_rules_show_pack_rules(tmp_path: Path) -> None:
    config = str(_project(tmp_path) / "lintkit.toml")
    explained = CliRunner().invoke(cli, ["explain", "fr-glossary", "--config", config])
    assert explained.exit_code == 0, explained.output
    assert explained.output.startswith("LK551 fr-glossary [warning]")
    for section in ("What it finds:", "Why it matters:", "Example:", "Options:"):
        assert section in explained.output
    shipped = CliRunner().invoke(cli, ["explain", "LK521"])
    assert "non-breaking space" in shipped.output
    listed = CliRunner().invoke(cli, ["rules", "--config", config])
    assert "LK551  fr-glossary" in listed.output


def test_glossary_reports_the_other_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    (root / "en" / "page.md").write_text("# Hour of Code\n\nJoin the Hour of Code.\n", encoding="utf-8")
    (root / "fr" / "page.md").write_text("# Heure de code\n\nRejoignez l'Heure du Code.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "LK551"])
    findings = json.loads(result.output)["findings"]
    assert [(item["path"], item["line"], item["column"], item["message"]) for item in findings] == [
        (
            "fr/page.md",
            3,
            13,
            '"Heure du Code" where the glossary wants "Heure de code" for "Hour of Code" (source line 3)',
        )
    ]
