"""Measures LK401/LK402 on the shared corpus: planted sentences, false alarms, floods, speed.

    python benchmarks/untranslated.py [--per-file 3] [--seed 4] [--compare-detectors]

- planted: English sentences appended to translated paragraphs of every real
  translation (see tests/untranslated_planting.py); how many are found at their line,
  and how many other findings the plant caused;
- translated files: findings per 500 lines on the Kubernetes and MDN French
  pages (reviewed by hand: their only English block is the one their README lists);
- mostly-English files: findings per reported block (one is the goal);
- time: the whole corpus, and the detector's load time;
- --compare-detectors: py3langid against lingua on 2–6-word fragments, English
  against the target language (both must be installed).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from untranslated_planting import LOADER, cases, check, english_sentences, plant  # noqa: E402

from lintkit.analysis.language.locales import Locale  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_MOSTLY_ENGLISH = (
    "fr-FR/how-to/public-officials.md ja-JP/how-to/public-officials.md pt-BR/how-to/public-officials.md "
    "fr-FR/how-to/districts.md ja-JP/how-to/districts.md ar-SA/how-to/virtual.md hi-IN/how-to/public-officials.md "
    "hi-IN/how-to/events.md he-IL/how-to/virtual.md he-IL/how-to/parents.md nl-NL/how-to/parents.md "
    "zh-CN/how-to/index.md vi-VN/how-to/index.md ko-KR/how-to/index.md tr-TR/how-to/index.md "
    "ru-RU/how-to/index.md uk-UA/how-to/events.md"
)
MOSTLY_ENGLISH = _MOSTLY_ENGLISH.split()


def planted(per_file: int, seed: int) -> None:
    rng = random.Random(seed)
    outcomes = []
    pools = {}
    for case in cases(CORPUS):
        if case.site not in pools:
            pools[case.site] = english_sentences(CORPUS, case.site)
        outcomes.extend(plant(case, pools[case.site], rng, per_file))
    found = sum(outcome.found for outcome in outcomes)
    print(f"planted: {found}/{len(outcomes)} found at their line ({100 * found / max(len(outcomes), 1):.1f}%)")
    for script, latin in (("Latin script (language identification)", True), ("other scripts (Latin runs)", False)):
        chosen = [outcome for outcome in outcomes if Locale.parse(outcome.case.locale).latin == latin]
        print(f"  {script}: {sum(outcome.found for outcome in chosen)}/{len(chosen)}")
    print(f"planted: {sum(o.new_false_alarms for o in outcomes)} other findings caused by the plants")
    for outcome in outcomes:
        if not outcome.found:
            print(f"  missed {outcome.case.target.relative_to(CORPUS)}:{outcome.line}: {outcome.sentence}")


def translated_files() -> None:
    lines = findings = 0
    for case in cases(CORPUS):
        if case.site == "hourofcode":
            continue
        source, target = _documents(case)
        lines += target.text.count("\n") + 1
        for finding in check(source, target):
            findings += 1
            print(f"  {case.target.relative_to(CORPUS)}:{finding.span.line}: {finding.code} {finding.message[:90]}")
    print(
        f"translated files (kubernetes, mdn fr): {findings} findings in {lines} lines "
        f"= {500 * findings / lines:.2f} per 500 lines"
    )


def mostly_english() -> None:
    blocks = findings = 0
    per_block: Counter = Counter()
    for case in cases(CORPUS):
        if case.site != "hourofcode" or str(case.target.relative_to(CORPUS / "hourofcode")) not in MOSTLY_ENGLISH:
            continue
        source, target = _documents(case)
        result = check(source, target)
        findings += len(result)
        for finding in result:
            per_block[(case.target, _block_of(target, finding.span.line))] += 1
        blocks += len(per_block)
    print(
        f"mostly-English files ({len(MOSTLY_ENGLISH)}): {findings} findings on {len(per_block)} blocks, "
        f"at most {max(per_block.values(), default=0)} per block"
    )


def speed() -> None:
    from lintkit.analysis.language import detect

    started = time.perf_counter()
    detect.detector()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    count = total = 0
    for case in cases(CORPUS):
        source, target = _documents(case)
        total += len(check(source, target))
        count += 1
    elapsed = time.perf_counter() - started
    print(
        f"speed: detector loaded in {loaded:.2f} s; {count} files parsed and checked in {elapsed:.2f} s "
        f"({total} findings)"
    )


def compare_detectors(seed: int) -> None:
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    word = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
    rng = random.Random(seed)
    english = [line for case in cases(CORPUS) if case.site == "hourofcode" for line in _lines(case.source)]
    english_words = [w.lower() for line in english for w in word.findall(line)]
    english_pairs = set(itertools.pairwise(english_words))
    samples = []
    for case in cases(CORPUS):
        language = case.locale[:2]
        if case.site != "hourofcode" or language not in {"fr", "es", "de", "pt", "it", "pl", "nl", "tr", "id", "vi"}:
            continue
        for text, wanted in [(line, language) for line in _lines(case.target)] + [(rng.choice(english), "en")]:
            words = word.findall(text)
            if len(words) < 2:
                continue
            size = rng.randint(2, min(6, len(words)))
            start = rng.randint(0, len(words) - size)
            fragment = words[start : start + size]
            lowered = [w.lower() for w in fragment]
            if wanted != "en" and any(pair in english_pairs for pair in itertools.pairwise(lowered)):
                continue  # English left in the translation: not a sample of the target language
            samples.append((" ".join(fragment), language, wanted))
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    started, right = time.perf_counter(), 0
    for text, language, wanted in samples:
        identifier.set_languages([language, "en"])
        right += identifier.classify(text)[0] == wanted
    print(f"py3langid: {right}/{len(samples)} right in {time.perf_counter() - started:.2f} s")
    detectors, started, right = {}, time.perf_counter(), 0
    for text, language, wanted in samples:
        if language not in detectors:
            codes = (getattr(IsoCode639_1, language.upper()), IsoCode639_1.EN)
            detectors[language] = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
        found = detectors[language].detect_language_of(text)
        right += found is not None and found.iso_code_639_1.name.lower() == wanted
    print(f"lingua: {right}/{len(samples)} right in {time.perf_counter() - started:.2f} s")


def _lines(path: Path) -> list[str]:
    text = re.sub(r"\{\{.*?\}\}|\(.*?\)|<[^>]*>|`[^`]*`", " ", path.read_text(encoding="utf-8"))
    return [line for line in text.split("\n") if len(line.split()) >= 2 and not line.startswith(("---", "title:"))]


def _documents(case):
    source = LOADER.parse(str(case.source), case.source.read_text(encoding="utf-8"), "en")
    target = LOADER.parse(str(case.target), case.target.read_text(encoding="utf-8"), case.locale)
    return source, target


def _block_of(document, line: int) -> int:
    for block in document.blocks:
        if block.span.line <= line <= block.span.end_line:
            return block.index
    return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=3)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--compare-detectors", action="store_true")
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    speed()
    planted(arguments.per_file, arguments.seed)
    translated_files()
    mostly_english()
    if arguments.compare_detectors:
        compare_detectors(arguments.seed)


if __name__ == "__main__":
    main()
