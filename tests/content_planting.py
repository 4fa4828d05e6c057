"""Plant content defects into real translations and see whether the content rules find them at their line.

Each plant changes one thing in one translated file of the corpus: it drops a
paragraph, a list item, a table row or an example (a paragraph and the code
after it), adds a paragraph, changes a code span, a number or a token of a code
block, or splits a paragraph in two (which must cause no finding). Plants go
only where the block is aligned one to one with its source, so that the defect
is the plant's. A plant counts as found when its rule reports the planted line
(for a dropped block: that line or a blank line of the gap it left) with a
finding it did not report before the change.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from lintkit.analysis.content.blocks import has_content
from lintkit.analysis.content.code_tokens import language_of, tokens
from lintkit.formats.align import align
from lintkit.formats.base import DEFAULT_LINK_PROPS, DEFAULT_TEXT_PROPS
from lintkit.formats.groups import groups
from lintkit.formats.markdown.parse import MarkdownLoader
from lintkit.formats.mdx.loader import MdxLoader
from lintkit.model import Block, FilePair, Finding
from lintkit.rules import builtin_rules

LOADER = MarkdownLoader()
MDX_LOADER = MdxLoader((), DEFAULT_TEXT_PROPS, DEFAULT_LINK_PROPS)  # as the starlight preset reads Astro's pages


def loader_for(path: Path):
    return MDX_LOADER if path.suffix == ".mdx" else LOADER


NOTE = "Note 7: this paragraph explains a point that the source page does not make at all."
_NUMBER = re.compile(r"(?<![\w.,])\d{1,4}(?![\w.,:])")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=\S)")
SITES = ("hourofcode", "kubernetes", "mdn", "astro")
CONTENT_CODES = ("LK701", "LK702", "LK703", "LK704", "LK206")

# Translations the corpus README ("Known drift") says follow another version of the whole page: an older guide,
# an older conversion, an English page older than its translation. What a dropped block's "place" is there is
# a guess (the page's passages do not correspond), so the benchmark reports their plants apart as well.
OTHER_VERSIONS = {
    "hourofcode": (
        "he-IL/how-to/companies.md",
        "uk-UA/how-to/companies.md",
        "de-DE/how-to/parents.md",
        "pl-PL/how-to/index.md",
        "vi-VN/how-to/index.md",
        "ko-KR/how-to/index.md",
    ),
    "kubernetes": tuple(
        f"fr/docs/concepts/{path}.md"
        for path in (
            "overview/components",
            "overview/working-with-objects/annotations",
            "overview/working-with-objects/names",
            "overview/working-with-objects/common-labels",
            "overview/working-with-objects/finalizers",
            "overview/working-with-objects/owners-dependents",
            "overview/working-with-objects/field-selectors",
        )
    ),
    "mdn": ("fr/*",),  # every French page but one is an older conversion; array/at is newer than its English
}


@dataclass(frozen=True)
class Plant:
    kind: str
    code: str | None  # None: the plant must cause no finding
    line: int
    text: str
    shift: int = 0  # lines the plant adds after `line`: findings below it move down by as many


@dataclass(frozen=True)
class Case:
    site: str
    source_path: Path
    target_path: Path

    def other_version(self, corpus: Path) -> bool:
        """The corpus README says this translation follows another version of the page."""
        folder = corpus / self.site / "docs" if self.site == "astro" else corpus / self.site
        relative = self.target_path.relative_to(folder)
        return any(fnmatch(relative.as_posix(), pattern) for pattern in OTHER_VERSIONS.get(self.site, ()))


def content_rules():
    return [rule for rule in builtin_rules() if rule.code in CONTENT_CODES]


def findings(source, target_text: str, loader=LOADER) -> list[Finding]:
    target = loader.parse("target.md", target_text, "xx")
    pair = FilePair(source, target, align(source.blocks, target.blocks), {})
    return [finding for rule in content_rules() for finding in rule.check(pair)]


def cases(corpus: Path, astro_per_locale: int = 40) -> Iterator[Case]:
    for site in SITES:
        folder = corpus / site / "docs" if site == "astro" else corpus / site
        if not folder.is_dir():
            continue
        english = folder / "en"
        for locale_folder in sorted(path for path in folder.iterdir() if path.is_dir() and path.name != "en"):
            translations = sorted(p for p in locale_folder.rglob("*") if p.suffix in (".md", ".mdx"))
            if site == "astro":
                translations = translations[:: max(1, len(translations) // astro_per_locale)][:astro_per_locale]
            for target in translations:
                source = english / target.relative_to(locale_folder)
                if source.is_file():
                    yield Case(site, source, target)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _without_lines(text: str, first: int, last: int) -> str:
    """The text without lines first..last (1-based) and the blank lines after them: the next block moves up to
    `first`, where the rules must report what is missing."""
    lines = _lines(text)
    end = last
    while end < len(lines) - 1 and not lines[end].strip():
        end += 1
    return "\n".join(lines[: first - 1] + lines[end:])


def _one_to_one(pair: FilePair) -> list[tuple[Block, Block]]:
    block_groups, _ = groups(pair.alignment)
    return [(g.sources[0], g.targets[0]) for g in block_groups if len(g.sources) == len(g.targets) == 1]


def plants(pair: FilePair, text: str, rng: random.Random) -> Iterator[Plant]:
    """One plant of each kind that the file allows, at a random eligible place."""
    matched = _one_to_one(pair)
    lines = _lines(text)
    by_kind: dict[str, list[tuple[Block, Block]]] = {}
    for source, target in matched:
        if has_content(source) and has_content(target):  # an MDX import or an anchor is not content to miss
            by_kind.setdefault(target.kind, []).append((source, target))
    paragraphs = [
        (s, t) for s, t in by_kind.get("paragraph", []) if s.kind == "paragraph" and len(t.text) > 30 and t.inlines
    ]
    if paragraphs:
        _, target = rng.choice(paragraphs)
        yield Plant(
            "missing-paragraph", "LK701", target.span.line, _without_lines(text, target.span.line, target.span.end_line)
        )
        indent = _indent_of(lines[target.span.line - 1])  # a note inside a list item or an aside is indented too
        yield Plant(
            "extra-paragraph",
            "LK702",
            target.span.end_line + 2,
            "\n".join([*lines[: target.span.end_line], "", indent + NOTE, *lines[target.span.end_line :]]),
        )
        split = _split(target, lines)
        if split is not None:
            yield Plant("split-paragraph", None, target.span.line, split, shift=2)
    items = [
        (s, t) for s, t in by_kind.get("list_item", []) if s.kind == "list_item" and t.span.line == t.span.end_line
    ]
    items = [(s, t) for s, t in items if _in_list(t, lines)]
    if items:
        _, target = rng.choice(items)
        yield Plant(
            "missing-list-item",
            "LK701",
            target.span.line,
            "\n".join(lines[: target.span.line - 1] + lines[target.span.line :]),
        )
    rows = [(s, t) for s, t in by_kind.get("table_row", []) if s.kind == "table_row" and t.level > 0 and s.level > 0]
    if rows:
        _, target = rng.choice(rows)
        yield Plant(
            "missing-table-row",
            "LK701",
            target.span.line,
            "\n".join(lines[: target.span.line - 1] + lines[target.span.line :]),
        )
    examples = _examples(pair, matched)
    if examples:
        description, code = rng.choice(examples)
        yield Plant(
            "missing-example",
            "LK701",
            description.span.line,
            _without_lines(text, description.span.line, code.span.end_line),
        )
    spans = [
        (s, t, inline)
        for s, t in matched
        for inline in t.inlines
        if inline.kind == "code"
        and len(inline.text) >= 3
        and inline.span.line == inline.span.end_line
        and any(other.kind == "code" and other.text == inline.text for other in s.inlines)
        and not t.placeholders
    ]
    if spans:
        _, _, inline = rng.choice(spans)
        yield Plant(
            "code-span-changed",
            "LK703",
            inline.span.line,
            _replace_in_line(lines, inline.span.line, inline.span.column, inline.span.end_column, _mangle(inline.text)),
        )
    numbers = list(_numbers(pair, matched, lines))
    if numbers:
        line, start, end, value = rng.choice(numbers)
        yield Plant("number-changed", "LK704", line, _replace_in_line(lines, line, start, end, str(int(value) + 7)))
    code_lines = list(_code_lines(pair, matched, lines))
    if code_lines:
        line, start, end, value = rng.choice(code_lines)
        yield Plant("code-line-changed", "LK206", line, _replace_in_line(lines, line, start, end, value + "_x"))


def _in_list(target: Block, lines: list[str]) -> bool:
    """A list item with another item of the list next to it (dropping a lone item removes the whole list)."""
    index = target.span.line - 1
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line) for line in neighbours)


def _split(target: Block, lines: list[str]) -> str | None:
    if target.span.line != target.span.end_line or target.placeholders or target.links:
        return None
    line = lines[target.span.line - 1]
    cuts = [m.start() for m in _SENTENCE_END.finditer(line) if 20 < m.start() < len(line) - 20]
    if not cuts:
        return None
    cut = cuts[len(cuts) // 2]
    second = _indent_of(line) + line[cut:].lstrip()
    return "\n".join([*lines[: target.span.line - 1], line[:cut], "", second, *lines[target.span.line :]])


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _examples(pair: FilePair, matched: list[tuple[Block, Block]]) -> list[tuple[Block, Block]]:
    """A description paragraph followed at once by its code block, both aligned one to one."""
    aligned = {id(target) for _, target in matched}
    blocks = [b for b in pair.target.blocks if b.kind != "front_matter_field"]
    return [
        (first, second)
        for first, second in itertools.pairwise(blocks)
        if first.kind == "paragraph"
        and has_content(first)
        and second.kind == "code"
        and id(first) in aligned
        and id(second) in aligned
        and second.raw.lstrip().startswith(("```", "~~~"))
    ]


def _numbers(pair: FilePair, matched, lines: list[str]):
    """Numbers of a target block's text inline that its source block has too."""
    for source, target in matched:
        if target.kind in ("code", "heading"):
            continue
        source_numbers = set(_NUMBER.findall(source.text))
        for inline in target.inlines:
            if inline.kind != "text" or inline.span.line != inline.span.end_line:
                continue
            for match in _NUMBER.finditer(inline.text):
                if match.group(0) not in source_numbers:
                    continue
                column = inline.span.column + match.start()
                line_text = lines[inline.span.line - 1]
                if line_text[column - 1 : column - 1 + len(match.group(0))] == match.group(0):
                    yield inline.span.line, column, column + len(match.group(0)), match.group(0)


