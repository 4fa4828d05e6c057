"""Runs of source blocks the translation lacks, and of translation blocks the source lacks.

One run is one finding: a dropped example (its description and its code) or a
section's worth of paragraphs is one thing the translator must restore.
Headings are left to the heading rules (and so is the content of a section
whose heading has no counterpart, unless the outline diverged and the heading
rules are silent), HTML without visible text (anchors, comments) and thematic
breaks carry no content, and a paragraph that the
translator split or merged (`align.groups`) is neither missing nor extra.
"""

from __future__ import annotations

from dataclasses import dataclass

from lintkit.align import BlockGroup, groups
from lintkit.model import Block, FilePair

CONTENT_KINDS = frozenset({"paragraph", "list_item", "quote", "table_row", "code", "html"})


@dataclass(frozen=True)
class Run:
    """Consecutive unpaired content blocks of one side; `in_unpaired_section` when a heading of that side with
    no counterpart leads them (the whole section is missing or extra, and the heading rules say so)."""

    blocks: tuple[Block, ...]
    in_unpaired_section: bool


@dataclass(frozen=True)
class Parity:
    """A pair's block groups and its unpaired content, computed once per pair."""

    groups: tuple[BlockGroup, ...]
    missing: tuple[Run, ...]  # runs of source blocks
    extra: tuple[Run, ...]  # runs of target blocks


def parity(pair: FilePair) -> Parity:
    return pair.memo("content-parity", _parity)


def _parity(pair: FilePair) -> Parity:
    block_groups, joined = groups(pair.alignment)
    runs: dict[str, list[list[Block]]] = {"source": [], "target": []}
    sections: dict[str, list[bool]] = {"source": [], "target": []}
    open_run = {"source": False, "target": False}
    unpaired_heading = {"source": False, "target": False}
    for aligned in pair.alignment:
        if aligned.source is not None and aligned.target is not None:
            open_run = {"source": False, "target": False}
            unpaired_heading = {"source": False, "target": False}
            continue
        block = aligned.source or aligned.target
        if block is None or block.kind == "front_matter_field":
            continue
        side = "source" if aligned.source is not None else "target"
        if block.kind == "heading":
            open_run[side] = False  # a heading starts another section: another finding
            unpaired_heading[side] = True
            continue
        if id(block) in joined or not _has_content(block):
            continue
        if open_run[side]:
            runs[side][-1].append(block)
        else:
            runs[side].append([block])
            sections[side].append(unpaired_heading[side])
            open_run[side] = True
    return Parity(
        block_groups,
        tuple(Run(tuple(run), section) for run, section in zip(runs["source"], sections["source"], strict=True)),
        tuple(Run(tuple(run), section) for run, section in zip(runs["target"], sections["target"], strict=True)),
    )


def _has_content(block: Block) -> bool:
    if block.kind not in CONTENT_KINDS:
        return False
    if block.kind == "code":
        return bool(block.text.strip())
    return any(char.isalnum() for char in block.text)


def quote_start(block: Block, limit: int = 40) -> str:
    """The first words of a block, as a translator would search for them in the source."""
    text = " ".join((block.text if block.kind != "code" else block.text.strip().split("\n")[0]).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
