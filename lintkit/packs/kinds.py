"""The kinds of pack rules: glossary, forbidden, do-not-translate and pattern-parity.

A pack rule is a Rule whose code, name, documentation and data come from a
YAML pack (see `lintkit/packs.py`). Each kind reads the same positioned prose
(`lintkit/terms.py`) as the consistency rules, so findings point at the exact
words in the translation and at the source line they were compared with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, ClassVar

from lintkit.analysis.terms import WORD, Prose, prose, term_pattern
from lintkit.config import setting
from lintkit.model import Block, FilePair, Finding, Fix, Severity
from lintkit.packs.messages import check_message
from lintkit.rules.base import Rule

_INVISIBLE = {"\u00a0": "a non-breaking space", "\u202f": "a narrow non-breaking space", " ": "a space", "": "nothing"}


def shown_text(text: str) -> str:
    """Text as a translator can read it in a message, invisible characters named."""
    return _INVISIBLE.get(text, f'"{text}"')


def locale_matches(locale: str, wanted: str) -> bool:
    """`fr` matches fr, fr-FR and fr_CA; `fr-CA` matches only fr-CA."""
    locale, wanted = locale.lower().replace("_", "-"), wanted.lower().replace("_", "-")
    return locale == wanted or locale.startswith(wanted + "-")


def pieces_by_block(pair: FilePair, side: str, scopes: tuple[str, ...]) -> dict[int, list[Prose]]:
    """The prose of one side of the pair, grouped by block (computed once per pair and scope)."""

    def compute(pair: FilePair) -> dict[int, list[Prose]]:
        document = pair.source if side == "source" else pair.target
        grouped: dict[int, list[Prose]] = {}
        for piece in prose(document, scopes, tuple(setting(pair, "translatable-keys"))):
            grouped.setdefault(id(piece.block), []).append(piece)
        return grouped

    return pair.memo(f"prose:{side}:{','.join(scopes)}", compute)


def target_of(pair: FilePair, source_block: Block) -> Block | None:
    mapping = pair.memo("target-of", lambda p: {id(a.source): a.target for a in p.alignment if a.source is not None})
    return mapping.get(id(source_block))


class PackRule(Rule):
    """A rule read from a pack; `documentation()` is built from the pack's own text."""

    reads = ("translatable-keys",)  # pack rules read prose, front-matter values included
    kind: ClassVar[str] = ""
    fields: ClassVar[tuple[str, ...]] = ()
    message_fields: ClassVar[tuple[str, ...]] = ()
    default_message: ClassVar[str] = ""
    what: ClassVar[str] = ""

    def __init__(self, entry: dict[str, Any], pack: str, severity: Severity, scope: tuple, locales: tuple) -> None:
        self.code = entry["code"]
        self.name = entry["name"]
        self.summary = " ".join(entry["summary"].split())
        self.severity = severity
        self.pack = pack
        self.scopes = scope
        self.locales = locales
        self.why = " ".join(str(entry.get("why", "")).split())
        self.example = str(entry.get("example", "")).strip()
        self.message = check_message(entry.get("message", self.default_message), self.message_fields)

    @classmethod
    def from_entry(cls, entry: dict[str, Any], pack: str, severity: Severity, scope: tuple, locales: tuple) -> Any:
        return cls(entry, pack, severity, scope, locales)

    def applies_to(self, locale: str) -> bool:
        """The listed locales, less those written `!fr-CA` (a region whose convention differs)."""
        wanted = [entry for entry in self.locales if not entry.startswith("!")]
        if any(locale_matches(locale, entry[1:]) for entry in self.locales if entry.startswith("!")):
            return False
        return not wanted or any(locale_matches(locale, entry) for entry in wanted)

    def say(self, **values: Any) -> str:
        return self.message.format(**values)

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if self.applies_to(pair.target.locale):
            yield from self.check_pair(pair)

    def check_pair(self, pair: FilePair) -> Iterator[Finding]:
        return iter(())

    def options_text(self) -> str:
        return ""

    def documentation(self) -> str:  # type: ignore[override]
        where = ", ".join(f"not {entry[1:]}" if entry.startswith("!") else entry for entry in self.locales)
        where = where or "every locale"
        options = (
            f"A {self.kind} rule of the pack `{self.pack}` ({self.what}), for {where}, in "
            f"{', '.join(self.scopes)}. {self.options_text()}"
        )
        sections = [
            ("What it finds", self.summary),
            ("Why it matters", self.why or "The team that wrote the pack decided so; see the pack."),
            ("Example", self.example or "See the pack's entries."),
            ("Options", options.strip()),
        ]
        return "\n\n".join(f"{title}:\n" + _indented(text) for title, text in sections)


def _indented(text: str) -> str:
    import textwrap  # for `lintkit explain` only

    if "\n" in text:
        return textwrap.indent(text, "    ")
    return textwrap.fill(text, width=100, initial_indent="    ", subsequent_indent="    ")


def _regex(text: Any, key: str, line: int | None = None) -> re.Pattern[str]:
    if not isinstance(text, str) or not text:
        raise ValueError(f"`{key}` must be a non-empty regular expression", key, line)
    try:
        pattern = re.compile(text)
    except re.error as error:
        raise ValueError(f"`{key}` is not a valid regular expression: {error}", key, line) from None
    if pattern.fullmatch(""):
        raise ValueError(f"`{key}` matches the empty text; it would match everywhere", key, line)
    return pattern


def entry_list(entry: dict[str, Any], key: str) -> list:
    value = entry.get(key)
    if not isinstance(value, list) or not value:
        raise ValueError(f"a {entry['kind']} rule needs `{key}`, a non-empty list", key)
    return value


