"""Every file lintkit writes goes through `write_atomic` (a temporary file, then a rename), so a run killed
while writing never leaves a truncated baseline, report or configuration behind."""

from __future__ import annotations

import re

from helpers import ROOT

# A direct write: a Path method, or open() in a writing mode.
_DIRECT_WRITE = re.compile(r"\.write_(?:text|bytes)\(|\bopen\([^)]*['\"][wax]b?\+?['\"]")


def test_no_module_writes_a_file_directly() -> None:
    offenders = []
    for path in sorted((ROOT / "lintkit").rglob("*.py")):
        if path.name == "atomic.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _DIRECT_WRITE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == [], "write through lintkit.atomic.write_atomic instead:\n" + "\n".join(offenders)


def test_the_check_finds_direct_writes() -> None:
    for line in ('path.write_text("x")', "Path(p).write_bytes(data)", 'with open(name, "w") as f:', "open(p, 'ab')"):
        assert _DIRECT_WRITE.search(line), line
    for line in ("write_atomic(path, text)", 'open(name, "rb")', "stream.write(payload)"):
        assert not _DIRECT_WRITE.search(line), line
