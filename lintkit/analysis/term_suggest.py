"""Glossary suggestions for `lintkit terms`: frequent source terms and how one locale renders them.

Source terms are names written in title case ("Hour of Code", "Computer
Science Education Week") and repeated two-word phrases, counted once per
source block and kept only where they are not just a part of a longer term.
A term's rendering is the run of target words (by variant key, so spellings
group together) found most specifically in the target blocks aligned with the
source blocks that use the term: present in many of them, rare elsewhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from lintkit.analysis.terms import Prose, prose, spelling, windows, word_key
from lintkit.config import setting
from lintkit.model import Block, FilePair

SCOPES = ("text", "heading", "front-matter")
MIN_PHRASE_FACTOR = 2
NEAR_BEST = 0.6  # lowercase phrases must be this much more frequent than names to be suggested


@dataclass
class Suggestion:
    """One source term, how often the source uses it, and the target spellings of its rendering."""

    term: str
    uses: int
    renderings: Counter[str] = field(default_factory=Counter)
    covered: int = 0  # aligned target blocks that hold the rendering

    @property
    def dominant(self) -> str | None:
        return self.renderings.most_common(1)[0][0] if self.renderings else None


def _is_name(form: str) -> bool:
    words = [word for word in form.replace("-", " ").split() if word_key(word)]
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


def _source_pieces(pairs: Iterable[FilePair]) -> dict[int, tuple[FilePair, Block, list[Prose]]]:
    """Every aligned source block once per pair, with its prose."""
    found: dict[int, tuple[FilePair, Block, list[Prose]]] = {}
    for pair in pairs:
        keys = tuple(setting(pair, "translatable-keys"))
        for piece in prose(pair.source, SCOPES, keys):
            found.setdefault(id(piece.block), (pair, piece.block, []))[2].append(piece)
    return found


def source_terms(pairs: list[FilePair], min_uses: int = 3) -> dict[str, tuple[str, set[int]]]:
    """Variant key -> (most common spelling, ids of the source blocks that use it)."""
    found: list[tuple[int, list[tuple[int, int, str, str]]]] = []
    seen_documents: set[int] = set()
    for pair in pairs:
        if id(pair.source) in seen_documents:
            continue  # a source translated twice in one locale counts once
        seen_documents.add(id(pair.source))
        for piece in prose(pair.source, SCOPES, tuple(setting(pair, "translatable-keys"))):
            spans = []
            for start, end, key in windows(piece, max_words=5):
                form = spelling(piece.text[start:end])
                if _is_name(form) or (form.islower() and len(form.split()) == 2):
                    spans.append((start, end, key, form))
            found.append((id(piece.block), spans))
    frequent = _count(found, set(), min_uses)
    return _count(found, set(frequent), min_uses)


def _count(found: list, longer_terms: set[str], min_uses: int) -> dict[str, tuple[str, set[int]]]:
    """Terms used in `min_uses` blocks, not counting their uses inside one of `longer_terms`."""
    blocks_of: dict[str, set[int]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for block_id, spans in found:
        longer = [(start, end) for start, end, key, _ in spans if key in longer_terms]
        for start, end, key, form in spans:
            if any(s <= start and end <= e and e - s > end - start for s, e in longer):
                continue  # part of a longer term
            blocks_of[key].add(block_id)
            spellings[key][form] += 1
    terms = {}
    for key, blocks in blocks_of.items():
        form = spellings[key].most_common(1)[0][0]
        needed = min_uses if _is_name(form) else min_uses * MIN_PHRASE_FACTOR
        if len(blocks) >= needed:
            terms[key] = (form, blocks)
    return terms


def suggest(pairs: list[FilePair], min_uses: int = 3, limit: int = 40) -> list[Suggestion]:
    """Suggestions for one locale's pairs, most used terms first."""
    sources = _source_pieces(pairs)
    target_keys: dict[int, Counter[str]] = {}  # source block id -> target window keys
    target_forms: dict[int, list[tuple[str, str]]] = {}
    everywhere: Counter[str] = Counter()
    for block_id, (pair, _, _) in sources.items():
        target = pair.memo("target-of-blocks", _target_map).get(block_id)
        if target is None:
            continue
        keys: Counter[str] = Counter()
        forms = []
        for piece in pair.memo("target-prose", _target_prose).get(id(target), []):
            for start, end, key in windows(piece, min_content=1):
                keys[key] += 1
                forms.append((key, spelling(piece.text[start:end])))
        target_keys[block_id], target_forms[block_id] = keys, forms
        everywhere.update(set(keys))
    suggestions = []
    for term_key, (term, blocks) in source_terms(pairs, min_uses).items():
        aligned = [block_id for block_id in blocks if block_id in target_keys]
        suggestion = Suggestion(term, len(blocks))
        inside: Counter[str] = Counter()
        for block_id in aligned:
            inside.update(set(target_keys[block_id]))
        scored = [
            (count * count / everywhere[key], len(key), key)
            for key, count in inside.items()
            if count >= 2 or key == term_key
        ]
        if scored:
            # then the longest near-best that contains it: "Heure de Code" rather than its part "Code"
            top, _, best = max(scored)
            best = max(
                (key for score, _, key in scored if score >= NEAR_BEST * top and best in key), key=len, default=best
            )
            suggestion.covered = inside[best]
            for block_id in aligned:
                suggestion.renderings.update(form for key, form in target_forms[block_id] if key == best)
        suggestions.append(suggestion)
    suggestions.sort(key=lambda item: (-item.uses, item.term))
    return suggestions[:limit]


