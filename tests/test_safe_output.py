"""Text and GitHub output neutralise what documents could make a terminal or a CI log execute."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.formatters import Summary
from lintkit.formatters.github import GithubFormatter
from lintkit.formatters.safe import visible
from lintkit.formatters.text import TextFormatter
from lintkit.model import Finding, Severity, Span

FORGED = "\n::error file=README.md,line=1::Forged"
HOSTILE = [
    FORGED,
    "\r\n::set-output name=x::y",
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b[2J",  # clear the screen
    "\x9b2J",  # the same as a C1 control
    "\u202egnp.exe",  # right-to-left override
    "\u2066isolated\u2069",
    "line\u2028separator",
    "##[error]old syntax",
]


def _finding(message: str, path: str = "fr/guide.md") -> Finding:
    return Finding(path, Span(3, 5, 3, 9), "LK101", "placeholder-missing", Severity.ERROR, message, "en/guide.md", 3)


def _assert_inert(line: str) -> None:
    assert not any(ord(character) < 0x20 or 0x7F <= ord(character) <= 0x9F for character in line), repr(line)
    assert not any(character in line for character in "\u202e\u2066\u2069\u2028"), repr(line)
    assert "##[" not in line


@pytest.mark.parametrize("payload", HOSTILE)
def test_text_output_keeps_one_line_per_finding_and_no_control_characters(payload: str) -> None:
    finding = _finding(f"placeholder `{payload}` is missing")
    lines = TextFormatter().render([finding], Summary.of([finding], 1)).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("fr/guide.md:3:5: LK101 [error] placeholder `")
    assert lines[1] == "    en/guide.md:3: source"
    for line in lines:
        _assert_inert(line)
        assert not line.lstrip().startswith("::")


@pytest.mark.parametrize("payload", HOSTILE)
def test_github_output_is_one_command_per_finding(payload: str) -> None:
    finding = _finding(f"placeholder `{payload}` is missing", path=f"fr/{payload}.md")
    command = GithubFormatter.command(finding)
    assert "\n" not in command and "\r" not in command
    assert command.startswith("::error file=fr/")
    _assert_inert(command)


def test_escapes_are_visible_and_plain_text_is_unchanged() -> None:
    assert visible("Allez sur « le site » : ici.") == "Allez sur « le site » : ici."
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\u202eabc") == "\\u202eabc"
    assert visible("x\ny") == "x\\x0ay"
    assert visible("x\ny", keep_new_lines=True) == "x\ny"


def test_a_file_name_cannot_forge_a_workflow_command(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "::error file=README.md,line=1::Forged\x1b[2J"
    folder.mkdir()
    (folder / "fr.md").write_text("# Guide\n", encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('source = "{path}/en.md"\ntarget = "{path}/{locale}.md"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = {
        "text": "./::error file=README.md,line=1::Forged\\x1b[2J/fr.md:1:1: LK904 [error] no source file",
        "github": "::error file=%3A%3Aerror file=README.md%2Cline=1%3A%3AForged\\x1b[2J/fr.md,line=1,",
    }
    for output_format, start in expected.items():
        with pytest.raises(SystemExit) as stop:
            main(["check", "--no-color", "--format", output_format])
        assert stop.value.code == 1
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith(start), lines[0]
        for line in lines:
            _assert_inert(line)
        commands = [line for line in lines if line.lstrip().startswith("::")]
        assert len(commands) == (1 if output_format == "github" else 0)
