"""What the locale-wide consistency pass (LK501, LK502) adds to a run, and what it finds, on the Hour of Code corpus.

    python benchmarks/consistency.py [repeats]

Times `lintkit check` over ../shared/corpus/hourofcode/ with every rule and
with the consistency rules ignored, each in a fresh process (cold caches, as
a user runs it), alternating, and prints the medians, the share the pass adds
(the target is under 20%) and the pass's findings per locale.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "hourofcode"
CONSISTENCY = ("LK501", "LK502")
COMMAND = [sys.executable, "-m", "lintkit", "check", "--source", "en/{path}", "--target", "{locale}/{path}"]


def timed(*extra: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [*COMMAND, "--format", "json", *extra], cwd=CORPUS, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    return elapsed, result.stdout


def main(repeats: int = 5) -> None:
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    with_pass, without_pass = [], []
    output = ""
    for _ in range(repeats):
        elapsed, output = timed()
        with_pass.append(elapsed)
        without_pass.append(timed("--ignore", ",".join(CONSISTENCY))[0])
    whole, rest = statistics.median(with_pass), statistics.median(without_pass)
    print(f"lintkit check, every rule ({repeats} fresh runs, median): {whole:.3f} s")
    print(f"lintkit check without LK501 and LK502:              {rest:.3f} s")
    print(f"the consistency pass adds {(whole - rest) / rest:.1%} (target: under 20%)")
    findings = json.loads(output)["findings"]
    for code in CONSISTENCY:
        per_locale = Counter(item["path"].split("/")[0] for item in findings if item["code"] == code)
        listed = "  ".join(f"{locale} {count}" for locale, count in sorted(per_locale.items()))
        print(f"{code}: {sum(per_locale.values())} findings  {listed}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
