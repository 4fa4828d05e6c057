"""Hostile input: each malformed file is a finding for that file, the run exits 0 or 1, and the other
files' findings are all still reported. Every test builds its own small project."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

import pytest

from lintkit.cli.app import main

SOURCE = "# Title\n\nHello {{ name }}\n"
BROKEN = "# Titre\n\nBonjour\n"  # LK101 at 3:1: the placeholder is missing
CONFIG = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n'
CATALOG_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: fr\\n"\n'


def _project(tmp_path: Path) -> Path:
    """A site whose one good pair has a known finding, so a test can see that the run went on."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "a.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "fr" / "a.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _pages(project: Path, source: str, target: str) -> None:
    """A second pair beside the good one: `en/b.md` and its translation `fr/b.md`."""
    (project / "en" / "b.md").write_text(source, encoding="utf-8")
    (project / "fr" / "b.md").write_text(target, encoding="utf-8")


def _check(project: Path, monkeypatch, capsys, *arguments: str) -> tuple[int, list[dict]]:
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as stop:
        main(["check", "--format", "json", "--select", "LK1,LK9", *arguments])
    captured = capsys.readouterr()
    assert "internal error" not in captured.err
    return stop.value.code, json.loads(captured.out)["findings"]


def _where(findings: list[dict]) -> set[tuple]:
    return {(f["path"], f["line"], f["column"], f["code"]) for f in findings}


def _assert_run_went_on(code: int, findings: list[dict], expected: tuple) -> None:
    assert code in (0, 1)
    where = _where(findings)
    assert expected in where, findings
    assert ("fr/a.md", 3, 1, "LK101") in where  # the good file's finding is still there


