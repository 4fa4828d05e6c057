"""How many planted link defects lintkit finds at their line, and how long the link rules take.

    python benchmarks/link_planting.py [seeds]

Plants escaped, spaced, bare-domain and removed links into every Markdown
translation of ../shared/corpus (see tests/link_planting.py) and prints the
detection rate per kind, then the misses.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from link_planting import evaluate  # noqa: E402


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    corpus = ROOT.parent / "shared" / "corpus"
    misses: list = []
    started = time.perf_counter()
    results = evaluate(corpus, range(seeds), misses)
    elapsed = time.perf_counter() - started
    lenient = evaluate(corpus, range(seeds), strict=False)
    print("kind           expected rule at the line   any new link or placeholder finding at the line")
    found = sum(hit for hit, _ in results.values())
    planted = sum(total for _, total in results.values())
    for kind, (hit, total) in sorted(results.items()):
        any_hit = lenient[kind][0]
        print(f"{kind:14} {hit:4}/{total:<4} {hit / total:6.1%}        {any_hit:4}/{total:<4} {any_hit / total:6.1%}")
    any_found = sum(hit for hit, _ in lenient.values())
    print(
        f"{'all':14} {found:4}/{planted:<4} {found / planted:6.1%}        {any_found:4}/{planted:<4} "
        f"{any_found / planted:6.1%}   ({elapsed:.1f} s per pass, {seeds} seeds)"
    )
    for translation, plant in misses:
        print(f"missed {plant.kind} ({plant.code}) at {translation.relative_to(corpus)}:{plant.line}")


if __name__ == "__main__":
    main()
