"""Presets: shipped conventions as data, extended by the user's keys; opt-in rules and packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintkit.config import KEYS, Config, ConfigError, load_config, parse_values
from lintkit.config.presets import load_preset, preset_names
from lintkit.gate.selection import Selection
from lintkit.packs.loader import parse_pack, rules_for
from lintkit.run.engine import Engine

NAMES = ("cheatsheets", "code-org", "docusaurus", "hugo", "mdn", "mkdocs", "starlight")


def test_the_shipped_presets_are_the_agreed_ones():
    assert preset_names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_preset_loads_and_explains_each_of_its_settings(name: str):
    preset = load_preset(name)
    assert preset.summary and preset.description.strip()
    assert set(preset.settings) <= set(KEYS)
    assert set(preset.reasons) == set(preset.settings)
    page = preset.documentation()
    for key in preset.settings:
        assert f"    {key} = " in page


def test_docs_presets_page_is_current_and_documents_every_preset():
    from lintkit.config.presets import render_page

    page = (Path(__file__).resolve().parents[1] / "docs" / "presets.md").read_text(encoding="utf-8")
    assert page == render_page()
    for name in NAMES:
        assert f"## `{name}`" in page


def test_lintkit_explain_shows_a_preset():
    from click.testing import CliRunner

    from lintkit.cli.app import cli

    result = CliRunner().invoke(cli, ["explain", "hugo"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("preset hugo: ")
    assert '    placeholders = ["hugo"]' in result.output


def test_the_users_keys_win_and_tables_merge_entry_by_entry():
    values = parse_values(
        {"preset": "hugo", "target": "site/{locale}/{path}", "severity": {"LK102": "warning"}}, "test"
    )
    config = Config(Path("."), None, values)
    assert config["target"] == "site/{locale}/{path}"  # the user's
    assert config["source"] == "content/en/{path}"  # the preset's
    assert config["placeholders"] == ("hugo",)
    assert config["severity"]["LK102"].name == "WARNING"
    assert config["fail-on"].name == "ERROR"  # neither: the default


def test_an_unknown_preset_is_a_configuration_error_naming_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown preset 'jekyll'.*hugo"):
        parse_values({"preset": "jekyll"}, "test")


def test_a_preset_named_in_lintkit_toml(tmp_path: Path):
    (tmp_path / "lintkit.toml").write_text('preset = "starlight"\n', encoding="utf-8")
    config = load_config(cwd=tmp_path)
    assert config["include"] == ("*.md", "*.mdx")
    assert config["target"] == "src/content/docs/{locale}/{path}"


def test_locale_settings_override_the_options_of_one_locale_and_its_regions():
    values = parse_values(
        {
            "preset": "cheatsheets",
            "locale-settings": {"zh": {"translatable-placeholders": []}, "zh-TW": {"do-not-translate": ["tldr"]}},
        },
        "test",
    )
    config = Config(Path("."), None, values)
    assert config.for_locale("fr")["translatable-placeholders"] == ("jinja",)
    assert config.for_locale("zh-CN")["translatable-placeholders"] == ()
    taiwan = config.for_locale("zh_TW")
    assert taiwan["translatable-placeholders"] == () and taiwan["do-not-translate"] == ("tldr",)


def test_locale_settings_refuse_keys_that_are_not_per_locale():
    with pytest.raises(ConfigError, match="cannot be set per locale"):
        parse_values({"locale-settings": {"fr": {"target": "x/{locale}/{path}"}}}, "test")


def test_typography_packs_and_consistency_rules_are_opt_in():
    rules = rules_for(None)
    off = {rule.code for rule in rules if not rule.default_enabled}
    assert {"LK501", "LK502", "LK521", "LK522", "LK523", "LK531", "LK532"} <= off
    selection = Selection((), (), {}, rules)
    assert not selection.enabled("LK521") and selection.enabled("LK101")


def test_extend_select_runs_opt_in_rules_on_top_of_the_selection():
    rules = rules_for(None)
    selection = Selection(("LK1",), (), {}, rules, ("LK52", "term-variant"))
    assert selection.enabled("LK101") and selection.enabled("LK521") and selection.enabled("LK502")
    assert not selection.enabled("LK201") and not selection.enabled("LK531")


def test_the_code_org_preset_keeps_the_behaviour_before_presets(tmp_path: Path):
    config = Config(tmp_path, None, parse_values({"preset": "code-org"}, "test"))
    codes = {rule.code for rule in Engine(config, rules_for(config), cwd=tmp_path).rules}
    assert {"LK521", "LK531", "LK101"} <= codes
    assert "LK501" not in codes  # judged precision under 90% on code.org's pages: opt-in there too
    plain = {rule.code for rule in Engine(Config(tmp_path, None, {}), rules_for(None), cwd=tmp_path).rules}
    assert "LK501" not in plain and "LK521" not in plain


def test_a_pack_or_one_of_its_rules_can_be_opt_in():
    text = """
pack: house
enabled: false
rules:
  - {code: HS101, name: no-foo, kind: forbidden, summary: No foo., entries: [{pattern: foo}]}
  - {code: HS102, name: no-bar, kind: forbidden, summary: No bar., enabled: true, entries: [{pattern: bar}]}
"""
    first, second = parse_pack(text, "house.yaml")
    assert (first.default_enabled, second.default_enabled) == (False, True)


def test_a_pack_with_a_wrong_enabled_value_names_its_line():
    text = (
        "rules:\n"
        "  - {code: HS101, name: no-foo, kind: forbidden, summary: X., enabled: maybe, entries: [{pattern: foo}]}\n"
    )
    with pytest.raises(ConfigError, match=r"house.yaml:2: `enabled` must be true or false"):
        parse_pack(text, "house.yaml")


def test_the_engine_gives_each_locale_its_own_placeholder_options(tmp_path: Path):
    values = parse_values(
        {"preset": "cheatsheets", "locale-settings": {"zh": {"translatable-placeholders": []}}}, "test"
    )
    engine = Engine(Config(tmp_path, None, values), rules_for(None), cwd=tmp_path)
    assert engine.rule_options("fr")["translatable-placeholders"] == ("jinja",)
    assert engine.rule_options("zh-CN")["translatable-placeholders"] == ()


def test_the_configuration_knows_every_slug_style_the_anchors_implement() -> None:
    from lintkit.analysis.links.slugs import SLUG_STYLES as IMPLEMENTED
    from lintkit.config import SLUG_STYLES

    assert set(SLUG_STYLES) == set(IMPLEMENTED)


@pytest.mark.parametrize("source_name", ["setup.en.md", "setup.md"])
def test_the_mkdocs_suffix_layout_pairs_pages_with_or_without_the_source_suffix(tmp_path: Path, source_name: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / source_name).write_text("# Setup\n\nInstall the tool.\n", encoding="utf-8")
    (docs / "setup.fr.md").write_text("# Installation\n\nInstallez l'outil.\n", encoding="utf-8")
    (docs / "setup.pt-BR.md").write_text("# Instalação\n\nInstale a ferramenta.\n", encoding="utf-8")
    values = {"preset": "mkdocs"}
    if source_name == "setup.md":
        values["source"] = "docs/{path}.md"
    config = Config(tmp_path, None, parse_values(values, "test"))
    jobs = Engine(config, rules_for(config), cwd=tmp_path).project.discover()
    assert sorted((job.target.name, job.source.name, job.locale) for job in jobs) == [
        ("setup.fr.md", source_name, "fr"),
        ("setup.pt-BR.md", source_name, "pt-BR"),
    ]
