"""LK501–LK502: one locale, one translation: consistency across all files of a locale in the run.

These rules need every file of the locale at once, so they run after the
per-file rules (`scope = "locale"`). Of each file they keep only the plain
text they compare (`locale_facts`), so a locale of thousands of pages costs
its text, not its parsed documents.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any, NamedTuple

from lintkit.analysis.terms import WORD, Prose, at_sentence_start, content_words, prose, spelling, tokenize, word_key
from lintkit.config import setting
from lintkit.model import FilePair, Finding, LineIndex, Severity, Span
from lintkit.rules.base import Rule

MIN_SOURCE_WORDS = 4
MIN_TERM_USES = 3
MAX_LENGTH_RATIO = 1.6
VARIANT_SCOPES = ("text", "heading", "front-matter")


def _shown(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _comparable(first: str, second: str) -> bool:
    """Two renderings of one text have similar lengths; very different ones mean a misaligned block."""
    return max(len(first), len(second)) <= MAX_LENGTH_RATIO * min(len(first), len(second))


def _normalized(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class InconsistentTranslation(Rule):
    """
    What it finds:
        A source sentence or heading that appears in several places (in one file
        or in several files of the run) and is translated differently in one of
        them. The finding names the translation used most often and where.

    Why it matters:
        Readers meet the same button label, step title or notice on many pages.
        When one page says it differently, it looks like a different thing, and
        translation memories get two answers for one question.

    Example:
        Source (two pages): `Sign up to host an event.`
        Translation: `Inscrivez-vous pour organiser un événement.` (3 times)
        and `Enregistrez votre événement.` (once)
        Finding: `translated differently from the 3 other places with this source text
        (source line 4): "Inscrivez-vous pour organiser un événement." (fr/guide.md:4)`

    Options:
        Opt-in: runs when `select` or `extend-select` names it, because
        rewording a repeated sentence to fit its page is a choice many teams
        make. Source blocks of fewer than 4 words, and translations identical
        to the source (untranslated text), are left out.
        `translatable-keys`: front-matter keys that get translated.
    """

    code = "LK501"
    reads = ("translatable-keys",)
    name = "inconsistent-translation"
    summary = "The same source text is translated differently in different places."
    severity = Severity.WARNING
    scope = "locale"
    default_enabled = False  # judged precision on the shared corpora is under 90% (benchmarks/judged/)

    def check_locale(self, locale_set: Any) -> Iterator[Finding]:
        return self.check_facts(locale_set.locale, [self.locale_facts(pair) for pair in locale_set.pairs])

    def locale_facts(self, pair: FilePair) -> _Renderings:
        """The file's translations of source blocks long enough to compare, as plain text."""
        renderings = []
        # a target that is some source text of the page is untranslated (or misaligned), not a rendering
        source_texts = {_normalized(block.text) for block in pair.source.blocks}
        for source, target in pair.aligned():
            source_text = _normalized(source.text)
            if source.kind != target.kind or len(WORD.findall(source_text)) < MIN_SOURCE_WORDS:
                continue
            if source.kind == "plural_form":  # the forms of one plural msgid differ by design
                continue
            target_text = _normalized(target.text)
            if target_text and target_text not in source_texts:
                renderings.append(_Rendering(source.kind, source_text, target_text, target.span, source.span.line))
        return _Renderings(pair.target.path, pair.source.path, tuple(renderings))

    def check_facts(self, locale: str, facts: list[Any]) -> Iterator[Finding]:
        places: dict[tuple[str, str], list[tuple[_Renderings, _Rendering]]] = defaultdict(list)
        for file in facts:
            for rendering in file.renderings:
                places[(rendering.kind, rendering.source_text)].append((file, rendering))
        for uses in places.values():
            counts = Counter(rendering.target_text for _, rendering in uses)
            if len(counts) < 2:
                continue
            dominant, dominant_count = counts.most_common(1)[0]
            example = next(use for use in uses if use[1].target_text == dominant)
            where = f"{example[0].path}:{example[1].span.line}"
            for file, rendering in uses:
                target_text = rendering.target_text
                if target_text == dominant or not _comparable(target_text, dominant):
                    continue
                yield _finding(
                    self,
                    file,
                    rendering.span,
                    f"translated differently from the {dominant_count} other place"
                    f"{'s' if dominant_count > 1 else ''} with this source text (source line {rendering.source_line}): "
                    f'"{_shown(dominant)}" ({where})',
                    rendering.source_line,
                )