def test_symlink_loop_is_a_finding(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    os.symlink("loop.md", project / "fr" / "loop.md")
    (project / "en" / "loop.md").write_text(SOURCE, encoding="utf-8")
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/loop.md", 1, 1, "LK900"))
    assert "loops back on itself" in next(f["message"] for f in findings if f["path"] == "fr/loop.md")


def test_dangling_symlink_is_a_finding_under_its_own_name(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    os.symlink("gone.md", project / "fr" / "b.md")
    (project / "en" / "b.md").write_text(SOURCE, encoding="utf-8")
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/b.md", 1, 1, "LK900"))
    message = next(f["message"] for f in findings if f["path"] == "fr/b.md")
    assert message == "the symbolic link points to gone.md, which does not exist"


def test_fifo_is_skipped_with_a_finding_and_never_opened(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    os.mkfifo(project / "fr" / "pipe.md")  # opening it for reading would block the run forever
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/pipe.md", 1, 1, "LK908"))
    assert "named pipe" in next(f["message"] for f in findings if f["path"] == "fr/pipe.md")


def test_fifo_named_on_the_command_line(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    os.mkfifo(project / "fr" / "pipe.md")
    code, findings = _check(project, monkeypatch, capsys, "fr/pipe.md", "fr/a.md")
    _assert_run_went_on(code, findings, ("fr/pipe.md", 1, 1, "LK908"))


def test_socket_is_skipped_with_a_finding(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    monkeypatch.chdir(project / "fr")  # a socket path must be short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("sock.md")
        code, findings = _check(project, monkeypatch, capsys)
    finally:
        server.close()
    _assert_run_went_on(code, findings, ("fr/sock.md", 1, 1, "LK908"))


def test_a_non_regular_source_is_never_opened(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    os.mkfifo(project / "en" / "b.md")
    (project / "fr" / "b.md").write_text(BROKEN, encoding="utf-8")
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/b.md", 1, 1, "LK904"))


def test_folder_that_cannot_be_listed_is_a_finding(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    locked = project / "fr" / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def refusing(path):  # root may list any folder, so the refusal is simulated
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/locked", 1, 1, "LK900"))
    assert next(f["message"] for f in findings if f["path"] == "fr/locked") == (
        "cannot list the folder: Permission denied"
    )


def test_unlisted_folder_outside_the_layout_is_not_reported(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    (project / "lintkit.toml").write_text('source = "docs/en/{path}"\ntarget = "docs/{locale}/{path}"\n')
    (project / "docs").mkdir()
    (project / "en").rename(project / "docs" / "en")
    (project / "fr").rename(project / "docs" / "fr")
    (project / "build").mkdir()
    real_scandir = os.scandir

    def refusing(path):
        if Path(path).name == "build":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    code, findings = _check(project, monkeypatch, capsys)
    assert code == 1
    assert _where(findings) == {("docs/fr/a.md", 3, 1, "LK101")}


def test_tree_1000_levels_deep(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    deep = project / "fr"
    for _ in range(1000):  # one level at a time: mkdir(parents=True) itself recurses
        deep = deep / "d"
        deep.mkdir()
    (deep / "x.md").write_text(BROKEN, encoding="utf-8")
    try:
        code, findings = _check(project, monkeypatch, capsys)
    finally:
        _remove_deep_tree(deep / "x.md", project / "fr")
    deep_path = "fr/" + "d/" * 1000 + "x.md"
    _assert_run_went_on(code, findings, (deep_path, 1, 1, "LK904"))


def _remove_deep_tree(leaf: Path, top: Path) -> None:
    """Bottom up, without recursion: pytest's own clean-up of old temporary folders would overflow on it."""
    leaf.unlink()
    folder = leaf.parent
    while folder != top:
        folder.rmdir()
        folder = folder.parent


def test_file_name_that_is_not_utf8(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    name = os.fsdecode(b"caf\xe9.md")
    (project / "en" / name).write_text(SOURCE, encoding="utf-8")
    (project / "fr" / name).write_text(BROKEN, encoding="utf-8")
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/caf\\xe9.md", 3, 1, "LK101"))
    assert next(f["source_path"] for f in findings if f["path"] == "fr/caf\\xe9.md") == "en/caf\\xe9.md"


def test_file_name_with_a_newline_is_checked(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    (project / "en" / "new\nline.md").write_text(SOURCE, encoding="utf-8")
    (project / "fr" / "new\nline.md").write_text(BROKEN, encoding="utf-8")
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/new\\nline.md", 3, 1, "LK101"))


def test_text_output_keeps_one_finding_per_line_for_odd_names(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    (project / "en" / "new\nline.md").write_text(SOURCE, encoding="utf-8")
    (project / "fr" / "new\nline.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit):
        main(["check", "--no-color", "--select", "LK101"])
    out = capsys.readouterr().out
    assert "fr/new\\nline.md:3:1: LK101 [error] placeholder `{{ name }}` is missing (source line 3)\n" in out


@pytest.mark.parametrize("name", [b"caf\xe9.md", b"new\nline.md"])
def test_baseline_and_check_with_odd_file_names(tmp_path, monkeypatch, capsys, name) -> None:
    project = _project(tmp_path)
    (project / "en" / os.fsdecode(name)).write_text(SOURCE, encoding="utf-8")
    (project / "fr" / os.fsdecode(name)).write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as stop:
        main(["baseline", "--select", "LK1"])
    assert stop.value.code in (0, None)
    assert "Recorded 2 findings" in capsys.readouterr().out
    code, findings = _check(project, monkeypatch, capsys)
    assert (code, findings) == (0, [])  # both findings, the odd name's too, are matched in the baseline


def test_report_with_a_name_that_is_not_utf8(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    name = os.fsdecode(b"caf\xe9.md")
    (project / "en" / name).write_text(SOURCE, encoding="utf-8")
    (project / "fr" / name).write_text(BROKEN, encoding="utf-8")
    os.mkfifo(project / "fr" / "pipe.md")
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as stop:
        main(["report", "--select", "LK1,LK9", "-o", "report.html"])
    assert stop.value.code == 1
    page = (project / "report.html").read_text(encoding="utf-8")
    assert "fr/caf\\xe9.md" in page and "fr/pipe.md" in page


def test_catalog_decoding_to_a_lone_surrogate(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    catalog = CATALOG_HEADER.format(charset="utf-7") + '\nmsgid "Hello"\nmsgstr "Bonjour +2D0-"\n'
    (project / "fr" / "messages.po").write_bytes(catalog.encode("ascii"))
    code, findings = _check(project, monkeypatch, capsys)
    _assert_run_went_on(code, findings, ("fr/messages.po", 7, 17, "LK902"))


def test_catalog_whose_text_is_a_path_is_not_read_from_there(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.po"
    outside.write_text(CATALOG_HEADER.format(charset="UTF-8") + '\nmsgid "%s files"\nmsgstr "fichiers"\n')
    (project / "fr" / "messages.po").write_text(str(outside), encoding="utf-8")
    try:
        code, findings = _check(project, monkeypatch, capsys)
    finally:
        outside.unlink()
    _assert_run_went_on(code, findings, ("fr/messages.po", 1, 1, "LK906"))
    assert not any(f["code"] == "LK101" and f["path"] == "fr/messages.po" for f in findings)


@pytest.mark.parametrize(
    "expression",
    ["(" * 330 + "n != 1" + ")" * 330, "!" * 1000 + "n", " + ".join(["n"] * 2000)],
    ids=["330-parentheses", "1000-negations", "2000-terms"],
)
def test_plural_forms_nested_too_deep(tmp_path, monkeypatch, capsys, expression) -> None:
    project = _project(tmp_path)
    header = CATALOG_HEADER.format(charset="UTF-8") + f'"Plural-Forms: nplurals=2; plural={expression};\\n"\n'
    (project / "fr" / "messages.po").write_text(header + '\nmsgid "%s file"\nmsgstr "fichier"\n')
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK605")
    _assert_run_went_on(code, findings, ("fr/messages.po", 5, 1, "LK605"))
    message = next(f["message"] for f in findings if f["code"] == "LK605")
    assert "nested more than 100 levels deep" in message


def test_cr_only_line_endings_keep_suppressions_working(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    (project / "en" / "b.md").write_text(SOURCE, encoding="utf-8")
    suppressed = "# Titre\r\r<!-- lintkit-disable-next-line LK101 -->\rBonjour\r"
    (project / "fr" / "b.md").write_bytes(suppressed.encode())
    code, findings = _check(project, monkeypatch, capsys)
    assert code == 1
    assert _where(findings) == {("fr/a.md", 3, 1, "LK101")}


def _alias_bomb(leaf: str) -> str:
    """Nine levels of nine aliases each: under 400 bytes of YAML that expand to 9**9 values."""
    lines = [f"l0: &l0 [{', '.join([leaf] * 9)}]"]
    lines += [f"l{depth}: &l{depth} [{', '.join([f'*l{depth - 1}'] * 9)}]" for depth in range(1, 9)]
    return "---\n" + "\n".join(lines) + "\n---\n\n# Title\n"


def test_front_matter_alias_bomb_is_compared_without_expanding_it(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    _pages(project, _alias_bomb("x"), _alias_bomb("y").replace("# Title", "# Titre"))
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK101,LK208")
    _assert_run_went_on(code, findings, ("fr/b.md", 10, 1, "LK208"))
    message = next(f["message"] for f in findings if f["path"] == "fr/b.md" and f["line"] == 10)
    assert message == (
        "front-matter value of \"l8\" is [[[[[[[[['y', 'y', 'y', 'y', 'y', 'y', 'y', 'y', 'y'], ['… "
        "but the source has [[[[[[[[['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'], ['… (source line 10)"
    )
    assert sum(f["code"] == "LK208" for f in findings) == 9  # every level differs; none is expanded


def test_identical_alias_bombs_are_equal(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    _pages(project, _alias_bomb("x"), _alias_bomb("x").replace("# Title", "# Titre"))
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK101,LK208")
    assert code == 1
    assert _where(findings) == {("fr/a.md", 3, 1, "LK101")}


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("'{}'", "`message` has a field without a name, {}; use one of {term}, {found}"),
        ("'{0}'", "`message` has a field without a name, {0}"),
        ("'{found.upper}'", "unknown field {found.upper} in `message`"),
        ("'{found[0]}'", "unknown field {found[0]} in `message`"),
        ("'{found!x}'", "`message`: {found!x} is not a conversion"),
        ("'{found:{width}}'", "`message`: {found:{width}} has a format spec"),
        ("'a { b'", "`message` is not a valid message: expected '}' before end of string"),
    ],
)
def test_pack_message_fields_are_checked_at_load_time(tmp_path, monkeypatch, capsys, message, reason) -> None:
    project = _project(tmp_path)
    (project / "pack.yaml").write_text(
        "rules:\n  - code: ACME101\n    name: acme-names\n    kind: do-not-translate\n    summary: s\n"
        f"    terms: [Acme]\n    message: {message}\n",
        encoding="utf-8",
    )
    (project / "lintkit.toml").write_text(CONFIG + 'packs = ["pack.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as stop:
        main(["check"])
    assert stop.value.code == 2
    assert f"pack.yaml:7: {reason}" in capsys.readouterr().err


def test_forbidden_entry_messages_are_checked_with_their_line(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    (project / "pack.yaml").write_text(
        "rules:\n  - code: ACME102\n    name: acme-words\n    kind: forbidden\n    summary: s\n    entries:\n"
        "      - term: courriel\n      - term: mèl\n        message: 'use {}'\n",
        encoding="utf-8",
    )
    (project / "lintkit.toml").write_text(CONFIG + 'packs = ["pack.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(SystemExit) as stop:
        main(["check"])
    assert stop.value.code == 2
    assert "pack.yaml:8: `entries` has a field without a name, {}" in capsys.readouterr().err


def test_a_line_too_long_to_check_fully_is_a_finding(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    long_line = "{{ " * 40_000 + "{{ name }}"  # the placeholder stands past the cut
    _pages(project, SOURCE, f"# Titre\n\n{long_line}\n")
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK101,LK907")
    _assert_run_went_on(code, findings, ("fr/b.md", 3, 100_001, "LK907"))
    long = next(f for f in findings if f["code"] == "LK907")
    assert (long["end_line"], long["end_column"], long["severity"]) == (3, len(long_line) + 1, "warning")
    assert long["message"] == "line 3 is 120,010 characters long; only its first 100,000 were checked"
    assert ("fr/b.md", 3, 1, "LK101") in _where(findings)  # the placeholder past the cut went unseen


def test_a_placeholder_the_cut_splits_is_not_called_unclosed(tmp_path, monkeypatch, capsys) -> None:
    """Its closer stands in the part of the line that went unchecked: LK907 says so, LK104 must not guess."""
    project = _project(tmp_path / "site")
    split = "word " * 19_998 + "more {{ name }} and more"  # the cut at column 100,000 falls inside `{{ name }}`
    _pages(project, "# Title\n\nHello {{ name }} and more.\n\nEnd.\n", f"# Titre\n\n{split}\n\nFin {{{{ oops\n")
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK104,LK907")
    assert code == 1
    assert _where(findings) == {
        ("fr/a.md", 3, 1, "LK101"),
        ("fr/b.md", 3, 100_001, "LK907"),
        ("fr/b.md", 5, 5, "LK104"),
    }


def test_links_outside_the_project_are_never_looked_at(tmp_path, monkeypatch, capsys) -> None:
    """An outside file that exists and one that does not give the same answer: nothing is revealed."""
    project = _project(tmp_path / "site")
    (tmp_path / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (project / "en" / "guide.md").write_text("# Guide\n", encoding="utf-8")
    links = "Voir [a](../../secret.md#other) et [b](../../missing.md#other).\n"
    _pages(project, "# Title\n\nSee [the guide](guide.md).\n", f"# Titre\n\n{links}")
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK101,LK31")
    assert code == 1
    assert _where(findings) == {
        ("fr/a.md", 3, 1, "LK101"),
        ("fr/b.md", 3, 6, "LK312"),
        ("fr/b.md", 3, 36, "LK312"),
    }
    messages = sorted(f["message"] for f in findings if f["code"] == "LK312")
    assert messages == [
        "`../../missing.md` leads outside the project, where links are not checked",
        "`../../secret.md` leads outside the project, where links are not checked",
    ]


def test_a_link_that_leaves_through_a_symbolic_link_is_outside(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path / "site")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "map.png").write_bytes(b"png")
    os.symlink(tmp_path / "elsewhere", project / "fr" / "img")
    _pages(project, "# Title\n\n![Map](map.png)\n", "# Titre\n\n![Carte](img/map.png)\n")
    code, findings = _check(project, monkeypatch, capsys, "--select", "LK101,LK31")
    _assert_run_went_on(code, findings, ("fr/b.md", 3, 1, "LK312"))
    assert not any(f["code"] == "LK310" for f in findings)


def test_changed_since_with_a_name_that_is_not_utf8(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=project, check=True)
    name = os.fsdecode(b"caf\xe9.md")
    (project / "en" / name).write_text(SOURCE, encoding="utf-8")
    (project / "fr" / name).write_text(BROKEN, encoding="utf-8")  # new and untracked
    code, findings = _check(project, monkeypatch, capsys, "--changed-since", "HEAD")
    assert code == 1
    assert _where(findings) == {("fr/caf\\xe9.md", 3, 1, "LK101")}
