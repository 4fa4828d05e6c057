"""What `lintkit report` adds to a run: gathering excerpts and writing the HTML page and the Markdown summary.

Usage: python benchmarks/report.py [CORPUS]   (default ../shared/corpus)

Prints wall times and sizes for the Hour of Code corpus; for reading, not asserting.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lintkit.config import load_config
from lintkit.packs.loader import rules_for
from lintkit.report import render_report
from lintkit.run.engine import Engine


def main(corpus: Path) -> None:
    folder = corpus / "hourofcode"
    config = load_config(cwd=folder).with_overrides({"source": "en/{path}", "target": "{locale}/{path}"})
    engine = Engine(config, rules_for(config), cwd=folder)
    started = time.perf_counter()
    result = engine.run(keep_pairs=True)
    checked = time.perf_counter()
    page = render_report(engine, result)
    written = time.perf_counter()
    summary = render_report(engine, result, output_format="markdown")
    summarized = time.perf_counter()
    print(f"run (keep_pairs): {checked - started:.2f} s, {result.files_checked} files, {len(result.findings)} findings")
    print(f"html report: {written - checked:.2f} s, {len(page.encode('utf-8')) / 1e6:.2f} MB")
    print(f"markdown summary: {summarized - written:.3f} s, {len(summary):,} characters")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
