"""The pre-commit hook, driven by the real `pre-commit try-repo` on a throwaway repository.

pre-commit installs lintkit from a snapshot of this checkout into its own
environment (dependencies come from PyPI). `try-repo` builds that environment
afresh on every call (about 15 s), so this one slow test makes two calls: a
broken translation fails with its finding shown, the fixed one passes. That a
staged source brings in its translations is the CLI's own behaviour, tested in
test_cli.py with the same file arguments pre-commit passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SOURCE = "# Guide\n\n## 1. Start\n\nGo to [the site]({{ urls/home }}).\n"
BROKEN = "# Guide\n\n## 1. Commencer\n\nAllez sur [le site](https://example.org).\n"
FIXED = "# Guide\n\n## 1. Commencer\n\nAllez sur [le site]({{ urls/home }}).\n"


def _run(folder: Path, *command: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "dev",
        "GIT_AUTHOR_EMAIL": "dev@example.org",
        "GIT_COMMITTER_NAME": "dev",
        "GIT_COMMITTER_EMAIL": "dev@example.org",
        "NO_COLOR": "1",
    }
    return subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True, check=False)


def _git(folder: Path, *arguments: str, home: Path) -> None:
    completed = _run(folder, "git", *arguments, home=home)
    assert completed.returncode == 0, completed.stderr


def _pre_commit() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")
    return [sys.executable, "-m", "pre_commit"]


def _snapshot(destination: Path, home: Path) -> Path:
    """This checkout's working tree as a clean repository, so the hook installs exactly what is tested."""
    ignore = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".*_cache", ".venv", "venv", "build", "dist")
    shutil.copytree(ROOT, destination, ignore=ignore)
    _git(destination, "init", "-q", home=home)
    _git(destination, "add", "-A", home=home)
    _git(destination, "commit", "-q", "--no-verify", "-m", "snapshot", home=home)
    return destination


@pytest.mark.slow
def test_hook_fails_on_a_broken_translation_and_passes_once_fixed(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    home = tmp_path / "pre-commit-home"
    lintkit = _snapshot(tmp_path / "lintkit", home)
    repository = tmp_path / "site"
    for locale, text in (("en", SOURCE), ("fr", BROKEN)):
        (repository / locale).mkdir(parents=True)
        (repository / locale / "guide.md").write_text(text, encoding="utf-8")
    (repository / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    _git(repository, "init", "-q", home=home)
    _git(repository, "add", ".", home=home)

    broken = _run(repository, *pre_commit, "try-repo", str(lintkit), "lintkit", "--color", "never", home=home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "lintkit (translations)" in broken.stdout and "Failed" in broken.stdout
    assert (
        "fr/guide.md:5:" in broken.stdout and "LK101 [error] placeholder `{{ urls/home }}` is missing" in broken.stdout
    )

    (repository / "fr" / "guide.md").write_text(FIXED, encoding="utf-8")
    _git(repository, "add", ".", home=home)
    fixed = _run(repository, *pre_commit, "try-repo", str(lintkit), "lintkit", "--color", "never", home=home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
