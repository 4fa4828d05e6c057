"""How long the link rules (LK3xx) take, apart from parsing and alignment.

    python benchmarks/links.py [repeats]

Parses and aligns every Markdown pair of ../shared/corpus once, then runs only
the link rules over them and prints the time per pair and per megabyte.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from link_planting import LOADER, translations  # noqa: E402

from lintkit.formats.align import align  # noqa: E402
from lintkit.model import FilePair  # noqa: E402
from lintkit.rules import builtin_rules  # noqa: E402


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rules = [rule for rule in builtin_rules() if rule.code.startswith("LK3")]
    documents = []
    for source_path, translation, locale in translations(ROOT.parent / "shared" / "corpus"):
        source = LOADER.parse(str(source_path), source_path.read_text(encoding="utf-8"), "en")
        target = LOADER.parse(str(translation), translation.read_text(encoding="utf-8"), locale)
        documents.append((source, target, align(source.blocks, target.blocks)))
    megabytes = sum(len(target.text) for _, target, _ in documents) / 1e6
    best = float("inf")
    findings = 0
    for _ in range(repeats):
        started = time.perf_counter()
        findings = 0
        for source, target, alignment in documents:
            pair = FilePair(source, target, alignment, {})
            findings += sum(1 for rule in rules for _ in rule.check(pair))
        best = min(best, time.perf_counter() - started)
    print(
        f"{len(documents)} pairs, {megabytes:.2f} MB of translations, {findings} findings: "
        f"{best * 1000:.0f} ms ({best * 1000 / len(documents):.1f} ms per pair, {best / megabytes:.2f} s per MB), "
        f"best of {repeats}"
    )


if __name__ == "__main__":
    main()
