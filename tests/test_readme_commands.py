"""The README's commands, run as a new user would: they are read out of README.md, never copied here.

- The first two commands, exactly as written, in a fresh clone and a new virtual environment.
- `.ci/run` runs the README's test command (the same line) in a new environment.
- The pre-commit configurations, with pre-commit, against a local clone of this repository.
- The GitHub workflow's shell steps, in a temporary git repository with a pull request's history.

The clone test runs the whole suite inside itself; `LINTKIT_FRESH_CLONE` makes that inner run skip this
module's slow tests, which would otherwise start again without end.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
INNER = "LINTKIT_FRESH_CLONE"
SOURCE = "# Guide\n\n## 1. Start\n\nGo to [the site]({{ urls/home }}).\n"
GOOD = "# Guide\n\n## 1. Commencer\n\nAllez sur [le site]({{ urls/home }}).\n"
BROKEN = "# Guide\n\n## 1. Commencer\n\nAllez sur [le site](https://example.org).\n"
LAYOUT = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n'


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)


def _repository_url() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["urls"]["Repository"]


def _environment(extra_path: Path | None = None, **variables: str) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(
        GIT_AUTHOR_NAME="dev",
        GIT_AUTHOR_EMAIL="dev@example.org",
        GIT_COMMITTER_NAME="dev",
        GIT_COMMITTER_EMAIL="dev@example.org",
        NO_COLOR="1",
        **variables,
    )
    if extra_path is not None:
        environment["PATH"] = f"{extra_path}{os.pathsep}{environment['PATH']}"
        environment["VIRTUAL_ENV"] = str(extra_path.parent)
    return environment


def _run(command: list[str], cwd: Path, environment: dict[str, str], timeout: int = 600):
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False, timeout=timeout
    )


def _git(folder: Path, *arguments: str) -> str:
    completed = _run(["git", *arguments], folder, _environment())
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def _clone(destination: Path) -> Path:
    """This repository's committed state, with a `main` branch (what the README's `rev` and `@main` name)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(ROOT.parent, "clone", "-q", "--no-hardlinks", str(ROOT), str(destination))
    _git(destination, "checkout", "-q", "-B", "main")
    return destination


def _new_venv(folder: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    return folder / "bin"


def _site(folder: Path, translation: str) -> Path:
    for locale, text in (("en", SOURCE), ("fr", translation)):
        (folder / locale).mkdir(parents=True, exist_ok=True)
        (folder / locale / "guide.md").write_text(text, encoding="utf-8")
    (folder / "lintkit.toml").write_text(LAYOUT, encoding="utf-8")
    (folder / "README.md").write_text("# A site\n", encoding="utf-8")
    return folder


def test_ci_runs_the_readme_test_command_in_a_new_environment() -> None:
    test_command = _blocks("sh")[1].strip()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in script.splitlines()
    assert re.search(r"python3? -m venv ", script) and "activate" in script
    assert "ruff check ." in script and "ruff format --check ." in script and "chromium" in script


def test_no_readme_command_installs_another_project() -> None:
    code = "\n".join(_blocks("sh") + _blocks("yaml"))
    assert not re.search(r"pip install lintkit(\s|$)", code)  # PyPI's `lintkit` is an unrelated project
    assert re.search(r"pip install \"lintkit-l10n @ git\+", code)


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="inside the fresh-clone run of the suite")
def test_the_first_two_readme_commands_pass_in_a_fresh_clone(tmp_path: Path) -> None:
    clone = _clone(tmp_path / "lintkit")
    binaries = _new_venv(tmp_path / "venv")
    demo, tests = (block.strip() for block in _blocks("sh")[:2])
    environment = _environment(binaries, **{INNER: "1"})

    first = _run(["bash", "-c", demo], clone, environment)
    assert first.returncode == 1, (
        first.stdout[-2000:] + first.stderr[-2000:]
    )  # the demo has findings, as the README says
    assert re.search(r"^Found \d+ errors?, .* \(\d+ files checked\)\.$", first.stdout, flags=re.MULTILINE)

    second = _run(["bash", "-c", tests], clone, environment, timeout=3000)
    assert second.returncode == 0, second.stdout[-4000:] + second.stderr[-2000:]
    assert re.search(r"\d+ passed", second.stdout)


def _pre_commit_configs() -> dict[str, str]:
    configs = [block for block in _blocks("yaml") if block.lstrip().startswith("repos:")]
    by_kind = {("local" if "repo: local" in config else "remote"): config for config in configs}
    assert set(by_kind) == {"local", "remote"}, "the README shows a repository hook and a local hook"
    return by_kind


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="inside the fresh-clone run of the suite")
@pytest.mark.parametrize("kind", ["remote", "local"])
def test_the_readme_pre_commit_configuration_runs(tmp_path: Path, kind: str) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    config = _pre_commit_configs()[kind]
    if kind == "remote":
        clone = _clone(tmp_path / "lintkit")
        assert re.search(r"^\s+rev: main\b", config, flags=re.MULTILINE)
        config = config.replace(_repository_url(), str(clone))
    site = _site(tmp_path / "site", BROKEN)
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(site, "init", "-q")
    _git(site, "add", ".")
    # The local hook needs lintkit on PATH: the environment running these tests has it.
    environment = _environment(Path(sys.executable).parent, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--color", "never"]

    broken = _run([*pre_commit, "--all-files"], site, environment)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "fr/guide.md:5:" in broken.stdout and "LK101 [error]" in broken.stdout

    other = _run([*pre_commit, "--files", "README.md"], site, environment)
    assert other.returncode == 0, other.stdout + other.stderr  # Markdown that is no translation passes

    (site / "fr" / "guide.md").write_text(GOOD, encoding="utf-8")
    _git(site, "add", ".")
    fixed = _run([*pre_commit, "--all-files"], site, environment)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="inside the fresh-clone run of the suite")
def test_the_readme_workflow_steps_run_in_a_pull_request(tmp_path: Path) -> None:
    (workflow,) = [yaml.safe_load(block) for block in _blocks("yaml") if "jobs:" in block]
    steps = [step for step in workflow["jobs"]["lintkit"]["steps"] if "run" in step]
    assert [step["name"] for step in steps] == ["Install lintkit", "Check the changed translations"]
    upload = next(step for step in workflow["jobs"]["lintkit"]["steps"] if "upload-sarif" in step.get("uses", ""))
    assert upload["if"].startswith("always()")

    clone = _clone(tmp_path / "lintkit")
    site = _site(tmp_path / "site", GOOD)
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", ".")
    _git(site, "commit", "-q", "-m", "base")
    _git(site, "update-ref", "refs/remotes/origin/main", "HEAD")  # what actions/checkout with history gives
    _git(site, "checkout", "-q", "-b", "translation")
    (site / "fr" / "guide.md").write_text(BROKEN, encoding="utf-8")
    _git(site, "commit", "-q", "-am", "a broken translation")

    environment = _environment(_new_venv(tmp_path / "venv"))
    results = []
    for step in steps:
        # `localhost`: older pip rejects a `name @ git+file:///…` requirement without a host
        script = step["run"].replace(_repository_url(), f"file://localhost{clone}")
        # GitHub runs each `run` step as `bash --noprofile --norc -eo pipefail {0}`.
        results.append(_run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], site, environment))
    install, check = results
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    assert check.returncode == 1, check.stdout + check.stderr
    assert check.stdout.startswith("::error file=fr/guide.md,line=5,")
    sarif = json.loads((site / "lintkit.sarif").read_text(encoding="utf-8"))
    (result,) = [result for result in sarif["runs"][0]["results"] if result["ruleId"] == "LK101"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fr/guide.md"
