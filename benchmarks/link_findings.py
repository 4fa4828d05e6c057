"""Link findings on the real translations of ../shared/corpus, counted by rule and folder.

    python benchmarks/link_findings.py [--list]

Read what the link rules report on real translations: every finding should be
one a translator would accept. `--list` prints the findings themselves.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lintkit.config import load_config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("hourofcode", "kubernetes", "mdn")


def main() -> None:
    corpus = ROOT.parent / "shared" / "corpus"
    rules = [rule for rule in builtin_rules() if rule.code.startswith("LK3")]
    total: Counter[str] = Counter()
    for folder in FOLDERS:
        config = load_config(cwd=corpus / folder).with_overrides({"source": "en/{path}", "target": "{locale}/{path}"})
        result = Engine(config, rules, cwd=corpus / folder).run()
        counts = Counter(finding.code for finding in result.findings)
        total.update(counts)
        print(
            f"{folder:11} {result.files_checked:3} files  " + "  ".join(f"{c} {n}" for c, n in sorted(counts.items()))
        )
        if "--list" in sys.argv:
            for finding in result.findings:
                print(f"    {finding.path}:{finding.span.line}:{finding.span.column}: {finding.code} {finding.message}")
    by_rule = "  ".join(f"{code} {count}" for code, count in sorted(total.items()))
    print(f"{'all':11} {sum(total.values())} findings  {by_rule}")


if __name__ == "__main__":
    main()