class TermVariant(Rule):
    """
    What it finds:
        Spellings of one term that differ only by case, an article or
        preposition, accents or hyphenation ("Heure de Code", "Heure du Code",
        "heure de code") across all files of a locale, with no glossary needed.
        Each occurrence of a less used spelling is reported with the spelling
        used most and its count.

    Why it matters:
        A product or event name written three ways reads as three names, and a
        glossary cannot be built from a translation that disagrees with itself.
        Once the team has chosen, a glossary pack enforces the choice.

    Example:
        Translation: `Participez à l'Heure du Code !` where the locale says
        "Heure de Code" 50 times.
        Finding: `"Heure du Code" is a variant of "Heure de Code", used 50 times in fr
        (other variants: "heure de code" 1)`

    Options:
        Opt-in: runs when `select` or `extend-select` names it; a
        sentence-initial capital or a grammatical article makes most variants
        on sites without a glossary. A term here is two or more content words
        of which one is capitalized, used at least 3 times in the locale.
        `translatable-keys`: front-matter keys that get translated.
    """

    code = "LK502"
    reads = ("translatable-keys",)
    name = "term-variant"
    summary = "One term is spelled in several ways across the locale."
    severity = Severity.WARNING
    scope = "locale"
    default_enabled = False  # judged precision on the shared corpora is under 90% (benchmarks/judged/)

    def check_locale(self, locale_set: Any) -> Iterator[Finding]:
        return self.check_facts(locale_set.locale, [self.locale_facts(pair) for pair in locale_set.pairs])

    def locale_facts(self, pair: FilePair) -> _Pieces:
        """The file's prose that may spell terms, as text with its offsets and the source line it translates."""
        keys = tuple(setting(pair, "translatable-keys"))
        pieces = []
        for piece in prose(pair.target, VARIANT_SCOPES, keys):
            if _title_case_heading(piece):
                continue  # English-style headings capitalize every word: not a spelling of a term
            source = pair.source_block_for(piece.block)
            pieces.append(_Piece(piece.text, piece.start, piece.block.text, source.span.line if source else None))
        return _Pieces(pair.target.path, pair.source.path, pair.target.lines, tuple(pieces))

    def check_facts(self, locale: str, facts: list[Any]) -> Iterator[Finding]:
        found: list[tuple[_Pieces, _Piece, list[tuple[int, int, str]], list]] = []
        counts: Counter[str] = Counter()
        prefixes: set[str] = set()  # keys, and their beginnings, of runs that start with a capital
        for file in facts:
            for piece in file.pieces:
                tokens = tokenize(piece.text)
                found.append((file, piece, list(_capitalized_runs(tokens, prefixes)), tokens))
        for _, _, spans, tokens in found:  # once every capitalized run of the locale is known
            spans.extend(_lowercase_runs(tokens, prefixes))
            counts.update(key for _, _, key in spans)
        spellings: dict[str, set[str]] = defaultdict(set)
        contexts: dict[str, set[str]] = defaultdict(set)
        for _, piece, spans, _ in found:
            for start, end, key in spans:
                if counts[key] > 1:
                    spellings[key].add(_form(piece.text, start, end))
                    contexts[key].add(piece.block_text)
        # a name is one spelling in several texts (a title repeated as the first heading is one text)
        names = {key for key, forms in spellings.items() if len(forms) == 1 and len(contexts[key]) > 1}
        varied = {key for key, forms in spellings.items() if len(forms) > 1 and counts[key] >= MIN_TERM_USES}
        groups: dict[str, list[Use]] = defaultdict(list)
        for file, piece, spans, _ in found:
            # a part of a longer name written one way everywhere ("Computer Science Education Week") is that name's
            longer = [(start, end) for start, end, key in spans if key in names]
            for start, end, key in spans:
                if key in varied and not any(s <= start and end <= e and e - s > end - start for s, e in longer):
                    groups[key].append(Use(file, piece, start, end, key))
        reported: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # the longest term first ("Semaine du Code Club" rather than its "Semaine du Code"), then the most used
        for key in sorted(groups, key=lambda key: (-len(key), -len(groups[key]))):
            if len(groups[key]) >= MIN_TERM_USES:
                yield from self._variants(locale, groups[key], reported)

    def _variants(self, locale: str, uses: list[Use], reported: dict) -> Iterator[Finding]:
        if not any(use.proper for use in uses):
            return
        plain = Counter(use.form for use in uses if not use.sentence_start)
        forms = [_identity(use, plain) for use in uses]
        counts = Counter(forms)
        if len(counts) < 2:
            return
        ranked = counts.most_common()
        dominant, dominant_count = ranked[0]
        for use, form in zip(uses, forms, strict=True):
            if form[1:] == dominant[1:]:
                continue  # a capital first letter is the style of link texts, titles and list items
            if counts[form] >= dominant_count:
                continue  # no spelling dominates: nothing to align on
            start, end = use.piece.start + use.start, use.piece.start + use.end
            taken = reported[use.file.path]
            if _overlaps(taken, start, end):
                continue
            bisect.insort(taken, (start, end))
            others = [f'"{other}" {count}' for other, count in ranked[1:] if other != form]
            also = f" (other variants: {', '.join(others)})" if others else ""
            yield _finding(
                self,
                use.file,
                use.file.lines.span(start, end),
                f'"{form}" is a variant of "{dominant}", used {dominant_count} time'
                f"{'s' if dominant_count > 1 else ''} in {locale}{also}",
                use.piece.source_line,
            )


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans already reported in the file."""
    index = bisect.bisect_left(taken, (start, end))
    before = taken[index - 1] if index > 0 else None
    after = taken[index] if index < len(taken) else None
    return (before is not None and before[1] > start) or (after is not None and after[0] < end)


class _Rendering(NamedTuple):
    """One aligned block of a file, as LK501 compares it."""

    kind: str
    source_text: str
    target_text: str
    span: Span
    source_line: int


class _Renderings(NamedTuple):
    path: str
    source_path: str
    renderings: tuple[_Rendering, ...]


class _Piece(NamedTuple):
    """One block's searchable text (see `terms.Prose`), without the block: what LK502 keeps of it."""

    text: str
    start: int
    block_text: str
    source_line: int | None  # of the source block it translates