def _code_lines(pair: FilePair, matched, lines: list[str]):
    """Identifier tokens of fenced code blocks whose code equals the source's."""
    for source, target in matched:
        if target.kind != "code" or source.kind != "code" or not target.raw.lstrip().startswith(("```", "~~~")):
            continue
        language = language_of(source.info)
        target_tokens = tokens(target.text, language)
        if [t.value for t in tokens(source.text, language)] != [t.value for t in target_tokens]:
            continue
        for token in target_tokens:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{2,}", token.value):
                continue
            line = target.span.line + token.line
            code_line = target.text.split("\n")[token.line - 1]
            file_line = lines[line - 1] if line - 1 < len(lines) else ""
            indent = max(file_line.find(code_line), 0) if code_line else 0
            column = indent + token.column
            if file_line[column - 1 : column - 1 + len(token.value)] == token.value:
                yield line, column, column + len(token.value), token.value


_SOURCE_RUN = re.compile(r"at source lines? (\d+)(?:–(\d+))?")


def _missing_run(finding: Finding) -> tuple[int | None, str | None]:
    """The source lines a missing-content finding covers: its first block's line and, for a run, the run's last
    line (a block dropped beside a run already missing makes that run one block longer: one finding, as the rule
    says, which then reports the plant too)."""
    run = _SOURCE_RUN.search(finding.message)
    return finding.source_line, run.group(2) if run else None


