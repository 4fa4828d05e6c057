"""Runs of source blocks the translation lacks, and of translation blocks the source lacks.

One run is one finding: a dropped example (its description and its code) or a
section's worth of paragraphs is one thing the translator must restore. Where
the translation has other blocks in place of a missing run (an older version
of the text, prose indented into a code block), the two are one finding; when
those blocks say the same in another form (HTML written as Markdown, the same
words or links) or are as many blocks of the length a translation would have,
there is no finding: they are the translation, which the aligner missed.
Headings are left to the heading rules (and so is the content of a section
whose heading has no counterpart, unless the outline diverged and the heading
rules are silent), HTML without visible text (anchors, comments) and thematic
breaks carry no content, a paragraph that the
translator split or merged (`align.groups`) is neither missing nor extra, and
neither is a block moved elsewhere on the page (a missing run whose links all
stand in the extra blocks, and the other way round).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from lintkit.analysis.content.moved import copied_into, linked_pages, stands_elsewhere
from lintkit.analysis.content.options import option
from lintkit.formats.block_measures import text_length
from lintkit.formats.destinations import destination_key
from lintkit.formats.groups import BlockGroup, flattened_list, groups
from lintkit.formats.placeholders import without_placeholders
from lintkit.formats.similarity import MODULE_LINE
from lintkit.model import Block, FilePair

SAME_CONTENT_RATIO = (0.6, 1.6)
CONTENT_KINDS = frozenset({"paragraph", "list_item", "quote", "table_row", "code", "html"})


@dataclass(frozen=True)
class Run:
    """Consecutive unpaired content blocks of one side; `in_unpaired_section` when a heading of that side with
    no counterpart leads them (the whole section is missing or extra, and the heading rules say so)."""

    blocks: tuple[Block, ...]
    in_unpaired_section: bool
    segment: int  # runs of both sides with the same segment stand between the same two aligned blocks
    replaced_by: tuple[Block, ...] = ()  # for a missing run: the extra blocks that stand in its place


@dataclass(frozen=True)
class Parity:
    """A pair's block groups and its unpaired content, computed once per pair."""

    groups: tuple[BlockGroup, ...]
    missing: tuple[Run, ...]  # runs of source blocks
    extra: tuple[Run, ...]  # runs of target blocks
    length_ratio: float  # target text length / source text length over the groups
    crossing: frozenset[int] = frozenset()  # ids of the groups' first source blocks paired across sections

    def across_sections(self, group: BlockGroup) -> bool:
        """The group's blocks stand under headings that are not each other's (one of them has no counterpart):
        the pair is a guess, and comparing what the blocks hold would report another section's text."""
        return bool(group.sources) and id(group.sources[0]) in self.crossing

    def same_content(self, group: BlockGroup) -> bool:
        """The group's length agrees with the page's ratio: the blocks plausibly say the same thing."""
        source, target = sum(len(b.text) for b in group.sources), sum(len(b.text) for b in group.targets)
        if not source or not target:
            return False
        low, high = SAME_CONTENT_RATIO
        return low <= target / source / self.length_ratio <= high


def parity(pair: FilePair) -> Parity:
    return pair.memo("content-parity", _parity)