def _target_map(pair: FilePair) -> dict[int, Block]:
    return {id(aligned.source): aligned.target for aligned in pair.alignment if aligned.source and aligned.target}


def _target_prose(pair: FilePair) -> dict[int, list[Prose]]:
    grouped: dict[int, list[Prose]] = defaultdict(list)
    for piece in prose(pair.target, SCOPES, tuple(setting(pair, "translatable-keys"))):
        grouped[id(piece.block)].append(piece)
    return grouped


def as_text(suggestions: list[Suggestion], locale: str) -> str:
    lines = []
    for item in suggestions:
        lines.append(f"{item.term}  ({item.uses} source blocks)")
        if not item.renderings:
            lines.append("    (no rendering found in the aligned blocks)")
        for form, count in item.renderings.most_common():
            lines.append(f"    {form:<40} {count}")
    return "\n".join(lines) + ("\n" if lines else f"No frequent source terms in the {locale} files.\n")


def as_pack(suggestions: list[Suggestion], locale: str, code: str = "LK550") -> str:
    """A glossary pack to start from: each term with its dominant rendering, the others as comments."""
    entries = [{"source": item.term, "target": item.dominant} for item in suggestions if item.dominant]
    rule = {
        "code": code,
        "name": f"glossary-{locale.lower()}",
        "kind": "glossary",
        "summary": f"Terms and their chosen translation in {locale}.",
        "locales": [locale],
        "entries": entries,
    }
    text = yaml.safe_dump({"pack": f"glossary-{locale.lower()}", "rules": [rule]}, allow_unicode=True, sort_keys=False)
    notes = {item.term: item for item in suggestions if item.dominant}
    lines = [f"# Suggested by `lintkit terms --locale {locale} --pack`: review every entry before use."]
    for line in text.splitlines():
        lines.append(line)
        term = line.split("source: ", 1)[1].strip("'\"") if "- source: " in line else None
        item = notes.get(term) if term else None
        others = [f"{form} ({count})" for form, count in item.renderings.most_common()[1:]] if item else []
        if item is not None:
            lines.append(f"    # {item.uses} source blocks; also found: {', '.join(others) or 'nothing else'}")
    return "\n".join(lines) + "\n"
