"""The wheel ships the rule packs of `rules/` and runs from a fresh virtual environment.

The fresh environment gets lintkit from the wheel only; its dependencies come
from the environment running the tests (a `.pth` file adds that environment's
site-packages after its own), so the test needs no network and does not
depend on what the system Python happens to have installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.mark.slow
def test_wheel_ships_rule_packs_and_runs(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("lintkit_l10n-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = [path.relative_to(ROOT / "rules").as_posix() for path in (ROOT / "rules").rglob("*") if path.is_file()]
    assert packs
    for pack in packs:
        assert f"lintkit/_packs/{pack}" in names

    # The environment sees the test run's packages for dependencies, but lintkit only from the wheel.
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site_packages) / "outer-dependencies.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    clean = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    located = subprocess.run(
        [str(python), "-c", "import lintkit, pathlib; print(pathlib.Path(lintkit.__file__).parent)"],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
        env=clean,
    )
    assert Path(located.stdout.strip()).is_relative_to(environment)
    result = subprocess.run(
        [str(environment / "bin" / "lintkit"), "rules"], cwd=outside, capture_output=True, text=True, env=clean
    )
    assert result.returncode == 0, result.stderr
    assert "LK101  placeholder-missing" in result.stdout