def _identity(finding: Finding, shifted_by: Plant | None = None) -> tuple[str, object]:
    """What a finding is about: the source blocks for a missing one, else its line (moved below a plant that
    added lines)."""
    if finding.code == "LK701" and finding.source_line is not None:
        return finding.code, ("source", _missing_run(finding))
    line = finding.span.line
    if shifted_by is not None and line > shifted_by.line:
        line += shifted_by.shift
    return finding.code, line


def _new_identity(finding: Finding) -> tuple:
    """What tells a finding after a plant from those before it: for missing blocks, the source blocks (their
    line moves with the plant); for any other, where it is and what it says (another span of the same line,
    reported before, is not the plant's)."""
    if finding.code == "LK701" and finding.source_line is not None:
        return finding.code, _missing_run(finding)
    return finding.code, finding.span.line, finding.span.column, finding.message


def _place(plant: Plant, line: int) -> range:
    """The lines where a finding is at the planted line: for a dropped block, the gap it left, that is the blank
    lines between the block before it and the next one, and the next one's first line (where a dropped block is
    reported when the source writes blank lines around it); for any other plant, the line itself."""
    if plant.code != "LK701":
        return range(line, line + 1)
    lines = _lines(plant.text)
    first = line
    while first > 1 and not lines[first - 2].strip():
        first -= 1
    last = line
    while last < len(lines) and not lines[last - 1].strip():
        last += 1
    return range(first, last + 1)


