"""How fast `lintkit check` is: the corpus run, and one very large document pair.

Usage: python benchmarks/check_speed.py [CORPUS]   (default ../shared/corpus)

Prints wall times; the numbers are for reading, not for asserting (timings
belong here, not in unit tests).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lintkit.config import load_config
from lintkit.formats.align import align
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine


def corpus_run(corpus: Path) -> None:
    folder = corpus / "hourofcode"
    config = load_config(cwd=folder).with_overrides({"source": "en/{path}", "target": "{locale}/{path}"})
    started = time.perf_counter()
    result = Engine(config, builtin_rules(), cwd=folder).run()
    elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in folder.rglob("*.md"))
    print(
        f"corpus hourofcode: {result.files_checked} translations, {result.sources_parsed} sources, "
        f"{size / 1e6:.2f} MB, {len(result.findings)} findings in {elapsed:.2f} s"
    )


def large_pair(sections: int = 3000) -> None:
    loader = MarkdownLoader()
    source = "".join(
        f"## {i}. Step {i}\n\nSome text with a [link]({{{{ urls/page_{i} }}}}) and more words.\n\n- item {i}\n- item\n"
        for i in range(sections)
    )
    target = source.replace("Some text", "Du texte").replace(f"## {sections // 2}.", "##")
    started = time.perf_counter()
    source_document = loader.parse("en/large.md", source, "en")
    target_document = loader.parse("fr/large.md", target, "fr")
    parsed = time.perf_counter()
    align(source_document.blocks, target_document.blocks)
    aligned = time.perf_counter()
    print(
        f"large pair: {len(source) / 1e6:.2f} MB each, {len(source_document.blocks)} blocks: "
        f"parse {parsed - started:.2f} s, align {aligned - parsed:.2f} s"
    )


if __name__ == "__main__":
    corpus_run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
    large_pair()
