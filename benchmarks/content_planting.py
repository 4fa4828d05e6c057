"""How many planted content defects LK701–LK704 and LK206 find at their line.

    python benchmarks/content_planting.py [seeds] [--misses]

Plants dropped paragraphs, list items, table rows and examples, an added
paragraph, changed code spans, numbers and code tokens, and split paragraphs
(which must cause no finding) into real translations of ../shared/corpus (see
tests/content_planting.py) and prints the share found at its line, per corpus
and kind, over every translation and apart from those the corpus README says
follow another version of the page (where a dropped block's place is a guess).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from content_planting import evaluate  # noqa: E402


def main() -> None:
    seeds = int(next((arg for arg in sys.argv[1:] if arg.isdigit()), "2"))
    corpus = ROOT.parent / "shared" / "corpus"
    misses: list = []
    other_versions: dict[str, list[int]] = {}
    started = time.perf_counter()
    results = evaluate(corpus, range(seeds), misses, other_versions)
    elapsed = time.perf_counter() - started
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'corpus/kind':34} found/planted")
    for key, (found, planted) in sorted(results.items()):
        print(f"{key:34} {found:4}/{planted:<4} {found / planted:6.1%}")
        kind = key.split("/", 1)[1]
        by_kind[kind][0] += found
        by_kind[kind][1] += planted
    print()
    for kind, (found, planted) in sorted(by_kind.items()):
        note = "  (no new LK701/LK702: a split is not missing)" if kind == "split-paragraph" else ""
        print(f"{'all/' + kind:34} {found:4}/{planted:<4} {found / planted:6.1%}{note}")
    print()
    print("without the translations of another version of the page (corpus README, Known drift):")
    for kind, (found, planted) in sorted(by_kind.items()):
        aside_found, aside_planted = other_versions.get(kind, (0, 0))
        kept, kept_planted = found - aside_found, planted - aside_planted
        share = f"{kept / kept_planted:6.1%}" if kept_planted else "     -"
        aside = f"{aside_found}/{aside_planted}"
        print(f"{'same-version/' + kind:34} {kept:4}/{kept_planted:<4} {share}   (another version: {aside})")
    print(f"({elapsed:.1f} s, {seeds} seeds)")
    if "--misses" in sys.argv:
        for case, plant in misses:
            print(f"missed {plant.kind} ({plant.code}) at {case.target_path.relative_to(corpus)}:{plant.line}")


if __name__ == "__main__":
    main()
