"""The README's demo: `lintkit check` over samples/ prints exactly the recorded output.

Regenerate after an intended change with `LINTKIT_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

GOLDEN = Path(__file__).parent / "golden"


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lintkit", *arguments],
        cwd=ROOT / "samples",
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def _compare(name: str, output: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LINTKIT_UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")


def test_samples_text_output() -> None:
    result = _run("check")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    _compare("samples.txt", result.stdout)


def test_samples_json_output() -> None:
    result = _run("check", "--format", "json")
    assert result.returncode == 1, result.stderr
    _compare("samples.json", result.stdout)
