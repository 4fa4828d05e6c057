"""Plant English sentences at the end of translated paragraphs of real translations, and look for them.

Used by `benchmarks/untranslated.py` (all of the corpus) and by the corpus test
(a sample). A planted sentence counts as found when LK402 reports a fragment
on its line that overlaps it, or LK401 reports the block that holds it. The
sentences come from English pages of other sites than the translation's, so
only language identification (or, in non-Latin scripts, the script) can find
them: the source has no copy of them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lintkit.formats.align import align
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.model import Block, Document, FilePair, Finding
from lintkit.rules import find_rule

LOADER = MarkdownLoader()
RULES = (find_rule("LK401"), find_rule("LK402"))
SITES = {"hourofcode": "hourofcode", "kubernetes": "kubernetes", "mdn": "mdn"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_PLAIN = re.compile(r"^[A-Z][A-Za-z ,'’\-]+[a-z][.!?]$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Case:
    """One translated file of the corpus, with its source."""

    site: str
    source: Path
    target: Path
    locale: str


@dataclass(frozen=True)
class Outcome:
    """What happened to one planted sentence."""

    case: Case
    line: int
    sentence: str
    found: bool
    new_false_alarms: int


def cases(corpus: Path) -> Iterator[Case]:
    """Every translated Markdown file of the corpus that has its English source."""
    for site in SITES:
        root = corpus / site
        if not (root / "en").is_dir():
            continue
        for locale_folder in sorted(path for path in root.iterdir() if path.is_dir() and path.name != "en"):
            for target in sorted(locale_folder.rglob("*.md")):
                source = root / "en" / target.relative_to(locale_folder)
                if source.is_file():
                    yield Case(site, source, target, locale_folder.name)


def english_sentences(corpus: Path, site: str) -> list[str]:
    """Plain English sentences (6–20 words, no markup) from the English pages of the other sites."""
    sentences = []
    for other in SITES:
        if other == site:
            continue
        for path in sorted((corpus / other / "en").rglob("*.md")):
            for block in _english(path).blocks:
                if block.kind != "paragraph" or block.placeholders or block.links:
                    continue
                for sentence in _SENTENCE.split(block.text):
                    if _PLAIN.match(sentence) and 6 <= len(_WORD.findall(sentence)) <= 20:
                        sentences.append(sentence)
    return sorted(set(sentences))


@cache
def _english(path: Path) -> Document:
    return LOADER.parse(str(path), path.read_text(encoding="utf-8"), "en")


def check(source: Document, target: Document) -> list[Finding]:
    pair = FilePair(
        source, target, align(source.blocks, target.blocks), {"translatable-keys": ("title", "description")}
    )
    return [finding for rule in RULES for finding in rule.check(pair)]


def eligible(source: Document, target: Document, findings: list[Finding]) -> list[Block]:
    """Translated paragraphs and list items: aligned, not reported, ending on a line of their own."""
    reported = {line for finding in findings for line in range(finding.span.line, finding.span.end_line + 1)}
    pair = FilePair(source, target, align(source.blocks, target.blocks))
    blocks = []
    for source_block, block in pair.aligned():
        if block.kind not in ("paragraph", "list_item") or len(block.text.split()) < 5:
            continue
        lines = range(block.span.line, block.span.end_line + 1)
        if any(line in reported for line in lines) or block.text == source_block.text:
            continue
        blocks.append(block)
    return blocks


def plant(case: Case, sentences: list[str], rng: random.Random, per_file: int) -> Iterator[Outcome]:
    source = _english(case.source)
    original = case.target.read_text(encoding="utf-8")
    target = LOADER.parse(str(case.target), original, case.locale)
    before = check(source, target)
    known = {(finding.code, finding.span.line) for finding in before}
    blocks = eligible(source, target, before)
    for block in rng.sample(blocks, min(per_file, len(blocks))):
        sentence = rng.choice(sentences)
        line = block.span.end_line
        lines = original.split("\n")
        column = len(lines[line - 1].rstrip()) + 2
        lines[line - 1] = lines[line - 1].rstrip() + " " + sentence
        planted = LOADER.parse(str(case.target), "\n".join(lines), case.locale)
        after = check(source, planted)
        found = any(_covers(finding, line, column) for finding in after)
        new = sum(
            1
            for finding in after
            if (finding.code, finding.span.line) not in known and not _covers(finding, line, column)
        )
        yield Outcome(case, line, sentence, found, new)


def _covers(finding: Finding, line: int, column: int) -> bool:
    if finding.code == "LK401" and finding.message.startswith("page is largely untranslated"):
        return str(line) in finding.message.rpartition("at lines ")[2].split(", ")  # the page's finding lists it
    if finding.code == "LK401":
        return finding.span.line <= line <= finding.span.end_line
    return finding.span.line == line and finding.span.end_column > column