class _Pieces(NamedTuple):
    path: str
    source_path: str
    lines: LineIndex
    pieces: tuple[_Piece, ...]


def _finding(rule: Rule, file: Any, span: Span, message: str, source_line: int | None) -> Finding:
    """What `Rule.report` makes, from a file's facts instead of its pair."""
    return Finding(
        path=file.path,
        span=span,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        source_path=file.source_path,
        source_line=source_line,
    )


class Use:
    """One run of words of a target file that may be a term."""

    __slots__ = ("end", "file", "form", "key", "piece", "proper", "sentence_start", "start")

    def __init__(self, file: _Pieces, piece: _Piece, start: int, end: int, key: str) -> None:
        self.file, self.piece, self.start, self.end, self.key = file, piece, start, end, key
        self.form = _form(piece.text, start, end)
        self.sentence_start = at_sentence_start(piece.text, start)
        # A name starts with a capital that is not a sentence's, or capitalizes two of its words.
        capitals = [word[:1].isupper() for word in self.form.replace("-", " ").split() if word_key(word)]
        self.proper = bool(capitals) and capitals[0] and (not self.sentence_start or any(capitals[1:]))


def _title_case_heading(piece: Prose) -> bool:
    if piece.block.kind != "heading":
        return False
    words = [word for word in WORD.findall(piece.text) if content_words(word)]
    return len(words) > 2 and all(word[:1].isupper() for word in words)


def _capitalized_runs(tokens: list, prefixes: set[str], max_words: int = 5) -> Iterator[tuple[int, int, str]]:
    """Runs of two or more content words that start with a capital: the only ones that can be names."""
    for first, (start, _, key, total, _, _, capital) in enumerate(tokens):
        if not (total and capital):
            continue
        prefixes.add(key)
        if total >= 2:
            yield start, tokens[first][1], key
        for _, end, part, content, breaker, joined, _ in tokens[first + 1 : first + max_words]:
            if breaker or not joined:
                break
            key += part
            total += content
            prefixes.add(key)
            if content and total >= 2:
                yield start, end, key


def _lowercase_runs(tokens: list, prefixes: set[str], max_words: int = 5) -> Iterator[tuple[int, int, str]]:
    """Runs that start lowercase, as far as they can still spell a capitalized run ("heure de code")."""
    for first, (start, _, key, total, _, _, capital) in enumerate(tokens):
        if not total or capital or key not in prefixes:
            continue
        if total >= 2:
            yield start, tokens[first][1], key
        for _, end, part, content, breaker, joined, _ in tokens[first + 1 : first + max_words]:
            if breaker or not joined:
                break
            key += part
            total += content
            if key not in prefixes:
                break
            if content and total >= 2:
                yield start, end, key


def _form(text: str, start: int, end: int) -> str:
    """A spelling as written, spacing normalized."""
    return spelling(text[start:end].rstrip("'’"))


def _identity(use: Use, plain: Counter[str]) -> str:
    """A spelling; at a sentence start, the spelling used elsewhere when only the capital differs."""
    if use.sentence_start:
        lowered = use.form[:1].lower() + use.form[1:]
        if lowered != use.form and plain[lowered] > plain[use.form]:
            return lowered
    return use.form
