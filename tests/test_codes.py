"""Rule identity: one grammar and one resolution for codes, prefixes and names, pack codes included."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.rules.codes import RuleCodes, UnknownRule, family_of, family_title

PACK = """\
rules:
  - code: ACME101
    name: acme-no-email
    kind: forbidden
    summary: Write "courriel", not "e-mail".
    entries:
      - term: e-mail
"""
SOURCE = "# Contact\n\nWrite to us by email.\n"
TARGET = "# Contact\n\nÉcrivez-nous par e-mail.\n"
SUPPRESSED = "# Contact\n\n<!-- lintkit-disable-next-line ACME101 -->\nÉcrivez-nous par e-mail.\n"


def _site(tmp_path: Path, target: str = TARGET, extra: str = "") -> Path:
    for locale, text in (("en", SOURCE), ("fr", target)):
        (tmp_path / locale).mkdir(exist_ok=True)
        (tmp_path / locale / "contact.md").write_text(text, encoding="utf-8")
    (tmp_path / "acme.yaml").write_text(PACK, encoding="utf-8")
    config = 'source = "en/{path}"\ntarget = "{locale}/{path}"\npacks = ["acme.yaml"]\n' + extra
    (tmp_path / "lintkit.toml").write_text(config, encoding="utf-8")
    return tmp_path


def _run(tmp_path: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--no-color", *arguments])
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


CODES = RuleCodes.of([("LK101", "placeholder-missing"), ("LK102", "placeholder-extra"), ("ACME101", "acme-rule")])


@pytest.mark.parametrize(
    ("entry", "resolved"),
    [
        ("LK101", "LK101"),
        ("lk101", "LK101"),
        ("LK1", "LK1"),
        ("LK", "LK"),
        ("placeholder-missing", "LK101"),
        ("ACME101", "ACME101"),
        ("ACME", "ACME"),
        ("ACME1", "ACME1"),
        ("acme-rule", "ACME101"),
    ],
)
def test_codes_prefixes_and_names_resolve(entry: str, resolved: str) -> None:
    assert CODES.resolve(entry) == resolved


@pytest.mark.parametrize(
    ("entry", "suggestion"),
    [("LK999", None), ("E501", None), ("LK2", None), ("placeholder-mising", "placeholder-missing"), ("LK1011", None)],
)
def test_an_entry_that_names_no_rule_is_unknown_with_the_closest_spellings(entry: str, suggestion: str | None) -> None:
    with pytest.raises(UnknownRule) as caught:
        CODES.resolve(entry)
    if suggestion:
        assert caught.value.suggestions[0] == suggestion
        assert f"did you mean {suggestion}" in str(caught.value)


def test_families_of_built_in_and_pack_codes() -> None:
    assert family_of("LK104") == "LK1"
    assert family_of("ACME104") == "ACME1"
    assert family_title("LK704") == "Content parity"
    assert family_title("ACME104") == "ACME rules"


def test_a_pack_code_works_in_select(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = _run(_site(tmp_path), monkeypatch, capsys, "--select", "ACME101", "--format", "json")
    assert code == 0  # a warning, below the default `fail-on`
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in findings] == [("ACME101", "fr/contact.md", 3, 18)]


def test_a_pack_code_works_in_a_suppression_comment(tmp_path, monkeypatch, capsys) -> None:
    _, out, _ = _run(_site(tmp_path, SUPPRESSED), monkeypatch, capsys, "--select", "ACME101,LK95", "--format", "json")
    assert json.loads(out)["findings"] == []  # hidden, not LK951 "unknown rule", not LK950 "unused"


def test_a_pack_code_works_in_per_file_ignores(tmp_path, monkeypatch, capsys) -> None:
    site = _site(tmp_path, extra='\n[per-file-ignores]\n"fr/*.md" = ["ACME101"]\n')
    code, out, err = _run(site, monkeypatch, capsys, "--select", "ACME101", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize(
    ("arguments", "extra", "expected"),
    [
        (["--select", "LK999"], "", "`select`: unknown rule 'LK999'"),
        (["--select", "E501"], "", "`select`: unknown rule 'E501'"),
        (["--ignore", "placeholder-mising"], "", "did you mean placeholder-missing?"),
        (["--severity", "LK1O1=error"], "", "`severity`: unknown rule 'LK1O1'; did you mean"),
        ([], 'select = ["ACME102"]\n', "did you mean ACME101?"),
        ([], '[per-file-ignores]\n"fr/*" = ["LK99"]\n', "`per-file-ignores`: unknown rule 'LK99'"),
    ],
)
def test_unknown_rules_are_configuration_errors(tmp_path, monkeypatch, capsys, arguments, extra, expected) -> None:
    code, out, err = _run(_site(tmp_path, extra=textwrap.dedent(extra)), monkeypatch, capsys, *arguments)
    assert code == 2
    assert expected in err
    assert out == ""
    if "LK1O1" in expected:
        assert "LK101" in err.split("did you mean")[1].split("?")[0]


def test_an_unknown_rule_in_a_suppression_says_what_is_close(tmp_path, monkeypatch, capsys) -> None:
    target = SUPPRESSED.replace("ACME101", "ACME110")
    _, out, _ = _run(_site(tmp_path, target), monkeypatch, capsys, "--select", "LK951", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("LK951", 3, 1)
    assert "unknown rule `ACME110` (did you mean ACME101?); use a code" in finding["message"]