def _parity(pair: FilePair) -> Parity:
    block_groups, joined = groups(pair.alignment)
    runs: dict[str, list[tuple[list[Block], bool, int]]] = {"source": [], "target": []}
    open_run = {"source": False, "target": False}
    unpaired_heading = {"source": False, "target": False}
    segment = 0
    section_of: dict[int, int] = {0: 0}  # segment -> section (the stretch between two paired headings)
    lengths: dict[int, list[int]] = {0: [0, 0]}  # section -> [source letters, target letters]
    for aligned in pair.alignment:
        for index, block in enumerate((aligned.source, aligned.target)):
            if block is not None and has_content(block) and block.kind != "code":
                lengths[section_of[segment]][index] += text_length(block)
        if aligned.source is not None and aligned.target is not None:
            open_run = {"source": False, "target": False}
            unpaired_heading = {"source": False, "target": False}
            section = section_of[segment] + (aligned.source.kind == aligned.target.kind == "heading")
            segment += 1
            section_of[segment] = section
            lengths.setdefault(section, [0, 0])
            continue
        block = aligned.source or aligned.target
        if block is None or block.kind == "front_matter_field":
            continue
        side = "source" if aligned.source is not None else "target"
        if block.kind == "heading":
            open_run[side] = False  # a heading starts another section: another finding
            unpaired_heading[side] = True
            continue
        if id(block) in joined or not has_content(block):
            continue
        if block.kind == "code" and _indented_in_mdx(pair.source if side == "source" else pair.target, block):
            continue
        if block.kind == "code" and _embedded_example(pair, block):
            continue
        if open_run[side]:
            runs[side][-1][0].append(block)
        else:
            runs[side].append(([block], unpaired_heading[side], segment))
            open_run[side] = True
    extra = [Run(tuple(blocks), section, where) for blocks, section, where in runs["target"]]
    extra_at = {}
    for run in extra:
        extra_at.setdefault(run.segment, []).append(run)
    source_length = sum(len(block.text) for group in block_groups for block in group.sources)
    target_length = sum(len(block.text) for group in block_groups for block in group.targets)
    ratio = target_length / source_length if source_length and target_length else 1.0
    missing = []
    rewritten = set()
    for blocks, section, where in runs["source"]:
        replacing = [block for run in extra_at.get(where, []) for block in run.blocks]
        if replacing and any(same(blocks, replacing, ratio) for same in (_same_words, _one_for_one, _flattened)):
            rewritten.add(where)  # the same text in another form (HTML written as Markdown): nothing is missing
            continue
        missing.append(Run(tuple(blocks), section, where, tuple(replacing)))
    taken = rewritten | {run.segment for run in missing if run.replaced_by}
    extra = [run for run in extra if run.segment not in taken]
    restructured = _restructured_sections(missing, extra, section_of, lengths, ratio)
    missing = [run for run in missing if section_of[run.segment] not in restructured]
    extra = [run for run in extra if section_of[run.segment] not in restructured]
    # a block the translator moved elsewhere on the page is neither missing here nor extra there
    moved_to = linked_pages(block for run in extra for block in run.blocks)
    macro_only = [
        aligned.source
        for aligned in pair.alignment
        if aligned.target is None and aligned.source is not None and aligned.source.placeholders
    ]
    moved_from = linked_pages([*(block for run in missing for block in run.blocks), *macro_only])  # macro items too
    in_target = copied_into(pair.target.blocks, pair.source.blocks)
    in_source = copied_into(pair.source.blocks, pair.target.blocks)
    missing = _kept(missing, lambda block: not stands_elsewhere(block, moved_to) and not in_target(block))
    extra = _kept(extra, lambda block: not stands_elsewhere(block, moved_from) and not in_source(block))
    return Parity(block_groups, tuple(missing), tuple(extra), ratio, _crossing(pair, block_groups))


def _kept(runs: list[Run], keep: Callable[[Block], bool]) -> list[Run]:
    """The runs with only the blocks `keep` accepts; a run left empty is dropped."""
    found = []
    for run in runs:
        blocks = tuple(block for block in run.blocks if keep(block))
        if blocks:
            found.append(run if blocks == run.blocks else replace(run, blocks=blocks))
    return found


def _crossing(pair: FilePair, block_groups) -> frozenset[int]:
    """The groups (by their first source block) whose blocks follow headings that are not paired with each
    other, or of which only one side has a heading before it."""
    partner = {
        id(aligned.source): aligned.target
        for aligned in pair.alignment
        if aligned.source is not None and aligned.target is not None and aligned.source.kind == "heading"
    }
    heading_of = {**_headings_before(pair.source.blocks), **_headings_before(pair.target.blocks)}
    crossing = set()
    for group in block_groups:
        if not group.sources or not group.targets or group.sources[0].kind == "heading":
            continue
        source_heading, target_heading = heading_of.get(id(group.sources[0])), heading_of.get(id(group.targets[0]))
        if source_heading is None and target_heading is None:
            continue
        if source_heading is None or partner.get(id(source_heading)) is not target_heading:
            crossing.add(id(group.sources[0]))
    return frozenset(crossing)


def _headings_before(blocks) -> dict[int, Block]:
    """For each block, the heading its section starts with (none before the first heading)."""
    found, last = {}, None
    for block in blocks:
        if block.kind == "heading":
            last = block
        elif last is not None:
            found[id(block)] = last
    return found


def _restructured_sections(missing, extra, section_of, lengths, ratio: float) -> set[int]:
    """Sections with both missing and extra text whose translation has the length of its source: restructured
    (list items written as paragraphs, items merged or split), so their blocks do not pair one to one, but
    nothing was lost or added. A dropped or added block changes the section's length and is still reported, and
    so is a dropped block where one of other links, placeholders or code spans was added."""
    missing_keys = _keys_by_section(missing, section_of)
    extra_keys = _keys_by_section(extra, section_of)
    low, high = RESTRUCTURED_RATIO
    found = set()
    for section in missing_keys.keys() & extra_keys.keys():
        source, target = lengths.get(section, (0, 0))
        lost, added = missing_keys[section], extra_keys[section]
        if lost and added and not lost & added:
            continue  # another link, placeholder or code than the lost text had: other text, not the same rewritten
        if source and target and low <= target / source / ratio <= high:
            found.add(section)
    return found


