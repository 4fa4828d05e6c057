"""Plant MDX defects (component, attribute, expression, aside) into real Astro translations and look for them.

Each plant changes one thing in one translated page and names the rule that
should report it and the line it should point at. A plant counts as found
when that rule reports that line after the change and did not before it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lintkit.formats import Formats
from lintkit.formats.base import FormatSettings
from lintkit.model import Document, Finding
from lintkit.rules import builtin_rules

FORMATS = Formats(FormatSettings(("hugo", "jinja", "erb")))
MDX = FORMATS.get("mdx")
RULES = [rule for rule in builtin_rules() if rule.code in ("LK101", "LK102", "LK103", "LK210", "LK211", "LK212")]
_ASIDE = re.compile(r"^:::([a-z]+)", re.MULTILINE)
_FREE = {"title", "label", "alt", "caption", "description", "cta", "text", "placeholder", "summary"}
_FREE |= {"href", "link", "src", "url"}


@dataclass(frozen=True)
class Plant:
    kind: str
    codes: tuple[str, ...]
    line: int
    text: str
    gap: bool = False  # a removal: found anywhere in the gap it left (from the block before it to `line`)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    return starts[line - 1] + column - 1


def plants(source: Document, target: Document, rng: random.Random) -> Iterator[Plant]:
    text = target.text
    names = {element.name for element in source.elements}
    flow = [e for e in target.elements if e.flow and e.name[:1].isupper() and e.name in names]
    if flow:
        element = rng.choice(flow)
        start = _offset(text, element.span.line, element.span.column) + 1
        renamed = text[:start] + element.name + "o" + text[start + len(element.name) :]
        yield Plant("component-renamed", ("LK210",), element.span.line, renamed)
    attributes = [
        (element, attribute)
        for element in target.elements
        if element.name[:1].isupper() and element.name in names
        for attribute in element.attributes
        if attribute.kind == "string" and attribute.name not in _FREE and attribute.value
    ]
    if attributes:
        element, attribute = rng.choice(attributes)
        end = _offset(text, attribute.span.end_line, attribute.span.end_column)
        yield Plant("attribute-changed", ("LK211",), attribute.span.line, text[:end] + "x" + text[end:])
    expressions = [p for p in target.placeholders if p.syntax == "mdx" and p.span.line == p.span.end_line]
    source_keys = {p.key for p in source.placeholders}
    expressions = [p for p in expressions if p.key in source_keys]
    if expressions:
        placeholder = rng.choice(expressions)
        start = placeholder.start + 1
        yield Plant("expression-changed", ("LK101", "LK103"), placeholder.span.line, text[:start] + "x" + text[start:])
    asides = list(_ASIDE.finditer(text))
    if asides:
        match = rng.choice(asides)
        end = match.end(1)
        yield Plant("aside-retyped", ("LK212",), _line(text, match.start()), text[:end] + "o" + text[end:])
        closing = text.find("\n:::", end)
        if closing > 0:
            after = text.find("\n", closing + 1)
            after = len(text) if after < 0 else after + 1
            removed = text[: match.start()] + text[after:]
            rest = removed[match.start() :]
            blank = len(rest) - len(rest.lstrip("\n"))
            yield Plant("aside-removed", ("LK212",), _line(removed, match.start() + blank), removed, gap=True)


def _gap(plant: Plant, locale: str) -> set[int]:
    """The lines of the place a removed block leaves: from the start of the block before it to the line after."""
    blocks = MDX.load("page.mdx", plant.text.encode("utf-8"), locale).blocks
    before = [block.span.line for block in blocks if block.span.end_line < plant.line]
    return set(range(max(before, default=1), plant.line + 1))


def findings(source: Document, path: str, text: str, locale: str) -> set[tuple[str, int]]:
    target = MDX.load(path, text.encode("utf-8"), locale)
    pair = MDX.pair(source, target, {})
    found: list[Finding] = [finding for rule in RULES for finding in rule.check(pair)]
    return {(finding.code, finding.span.line) for finding in found}


def evaluate(docs: Path, per_locale: int | None = None, seed: int = 0, misses: list | None = None) -> dict:
    """Per kind of plant: [found, planted] over the Astro translations (or `per_locale` of each)."""
    results: dict[str, list[int]] = {}
    for locale_folder in sorted(path for path in docs.iterdir() if path.is_dir() and path.name != "en"):
        pages = sorted(locale_folder.rglob("*.mdx"))
        if per_locale is not None:
            pages = random.Random(seed).sample(pages, min(per_locale, len(pages)))
        for page in pages:
            source_path = docs / "en" / page.relative_to(locale_folder)
            if not source_path.is_file():
                continue
            source = MDX.load(str(source_path), source_path.read_bytes(), "en")
            original = page.read_text(encoding="utf-8")
            target = MDX.load(str(page), original.encode("utf-8"), locale_folder.name)
            before = findings(source, str(page), original, locale_folder.name)
            for plant in plants(source, target, random.Random(f"{page.name}-{seed}")):
                after = findings(source, str(page), plant.text, locale_folder.name)
                lines = _gap(plant, locale_folder.name) if plant.gap else {plant.line}
                hit = any(
                    (code, line) in after and (code, line) not in before for code in plant.codes for line in lines
                )
                if not hit and misses is not None:
                    misses.append((page, plant))
                counts = results.setdefault(plant.kind, [0, 0])
                counts[0] += hit
                counts[1] += 1
    return results
