"""LK201–LK205: headings, their levels, and the step numbers of how-to guides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lintkit.model import Block, FilePair, Finding, Severity
from lintkit.rules.base import Rule
from lintkit.rules.structure import diverged

# Full-width punctuation is the same step style in scripts that write it so.
_SAME_STYLE = {"．": ".", "：": ":"}


def shown(block: Block) -> str:
    """A heading as a translator recognizes it: `## 2. Choose a tutorial`."""
    text = block.text if len(block.text) <= 60 else block.text[:57] + "…"
    if block.kind != "heading":
        return text
    return f"<h{block.level}> {text}" if block.info == "html" else f"{'#' * block.level} {text}"


def _heading_pairs(pair: FilePair) -> Iterator[tuple[Block | None, Block | None]]:
    """Aligned pairs where either side is a heading; none when LK209 summarizes the file.

    The block alignment may set a translated heading against a source paragraph
    (an older translation whose heading also holds the next paragraph) and leave
    the source's heading alone. Between two paired headings, such a translated
    heading and an unaligned source heading of the same level are each other's
    counterpart. A heading the translation added stays extra.
    """
    if diverged(pair):
        return
    aligned = [(item.source, item.target) for item in pair.alignment]
    partner = _outline_partners(aligned)
    taken = {id(target) for target in partner.values()}
    for source, target in aligned:
        source_is_heading = source is not None and source.kind == "heading"
        target_is_heading = target is not None and target.kind == "heading"
        if source_is_heading and id(source) in partner:
            yield source, partner[id(source)]
        elif target_is_heading and id(target) in taken:
            if source_is_heading:
                yield source, None  # its own counterpart was found elsewhere
        elif source_is_heading or target_is_heading:
            yield source, target


def _outline_partners(aligned: list[tuple[Block | None, Block | None]]) -> dict[int, Block]:
    """Unaligned source headings (by id) and translated headings set against a paragraph, of one level,
    paired in order within each gap between paired headings."""
    partners: dict[int, Block] = {}
    lonely_sources: list[Block] = []
    lonely_targets: list[Block] = []

    def settle() -> None:
        for source in lonely_sources:
            match = next((t for t in lonely_targets if t.level == source.level), None)
            if match is not None:
                partners[id(source)] = match
                lonely_targets.remove(match)
        lonely_sources.clear()
        lonely_targets.clear()

    for source, target in aligned:
        source_is_heading = source is not None and source.kind == "heading"
        target_is_heading = target is not None and target.kind == "heading"
        if source_is_heading and target_is_heading:
            settle()
        elif source_is_heading and target is None:
            lonely_sources.append(source)
        elif target_is_heading and source is not None:
            lonely_targets.append(target)  # a translated heading the aligner set against a paragraph
    settle()
    return partners


class HeadingMissing(Rule):
    """
    What it finds:
        A heading of the source with no heading in the translation: the
        section was dropped, or its heading became plain or bold text.

    Why it matters:
        Headings are the page's table of contents and its anchors. A lost
        heading breaks links to the section and the reader's way through the page.

    Example:
        Source: `## 2. Choose a tutorial`
        Translation: `**2. Choisissez un tutoriel**`
        Finding: `heading "## 2. Choose a tutorial" (source line 15) is not a heading in the translation`

    Options:
        None.
    """

    code = "LK201"
    name = "heading-missing"
    summary = "A heading of the source has no heading in the translation."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for source, target in _heading_pairs(pair):
            if source is None or source.kind != "heading" or (target is not None and target.kind == "heading"):
                continue
            where = f'heading "{shown(source)}" (source line {source.span.line})'
            if target is None:
                yield self.report(pair, pair.insertion_point(source), f"{where} is missing", source=source)
            else:
                yield self.report(pair, target.span, f"{where} is not a heading in the translation", source=source)


class HeadingExtra(Rule):
    """
    What it finds:
        A heading in the translation that no source heading corresponds to.

    Why it matters:
        An extra section usually means the translation follows an older or
        newer version of the page, or a paragraph was turned into a heading.

    Example:
        Source: `Share it with your friends.`
        Translation: `## Partagez-le avec vos amis.`
        Finding: `heading "## Partagez-le avec vos amis." has no counterpart in the source`

    Options:
        None.
    """

    code = "LK202"
    name = "heading-extra"
    summary = "The translation has a heading the source does not have."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for source, target in _heading_pairs(pair):
            if target is None or target.kind != "heading" or (source is not None and source.kind == "heading"):
                continue
            if source is None:
                message = f'heading "{shown(target)}" has no counterpart in the source'
            else:
                message = f'"{shown(target)}" is a heading, but the source has a {source.kind.replace("_", " ")} here'
            yield self.report(pair, target.span, message, source=source)


class HeadingLevel(Rule):
    """
    What it finds:
        A heading whose level differs from its source heading (`##` for
        `###`), or that is written as raw HTML (`<h2>`) where the source uses
        Markdown.

    Why it matters:
        Levels build the page outline and the generated table of contents; an
        HTML heading gets no anchor and no style of the site's Markdown headings.

    Example:
        Source: `### 3. Share on social media`
        Translation: `## 3. Partagez sur les réseaux sociaux`
        Finding: `heading level is 2 but the source's is 3`

    Options:
        None.
    """

    code = "LK203"
    name = "heading-level"
    summary = "A heading's level or markup differs from the source."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for source, target in _heading_pairs(pair):
            if source is None or target is None or source.kind != "heading" or target.kind != "heading":
                continue
            if source.level != target.level:
                yield self.report(
                    pair,
                    target.span,
                    f'heading level is {target.level} but the source\'s is {source.level} ("{shown(source)}", '
                    f"source line {source.span.line})",
                    source=source,
                )
            elif target.info == "html" and source.info != "html":
                yield self.report(
                    pair,
                    target.span,
                    f"heading is raw HTML <h{target.level}> where the source uses Markdown "
                    f'("{shown(source)}", source line {source.span.line})',
                    source=source,
                    severity=Severity.WARNING,
                )


class HeadingNumber(Rule):
    """
    What it finds:
        A step number of a numbered heading (`### 3. Share`, `## 6) Celebrate`)
        that the translation lost, changed, skipped or used twice, compared with
        the source heading it translates.

    Why it matters:
        How-to guides are read as steps. "Step 4" after "step 2", or two steps
        numbered 6, confuse the reader and show that a section was dropped or
        pasted twice.

    Example:
        Source: `## 2. Choose a tutorial`
        Translation: `## Wähle eine Lektion`
        Finding: `step number 2 is lost ("## 2. Choose a tutorial", source line 15)`

    Options:
        None.
    """

    code = "LK204"
    name = "heading-number"
    summary = "A heading's step number is lost, changed, skipped or duplicated."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        target_numbers = Counter(
            (block.level, block.number.value) for block in pair.target.headings if block.number is not None
        )
        source_numbers = Counter(
            (block.level, block.number.value) for block in pair.source.headings if block.number is not None
        )
        for source, target in _heading_pairs(pair):
            if source is None or target is None or source.number is None or target.kind != "heading":
                continue
            reference = f'("{shown(source)}", source line {source.span.line})'
            expected = source.number.value
            if target.number is None:
                yield self.report(pair, target.span, f"step number {expected} is lost {reference}", source=source)
                continue
            found = target.number.value
            key = (target.level, found)
            twice = target_numbers[key] > 1 and target_numbers[key] > source_numbers[key]
            if found != expected:
                detail = f"step number is {found} but the source's is {expected}"
                if twice:
                    detail += f" ({found} is used twice)"
                yield self.report(pair, target.number.span, f"{detail} {reference}", source=source)


class HeadingNumberStyle(Rule):
    """
    What it finds:
        A numbered heading whose number punctuation differs from the source:
        `1-` or `1)` where the source writes `1.`.

    Why it matters:
        Mixed styles look careless and break tools that find steps by their
        pattern. Full-width `．` and `：` count as `.` and `:`.

    Example:
        Source: `### 1. Recruit local schools`
        Translation: `### 1- الاستعانة بالمدارس المحلية`
        Finding: `step number style is "1-" but the source writes "1."`

    Options:
        None.
    """

    code = "LK205"
    name = "heading-number-style"
    summary = "A heading's step number punctuation differs from the source."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if diverged(pair):
            yield from self._mixed_styles(pair)
            return
        for source, target in _heading_pairs(pair):
            if source is None or target is None or source.number is None or target.kind != "heading":
                continue
            if target.number is None or target.number.value != source.number.value:
                continue
            source_style = _SAME_STYLE.get(source.number.style, source.number.style)
            target_style = _SAME_STYLE.get(target.number.style, target.number.style)
            if source_style != target_style:
                value = source.number.value
                yield self.report(
                    pair,
                    target.number.span,
                    f'step number style is "{value}{target.number.style.strip()}" but the source writes '
                    f'"{value}{source.number.style.strip()}" (source line {source.span.line})',
                    source=source,
                )

    def _mixed_styles(self, pair: FilePair) -> Iterator[Finding]:
        """Without a usable alignment, a translation that mostly keeps the source's style but not everywhere."""
        source_style = _dominant_style(pair.source.headings)
        target_style = _dominant_style(pair.target.headings)
        if source_style is None or source_style != target_style:
            return
        for heading in pair.target.headings:
            number = heading.number
            if number is not None and _SAME_STYLE.get(number.style, number.style) != source_style:
                yield self.report(
                    pair,
                    number.span,
                    f'step number style is "{number.value}{number.style.strip()}" but the source and the rest of '
                    f'the translation write "{number.value}{source_style.strip()}"',
                )


def _dominant_style(headings: tuple[Block, ...]) -> str | None:
    styles = Counter(_SAME_STYLE.get(h.number.style, h.number.style) for h in headings if h.number is not None)
    return styles.most_common(1)[0][0] if styles else None
