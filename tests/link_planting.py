"""Plant link defects into real translations and see whether they are found at their line.

The defects are the ones translation tools make: escaped brackets, a space
between `]` and `(`, the destination replaced by a bare domain, and the link
removed with its text kept. A plant counts as found when the expected rule
reports the changed line and did not report it there before the change.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from planting import Plant, line_of

from lintkit.analysis.links.destinations import comparable
from lintkit.formats.align import align
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.model import Document, FilePair, Finding
from lintkit.rules import builtin_rules

LOADER = MarkdownLoader()
_LINK = re.compile(r"(?<![!\\\]])\[(?P<text>[^\[\]\n]+)\]\((?P<destination>\{\{[^}\n]+\}\}|[^()\s]+)\)")
_FOLDERS = ("hourofcode", "kubernetes", "mdn")


def _eligible(target: Document, source: Document) -> list[re.Match[str]]:
    """Markdown links of the target that the loader sees as links and whose destination the source has."""
    in_source = {comparable(link.destination) for link in source.links}
    parsed = {(link.span.line, comparable(link.destination)) for link in target.links if link.kind == "inline"}
    found = []
    for match in _LINK.finditer(target.text):
        key = comparable(match.group("destination"))
        if key in in_source and (line_of(target.text, match.start()), key) in parsed:
            found.append(match)
    return found


def plants(target: Document, source: Document, rng: random.Random) -> Iterator[Plant]:
    """One plant of each kind at a random eligible link."""
    links = _eligible(target, source)
    if not links:
        return
    text = target.text
    match = rng.choice(links)
    line = line_of(text, match.start())
    label, destination = match.group("text"), match.group("destination")

    def replaced(new: str) -> str:
        return text[: match.start()] + new + text[match.end() :]

    yield Plant("escaped", "LK301", line, replaced(f"\\[{label}\\]({destination})"))
    yield Plant("spaced", "LK301", line, replaced(f"[{label}] ({destination})"))
    yield Plant("bare-domain", "LK308", line, replaced(f"[{label}](google.com)"))
    yield Plant("link-removed", "LK305", line, replaced(label))


def findings(source: Document, target_text: str, path: str, locale: str) -> set[tuple[str, int]]:
    target = LOADER.parse(path, target_text, locale)
    pair = FilePair(source, target, align(source.blocks, target.blocks), {})
    rules = [rule for rule in builtin_rules() if rule.code.startswith(("LK1", "LK3")) and rule.scope == "file"]
    found: list[Finding] = [finding for rule in rules for finding in rule.check(pair)]
    return {(finding.code, finding.span.line) for finding in found}


def translations(corpus: Path) -> Iterator[tuple[Path, Path, str]]:
    """(source, translation, locale) for every Markdown translation of the corpus."""
    for name in _FOLDERS:
        folder = corpus / name
        for translation in sorted(folder.rglob("*.md")):
            locale = translation.relative_to(folder).parts[0]
            source = folder / "en" / translation.relative_to(folder / locale)
            if locale != "en" and source.is_file():
                yield source, translation, locale


def evaluate(corpus: Path, seeds: range, misses: list | None = None, strict: bool = True) -> dict[str, tuple[int, int]]:
    """Per kind of plant: (found, planted) over every corpus translation and seed.

    Strict: the expected rule reports the line. Otherwise any new link or placeholder finding at the
    line counts (a removed link whose text became an autolink is reported as changed, not lost; a
    placeholder link replaced by another URL is reported by LK101 at that URL).
    """
    results: dict[str, list[int]] = {}
    for source_path, translation, locale in translations(corpus):
        source = LOADER.parse("source.md", source_path.read_text(encoding="utf-8"), "en")
        original = LOADER.parse("target.md", translation.read_text(encoding="utf-8"), locale)
        before = findings(source, original.text, "target.md", locale)
        for seed in seeds:
            name = translation.relative_to(corpus).as_posix()  # the same plants wherever the corpus is
            for plant in plants(original, source, random.Random(f"{name}-{seed}")):
                after = findings(source, plant.text, "target.md", locale)
                hit = (plant.code, plant.line) in after and (plant.code, plant.line) not in before
                if not hit and strict is False:
                    hit = any(line == plant.line and (code, line) not in before for code, line in after)
                if not hit and misses is not None:
                    misses.append((translation, plant))
                counts = results.setdefault(plant.kind, [0, 0])
                counts[0] += hit
                counts[1] += 1
    return {kind: (found, planted) for kind, (found, planted) in results.items()}