def _last_line(text: str) -> int:
    """The number of the text's last line (a final newline does not start another)."""
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def _mangle(text: str) -> str:
    return text[:-1] + ("x" if text[-1] != "x" else "y")


def _replace_in_line(lines: list[str], line: int, start: int, end: int, new: str) -> str:
    changed = list(lines)
    text = changed[line - 1]
    changed[line - 1] = text[: start - 1] + new + text[end - 1 :]
    return "\n".join(changed)


def evaluate(
    corpus: Path, seeds: range, misses: list | None = None, other_versions: dict[str, list[int]] | None = None
) -> dict[str, tuple[int, int]]:
    """Per site and kind of plant: (found, planted); for the split paragraphs, (clean, planted). The plants in
    translations of another version of the page (`OTHER_VERSIONS`) are also counted per kind in
    `other_versions`."""
    results: dict[str, list[int]] = {}
    sources: dict[Path, object] = {}
    for case in cases(corpus):
        loader = loader_for(case.target_path)
        if case.source_path not in sources:
            sources[case.source_path] = loader.parse("source.md", case.source_path.read_text(encoding="utf-8"), "en")
        source = sources[case.source_path]
        original = case.target_path.read_text(encoding="utf-8")
        target = loader.parse("target.md", original, "xx")
        pair = FilePair(source, target, align(source.blocks, target.blocks), {})
        before_findings = findings(source, original, loader)
        before = {_new_identity(f) for f in before_findings}
        for seed in seeds:
            name = case.target_path.relative_to(corpus).as_posix()  # the same plants wherever the corpus is
            for plant in plants(pair, original, random.Random(f"{name}-{seed}")):
                after = findings(source, plant.text, loader)
                if plant.code is None:
                    # the same source block reported missing before is not new, whichever line it moved to
                    earlier = {_identity(f, plant) for f in before_findings}
                    new = {_identity(f) for f in after} - earlier
                    hit = not any(code in ("LK701", "LK702") for code, _ in new)
                else:
                    line = min(plant.line, _last_line(plant.text))  # a block dropped at the end: after the last
                    place = _place(plant, line)
                    # new at the place: another finding of the code on that line before (another span) is not it
                    hit = any(
                        f.code == plant.code and f.span.line in place and _new_identity(f) not in before for f in after
                    )
                if not hit and misses is not None:
                    misses.append((case, plant))
                counts = results.setdefault(f"{case.site}/{plant.kind}", [0, 0])
                counts[0] += hit
                counts[1] += 1
                if other_versions is not None and case.other_version(corpus):
                    aside = other_versions.setdefault(plant.kind, [0, 0])
                    aside[0] += hit
                    aside[1] += 1
    return {kind: (found, planted) for kind, (found, planted) in results.items()}
