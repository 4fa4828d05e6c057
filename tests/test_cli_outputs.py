"""One run, several outputs, and the flags CI users expect: --output, --exit-zero, --statistics, --quiet, -V."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from lintkit.about import lintkit_version
from lintkit.cli.app import main

SOURCE = "# Guide\n\n## 1. Start\n\nGo to [the site]({{ urls/home }}) or {{ urls/help }}.\n"
TARGET = "# Guide\n\n## 1) Commencer\n\nAllez sur le site.\n"


def _site(tmp_path: Path, config: str = "") -> Path:
    for locale, text in (("en", SOURCE), ("fr", TARGET)):
        (tmp_path / locale).mkdir(exist_ok=True)
        (tmp_path / locale / "guide.md").write_text(text, encoding="utf-8")
    layout = 'source = "en/{path}"\ntarget = "{locale}/{path}"\nselect = ["LK101", "LK205"]\n'
    (tmp_path / "lintkit.toml").write_text(layout + config, encoding="utf-8")
    return tmp_path


def _run(tmp_path: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(list(arguments))
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


def test_one_run_writes_several_formats(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    arguments = ["check", "--format", "github", "--output", "sarif=out/lintkit.sarif", "--output", "junit=lintkit.xml"]
    (site / "out").mkdir()
    code, out, _ = _run(site, monkeypatch, capsys, *arguments)
    assert code == 1
    assert out.startswith("::warning file=fr/guide.md,line=3,")
    sarif = json.loads((site / "out" / "lintkit.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("LK205", 3),
        ("LK101", 5),
        ("LK101", 5),
    ]
    junit = ElementTree.fromstring((site / "lintkit.xml").read_bytes())
    assert junit.get("failures") == "3"
    assert not list(site.glob("**/*.tmp*"))  # atomic writes leave nothing behind


@pytest.mark.parametrize("value", ["sarif", "csv=out.csv", "sarif="])
def test_a_bad_output_is_a_usage_error_before_the_run(tmp_path, monkeypatch, capsys, value) -> None:
    code, out, err = _run(_site(tmp_path), monkeypatch, capsys, "check", "--output", value)
    assert code == 2 and out == ""
    assert "--output" in err


def test_exit_zero_keeps_the_findings_and_exits_0(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(_site(tmp_path), monkeypatch, capsys, "check", "--no-color", "--exit-zero")
    assert code == 0
    assert "fr/guide.md:5:1: LK101 [error]" in out


def test_exit_zero_does_not_hide_a_configuration_error(tmp_path, monkeypatch, capsys) -> None:
    code, _, err = _run(_site(tmp_path), monkeypatch, capsys, "check", "--exit-zero", "--select", "LK999")
    assert code == 2 and "unknown rule 'LK999'" in err


def test_statistics_count_findings_per_rule(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(_site(tmp_path), monkeypatch, capsys, "check", "--no-color", "--statistics")
    assert code == 1
    expected = ["2  LK101  placeholder-missing [error]", "1  LK205  heading-number-style [warning]"]
    assert out.splitlines()[-2:] == expected
    code, out, err = _run(_site(tmp_path), monkeypatch, capsys, "check", "--format", "json", "--statistics")
    assert json.loads(out)["summary"]["total"] == 3  # the JSON on stdout stays parseable
    assert err.splitlines() == expected


def test_quiet_prints_only_the_findings(tmp_path, monkeypatch, capsys) -> None:
    code, out, err = _run(_site(tmp_path), monkeypatch, capsys, "check", "--no-color", "--quiet")
    assert code == 1 and err == ""
    assert not any(line.startswith("Found ") for line in out.splitlines())
    assert out.splitlines()[0].startswith("fr/guide.md:3:")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(tmp_path, monkeypatch, capsys, flag) -> None:
    code, out, _ = _run(tmp_path, monkeypatch, capsys, flag)
    assert code == 0
    assert out.strip() == f"lintkit, version {lintkit_version()}"
    assert lintkit_version() != "0"


def test_the_version_is_the_installed_distributions() -> None:
    """`--version` reads `lintkit.__version__` and the packaging reads the same line: the metadata agrees."""
    from importlib.metadata import version

    from lintkit.about import DISTRIBUTION

    assert lintkit_version() == version(DISTRIBUTION)


def test_ignore_replaces_the_configuration_list_and_extend_ignore_adds_to_it(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path, 'ignore = ["LK205"]\n')
    _, out, _ = _run(site, monkeypatch, capsys, "check", "--format", "json")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"LK101"}
    _, out, _ = _run(site, monkeypatch, capsys, "check", "--format", "json", "--ignore", "LK101")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"LK205"}
    _, out, _ = _run(site, monkeypatch, capsys, "check", "--format", "json", "--extend-ignore", "LK101")
    assert json.loads(out)["findings"] == []


def test_extend_ignore_in_the_configuration(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path, 'extend-ignore = ["heading-number-style"]\n')
    _, out, _ = _run(site, monkeypatch, capsys, "check", "--format", "json", "--ignore", "LK101")
    assert json.loads(out)["findings"] == []  # --ignore replaces `ignore` only


def test_extend_select_adds_to_the_selection(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path)
    _, out, _ = _run(site, monkeypatch, capsys, "check", "--format", "json", "--select", "LK205")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"LK205"}
    _, out, _ = _run(
        site, monkeypatch, capsys, "check", "--format", "json", "--select", "LK205", "--extend-select", "LK1"
    )
    assert {f["code"] for f in json.loads(out)["findings"]} == {"LK101", "LK205"}
