"""The baseline: `lintkit baseline` records what a repository has; `check` then reports only what is new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.config import load_config
from lintkit.gate.baseline import fingerprint
from lintkit.model import Span
from lintkit.rules import builtin_rules
from lintkit.rules.base import Rule
from lintkit.run.engine import Engine

SOURCE = """\
---
title: Guide
---

# Guide

## 1. Start

Go to [the site]({{ urls/home }}) and sign up.

Read [the rules]({{ urls/rules }}).
"""

# Line 9 drops `{{ urls/home }}`.
TRANSLATION = SOURCE.replace("Go to [the site]({{ urls/home }}) and sign up.", "Allez sur le site et inscrivez-vous.")


def _site(tmp_path: Path, config: str = "") -> Path:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "guide.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "fr" / "guide.md").write_text(TRANSLATION, encoding="utf-8")
    layout = 'source = "en/{path}"\ntarget = "{locale}/{path}"\nselect = ["LK1"]\n'
    (tmp_path / "lintkit.toml").write_text(layout + config, encoding="utf-8")
    return tmp_path


def _run(arguments: list[str], cwd: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_inserted_lines_above_a_recorded_finding_keep_check_clean(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    code, out, _ = _run(["check", "--no-color"], site, monkeypatch, capsys)
    assert code == 1 and "fr/guide.md:9:1: LK101" in out
    code, out, _ = _run(["baseline"], site, monkeypatch, capsys)
    assert code == 0 and "Recorded 1 finding in .lintkit-baseline.json" in out
    recorded = json.loads((site / ".lintkit-baseline.json").read_text(encoding="utf-8"))
    assert [(entry["path"], entry["line"], entry["code"]) for entry in recorded["findings"]] == [
        ("fr/guide.md", 9, "LK101")
    ]
    _edit(site / "fr" / "guide.md", "## 1. Start\n", "## 1. Start\n\n\n")
    code, out, _ = _run(["check", "--no-color"], site, monkeypatch, capsys)
    assert code == 0, out
    assert out == "No findings (1 file checked).\n1 known finding hidden by the baseline.\n"


def test_a_new_finding_is_reported_beside_the_recorded_one(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _run(["baseline"], site, monkeypatch, capsys)
    _edit(site / "fr" / "guide.md", "({{ urls/rules }})", "(https://example.org/rules)")
    code, out, _ = _run(["check", "--no-color"], site, monkeypatch, capsys)
    assert code == 1
    assert "fr/guide.md:11:" in out and "urls/rules" in out and "urls/home" not in out


def test_fixed_findings_are_counted_until_the_baseline_is_rewritten(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _run(["baseline"], site, monkeypatch, capsys)
    (site / "fr" / "guide.md").write_text(SOURCE, encoding="utf-8")
    code, out, _ = _run(["check", "--format", "json"], site, monkeypatch, capsys)
    assert code == 0
    assert json.loads(out)["summary"]["baseline"] == {"hidden": 0, "fixed": 1}
    _, out, _ = _run(["check", "--no-color"], site, monkeypatch, capsys)
    assert "1 baseline finding no longer occurs; run `lintkit baseline` to drop them." in out
    _, out, _ = _run(["check", "--format", "github"], site, monkeypatch, capsys)
    assert out.endswith("1 baseline finding no longer occurs; run `lintkit baseline` to drop them.\n")
    _, out, _ = _run(["baseline"], site, monkeypatch, capsys)
    assert "Recorded 0 findings" in out
    _, out, _ = _run(["check", "--no-color"], site, monkeypatch, capsys)
    assert out == "No findings (1 file checked).\n"


def test_a_finding_of_a_rule_that_did_not_run_is_not_counted_fixed(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _run(["baseline"], site, monkeypatch, capsys)
    _, out, _ = _run(["check", "--select", "LK2", "--format", "json"], site, monkeypatch, capsys)
    assert json.loads(out)["summary"]["baseline"] == {"hidden": 0, "fixed": 0}


def test_baseline_key_names_another_file_or_turns_it_off(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path, 'baseline = "ci/known.json"\n')
    (site / "ci").mkdir()
    _run(["baseline"], site, monkeypatch, capsys)
    assert (site / "ci" / "known.json").is_file() and not (site / ".lintkit-baseline.json").exists()
    assert _run(["check"], site, monkeypatch, capsys)[0] == 0
    _edit(site / "lintkit.toml", 'baseline = "ci/known.json"', "baseline = false")
    assert _run(["check"], site, monkeypatch, capsys)[0] == 1
    code, _, err = _run(["baseline"], site, monkeypatch, capsys)
    assert code == 2 and "the baseline is turned off" in err


def test_a_damaged_baseline_is_a_configuration_error(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    (site / ".lintkit-baseline.json").write_text("{not json", encoding="utf-8")
    code, out, err = _run(["check"], site, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "not a lintkit baseline" in err and "Traceback" not in err


def test_the_baseline_works_from_a_subfolder(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _run(["baseline"], site, monkeypatch, capsys)
    code, out, _ = _run(["check", "--no-color", "."], site / "fr", monkeypatch, capsys)
    assert code == 0, out


def test_fingerprints_ignore_line_numbers_and_spacing_but_not_text() -> None:
    first = fingerprint("LK101", "fr/a.md", "Allez  sur le site", "missing (source line 9)")
    assert first == fingerprint("LK101", "fr/a.md", "  Allez sur le site", "missing (source line 12)")
    assert first != fingerprint("LK101", "fr/a.md", "Allez sur la page", "missing (source line 9)")
    assert first != fingerprint("LK102", "fr/a.md", "Allez  sur le site", "missing (source line 9)")
    assert first != fingerprint("LK101", "de/a.md", "Allez  sur le site", "missing (source line 9)")
    elsewhere = fingerprint("LK501", "fr/a.md", "Texte", "translated differently (fr/b.md:100)")
    assert elsewhere == fingerprint("LK501", "fr/a.md", "Texte", "translated differently (fr/b.md:102)")


def test_fingerprints_leave_out_asides_and_case() -> None:
    full = fingerprint(
        "LK502", "es/a.md", "Texto", '"x" is a variant of "Y Z", used 6 times in es (other variants: "y z" 6)'
    )
    assert full == fingerprint("LK502", "es/a.md", "Texto", '"x" is a variant of "y z", used 2 times in es')


class _LocaleCount(Rule):
    """A locale-wide rule for the test: one finding on the first file of a locale with two files or more."""

    code = "LK599"
    name = "test-locale-count"
    scope = "locale"

    def check_locale(self, locale_set):
        if len(locale_set.pairs) >= 2:
            pair = locale_set.pairs[0]
            yield self.report(pair, Span.point(1), f"{len(locale_set.pairs)} files in this locale")


def test_a_run_over_some_files_does_not_call_locale_findings_fixed(tmp_path) -> None:
    site = _site(tmp_path)
    (site / "fr" / "other.md").write_text(SOURCE, encoding="utf-8")
    (site / "en" / "other.md").write_text(SOURCE, encoding="utf-8")
    rules = (*builtin_rules(), _LocaleCount())
    config = load_config(cwd=site).with_overrides({"select": ["LK1", "LK599"]})
    engine = Engine(config.with_overrides({"baseline": False}), rules, cwd=site)
    engine.gate.write_baseline(site / ".lintkit-baseline.json", engine.run().findings)
    full = Engine(config, rules, cwd=site).run()
    assert (full.findings, full.baseline_hidden, full.baseline_fixed) == ([], 2, 0)
    # Alone, fr/guide.md loses the locale finding (one file) and its LK101 entry stays hidden.
    partial = Engine(config, rules, cwd=site).run([site / "fr" / "guide.md"])
    assert (partial.findings, partial.baseline_hidden, partial.baseline_fixed) == ([], 1, 0)


TWICE_PACK = """\
rules:
  - code: ACME101
    name: acme-no-email
    kind: forbidden
    severity: error
    summary: Write "courriel", not "e-mail".
    entries:
      - term: e-mail
