"""Patterns rebuilt from the kept compile step are the patterns Python builds: same code, flags, groups, matches."""

from __future__ import annotations

import _sre
import json
import os
import re
import re._compiler as compiler
import subprocess
import sys
from pathlib import Path

import pytest

import lintkit.cli  # noqa: F401  (installs the kept patterns, as the command line does)
from lintkit.cli import pattern_cache

pytestmark = pytest.mark.skipif(
    getattr(_sre, "MAGIC", None) != pattern_cache._SRE_MAGIC, reason="another engine: Python compiles as usual"
)

PATTERNS = [
    (r"\{\{\s*(?P<key>[\w/.-]+)\s*\}\}", 0),
    (r"(?<![\w-])(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE),
    (r"^(#{1,6})[ \t]+(.+?)[ \t]*#*$", re.MULTILINE),
    (r"[^\W\d_]+(?:['’-][^\W\d_]+)*", 0),
    (r"(?P<open>[«“\"])(?P<text>.*?)(?P=open)?", re.DOTALL | re.VERBOSE),
    (r"(?i:straße)|ǅ|[Ⅰ-ↈ]", 0),
    (r"(a)|(b)|(?P<c>c)", re.ASCII),
]
SAMPLES = [
    "Voir {{ urls/learn }} sur www.example.org/a(b) ## Titre ##",
    "L’élève «Straße» aujourd’hui STRASSE Ⅻ",
    "abc",
]


@pytest.fixture
def kept_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh cache folder and empty kept state, as at the start of a new run."""
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_kept", {})
    monkeypatch.setattr(pattern_cache, "_used", {})
    monkeypatch.setattr(pattern_cache, "_added", False)
    return tmp_path


def _reloaded() -> None:
    (path,) = Path(os.environ["LINTKIT_CACHE_DIR"]).glob("patterns-*.json")
    pattern_cache._kept = pattern_cache._valid(json.loads(path.read_text(encoding="utf-8")))
    pattern_cache._used = {}


def test_a_kept_pattern_is_the_pattern_python_builds(kept_here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = [pattern_cache._compiled(pattern, flags, compiler, _sre) for pattern, flags in PATTERNS]
    pattern_cache.save()
    _reloaded()
    monkeypatch.setattr(compiler._parser, "parse", lambda *arguments: pytest.fail("parsed again"))
    kept = [pattern_cache._compiled(pattern, flags, compiler, _sre) for pattern, flags in PATTERNS]
    monkeypatch.undo()
    own = [pattern_cache._original(pattern, flags) for pattern, flags in PATTERNS]
    for ours, first, theirs in zip(kept, fresh, own, strict=True):
        assert ours == first == theirs  # a pattern's equality compares its flags, its text and its code
        assert (ours.groups, ours.groupindex, ours.flags) == (theirs.groups, theirs.groupindex, theirs.flags)
        for sample in SAMPLES:
            assert [match.span() for match in ours.finditer(sample)] == [m.span() for m in theirs.finditer(sample)]
            assert [match.groupdict() for match in ours.finditer(sample)] == [
                m.groupdict() for m in theirs.finditer(sample)
            ]


def test_re_compile_goes_through_the_kept_step() -> None:
    assert compiler.compile is not pattern_cache._original
    pattern = re.compile(r"(?P<word>[^\W\d_]{3,})\s+(?P=word)", re.IGNORECASE)  # a pattern new to this run
    assert pattern == pattern_cache._original(pattern.pattern, re.IGNORECASE)
    assert pattern.search("le le Le LE chat chat").group("word") == "chat"


def test_an_entry_the_engine_refuses_is_compiled_afresh(kept_here: Path) -> None:
    key = "0:a+b"
    pattern_cache._kept[key] = (32, [1, 2, 3], 0, {}, (None,))
    assert pattern_cache._compiled("a+b", 0, compiler, _sre) == pattern_cache._original("a+b", 0)
    assert key not in pattern_cache._kept and pattern_cache._used[key][1] != [1, 2, 3]


def test_a_damaged_file_keeps_nothing() -> None:
    with pytest.raises(ValueError):
        pattern_cache._valid({"0:a": [32, ["not a number"], 0, {}, [None]]})
    with pytest.raises((ValueError, TypeError)):
        pattern_cache._valid({"0:a": [32]})


def test_nothing_is_written_without_a_new_pattern_and_long_ones_are_not_kept(kept_here: Path) -> None:
    pattern_cache.save()
    assert not list(kept_here.iterdir())
    long_alternation = "|".join(f"term{number}" for number in range(3000))
    assert len(long_alternation) > pattern_cache.LONGEST_KEPT
    assert pattern_cache._compiled(long_alternation, 0, compiler, _sre).fullmatch("term2999")
    pattern_cache.save()
    assert not list(kept_here.iterdir())


def test_the_command_line_keeps_its_patterns_and_says_the_same(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("# Welcome\n\nSee {{ urls/learn }}.\n", encoding="utf-8")
    (tmp_path / "fr" / "page.md").write_text("# Bienvenue\n\nVoir {{ urls/lean }}.\n", encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    environment = {**os.environ, "LINTKIT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-m", "lintkit", "check", "fr/page.md"], cwd=tmp_path, env=environment, capture_output=True
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [1, 1]
    assert runs[0].stdout == runs[1].stdout and b"urls/lean" in runs[0].stdout
    (kept,) = (tmp_path / "cache").glob("patterns-*.json")
    assert len(json.loads(kept.read_text(encoding="utf-8"))) > 50
