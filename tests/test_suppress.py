"""Inline suppressions: every form hides its finding, and without it the finding is there."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.gate.suppress import Suppressor, scan_markdown
from lintkit.model import Finding, Severity, Span
from lintkit.rules.codes import RuleCodes

SOURCE = """\
# Guide

## 1. Start

Go to [the site]({{ urls/home }}).

Read [the rules]({{ urls/rules }}).
"""

# Lines 5 and 7 drop a placeholder each (LK101).
TRANSLATION = """\
# Guide

## 1. Commencer

Allez sur [le site](https://example.org).

Lisez [les règles](https://example.org/rules).
"""


def _findings(
    tmp_path: Path, translation: str, monkeypatch, capsys, *extra: str, source: str = SOURCE
) -> list[tuple[int, int, str]]:
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "fr").mkdir(exist_ok=True)
    (tmp_path / "en" / "guide.md").write_text(source, encoding="utf-8")
    (tmp_path / "fr" / "guide.md").write_text(textwrap.dedent(translation), encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["check", "--format", "json", "--select", "LK1,LK95", *extra])
    data = json.loads(capsys.readouterr().out)
    return [(item["line"], item["column"], item["code"]) for item in data["findings"]]


def _insert(line: int, comment: str, text: str = TRANSLATION) -> str:
    lines = text.splitlines(keepends=True)
    lines.insert(line - 1, comment + "\n")
    return "".join(lines)


def test_without_suppressions_both_findings_show(tmp_path, monkeypatch, capsys) -> None:
    assert _findings(tmp_path, TRANSLATION, monkeypatch, capsys) == [(5, 21, "LK101"), (7, 20, "LK101")]


@pytest.mark.parametrize("rules", ["LK101", "placeholder-missing", "LK1", "", "LK101 -- the German page has its own"])
def test_disable_next_line_hides_only_the_next_line(tmp_path, monkeypatch, capsys, rules) -> None:
    text = _insert(5, f"<!-- lintkit-disable-next-line {rules} -->")
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(8, 20, "LK101")]


def test_disable_next_line_for_another_rule_hides_nothing_and_is_reported(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable-next-line LK102 -->")
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(5, 1, "LK950"), (6, 21, "LK101"), (8, 20, "LK101")]


def test_disable_enable_range(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(7, "<!-- lintkit-enable LK101 -->", _insert(5, "<!-- lintkit-disable LK101 -->"))
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(9, 20, "LK101")]


def test_disable_without_enable_runs_to_the_end(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable placeholder-missing -->")
    assert _findings(tmp_path, text, monkeypatch, capsys) == []


def test_enable_of_one_rule_keeps_the_other_disabled(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(7, "<!-- lintkit-enable LK102 -->", _insert(5, "<!-- lintkit-disable LK101, LK102 -->"))
    # LK101 stays disabled to the end; LK102 hid nothing, which is said
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(5, 1, "LK950")]


def test_the_idle_rule_of_a_comment_is_named(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable-next-line placeholder-missing, LK102 -->")
    _findings(tmp_path, text, monkeypatch, capsys)
    with pytest.raises(SystemExit):
        main(["check", "--no-color", "--select", "LK1,LK95"])
    out = capsys.readouterr().out
    assert (
        "fr/guide.md:5:1: LK950 [info] suppression `lintkit-disable-next-line placeholder-missing, LK102`: "
        "`LK102` hides nothing here; remove it from the comment"
    ) in out
    assert "fr/guide.md:6:21" not in out and "fr/guide.md:8:20: LK101" in out


def test_disable_file(tmp_path, monkeypatch, capsys) -> None:
    text = TRANSLATION + "\n<!-- lintkit-disable-file -->\n"
    assert _findings(tmp_path, text, monkeypatch, capsys) == []
    text = TRANSLATION + "\n<!-- lintkit-disable-file LK102 -->\n"
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(5, 21, "LK101"), (7, 20, "LK101"), (9, 1, "LK950")]


def test_comments_of_a_file_the_rules_could_not_read_are_not_called_unused(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable-next-line LK102 -->") + "Caf\xe9\n"
    assert (5, 1, "LK950") in _findings(tmp_path, text, monkeypatch, capsys)
    (tmp_path / "fr" / "guide.md").write_bytes(text.encode("latin-1"))
    with pytest.raises(SystemExit):
        main(["check", "--format", "json", "--select", "LK1,LK9"])
    found = [(item["line"], item["code"]) for item in json.loads(capsys.readouterr().out)["findings"]]
    assert found == [(8, "LK902")]  # the first non-UTF-8 byte: "è" of "règles"


def test_unknown_rule_is_a_warning_and_suppresses_nothing(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable-next-line LK1O1 -->")
    assert _findings(tmp_path, text, monkeypatch, capsys) == [(5, 1, "LK951"), (6, 21, "LK101"), (8, 20, "LK101")]


def test_unused_is_not_reported_when_the_rule_did_not_run(tmp_path, monkeypatch, capsys) -> None:
    text = _insert(5, "<!-- lintkit-disable-next-line LK102 -->")
    assert _findings(tmp_path, text, monkeypatch, capsys, "--ignore", "LK102") == [(6, 21, "LK101"), (8, 20, "LK101")]


def test_comments_inside_code_blocks_are_examples_not_suppressions(tmp_path, monkeypatch, capsys) -> None:
    example = "\n```markdown\n<!-- lintkit-disable-file -->\n```\n"
    found = _findings(tmp_path, TRANSLATION + example, monkeypatch, capsys, source=SOURCE + example)
    assert found == [(5, 21, "LK101"), (7, 20, "LK101")]


def test_per_file_ignores(tmp_path, monkeypatch, capsys) -> None:
    assert len(_findings(tmp_path, TRANSLATION, monkeypatch, capsys)) == 2
    config = (
        'source = "en/{path}"\ntarget = "{locale}/{path}"\n[per-file-ignores]\n"fr/*.md" = ["placeholder-missing"]\n'
    )
    (tmp_path / "lintkit.toml").write_text(config, encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["check", "--format", "json", "--select", "LK101"])
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_per_file_ignores_with_an_unknown_rule_is_a_configuration_error(tmp_path, monkeypatch, capsys) -> None:
    _findings(tmp_path, TRANSLATION, monkeypatch, capsys)
    config = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n[per-file-ignores]\n"fr/*.md" = ["LK1O1"]\n'
    (tmp_path / "lintkit.toml").write_text(config, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["check"])
    assert stop.value.code == 2
    assert "`per-file-ignores`: unknown rule 'LK1O1'" in capsys.readouterr().err


PO_TEXT = """\
msgid ""
msgstr ""
"Language: fr\\n"

# lintkit: ignore LK101
#: templates/home.html:3
msgid "Go to {{ urls/home }}"
msgstr "Allez sur le site"

#: templates/home.html:9
msgid "Read {{ urls/rules }}"
msgstr "Lisez les règles"
"""


def _po_run(text: str, findings: list[Finding]) -> list[tuple[int, str]]:
    names = RuleCodes({"placeholder-missing": "LK101", "suppression-unused": "LK950"})
    lines = text.split("\n")
    suppressor = Suppressor(names, lambda code: True, lambda path: lines)
    return sorted((finding.span.line, finding.code) for finding in suppressor.apply(findings, ["fr.po"]))


def _missing(line: int) -> Finding:
    return Finding("fr.po", Span.point(line, 1), "LK101", "placeholder-missing", Severity.ERROR, "missing")


def test_po_translator_comment_covers_its_entry_only() -> None:
    found = [_missing(8), _missing(12)]
    assert _po_run(PO_TEXT, found) == [(12, "LK101")]
    without = PO_TEXT.replace("# lintkit: ignore LK101\n", "")
    assert _po_run(without, [_missing(7), _missing(11)]) == [(7, "LK101"), (11, "LK101")]


def test_po_comment_without_a_finding_is_reported_unused() -> None:
    assert _po_run(PO_TEXT, [_missing(12)]) == [(5, "LK950"), (12, "LK101")]


def test_markdown_scan_positions() -> None:
    names = RuleCodes({"placeholder-missing": "LK101"})
    lines = ["Text", "  <!-- lintkit-disable-next-line LK101 -->", "More"]
    scan = scan_markdown("fr/a.md", lines, names)
    (directive,) = scan.directives
    assert directive.span == Span(2, 3, 2, 43)
    assert directive.ranges == [(3, 3, "LK101")]
    assert directive.text == "lintkit-disable-next-line LK101"


CATALOG = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, python-format
msgid "Hello %(name)s"
msgstr "Bonjour"

#, python-format
msgid "Bye %(name)s"
msgstr "Au revoir"
"""


def test_po_comment_end_to_end(tmp_path, monkeypatch, capsys) -> None:
    catalog = tmp_path / "fr.po"
    catalog.write_text(CATALOG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def found() -> list[tuple[int, str]]:
        with pytest.raises(SystemExit):
            main(["check", "--format", "json", "fr.po"])
        return [(item["line"], item["code"]) for item in json.loads(capsys.readouterr().out)["findings"]]

    assert found() == [(8, "LK101"), (12, "LK101")]
    catalog.write_text(
        CATALOG.replace(
            '#, python-format\nmsgid "Bye', '# lintkit: ignore LK101 -- on purpose\n#, python-format\nmsgid "Bye'
        )
    )
    assert found() == [(8, "LK101")]


def test_the_gate_keeps_the_lines_of_a_few_files_only(tmp_path) -> None:
    """Lines are read again when a file was let go: memory stays the same on a site of any size."""
    from lintkit.gate.texts import FileTexts

    for number in range(FileTexts.KEPT + 5):
        (tmp_path / f"page{number}.md").write_text(f"first\nline {number}\n", encoding="utf-8")
    texts = FileTexts(tmp_path)
    for number in range(FileTexts.KEPT + 5):
        assert texts.line(f"page{number}.md", 2) == f"line {number}"
    assert len(texts._lines) == FileTexts.KEPT
    assert texts.line("page0.md", 2) == "line 0"  # let go, then read again