"""


def _twice_site(tmp_path: Path, line: str) -> Path:
    for locale, text in (("en", "# Contact\n\nWrite by email or email.\n"), ("fr", f"# Contact\n\n{line}\n")):
        (tmp_path / locale).mkdir(exist_ok=True)
        (tmp_path / locale / "contact.md").write_text(text, encoding="utf-8")
    (tmp_path / "acme.yaml").write_text(TWICE_PACK, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('packs = ["acme.yaml"]\nselect = ["ACME101"]\n', encoding="utf-8")
    return tmp_path


def test_fixing_one_of_two_recorded_findings_on_a_line_keeps_the_other_hidden(tmp_path, monkeypatch, capsys) -> None:
    site = _twice_site(tmp_path, "Écrivez par e-mail ou e-mail.")
    _, out, _ = _run(["baseline"], site, monkeypatch, capsys)
    assert "Recorded 2 findings" in out
    (site / "fr" / "contact.md").write_text("# Contact\n\nÉcrivez par courriel ou e-mail.\n", encoding="utf-8")
    code, out, _ = _run(["check", "--format", "json"], site, monkeypatch, capsys)
    assert code == 0, out
    document = json.loads(out)
    assert document["findings"] == []
    assert document["summary"]["baseline"] == {"hidden": 1, "fixed": 1}


def test_a_third_finding_on_a_line_recorded_with_two_is_new(tmp_path, monkeypatch, capsys) -> None:
    site = _twice_site(tmp_path, "Écrivez par e-mail ou e-mail.")
    _run(["baseline"], site, monkeypatch, capsys)
    (site / "fr" / "contact.md").write_text("# Contact\n\nÉcrivez e-mail, e-mail ou e-mail.\n", encoding="utf-8")
    code, out, _ = _run(["check", "--format", "json"], site, monkeypatch, capsys)
    assert code == 1
    document = json.loads(out)
    assert [(f["code"], f["line"], f["column"]) for f in document["findings"]] == [("ACME101", 3, 27)]
    assert document["summary"]["baseline"] == {"hidden": 2, "fixed": 0}


def test_a_single_recorded_finding_on_an_edited_line_is_new(tmp_path, monkeypatch, capsys) -> None:
    site = _twice_site(tmp_path, "Écrivez par e-mail.")
    _run(["baseline"], site, monkeypatch, capsys)
    (site / "fr" / "contact.md").write_text("# Contact\n\nÉcrivez-nous par e-mail.\n", encoding="utf-8")
    code, out, _ = _run(["check", "--format", "json"], site, monkeypatch, capsys)
    assert code == 1
    assert [(f["line"], f["column"]) for f in json.loads(out)["findings"]] == [(3, 18)]
