"""How many defects planted into the real catalogs of ../shared/corpus/po the PO checks find, at the right line.

For a sample of translated entries with a printf or brace placeholder, one
catalog copy per defect is checked in memory:

- drop: the placeholder is removed from the msgstr (expected: LK101 at that msgstr's first line);
- rename: its name is changed (`%(name)s` → `%(nameX)s`; expected: LK101, LK102 or LK103 on that msgstr);
- extra form: a plural entry gets one msgstr[n] too many (expected: LK603 at the added line).

Nothing is written to disk and the corpus is never copied into the project.

    python benchmarks/po_planting.py [--per-catalog 40] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from lintkit.formats.po.catalog import Catalog, load_catalog
from lintkit.formats.po.documents import CatalogDocuments
from lintkit.rules import find_rule

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "po"
DOCUMENTS = CatalogDocuments(("hugo", "jinja", "erb"))
RULES = [find_rule(code) for code in ("LK101", "LK102", "LK103", "LK603")]


def findings(name: str, text: str) -> list[tuple[str, int]]:
    catalog = load_catalog(name, text.encode("utf-8"), "")
    if not isinstance(catalog, Catalog):
        return [(catalog.code, catalog.span.line)]
    pair = DOCUMENTS.pair(catalog, {})
    return [(finding.code, finding.span.line) for rule in RULES for finding in rule.check(pair)]


def placeholder_plants(name: str, text: str, rng: random.Random, limit: int):
    catalog = load_catalog(name, text.encode("utf-8"), "")
    pair = DOCUMENTS.pair(catalog, {})
    candidates = [
        (block, placeholder)
        for block in pair.target.blocks
        for placeholder in block.placeholders
        if placeholder.syntax in ("printf", "brace") and text.startswith(placeholder.raw, placeholder.start)
    ]
    for block, placeholder in rng.sample(candidates, min(limit, len(candidates))):
        start, end = placeholder.start, placeholder.start + len(placeholder.raw)
        yield "drop", text[:start] + text[end:], range(block.span.line, block.span.line + 1), {"LK101"}
        renamed = re.sub(r"^(%\(|\{)(\w+)", r"\1\2X", placeholder.raw)
        if renamed != placeholder.raw:  # only named placeholders: %(name)s, {name}
            lines = range(block.span.line, block.span.end_line + 1)
            yield "rename", text[:start] + renamed + text[end:], lines, {"LK101", "LK102", "LK103"}


def plural_plants(text: str, nplurals: int | None):
    """One msgstr[n] too many, on entries that have the right number of forms to begin with."""
    for match in re.finditer(r"^msgid_plural .*\n(?:msgstr\[\d+\] .*\n)+", text, re.MULTILINE):
        forms = re.findall(r"^msgstr\[(\d+)\] (.*)$", match.group(0), re.MULTILINE)
        if len(forms) != nplurals:
            continue
        added = f"msgstr[{int(forms[-1][0]) + 1}] {forms[-1][1]}\n"
        line = text[: match.end()].count("\n") + 1
        yield "extra form", text[: match.end()] + added + text[match.end() :], range(line, line + 1), {"LK603"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-catalog", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    rng = random.Random(arguments.seed)
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.po")):
        text = path.read_text(encoding="utf-8")
        before = set(findings(path.name, text))
        catalog = load_catalog(path.name, text.encode("utf-8"), "")
        nplurals = catalog.plural_forms.nplurals if catalog.plural_forms else None
        plants = [*placeholder_plants(path.name, text, rng, arguments.per_catalog), *plural_plants(text, nplurals)]
        for kind, changed, lines, codes in plants:
            planted[kind] += 1
            new = set(findings(path.name, changed)) - before
            if any(code in codes and line in lines for code, line in new):
                found[kind] += 1
            else:
                print(f"missed {kind} in {path.name} at line {lines[0]}: {sorted(new)}")
    for kind in planted:
        print(f"{kind:<11} {found[kind]:>4} of {planted[kind]:>4} found at the right line")


if __name__ == "__main__":
    main()
