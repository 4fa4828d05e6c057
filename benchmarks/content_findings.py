"""What the content rules (LK701–LK704, LK206) report on every corpus of ../shared/corpus.

    python benchmarks/content_findings.py [--list] [corpus ...]

Prints, per corpus, the translated lines checked and the findings per code
and per 500 lines. `--list` prints the findings themselves, which is how
`benchmarks/judged/content.tsv` was judged: every finding read against the
translation, its source and the project's own conventions.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lintkit.config import Config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LAYOUTS = {
    "hourofcode": {"source": "en/{path}", "target": "{locale}/{path}"},
    "hourofcode-legacy": {"source": "en/{path}", "target": "{locale}/{path}"},
    "kubernetes": {"source": "en/{path}", "target": "{locale}/{path}"},
    "mdn": {"source": "en/{path}", "target": "{locale}/{path}"},
    "po": {"source": "en/{path}", "target": "{locale}/{path}", "include": ["*.po"]},
    # Astro's translator guides let translators adapt variable names and paths in examples (as its preset would)
    "astro": {
        "source": "docs/en/{path}",
        "target": "docs/{locale}/{path}",
        "include": ["*.md", "*.mdx"],
        "code-identifiers-translatable": True,
        "code-span-words-translatable": True,
    },
}


def content_rules():
    return [rule for rule in builtin_rules() if rule.code.startswith("LK7") or rule.code == "LK206"]


def run(corpus: str):
    folder = CORPUS / corpus
    config = Config(folder, None, {**LAYOUTS[corpus], "select": ["LK7", "LK206"], "baseline": False})
    paths = sorted(folder.glob("*.po")) if corpus == "po" else ()  # catalogs outside a layout: named one by one
    result = Engine(config, content_rules(), cwd=folder).run(paths, keep_pairs=True)
    lines = sum(pair.target.text.count("\n") + 1 for pair in result.pairs)
    findings = [finding for finding in result.findings if finding.code.startswith("LK7") or finding.code == "LK206"]
    return lines, findings


def main() -> None:
    chosen = [name for name in sys.argv[1:] if not name.startswith("--")] or list(LAYOUTS)
    for corpus in chosen:
        lines, findings = run(corpus)
        counts = Counter(finding.code for finding in findings)
        by_code = "  ".join(f"{code} {count}" for code, count in sorted(counts.items()))
        rate = 500 * len(findings) / max(lines, 1)
        print(f"{corpus:18} {lines:7} lines  {len(findings):5} findings ({rate:.2f} per 500 lines)  {by_code}")
        if "--list" in sys.argv:
            for finding in findings:
                print(
                    f"    {finding.path}:{finding.span.line}:{finding.span.column}: {finding.code} "
                    f"{finding.message} [src {finding.source_line}]"
                )


if __name__ == "__main__":
    main()
