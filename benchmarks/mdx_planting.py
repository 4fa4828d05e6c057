"""How many MDX defects planted into the Astro translations of ../shared/corpus the MDX rules find at their line.

Kinds: a component renamed (LK210), a non-prose attribute changed (LK211), an
expression changed (LK101/LK103), an aside's type changed (LK212) and an
aside removed (LK212, found anywhere in the gap it leaves). Nothing is
written; the corpus is read in place.

    python benchmarks/mdx_planting.py [--per-locale N] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from mdx_planting import evaluate

DOCS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "astro" / "docs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-locale", type=int, default=None, help="pages per locale (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    results = evaluate(DOCS, arguments.per_locale, arguments.seed)
    for kind, (found, planted) in sorted(results.items()):
        print(f"{kind:20} {found:5}/{planted:<5} {100 * found / planted:5.1f}%")


if __name__ == "__main__":
    main()