def case_option(entry: dict[str, Any], default: str) -> str:
    case = entry.get("case", default)
    if case not in ("exact", "ignore"):
        raise ValueError(f"`case` must be exact or ignore, not {case!r}", "case")
    return case


def entry_line(item: Any, default: int | None = None) -> int | None:
    return getattr(item, "line", default)


class ForbiddenRule(PackRule):
    """Words or patterns that must not appear in the translation, each with a suggested replacement."""

    kind = "forbidden"
    fields = ("entries", "case")
    message_fields = ("found", "replacement", "locale")
    default_message = '"{found}" should not be used here; write {replacement} instead'
    what = "words or patterns that must not appear"

    def __init__(self, entry: dict[str, Any], *arguments: Any) -> None:
        super().__init__(entry, *arguments)
        ignore_case = case_option(entry, "ignore") == "ignore"
        self.entries: list[tuple[re.Pattern[str], str | None, str | None]] = []
        seen = set()
        for item in entry_list(entry, "entries"):
            line = entry_line(item, getattr(entry, "key_lines", {}).get("entries"))
            if not isinstance(item, dict) or ("term" in item) == ("pattern" in item):
                raise ValueError("each entry needs either `term` or `pattern`", "entries", line)
            unknown = set(item) - {"term", "pattern", "replacement", "message"}
            if unknown:
                raise ValueError(f"unknown entry key `{sorted(unknown)[0]}`", "entries", line)
            label = item.get("term") or item.get("pattern")
            if label in seen:
                raise ValueError(f"`{label}` is listed twice", "entries", line)
            seen.add(label)
            if "term" in item:
                if not isinstance(item["term"], str) or not item["term"].strip():
                    raise ValueError("`term` must be a non-empty string", "entries", line)
                pattern = term_pattern(item["term"], ignore_case)
            else:
                pattern = _regex(item["pattern"], "entries", line)
            replacement = item.get("replacement")
            if replacement is not None and not isinstance(replacement, str):
                raise ValueError("`replacement` must be a string", "entries", line)
            message = item.get("message")
            if message is not None:
                check_message(message, self.message_fields, "entries", line)
            self.entries.append((pattern, replacement, message))

    def options_text(self) -> str:
        return f"{len(self.entries)} entries."

    def check_pair(self, pair: FilePair) -> Iterator[Finding]:
        source_words = pair.memo("source-words", _source_words)
        for pieces in pieces_by_block(pair, "target", self.scopes).values():
            source = pair.source_block_for(pieces[0].block)
            for piece in pieces:
                for pattern, replacement, message in self.entries:
                    for match in pattern.finditer(piece.text):
                        group = "at" if "at" in pattern.groupindex else 0
                        if _untranslated(piece.text, match.end(group), source_words):
                            continue  # text left in the source language is the untranslated-text rules' concern
                        start, end = piece.start + match.start(group), piece.start + match.end(group)
                        span = pair.target.lines.span(start, end)
                        values = {
                            "found": match.group(group),
                            "replacement": shown_text(replacement) if replacement is not None else "something else",
                            "locale": pair.target.locale,
                        }
                        text = (message or self.message).format(**values)
                        fix = Fix(span, replacement) if replacement is not None else None
                        yield self.report(pair, span, text, source=source, fix=fix)


def _source_words(pair: FilePair) -> str:
    """The words of the source blocks (a catalog is its own source file: only its msgids count)."""
    return f" {' '.join(word for block in pair.source.blocks for word in WORD.findall(block.raw))} "


def _untranslated(text: str, end: int, source_words: str) -> bool:
    """True when the words leading up to `end` (at least three) are words of the source page, in order."""
    words = WORD.findall(text[max(0, end - 80) : end])[-4:]
    return len(words) >= 3 and f" {' '.join(words)} " in source_words


class PatternParityRule(PackRule):
    """A regular expression whose matches must be the same in the source and the translation."""

    kind = "pattern-parity"
    fields = ("pattern",)
    message_fields = ("found", "source_line", "locale")
    default_message = '"{found}" of the source (line {source_line}) is missing from the translation'
    extra_message = '"{found}" is not in the source'
    what = "matches that the source and the translation must share"

    def __init__(self, entry: dict[str, Any], *arguments: Any) -> None:
        super().__init__(entry, *arguments)
        self.pattern = _regex(entry.get("pattern"), "pattern")

    def options_text(self) -> str:
        return f"Pattern: `{self.pattern.pattern}`."

    def check_pair(self, pair: FilePair) -> Iterator[Finding]:
        source = self._matches(pieces_by_block(pair, "source", self.scopes))
        target = self._matches(pieces_by_block(pair, "target", self.scopes))
        missing = Counter(text for text, _, _ in source) - Counter(text for text, _, _ in target)
        extra = Counter(text for text, _, _ in target) - Counter(text for text, _, _ in source)
        for text, piece, start in source:
            if missing[text] > 0:
                missing[text] -= 1
                target_block = target_of(pair, piece.block)
                span = target_block.span if target_block is not None else pair.insertion_point(piece.block)
                line = pair.source.lines.line_of(start)
                values = {"found": text, "source_line": line, "locale": pair.target.locale}
                yield self.report(pair, span, self.say(**values), source=pair.source.lines.span(start, start))
        for text, piece, start in target:
            if extra[text] > 0:
                extra[text] -= 1
                span = pair.target.lines.span(start, start + len(text))
                yield self.report(
                    pair, span, self.extra_message.format(found=text), source=pair.source_block_for(piece.block)
                )

    def _matches(self, grouped: dict[int, list[Prose]]) -> list[tuple[str, Prose, int]]:
        return [
            (match.group(0), piece, piece.start + match.start())
            for pieces in grouped.values()
            for piece in pieces
            for match in self.pattern.finditer(piece.text)
        ]
