"""Pack rule kinds about terms: glossary (the chosen translation) and do-not-translate (kept as written).

Both compare an aligned source block that has the term with its target block,
and name what the target has instead: a variant spelling (same variant key,
see `lintkit/terms.py`), the source term left in English, or nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from lintkit.analysis.term_trie import TermFinder
from lintkit.analysis.terms import Prose, at_sentence_start, spelling, term_pattern, variant_key, windows
from lintkit.model import Block, FilePair, Finding
from lintkit.packs.kinds import (
    PackRule,
    case_option,
    entry_line,
    entry_list,
    locale_matches,
    pieces_by_block,
    target_of,
)


class GlossaryRule(PackRule):
    """Source terms and the translation the team chose for them, per locale."""

    kind = "glossary"
    fields = ("entries", "case", "inflection")
    message_fields = ("found", "term", "required", "source_line", "locale")
    default_message = '"{found}" where the glossary wants "{required}" for "{term}" (source line {source_line})'
    missing_message = '"{term}" (source line {source_line}) should be translated "{required}", which this block lacks'
    what = "source terms and the translation each must have"

    def __init__(self, entry: dict[str, Any], *arguments: Any) -> None:
        super().__init__(entry, *arguments)
        self.ignore_case = case_option(entry, "exact") == "ignore"
        self.inflection = entry.get("inflection", False)
        if not isinstance(self.inflection, bool):
            raise ValueError("`inflection` must be true or false", "inflection")
        self.entries: list[tuple[str, Any]] = []
        seen = set()
        for item in entry_list(entry, "entries"):
            line = entry_line(item, getattr(entry, "key_lines", {}).get("entries"))
            if not isinstance(item, dict) or not isinstance(item.get("source"), str) or "target" not in item:
                raise ValueError("each glossary entry needs `source` (a string) and `target`", "entries", line)
            if item["source"].casefold() in seen:
                raise ValueError(f"`{item['source']}` is listed twice", "entries", line)
            seen.add(item["source"].casefold())
            if not _valid_target(item["target"]):
                raise ValueError(
                    "`target` must be a string, a list of strings, or a mapping of locale to those", "entries", line
                )
            self.entries.append((item["source"], item["target"]))

    def options_text(self) -> str:
        return (
            f"{len(self.entries)} entries; case {'ignored' if self.ignore_case else 'exact'}"
            f"{', inflected endings allowed' if self.inflection else ''}."
        )

    def required(self, target: Any, locale: str) -> list[str]:
        if isinstance(target, dict):
            chosen = [value for wanted, value in target.items() if locale_matches(locale, str(wanted))]
            target = chosen[0] if chosen else []
        return [target] if isinstance(target, str) else list(target)

    def check_pair(self, pair: FilePair) -> Iterator[Finding]:
        target_pieces = pieces_by_block(pair, "target", self.scopes)
        for source_term, target in self.entries:
            forms = self.required(target, pair.target.locale)
            if not forms:
                continue
            source_pattern = term_pattern(source_term, ignore_case=True, inflection=self.inflection)
            for pieces in pieces_by_block(pair, "source", self.scopes).values():
                block = pieces[0].block
                if not any(source_pattern.search(piece.text) for piece in pieces):
                    continue
                target_block = target_of(pair, block)
                if target_block is not None:
                    found = target_pieces.get(id(target_block), [])
                    yield from self._compare(pair, block, target_block, found, source_term, forms)

    def _compare(self, pair: FilePair, source: Block, target: Block, pieces: list, term: str, forms: list):
        accepted: list[tuple[int, int]] = []
        loose = [term_pattern(form, ignore_case=True, inflection=self.inflection) for form in forms]
        exact = [term_pattern(form, ignore_case=self.ignore_case, inflection=self.inflection) for form in forms]
        for piece in pieces:
            for strict, relaxed in zip(exact, loose, strict=True):
                for match in relaxed.finditer(piece.text):
                    if strict.fullmatch(match.group(0)) or (
                        at_sentence_start(piece.text, match.start())
                        and strict.fullmatch(match.group(0)[:1].swapcase() + match.group(0)[1:])
                    ):
                        accepted.append((piece.start + match.start(), piece.start + match.end()))
        keys = {variant_key(form) for form in forms} | {variant_key(term)}
        values = {"term": term, "required": forms[0], "source_line": source.span.line, "locale": pair.target.locale}
        variants = 0
        for piece in pieces:
            for start, end, key in windows(piece, min_content=1):
                start, end = piece.start + start, piece.start + end
                if key not in keys or any(
                    start < other_end and other_start < end for other_start, other_end in accepted
                ):
                    continue
                variants += 1
                found = spelling(piece.text[start - piece.start : end - piece.start])
                span = pair.target.lines.span(start, end)
                yield self.report(pair, span, self.say(found=found, **values), source=source)
        if not accepted and not variants:
            yield self.report(pair, target.span, self.missing_message.format(**values), source=source)


def _valid_target(target: Any) -> bool:
    if isinstance(target, dict):
        return bool(target) and all(_valid_target(value) and not isinstance(value, dict) for value in target.values())
    if isinstance(target, list):
        return bool(target) and all(isinstance(item, str) and item.strip() for item in target)
    return isinstance(target, str) and bool(target.strip())


class DoNotTranslateRule(PackRule):
    """Names and terms that stay exactly as written in the source."""

    kind = "do-not-translate"
    fields = ("terms",)
    message_fields = ("term", "found", "source_line", "locale")
    default_message = '"{term}" (source line {source_line}) must stay as written; the translation has "{found}"'
    missing_message = '"{term}" (source line {source_line}) must stay as written, but this block does not have it'
    what = "source terms the translation keeps unchanged"

    def __init__(self, entry: dict[str, Any], *arguments: Any) -> None:
        super().__init__(entry, *arguments)
        terms = entry_list(entry, "terms")
        if not all(isinstance(term, str) and term.strip() for term in terms):
            raise ValueError("`terms` must be a list of non-empty strings", "terms")
        repeated = [term for term, count in Counter(terms).items() if count > 1]
        if repeated:
            raise ValueError(f"`{repeated[0]}` is listed twice", "terms")
        self.terms = tuple(terms)

    def options_text(self) -> str:
        return f"Terms: {', '.join(self.terms)}."

    @cached_property
    def finder(self) -> TermFinder:
        """All the terms in one pattern, built on first use (listing the rules builds none)."""
        return TermFinder(self.terms, ignore_case=False)

    def check_pair(self, pair: FilePair) -> Iterator[Finding]:
        target_pieces = pieces_by_block(pair, "target", self.scopes)
        source_pieces = pieces_by_block(pair, "source", self.scopes)
        # One pass over the source finds the terms it has; only those are compared block by block.
        present = set().union(
            *(self.finder.present(piece.text) for pieces in source_pieces.values() for piece in pieces)
        )
        for term in self.terms:
            if term not in present:
                continue
            exact = term_pattern(term, ignore_case=False)
            for pieces in source_pieces.values():
                block = pieces[0].block
                if not any(exact.search(piece.text) for piece in pieces):
                    continue
                target_block = target_of(pair, block)
                found = target_pieces.get(id(target_block), []) if target_block is not None else []
                if target_block is None or any(exact.search(piece.text) for piece in found):
                    continue
                values = {"term": term, "source_line": block.span.line, "locale": pair.target.locale}
                variant = self._variant(found, term)
                if variant is None:
                    yield self.report(pair, target_block.span, self.missing_message.format(**values), source=block)
                else:
                    piece, start, end = variant
                    span = pair.target.lines.span(piece.start + start, piece.start + end)
                    text = self.say(found=spelling(piece.text[start:end]), **values)
                    yield self.report(pair, span, text, source=block)

    @staticmethod
    def _variant(pieces: list[Prose], term: str) -> tuple[Prose, int, int] | None:
        key = variant_key(term)
        for piece in pieces:
            for start, end, window_key in windows(piece, min_content=1):
                if window_key == key:
                    return piece, start, end
        return None