def _keys_by_section(runs, section_of) -> dict[int, set[str]]:
    """Per section, what its runs' blocks hold that a translation keeps as it is: placeholders, link destinations
    and code spans (prose rewritten in another form keeps them)."""
    found: dict[int, set[str]] = {}
    for run in runs:
        keys = found.setdefault(section_of[run.segment], set())
        for block in run.blocks:
            keys.update(p.key for p in block.placeholders)
            keys.update(destination_key(link.destination) for link in block.links)
            keys.update(inline.text for inline in block.inlines if inline.kind == "code")
    return found


RESTRUCTURED_RATIO = (0.85, 1.2)  # a section's translated length against its source's, at the page's ratio


_STEM = re.compile(r"[^\W\d_]{4,}")
MIN_SHARED_STEMS = 0.35


def same_text(source: list[Block], target: list[Block]) -> bool:
    """Blocks that say the same in another form: the same placeholders and links, or mostly the same words."""
    keys_source = {p.key for block in source for p in block.placeholders} | {
        link.destination for block in source for link in block.links
    }
    keys_target = {p.key for block in target for p in block.placeholders} | {
        link.destination for block in target for link in block.links
    }
    if keys_source and keys_source == keys_target:
        return True
    stems_source = {word[:4].lower() for block in source for word in _STEM.findall(block.text)}
    stems_target = {word[:4].lower() for block in target for word in _STEM.findall(block.text)}
    if not stems_source or not stems_target:
        return False
    return len(stems_source & stems_target) / len(stems_source | stems_target) >= MIN_SHARED_STEMS


_TEXT_FAMILY = frozenset({"paragraph", "list_item", "quote", "html", "table_row"})


def _same_words(source: list[Block], target: list[Block], ratio: float) -> bool:
    return same_text(source, target)


def _one_for_one(source: list[Block], target: list[Block], ratio: float) -> bool:
    """As many blocks of the same families in the same place, of the length this translation makes of its
    source: the translation of these blocks, which the aligner could not pair (a link written another way)."""
    if len(source) != len(target):
        return False
    for first, second in zip(source, target, strict=True):
        if (first.kind == "code") != (second.kind == "code") or (
            first.kind != "code" and second.kind not in _TEXT_FAMILY
        ):
            return False
    source_length, target_length = sum(len(b.text) for b in source), sum(len(b.text) for b in target)
    if not source_length or not target_length:
        return False
    low, high = SAME_CONTENT_RATIO
    return low <= target_length / source_length / ratio <= high


FLATTENED_RATIO = (0.6, 2.2)  # the paragraph may also hold the list's lead-in


def _flattened(source: list[Block], target: list[Block], ratio: float) -> bool:
    """List items (and their lead-in) that the translation wrote into one paragraph (`- a - b` on one line), of
    the length this translation makes of them: the items are there, only their markup is lost."""
    kinds = {block.kind for block in source}
    if "list_item" not in kinds or not kinds <= {"paragraph", "list_item"}:
        return False
    if not all(flattened_list(block) for block in target):
        return False
    source_length = sum(text_length(block) for block in source)
    target_length = sum(text_length(block) for block in target)
    low, high = FLATTENED_RATIO
    return bool(source_length) and low <= target_length / source_length / ratio <= high


def _embedded_example(pair: FilePair, block: Block) -> bool:
    """A code block whose info string names it as an example the project may also embed by macro (MDN's
    `interactive-example`): one side writes it out where the other calls the macro, and it is the same example."""
    words = option(pair, "embedded-example-info")
    return bool(words) and bool(set((block.info or "").split()) & set(words))


def _indented_in_mdx(document, block: Block) -> bool:
    """MDX has no indented code: four spaces there indent prose inside a component, compared as text elsewhere."""
    return document.path.endswith(".mdx") and not block.raw.lstrip().startswith(("```", "~~~"))


def has_content(block: Block) -> bool:
    """Text a reader reads: not only placeholders or macros (`{{Compat}}`), anchors, markup or MDX imports."""
    if block.kind not in CONTENT_KINDS:
        return False
    if block.kind == "code":
        return bool(block.text.strip())
    if MODULE_LINE.match(block.raw):
        return False
    text = without_placeholders(block.text, block.placeholders)
    return any(char.isalnum() for char in text)


def quote_start(block: Block, limit: int = 40) -> str:
    """The first words of a block, as a translator would search for them in the source."""
    text = " ".join((block.text if block.kind != "code" else block.text.strip().split("\n")[0]).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
