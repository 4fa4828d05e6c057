"""What the gate (suppressions, per-file-ignores, baseline) costs, and how stable baseline fingerprints are.

    python benchmarks/gate.py

On a temporary copy of ../shared/corpus/hourofcode/ (the corpus is never
written to): records a baseline of every finding, times the gate step alone
with and without that baseline, then inserts two blank lines after the front
matter of every translation and counts the recorded findings that stay hidden.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from lintkit.config import load_config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "hourofcode"
LAYOUT = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n'


def run(site: Path, baseline: bool) -> tuple[Engine, list, float, float]:
    config = load_config(cwd=site).with_overrides({} if baseline else {"baseline": False})
    engine = Engine(config, builtin_rules(), cwd=site)
    gate_time = 0.0
    apply = engine.gate.apply

    def timed_apply(*arguments, **keywords):
        nonlocal gate_time
        started = time.perf_counter()
        result = apply(*arguments, **keywords)
        gate_time += time.perf_counter() - started
        return result

    engine.gate.apply = timed_apply
    started = time.perf_counter()
    result = engine.run()
    return engine, result, time.perf_counter() - started, gate_time


def insert_blank_lines(site: Path) -> int:
    changed = 0
    for path in sorted(site.glob("*/**/*.md")):
        if path.relative_to(site).parts[0] == "en":
            continue
        lines = path.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
        if lines[0].strip() == "---" and "---" in lines[1:]:
            end = lines.index("---", 1)
            lines[end + 1 : end + 1] = ["", ""]
            path.write_text("\n".join(lines), encoding="utf-8", errors="surrogateescape")
            changed += 1
    return changed


def main() -> None:
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        shutil.copytree(CORPUS, site)
        (site / "lintkit.toml").write_text(LAYOUT, encoding="utf-8")
        engine, result, total, gate = run(site, baseline=False)
        recorded = engine.gate.write_baseline(site / ".lintkit-baseline.json", result.findings)
        print(f"{result.files_checked} files, {recorded} findings recorded")
        print(f"run without baseline: {total:.2f} s, gate step {gate * 1000:.0f} ms")
        _, result, total, gate = run(site, baseline=True)
        print(f"run with baseline:    {total:.2f} s, gate step {gate * 1000:.0f} ms, {result.baseline_hidden} hidden")
        files = insert_blank_lines(site)
        _, result, _, _ = run(site, baseline=True)
        print(
            f"after two blank lines in {files} translations: {result.baseline_hidden} of {recorded} still hidden, "
            f"{len(result.findings)} shown as new, {result.baseline_fixed} counted as fixed"
        )


if __name__ == "__main__":
    main()
