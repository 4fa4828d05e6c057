"""The command line: exit codes, configuration errors, discovery, selection, and the rule commands."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from lintkit.cli.app import main

SOURCE = """\
---
title: Guide
---

# Guide

## 1. Start
Go to [the site]({{ urls/home }}).
"""

GOOD = """\
---
title: Guide (fr)
---

# Guide

## 1. Commencer
Allez sur [le site]({{ urls/home }}).
"""

# Other rule families (links among them) also report the hard-coded URL below; these tests are about the engine.
ONLY_FOUNDATION = ["--select", "LK1,LK2,LK9"]

BROKEN = GOOD.replace("({{ urls/home }})", "(https://example.org)").replace("## 1. Commencer", "## 1- Commencer")


def _site(tmp_path: Path, translation: str = BROKEN, config: str | None = None) -> Path:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "guide.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "fr" / "guide.md").write_text(translation, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text(
        config if config is not None else 'source = "en/{path}"\ntarget = "{locale}/{path}"\n',
        encoding="utf-8",
    )
    return tmp_path


def _run(arguments: list[str], cwd: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


def test_clean_translation_exits_0(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(["check"], _site(tmp_path, GOOD), monkeypatch, capsys)
    assert code == 0
    assert out == "No findings (1 file checked).\n"


def test_findings_exit_1_with_positions(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(["check", "--no-color", *ONLY_FOUNDATION], _site(tmp_path), monkeypatch, capsys)
    assert code == 1
    assert "fr/guide.md:8:21: LK101 [error] placeholder `{{ urls/home }}` is missing (source line 8)" in out
    assert "    en/guide.md:8: source" in out
    assert "fr/guide.md:7:4: LK205 [warning]" in out
    assert out.rstrip().endswith("Found 1 error, 1 warning in 1 file (1 file checked).")


def test_fail_on_and_severity_override(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    code, _, _ = _run(["check", "--severity", "LK101=warning", *ONLY_FOUNDATION], site, monkeypatch, capsys)
    assert code == 0
    flags = ["--severity", "LK101=warning", "--fail-on", "warning", *ONLY_FOUNDATION]
    code, _, _ = _run(["check", *flags], site, monkeypatch, capsys)
    assert code == 1


def test_select_and_ignore_by_code_prefix_and_name(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _, out, _ = _run(["check", "--select", "LK2"], site, monkeypatch, capsys)
    assert "LK205" in out and "LK101" not in out
    _, out, _ = _run(["check", "--ignore", "placeholder-missing"], site, monkeypatch, capsys)
    assert "LK205" in out and "LK101" not in out
    _, out, _ = _run(["check", "--select", "LK2", "--ignore", "LK205"], site, monkeypatch, capsys)
    assert "No findings" in out


def test_json_output_contract(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(["check", "--format", "json", *ONLY_FOUNDATION], _site(tmp_path), monkeypatch, capsys)
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    finding = next(finding for finding in data["findings"] if finding["code"] == "LK101")
    assert finding == {
        "path": "fr/guide.md",
        "line": 8,
        "column": 21,
        "end_line": 8,
        "end_column": 40,
        "code": "LK101",
        "name": "placeholder-missing",
        "severity": "error",
        "message": "placeholder `{{ urls/home }}` is missing (source line 8)",
        "source_path": "en/guide.md",
        "source_line": 8,
    }
    assert data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 1


def test_paths_are_relative_to_the_working_directory(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _, out, _ = _run(
        ["check", "--config", str(site / "lintkit.toml"), str(site / "fr")], site / "fr", monkeypatch, capsys
    )
    assert "\nguide.md:8:21: LK101" in out
    assert "    ../en/guide.md:8: source" in out


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('sorce = "en/{path}"\n', "unknown key `sorce`"),
        ('target = "{path}"\n', "must contain `{locale}` exactly once"),
        ('source = "en/{page}"\n', "must contain `{path}` exactly once"),
        ('fail-on = "fatal"\n', "unknown severity 'fatal'"),
        ("select = 3\n", "`select` must be a string or a list of strings"),
        ('ignore = ["no-such-rule"]\n', "unknown rule 'no-such-rule'"),
        ('placeholders = ["mustache"]\n', "unknown placeholder syntax 'mustache'"),
        ("source = [\n", "invalid TOML"),
    ],
)
def test_configuration_errors_exit_2_without_traceback(tmp_path, monkeypatch, capsys, config, message) -> None:
    code, out, err = _run(["check"], _site(tmp_path, config=config), monkeypatch, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""


def test_pyproject_table_is_found_walking_up(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    (site / "lintkit.toml").unlink()
    (site / "pyproject.toml").write_text('[tool.lintkit]\nignore = ["LK205"]\n', encoding="utf-8")
    code, out, _ = _run(["check"], site / "fr", monkeypatch, capsys)
    assert code == 1
    assert "LK101" in out and "LK205" not in out


def test_a_source_path_brings_all_its_translations(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    (site / "de").mkdir()
    (site / "de" / "guide.md").write_text(GOOD.replace("({{ urls/home }})", "(x)"), encoding="utf-8")
    (site / "notes.txt").write_text("not checked", encoding="utf-8")
    _, out, _ = _run(["check", "en/guide.md", "notes.txt"], site, monkeypatch, capsys)
    assert "de/guide.md:8:21: LK101" in out and "fr/guide.md:8:21: LK101" in out
    assert "(2 files checked)" in out


def test_translation_without_source_is_a_finding(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path, GOOD)
    (site / "fr" / "orphan.md").write_text("# Orphelin\n", encoding="utf-8")
    code, out, _ = _run(["check"], site, monkeypatch, capsys)
    assert code == 1
    assert "fr/orphan.md:1:1: LK904 [error] no source file: expected en/orphan.md" in out


def test_each_source_is_parsed_once(tmp_path, monkeypatch) -> None:
    from lintkit.config import load_config
    from lintkit.formats.markdown.parse import MarkdownLoader
    from lintkit.rules import builtin_rules
    from lintkit.run.engine import Engine

    site = _site(tmp_path, GOOD)
    for locale in ("de", "es", "it"):
        (site / locale).mkdir()
        (site / locale / "guide.md").write_text(GOOD, encoding="utf-8")
    loaded: list[str] = []
    original = MarkdownLoader.load

    def counting(self, path, data, locale):
        loaded.append(path)
        return original(self, path, data, locale)

    monkeypatch.setattr(MarkdownLoader, "load", counting)
    result = Engine(load_config(cwd=site), builtin_rules(), cwd=site).run()
    assert result.files_checked == 4
    assert loaded.count("en/guide.md") == 1


def test_rules_and_explain(monkeypatch, capsys, tmp_path) -> None:
    code, out, _ = _run(["rules"], tmp_path, monkeypatch, capsys)
    assert code == 0
    assert "LK101  placeholder-missing" in out
    code, out, _ = _run(["explain", "heading-number"], tmp_path, monkeypatch, capsys)
    assert code == 0
    assert out.startswith("LK204 heading-number [error]")
    for section in ("What it finds:", "Why it matters:", "Example:", "Options:"):
        assert section in out
    code, _, err = _run(["explain", "LK999"], tmp_path, monkeypatch, capsys)
    assert code == 2 and "unknown rule" in err


def test_bad_inputs_do_not_stop_the_run(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    (site / "fr" / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (site / "en" / "latin1.md").write_text("# Cafe\n", encoding="utf-8")
    (site / "fr" / "binary.md").write_bytes(b"\x00\x01\x02")
    (site / "en" / "binary.md").write_text("# Binary\n", encoding="utf-8")
    (site / "fr" / "yaml.md").write_text("---\ntitle: a: b\n---\n# X\n", encoding="utf-8")
    (site / "en" / "yaml.md").write_text("---\ntitle: X\n---\n# X\n", encoding="utf-8")
    deep = "".join(">" * depth + " - item\n" for depth in range(1, 400))
    (site / "fr" / "deep.md").write_text(deep, encoding="utf-8")
    (site / "en" / "deep.md").write_text(deep, encoding="utf-8")
    code, out, err = _run(["check"], site, monkeypatch, capsys)
    assert code == 1 and "Traceback" not in err
    assert "fr/latin1.md:1:6: LK902 [error] the file is not valid UTF-8: byte 0xe9 at offset 5" in out
    assert "fr/binary.md:1:1: LK901 [error]" in out
    assert "fr/yaml.md:2:9: LK903 [error] the front matter is not valid YAML" in out
    assert "fr/guide.md:8:21: LK101" in out
    assert "(5 files checked)" in out


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "lintkit", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "lintkit" in result.stdout


def test_readme_starts_with_the_two_commands() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = textwrap.dedent(readme).split("```")
    assert "pip install" in blocks[1] and "lintkit check" in blocks[1]
    assert "pip install" in blocks[3] and "pytest" in blocks[3]


def test_locales_include_and_exclude(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    (site / "de").mkdir()
    (site / "de" / "guide.md").write_text(BROKEN, encoding="utf-8")
    (site / "de" / "draft.md").write_text("# Entwurf\n", encoding="utf-8")
    _, out, _ = _run(["check", "--locales", "de", *ONLY_FOUNDATION], site, monkeypatch, capsys)
    assert "de/guide.md" in out and "fr/guide.md" not in out
    _, out, _ = _run(["check", "--exclude", "draft.md", *ONLY_FOUNDATION], site, monkeypatch, capsys)
    assert "de/draft.md" not in out and "(2 files checked)" in out
    _, out, _ = _run(["check", "--include", "draft.md", *ONLY_FOUNDATION], site, monkeypatch, capsys)
    assert "de/draft.md:1:1: LK904" in out and "(1 file checked)" in out


def test_a_failing_rule_is_a_finding_and_the_run_goes_on(tmp_path) -> None:
    from lintkit.config import load_config
    from lintkit.rules import builtin_rules
    from lintkit.rules.base import Rule
    from lintkit.run.engine import Engine

    class Broken(Rule):
        code = "LK199"
        name = "broken-for-the-test"

        def check(self, pair):
            raise IndexError("list index out of range")

    site = _site(tmp_path)
    result = Engine(load_config(cwd=site), (*builtin_rules(), Broken()), cwd=site).run()
    codes = [(finding.path, finding.code) for finding in result.findings]
    assert ("fr/guide.md", "LK909") in codes and ("fr/guide.md", "LK101") in codes
    failure = next(finding for finding in result.findings if finding.code == "LK909")
    assert failure.message.startswith("rule LK199 (broken-for-the-test) failed on this file: IndexError")


def test_identical_findings_are_reported_once(tmp_path, monkeypatch, capsys) -> None:
    twice = "# Guide\n\nWatch [the video](https://v.example/a) or [the video](https://v.example/a) again.\n"
    site = _site(tmp_path, "# Guide\n\nRegardez la vidéo ou la vidéo encore.\n")
    (site / "en" / "guide.md").write_text(twice, encoding="utf-8")
    _, out, _ = _run(["check", "--select", "LK305"], site, monkeypatch, capsys)
    assert out.count("LK305") == 1
