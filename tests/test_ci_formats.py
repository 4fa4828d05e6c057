"""`--format github`, `sarif` and `junit`: what CI services read, checked against what they expect."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.formatters import FORMATTERS, Summary
from lintkit.formatters.github import GithubFormatter
from lintkit.model import Finding, Severity, Span

SOURCE = """\
---
title: Guide
---

# Guide

## 1. Start

Go to [the site]({{ urls/home }}) and sign up.
"""

# Line 9 drops the placeholder; line 7 writes the step number "1)".
TRANSLATION = """\
---
title: Guide (fr)
---

# Guide

## 1) Commencer

Allez sur le site et inscrivez-vous.
"""


def _check(tmp_path: Path, output_format: str, monkeypatch, capsys) -> tuple[int, str]:
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "fr").mkdir(exist_ok=True)
    (tmp_path / "en" / "guide.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "fr" / "guide.md").write_text(TRANSLATION, encoding="utf-8")
    layout = 'source = "en/{path}"\ntarget = "{locale}/{path}"\nselect = ["LK101", "LK205"]\n'
    (tmp_path / "lintkit.toml").write_text(layout, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--format", output_format])
    return stop.value.code, capsys.readouterr().out


def test_github_workflow_commands(tmp_path, monkeypatch, capsys) -> None:
    code, out = _check(tmp_path, "github", monkeypatch, capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=fr/guide.md,line=7,col=4,endLine=7,endColumn=")
    assert ",title=LK205::step number style is" in lines[0]
    assert lines[1].startswith("::error file=fr/guide.md,line=9,col=1,endLine=9,")
    assert lines[1].endswith(
        ",title=LK101::placeholder `{{ urls/home }}` is missing (source line 9)%0Asource: en/guide.md:9"
    )
    assert lines[2] == "Found 1 error, 1 warning in 1 file (1 file checked)."


def test_github_escapes_what_would_end_a_command() -> None:
    finding = Finding("fr/a,b:c.md", Span(3, 2, 3, 5), "LK101", "placeholder-missing", Severity.INFO, "50% off\nnow")
    assert GithubFormatter.command(finding) == (
        "::notice file=fr/a%2Cb%3Ac.md,line=3,col=2,endLine=3,endColumn=5,title=LK101::50%25 off%0Anow"
    )


def _assert_valid_sarif(document: dict) -> None:
    """The parts of the SARIF 2.1.0 schema that lintkit fills, as the specification requires them."""
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-schema-2.1.0.json")
    assert isinstance(document["runs"], list) and document["runs"]
    for run in document["runs"]:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        rules = driver.get("rules", [])
        assert len({rule["id"] for rule in rules}) == len(rules), "rule ids are unique"
        for rule in rules:
            assert isinstance(rule["id"], str)
            for key in ("shortDescription", "fullDescription"):
                assert key not in rule or isinstance(rule[key]["text"], str)
            if "defaultConfiguration" in rule:
                assert rule["defaultConfiguration"]["level"] in {"none", "note", "warning", "error"}
        assert run.get("columnKind", "unicodeCodePoints") in {"utf16CodeUnits", "unicodeCodePoints"}
        for result in run["results"]:
            assert isinstance(result["message"]["text"], str) and result["message"]["text"]
            assert result["level"] in {"none", "note", "warning", "error"}
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"], "ruleIndex points at the result's rule"
            related = result.get("relatedLocations", [])
            assert len({location["id"] for location in related}) == len(related)
            for location in result["locations"] + related:
                physical = location["physicalLocation"]
                assert isinstance(physical["artifactLocation"]["uri"], str)
                assert not physical["artifactLocation"]["uri"].startswith("/")
                region = physical["region"]
                assert all(isinstance(value, int) and value >= 1 for value in region.values())
                assert region.get("endLine", region["startLine"]) >= region["startLine"]
                if region.get("endLine", region["startLine"]) == region["startLine"] and "endColumn" in region:
                    assert region["endColumn"] >= region.get("startColumn", 1)


def test_sarif_is_valid_and_points_at_the_translation_and_the_source(tmp_path, monkeypatch, capsys) -> None:
    code, out = _check(tmp_path, "sarif", monkeypatch, capsys)
    assert code == 1
    document = json.loads(out)
    _assert_valid_sarif(document)
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["LK101", "LK205"]
    assert "What it finds:" in run["tool"]["driver"]["rules"][0]["fullDescription"]["text"]
    assert run["tool"]["driver"]["rules"][0]["help"]["text"].endswith("lintkit explain LK101")
    missing = next(result for result in run["results"] if result["ruleId"] == "LK101")
    assert missing["level"] == "error"
    location = missing["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "fr/guide.md"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (9, 1)
    source = missing["relatedLocations"][0]["physicalLocation"]
    assert (source["artifactLocation"]["uri"], source["region"]["startLine"]) == ("en/guide.md", 9)


def test_sarif_without_findings_is_valid() -> None:
    document = json.loads(FORMATTERS["sarif"]().render([], Summary.of([], 3)))
    _assert_valid_sarif(document)
    assert document["runs"][0]["results"] == []


def test_junit_report(tmp_path, monkeypatch, capsys) -> None:
    code, out = _check(tmp_path, "junit", monkeypatch, capsys)
    assert code == 1
    root = ElementTree.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "2"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "fr/guide.md"
    cases = suite.findall("testcase")
    assert [case.get("line") for case in cases] == ["7", "9"]
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "LK101 error"
    assert "source: en/guide.md:9" in failure.text


def test_junit_keeps_info_findings_out_of_the_tests() -> None:
    info = Finding("fr/a.md", Span.point(1), "LK950", "suppression-unused", Severity.INFO, "bad \x01 byte")
    error = Finding("fr/a.md", Span.point(4), "LK101", "placeholder-missing", Severity.ERROR, "lost")
    root = ElementTree.fromstring(FORMATTERS["junit"]().render([info, error], Summary.of([info, error], 1)))
    assert (root.get("tests"), root.get("failures")) == ("1", "1")
    (suite,) = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    assert [case.get("name").split()[0] for case in suite.findall("testcase")] == ["LK101"]
    assert "fr/a.md:1:1: LK950 bad \ufffd byte" in suite.find("system-out").text
    only_info = ElementTree.fromstring(FORMATTERS["junit"]().render([info], Summary.of([info], 1)))
    assert (only_info.get("tests"), only_info.get("failures")) == ("1", "0")
    assert only_info.find("testsuite/testcase").get("name") == "1 files checked"
    empty = ElementTree.fromstring(FORMATTERS["junit"]().render([], Summary.of([], 4)))
    assert empty.find("testsuite/testcase").get("name") == "4 files checked"


@pytest.mark.parametrize("name", ["fr/a\x01b.md", "fr/\x1b[2J.md", "fr/\udcff.md", 'fr/\x0c<&>".md'])
def test_junit_is_valid_xml_for_any_file_name(name: str) -> None:
    finding = Finding(name, Span(2, 1, 2, 4), "LK101", "placeholder-missing", Severity.ERROR, f"in {name}")
    text = FORMATTERS["junit"]().render([finding], Summary.of([finding], 1))
    root = ElementTree.fromstring(text.encode("utf-8", "surrogatepass"))
    suite = root.find("testsuite")
    assert suite.get("name").startswith("fr/")
    assert root.find("testsuite/testcase/failure") is not None


def test_junit_test_names_are_stable_when_lines_move() -> None:
    def names(line: int) -> list[str]:
        findings = [
            Finding("fr/a.md", Span.point(line), "LK101", "placeholder-missing", Severity.ERROR, "`{x}` is lost"),
            Finding("fr/a.md", Span.point(line), "LK101", "placeholder-missing", Severity.ERROR, "`{x}` is lost"),
        ]
        summary = replace(Summary.of(findings, 1), fingerprints=dict.fromkeys(findings, "0123abcd"))
        root = ElementTree.fromstring(FORMATTERS["junit"]().render(findings, summary))
        return [case.get("name") for case in root.iter("testcase")]

    assert names(3) == names(30) == ["LK101 placeholder-missing 0123abcd", "LK101 placeholder-missing 0123abcd #2"]
