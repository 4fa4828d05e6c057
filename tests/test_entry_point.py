"""`python -m lintkit` as a pre-commit hook runs it: a child process, its output piped, its exit code read.

The entry point leaves the process without the interpreter's teardown, so these
tests check what that must not lose: every line printed reaches the pipe, the
exit code is the one `main` decided, and `--version` stays light.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = "# Guide\n\nGo to [the site]({{ urls/home }}).\n"
BROKEN = "# Guide\n\nAllez sur [le site](https://example.org).\n"


def _lintkit(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1", "LINTKIT_CACHE_DIR": str(cwd / ".cache")}
    command = [sys.executable, "-m", "lintkit", *arguments]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)


def _site(folder: Path, translation: str) -> None:
    (folder / "en").mkdir()
    (folder / "fr").mkdir()
    (folder / "en" / "guide.md").write_text(SOURCE, encoding="utf-8")
    (folder / "fr" / "guide.md").write_text(translation, encoding="utf-8")
    (folder / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")


def test_findings_reach_the_pipe_and_exit_1(tmp_path: Path) -> None:
    _site(tmp_path, BROKEN)
    result = _lintkit("check", "fr/guide.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "fr/guide.md:3:21: LK101 [error] placeholder `{{ urls/home }}` is missing (source line 3)",
        "    en/guide.md:3: source",
        "Found 1 error in 1 file (1 file checked).",
    ]


def test_json_output_is_whole_when_piped(tmp_path: Path) -> None:
    _site(tmp_path, BROKEN)
    result = _lintkit("check", "fr/guide.md", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.rstrip().endswith("}")
    assert '"code": "LK101"' in result.stdout


def test_clean_translation_exits_0(tmp_path: Path) -> None:
    _site(tmp_path, SOURCE.replace("Go to [the site]", "Allez sur [le site]"))
    result = _lintkit("check", "fr/guide.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No findings (1 file checked).\n")


def test_errors_exit_2_with_their_message(tmp_path: Path) -> None:
    (tmp_path / "lintkit.toml").write_text("select = 3\n", encoding="utf-8")
    result = _lintkit("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("lintkit: configuration error:")


@pytest.mark.parametrize("arguments", [["--version"], ["--help"], ["check", "--help"], ["report", "--help"]])
def test_version_and_help_load_neither_the_run_nor_the_configuration(tmp_path: Path, arguments: list[str]) -> None:
    probe = (
        "import sys\n"
        "from lintkit.cli.app import main\n"
        "try:\n"
        f"    main({arguments!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(name for name in sys.modules if name.startswith('lintkit')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    *shown, loaded = result.stdout.splitlines()
    assert shown[0].startswith("lintkit, version " if arguments == ["--version"] else "Usage: lintkit")
    for heavy in ("lintkit.config", "lintkit.run.engine", "lintkit.packs.loader", "lintkit.model"):
        assert heavy not in loaded


def test_a_profiler_still_writes_its_results(tmp_path: Path) -> None:
    """cProfile (like coverage) writes at interpreter exit, so the quick exit steps aside for it."""
    written = tmp_path / "run.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(written), "-m", "lintkit", "--version"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("lintkit, version ")
    assert written.stat().st_size > 0


def test_the_entry_point_loads_at_the_runs_collection_pace() -> None:
    """The console script sets, while the command imports, the young-generation pace `Engine.run` sets."""
    from lintkit.cli import entry
    from lintkit.run import engine

    assert entry._YOUNG_COLLECTION_AFTER == engine.YOUNG_COLLECTION_AFTER
