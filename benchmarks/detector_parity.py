"""The numpy-free scorer takes every decision py3langid's own classifier takes, over the whole shared corpus.

    python benchmarks/detector_parity.py [CORPUS_NAME ...]

`lintkit/analysis/language/scorer.py` sums in another order than numpy, so its
probabilities may differ from py3langid's in the sixth decimal. That is
acceptable only if no decision changes. Every corpus of `precision.py` is
checked twice in this process, once with each detector, and every question the
rules ask (text, language, other) is recorded with its answer. The script fails
unless, for every corpus:

- both runs ask the same questions in the same order (each question asked
  depends on the decisions before it, such as how far a fragment is trimmed),
- every answer falls on the same side of every threshold the analysis uses,
- both runs report the same findings.

It prints the largest difference between the two answers and the closest any
answer came to a threshold. Without the corpus or without py3langid it says so
and exits 0.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from precision import CORPORA, CORPUS, Corpus, run  # noqa: E402  (the corpora and how their users check them)


@dataclass
class Recorder:
    """A detector that answers with another one and writes down every question and answer."""

    inner: object
    asked: list[tuple[str, str, str, float | None]] = field(default_factory=list)

    def knows(self, language: str) -> bool:
        return self.inner.knows(language)

    def probability(self, text: str, language: str, other: str) -> float | None:
        answer = self.inner.probability(text, language, other)
        self.asked.append((text, language, other, answer))
        return answer


def checked_with(detector: object, corpus: Corpus) -> tuple[list, list]:
    from lintkit.analysis.language import detect

    recorder = Recorder(detector)
    original = detect.detector
    detect.detector = lambda: recorder  # the analysis asks the module for its detector on every question
    try:
        one_process = Corpus(corpus.name, {**corpus.values, "jobs": 1}, corpus.paths)  # answers recorded here
        outcome = run(one_process)
    finally:
        detect.detector = original
    findings = [(f.path, f.span, f.code, f.severity, f.message) for f in outcome.findings]
    return recorder.asked, findings


def main(names: list[str]) -> int:
    from lintkit.analysis.language import detect, detected, untranslated
    from lintkit.analysis.language.model_cache import load_identifier, load_scorer

    if not CORPUS.is_dir() or not detect.available():
        print("no shared corpus or no py3langid: nothing to compare")
        return 0
    scorer = load_scorer()
    if scorer is None:
        print("the model could not be unpacked into the cache folder")
        return 1
    numpy_detector = detect.Detector(load_identifier())
    thresholds = sorted({untranslated.COPY_CONFIDENCE, detected.SENTENCE_CONFIDENCE, detected.WINDOW_CONFIDENCE})
    failed = False
    for corpus in CORPORA:
        if (names and corpus.name not in names) or not (CORPUS / corpus.name).is_dir():
            continue
        expected_questions, expected_findings = checked_with(numpy_detector, corpus)
        questions, findings = checked_with(scorer, corpus)
        same_questions = [row[:3] for row in questions] == [row[:3] for row in expected_questions]
        answers = [(row[3], theirs[3]) for row, theirs in zip(questions, expected_questions, strict=False)]
        scored = [(ours, theirs) for ours, theirs in answers if ours is not None and theirs is not None]
        sides = [(ours >= limit) == (theirs >= limit) for ours, theirs in scored for limit in thresholds]
        largest = max((abs(ours - theirs) for ours, theirs in scored), default=0.0)
        closest = min((abs(theirs - limit) for _, theirs in scored for limit in thresholds), default=1.0)
        same_answers = all(sides) and all((ours is None) == (theirs is None) for ours, theirs in answers)
        same = same_questions and same_answers and findings == expected_findings
        failed |= not same
        print(
            f"{corpus.name:<18} {len(expected_questions):6d} questions, largest difference {largest:.1e}, "
            f"closest to a threshold {closest:.1e}, findings {len(findings)}: "
            + ("same decisions" if same else _difference(same_questions, same_answers))
        )
    return 1 if failed else 0


def _difference(same_questions: bool, same_answers: bool) -> str:
    if not same_questions:
        return "DIFFERENT QUESTIONS (a decision changed)"
    if not same_answers:
        return "AN ANSWER CROSSED A THRESHOLD"
    return "DIFFERENT FINDINGS"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
