"""Plant known placeholder and heading defects into real translations and see whether they are found.

Each plant changes one thing in one translated file of the corpus and records
the line it changed and the rule that should report it there. A plant counts
as found when that rule reports the changed line and did not already report it
before the change.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lintkit.formats.align import align
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.model import FilePair, Finding
from lintkit.rules import builtin_rules

LOADER = MarkdownLoader()
_PLACEHOLDER = re.compile(r"\{\{ ?[\w/]+ ?\}\}")
_NUMBERED_HEADING = re.compile(r"^(#{1,6}) (\d+)([.)]) ", re.MULTILINE)
_HEADING = re.compile(r"^(#{2,5}) (?=\S)", re.MULTILINE)


@dataclass(frozen=True)
class Plant:
    kind: str
    code: str
    line: int
    text: str


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def plants(target: str, source_keys: set[str], rng: random.Random) -> Iterator[Plant]:
    """One plant of each kind that the file allows, at a random eligible place."""
    placeholders = [m for m in _PLACEHOLDER.finditer(target) if " ".join(m.group(0).split()) in source_keys]
    if placeholders:
        match = rng.choice(placeholders)
        inner = match.group(0).strip("{} ")
        line = line_of(target, match.start())
        yield Plant("dropped", "LK101", line, _replace(target, match.start(), match.end(), "https://example.org/x"))
        namespace, _, name = inner.rpartition("/")
        renamed = f"{{{{ {namespace}ion/{name} }}}}" if namespace else f"{{{{ {name[:-2] + name[-1]} }}}}"
        yield Plant("renamed", "LK103", line, _replace(target, match.start(), match.end(), renamed))
        yield Plant("extra-brace", "LK104", line, _replace(target, match.end(), match.end(), "}"))
        spaced = "{{ " + inner.replace("/", " / ").replace("_", " ") + " }}"
        if spaced != match.group(0):
            yield Plant("space-mangled", "LK103", line, _replace(target, match.start(), match.end(), spaced))
    numbered = list(_NUMBERED_HEADING.finditer(target))
    if numbered:
        match = rng.choice(numbered)
        line = line_of(target, match.start())
        start, end = match.span(2)
        yield Plant("renumbered", "LK204", line, _replace(target, start, end, str(int(match.group(2)) + 1)))
        yield Plant("unnumbered", "LK204", line, _replace(target, start, match.end(), ""))
    headings = list(_HEADING.finditer(target))
    if headings:
        match = rng.choice(headings)
        line = line_of(target, match.start())
        yield Plant("re-levelled", "LK203", line, _replace(target, match.start(), match.start(), "#"))


def findings(source_document, target_text: str) -> list[Finding]:
    target = LOADER.parse("target.md", target_text, "xx")
    pair = FilePair(source_document, target, align(source_document.blocks, target.blocks), {})
    rules = [rule for rule in builtin_rules() if rule.scope == "file" and rule.reads_format(target.format)]
    return [finding for rule in rules for finding in rule.check(pair)]


def evaluate(corpus: Path, seeds: range, misses: list | None = None) -> dict[str, tuple[int, int]]:
    """Per kind of plant: (found, planted) over every corpus translation and seed."""
    results: dict[str, list[int]] = {}
    folder = corpus / "hourofcode"
    sources = {path.relative_to(folder / "en"): path for path in (folder / "en").rglob("*.md")}
    for translation in sorted(folder.rglob("*.md")):
        locale = translation.relative_to(folder).parts[0]
        key = translation.relative_to(folder / locale)
        if locale == "en" or key not in sources:
            continue
        source = LOADER.parse("source.md", sources[key].read_text(encoding="utf-8"), "en")
        source_keys = {p.key for p in source.placeholders}
        original = translation.read_text(encoding="utf-8")
        before = {(f.code, f.span.line) for f in findings(source, original)}
        for seed in seeds:
            name = translation.relative_to(folder).as_posix()  # the same plants wherever the corpus is
            for plant in plants(original, source_keys, random.Random(f"{name}-{seed}")):
                after = {(f.code, f.span.line) for f in findings(source, plant.text)}
                hit = (plant.code, plant.line) in after and (plant.code, plant.line) not in before
                if not hit and misses is not None:
                    misses.append((translation, plant))
                counts = results.setdefault(plant.kind, [0, 0])
                counts[0] += hit
                counts[1] += 1
    return {kind: (found, planted) for kind, (found, planted) in results.items()}
