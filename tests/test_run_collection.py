"""A run collects garbage at its own pace and gives the caller's pace back, even when it fails."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from lintkit.config import Config
from lintkit.rules import builtin_rules
from lintkit.run import engine
from lintkit.run.engine import Engine


def _site(tmp_path: Path) -> Path:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("# Title\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "fr" / "page.md").write_text("# Titre\n\nDu texte.\n", encoding="utf-8")
    return tmp_path


def _paces_seen(site: Path, monkeypatch, young: int) -> tuple[list[int], int]:
    """The young-generation thresholds while each file was checked, and the one after the run."""
    seen = []
    check_job = Engine.check_job

    def recording(self, job):
        seen.append(gc.get_threshold()[0])
        return check_job(self, job)

    monkeypatch.setattr(Engine, "check_job", recording)
    before = gc.get_threshold()
    try:
        gc.set_threshold(young, before[1], before[2])
        Engine(Config(site, None, {"jobs": 1}), builtin_rules(), cwd=site).run()
        return seen, gc.get_threshold()[0]
    finally:
        gc.set_threshold(*before)


def test_the_run_collects_less_often_and_restores_the_callers_pace(tmp_path: Path, monkeypatch) -> None:
    assert _paces_seen(_site(tmp_path), monkeypatch, 700) == ([engine.YOUNG_COLLECTION_AFTER], 700)


def test_a_slower_pace_of_the_caller_is_kept(tmp_path: Path, monkeypatch) -> None:
    slower = engine.YOUNG_COLLECTION_AFTER * 2
    assert _paces_seen(_site(tmp_path), monkeypatch, slower) == ([slower], slower)


def test_a_disabled_collector_stays_disabled(tmp_path: Path, monkeypatch) -> None:
    assert _paces_seen(_site(tmp_path), monkeypatch, 0) == ([0], 0)


def test_the_pace_comes_back_when_the_run_fails(tmp_path: Path, monkeypatch) -> None:
    site = _site(tmp_path)

    def failing(self, job):
        raise RuntimeError("stop")

    monkeypatch.setattr(Engine, "check_job", failing)
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        Engine(Config(site, None, {"jobs": 1}), builtin_rules(), cwd=site).run()
    assert gc.get_threshold() == before
