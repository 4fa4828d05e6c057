"""The numpy-free two-language scorer answers as py3langid's classifier does, and a run that uses it never loads numpy.

The full comparison, over every fragment the rules score in the shared corpus,
is `benchmarks/detector_parity.py`; these are the cases that must hold anywhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SAMPLE_SENTENCES

from lintkit.analysis.language import detect, model_cache
from lintkit.analysis.language.scorer import TwoLanguageScorer, single

pytest.importorskip("py3langid")

SENTENCES = [*SAMPLE_SENTENCES, "SHARE THE PAGE WITH YOUR CLASS", "Ovo je stranica za vaš razred.", "Café"]
PAIRS = [("en", "fr"), ("fr", "en"), ("en", "de"), ("en", "es"), ("en", "ru"), ("sr", "en"), ("en", "uz")]
THRESHOLDS = (0.6, 0.9, 0.95)


@pytest.fixture(scope="module")
def scorers() -> tuple[TwoLanguageScorer, detect.Detector]:
    scorer = model_cache.load_scorer()  # the test run's own cache folder (conftest)
    assert scorer is not None
    return scorer, detect.Detector(model_cache.load_identifier())


@pytest.mark.parametrize(("language", "other"), PAIRS)
def test_the_scorer_answers_as_py3langid(scorers, language: str, other: str) -> None:
    scorer, classifier = scorers
    for sentence in SENTENCES:
        ours = scorer.probability(sentence, language, other)
        theirs = classifier.probability(sentence, language, other)
        assert ours == pytest.approx(theirs, abs=1e-5), sentence
        assert [ours >= limit for limit in THRESHOLDS] == [theirs >= limit for limit in THRESHOLDS], sentence


def test_clear_text_saturates_as_in_single_precision(scorers) -> None:
    """py3langid's float32 softmax gives exactly 1.0 for clear text; candidate fragments then tie, here too."""
    scorer, classifier = scorers
    english = "Share the page with your class before the hour starts, and tell every parent about it."
    assert classifier.probability(english, "en", "ru") == 1.0
    assert scorer.probability(english, "en", "ru") == 1.0
    assert scorer.probability(english, "ru", "en") == 0.0


def test_text_without_features_is_an_even_answer(scorers) -> None:
    scorer, classifier = scorers
    assert scorer.probability("", "en", "fr") == classifier.probability("", "en", "fr") == 0.5
    # Serbian has two columns (two scripts): they fold into one share, as py3langid folds them.
    assert scorer.probability("", "sr", "en") == classifier.probability("", "sr", "en") == single(2 / 3)


def test_unknown_or_equal_languages_get_no_answer(scorers) -> None:
    scorer, _ = scorers
    assert scorer.probability("Bonjour", "fr", "fr") is None
    assert scorer.probability("Bonjour", "fr", "xx") is None
    assert not scorer.knows("xx") and scorer.knows("fr")


def test_a_run_scores_without_loading_numpy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from lintkit.analysis.language import detect\n"
        "assert detect.detector().probability('Share the page with your class.', 'en', 'fr') > 0.9\n"
        "print('numpy' in sys.modules)\n"
    )
    environment = {**os.environ, "LINTKIT_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    later = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "True"  # the first use unpacks the model with numpy
    assert later.stdout.strip() == "False"  # every later one maps the copy and needs no numpy


def test_a_damaged_copy_is_unpacked_again_for_the_scorer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    assert model_cache.load_scorer() is not None
    (folder,) = tmp_path.iterdir()
    weights = folder / "ptc.bin"
    weights.write_bytes(weights.read_bytes()[:1000])
    scorer = model_cache.load_scorer()
    assert scorer is not None and scorer.probability(SENTENCES[1], "fr", "en") > 0.9
    assert weights.stat().st_size > 1000


def test_an_unwritable_cache_falls_back_to_py3langid(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocked / "cache"))
    assert model_cache.load_scorer() is None
    detect.detector.cache_clear()
    try:
        found = detect.detector()
        assert isinstance(found, detect.Detector)
        assert found.probability(SENTENCES[1], "fr", "en") > 0.9
    finally:
        detect.detector.cache_clear()


def test_a_model_of_another_shape_is_left_to_py3langid(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    assert model_cache.load_scorer() is not None
    (folder,) = tmp_path.iterdir()
    shape = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    (folder / "classes.json").write_text(json.dumps({**shape, "ptc": "float32"}), encoding="utf-8")
    monkeypatch.setattr(model_cache, "_unpack", lambda model, folder: pytest.fail("a sound copy was unpacked again"))
    assert model_cache.load_scorer() is None
    assert (folder / "ptc.bin").is_file()


def test_a_damaged_description_is_unpacked_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    assert model_cache.load_scorer() is not None
    (folder,) = tmp_path.iterdir()
    (folder / "classes.json").write_text('{"classes": ["en"]}', encoding="utf-8")
    scorer = model_cache.load_scorer()
    assert scorer is not None and scorer.probability(SENTENCES[0], "en", "fr") > 0.9
