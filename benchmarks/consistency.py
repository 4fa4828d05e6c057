"""What the locale-wide consistency pass (LK501, LK502) costs in a run, and what it finds, on the Hour of Code corpus.

    python benchmarks/consistency.py [repeats]

Each repeat is a fresh process (cold caches, as a user runs `lintkit check`)
that runs every rule over ../shared/corpus/hourofcode/ and clocks the time
spent inside the consistency rules. Timing inside one run keeps the share
honest on a busy machine, where two separate runs differ by more than the
pass costs. Prints the medians, the share the pass adds to the rest of the
run (the target is under 20%) and the pass's findings per locale.
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


def one_run() -> dict:
    """Run in a child process: every rule over the corpus, with the consistency rules clocked."""
    from lintkit.config import Config
    from lintkit.packs.loader import rules_for
    from lintkit.run.engine import Engine

    config = Config(CORPUS, None, {"source": "en/{path}", "target": "{locale}/{path}", "baseline": False})
    rules = rules_for(config)
    spent = [0.0]
    for rule in rules:
        if rule.code in CONSISTENCY:
            rule.check_locale = _clocked(rule.check_locale, spent)
    started = time.perf_counter()
    result = Engine(config, rules, cwd=CORPUS).run()
    whole = time.perf_counter() - started
    found = Counter(f"{f.code} {f.path.split('/')[0]}" for f in result.findings if f.code in CONSISTENCY)
    return {"whole": whole, "pass": spent[0], "found": found}


def _clocked(check_locale, spent: list[float]):
    def clocked(locale_set):
        started = time.perf_counter()
        findings = list(check_locale(locale_set))
        spent[0] += time.perf_counter() - started
        return iter(findings)

    return clocked


def main(repeats: int = 5) -> None:
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    runs = []
    for _ in range(repeats):
        child = subprocess.run(
            [sys.executable, __file__, "--child"], capture_output=True, text=True, check=True, cwd=ROOT
        )
        runs.append(json.loads(child.stdout))
    whole = statistics.median(run["whole"] for run in runs)
    spent = statistics.median(run["pass"] for run in runs)
    share = statistics.median(run["pass"] / (run["whole"] - run["pass"]) for run in runs)
    print(f"lintkit check over hourofcode, every rule ({repeats} fresh runs, median): {whole:.3f} s")
    print(f"of which the consistency pass (LK501 + LK502):                  {spent:.3f} s")
    print(f"the pass adds {share:.1%} to the rest of the run (target: under 20%)")
    found = Counter(runs[0]["found"])
    for code in CONSISTENCY:
        per_locale = {key.split()[1]: count for key, count in sorted(found.items()) if key.startswith(code)}
        listed = "  ".join(f"{locale} {count}" for locale, count in per_locale.items())
        print(f"{code}: {sum(per_locale.values())} findings  {listed}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        print(json.dumps(one_run()))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
