"""The placeholder comparison shared by the LK1xx rules, computed once per file pair.

Placeholders are compared as multisets over the whole document and positioned
through the block alignment: first within aligned blocks, then anywhere in the
document (a placeholder moved to another sentence is fine). What remains is
paired by similarity into "altered" placeholders; the rest is missing or extra.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from lintkit.config import setting
from lintkit.formats.placeholder_keys import macro_call, placeholder_name, rendered_page, survivor_key
from lintkit.model import Block, FilePair, Placeholder

ALTERED_SIMILARITY = 0.75
MACRO_KEY = ":macro/"  # in the key of a placeholder compared as a macro call (`macro-placeholders`)


@dataclass
class PlaceholderDiff:
    missing: list[tuple[Placeholder, Block | None]] = field(default_factory=list)
    extra: list[tuple[Placeholder, Block | None]] = field(default_factory=list)
    altered: list[tuple[Placeholder, Placeholder, Block | None]] = field(default_factory=list)
    # malformed target placeholder -> the source placeholder it stands for
    broken: dict[int, Placeholder] = field(default_factory=dict)
    # target links that a translation wrote in place of the link macro they render (ids)
    written_out: set[int] = field(default_factory=set)


def _loose(key: str) -> str:
    return "".join(character for character in key.lower() if character.isalnum() or character in "/.<%")


def _ratio(first: str, second: str) -> float:
    return difflib.SequenceMatcher(None, first, second).ratio()


def similarity(first: str, second: str) -> float:
    """How likely `second` is a damaged `first`: same name in a respelled namespace, or a respelled name.

    `urls/learn` and `urls/learn_beyond` are two different placeholders of one
    namespace, not a damaged one, so names are compared on their own.
    """
    first, second = _loose(first), _loose(second)
    if first == second:
        return 1.0
    first_space, _, first_name = first.rpartition("/")
    second_space, _, second_name = second.rpartition("/")
    if first_name == second_name and first_space and second_space:
        return 0.5 + 0.5 * _ratio(first_space, second_space)
    if first_space == second_space:
        shorter, longer = sorted((first_name, second_name), key=len)
        if longer.startswith(shorter) and len(longer) - len(shorter) >= 3:
            return 0.0
        return _ratio(first_name, second_name)
    return _ratio(first, second) - 0.15


KeyOf = Callable[[Placeholder], str]


def key_function(pair: FilePair) -> KeyOf:
    """How this pair's placeholders compare: by key; for syntaxes whose text is translatable
    (`translatable-placeholders`), by what must survive translation (options, numbers); for
    macro syntaxes (`macro-placeholders`), by the macro's name in any case."""
    translatable = frozenset(setting(pair, "translatable-placeholders"))
    macros = frozenset(setting(pair, "macro-placeholders"))
    if not translatable and not macros:
        return lambda placeholder: placeholder.key

    def key_of(placeholder: Placeholder) -> str:
        if placeholder.syntax in translatable:
            return survivor_key(placeholder.syntax, placeholder.raw)
        if placeholder.syntax in macros:
            call = macro_call(placeholder.raw)
            if call is not None:
                return f"{placeholder.syntax}{MACRO_KEY}{call[0]}"  # `/`: similarity compares the names
        return placeholder.key

    return key_of


def compare_placeholders(pair: FilePair) -> PlaceholderDiff:
    if pair.target.catalog is not None:
        return compare_within_blocks(pair)
    key_of = key_function(pair)
    source_owner = {id(p): b for b in pair.source.blocks for p in b.placeholders}
    target_owner = {id(p): b for b in pair.target.blocks for p in b.placeholders}
    matched: set[int] = set()
    for source_block, target_block in pair.aligned():
        source_rest, target_rest = _without_equal_keys(source_block.placeholders, target_block.placeholders, key_of)
        left = {id(p) for p in (*source_rest, *target_rest)}  # by identity: a list `in` test is n² on long blocks
        matched.update(id(p) for p in (*source_block.placeholders, *target_block.placeholders) if id(p) not in left)
    source_left = [(p, source_owner.get(id(p))) for p in pair.source.placeholders if id(p) not in matched]
    target_left = [(p, target_owner.get(id(p))) for p in pair.target.placeholders if id(p) not in matched]
    _match_moved(pair, source_left, target_left, key_of)
    diff = PlaceholderDiff()
    _settle(pair, diff, source_left, target_left, key_of)
    _settle_macros(pair, diff)
    optional = tuple(setting(pair, "optional-placeholders"))
    if optional:  # a translation may add or leave out these (a glossary tooltip on a term)
        diff.missing = [entry for entry in diff.missing if not _optional(entry[0], optional)]
        diff.extra = [entry for entry in diff.extra if not _optional(entry[0], optional)]
    return diff


def _settle_macros(pair: FilePair, diff: PlaceholderDiff) -> None:
    """Macro calls that are not lost: written out as the link they render, or in an older call form.

    `{{jsxref("undefined")}}` written as ``[`undefined`](/fr/docs/…/undefined)`` renders the
    same link; `{{Compat("http/status", "404")}}` is the older form of `{{Compat}}`.
    """
    kept = []
    for placeholder, source_block in diff.missing:
        page = rendered_page(placeholder.raw) if placeholder.syntax == "jinja" else None
        target_block = pair.target_block_for(source_block) if page and source_block is not None else None
        nearby = target_block.links if target_block is not None else ()
        anywhere = pair.target.links if page else ()  # a list item may have moved to its neighbour
        link = next(
            (
                link
                for link in (*nearby, *anywhere)
                if id(link) not in diff.written_out and _last_segment(link.destination) == page
            ),
            None,
        )
        if link is not None:
            diff.written_out.add(id(link))
            continue
        call = macro_call(placeholder.raw) if placeholder.syntax == "jinja" else None
        older = next(
            (entry for entry in diff.extra if call is not None and _older_form(call, entry[0])),
            None,
        )
        if older is not None:
            diff.extra.remove(older)
            continue
        kept.append((placeholder, source_block))
    diff.missing = kept


def _last_segment(destination: str) -> str:
    path = destination.strip().partition("#")[0].rstrip("/")
    return path.rsplit("/", 1)[-1].lower()


def _older_form(call: tuple[str, list[str]], candidate: Placeholder) -> bool:
    """The same macro, called with arguments on one side and none on the other."""
    other = macro_call(candidate.raw) if candidate.syntax == "jinja" else None
    return other is not None and other[0] == call[0] and (not call[1]) != (not other[1])


def _optional(placeholder: Placeholder, patterns: tuple[str, ...]) -> bool:
    name = placeholder_name(placeholder.syntax, placeholder.raw)
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _match_moved(
    pair: FilePair,
    source_left: list[tuple[Placeholder, Block | None]],
    target_left: list[tuple[Placeholder, Block | None]],
    key_of: KeyOf,
) -> None:
    """Pair placeholders of the same key found in unaligned places, nearest relative position first.

    A placeholder moved to another sentence is fine; when one occurrence of a
    repeated placeholder is really gone, the others pair with their neighbours
    and the one left over is the missing one.
    """
    source_lines = max(len(pair.source.lines.starts), 1)
    target_lines = max(len(pair.target.lines.starts), 1)
    candidates = sorted(
        (
            _folded(source[0].raw) != _folded(target[0].raw),  # the same text first: macros compare by name only
            abs(source[0].span.line / source_lines - target[0].span.line / target_lines),
            s_index,
            t_index,
        )
        for s_index, source in enumerate(source_left)
        for t_index, target in enumerate(target_left)
        if key_of(source[0]) == key_of(target[0])
    )
    used_source: set[int] = set()
    used_target: set[int] = set()
    for _, _, s_index, t_index in candidates:
        if s_index not in used_source and t_index not in used_target:
            used_source.add(s_index)
            used_target.add(t_index)
    source_left[:] = [entry for index, entry in enumerate(source_left) if index not in used_source]
    target_left[:] = [entry for index, entry in enumerate(target_left) if index not in used_target]


def _closest(
    placeholder: Placeholder,
    candidates: list[tuple[Placeholder, Block | None]],
    aligned_target: Block | None,
    key_of: KeyOf,
) -> tuple[Placeholder, Block | None] | None:
    best, best_score = None, ALTERED_SIMILARITY
    macro = MACRO_KEY in key_of(placeholder)
    for candidate in candidates:
        if candidate[0].syntax != placeholder.syntax:
            continue
        if macro and (aligned_target is None or candidate[1] is not aligned_target):
            continue  # two macros of like names far apart (`JSRef`, `JSxRef`) are two macros
        score = similarity(key_of(placeholder), key_of(candidate[0]))
        if aligned_target is not None and candidate[1] is aligned_target:
            score += 0.2  # one leftover each in a pair of aligned blocks is most likely the same one
        if score > best_score:
            best, best_score = candidate, score
    return best


def compare_within_blocks(pair: FilePair) -> PlaceholderDiff:
    """Catalog entries are independent strings: a `%s` of one entry never stands in for another's."""
    diff = PlaceholderDiff()
    key_of = key_function(pair)
    for source_block, target_block in pair.aligned():
        source_rest, target_rest = _without_equal_keys(source_block.placeholders, target_block.placeholders, key_of)
        _settle(pair, diff, [(p, source_block) for p in source_rest], [(p, target_block) for p in target_rest], key_of)
    return diff


def _without_equal_keys(
    source: tuple[Placeholder, ...], target: tuple[Placeholder, ...], key_of: KeyOf
) -> tuple[list[Placeholder], list[Placeholder]]:
    """What is left of both sides once placeholders of equal keys are paired off, one for one
    (each source placeholder takes the first target of its key still free: one pass, not n²)."""
    free_by_key: dict[str, deque[int]] = defaultdict(deque)
    for index, placeholder in enumerate(target):
        free_by_key[key_of(placeholder)].append(index)
    source_rest, taken = [], set()
    for placeholder in source:
        free = free_by_key.get(key_of(placeholder))
        if free:
            taken.add(_same_text_first(free, placeholder, target, key_of))
        else:
            source_rest.append(placeholder)
    return source_rest, [placeholder for index, placeholder in enumerate(target) if index not in taken]


def _same_text_first(free: deque[int], placeholder: Placeholder, target: tuple[Placeholder, ...], key_of: KeyOf) -> int:
    """The first free target of the key whose text is the placeholder's (any case, any spacing), else the first:
    among `{{jsxref("Array")}}` and `{{JSxRef("Array.prototype.with()")}}` (one macro by name), `Array` pairs with
    `Array`, so the one reported as extra is the other. Only macros compare by less than their text."""
    if len(free) > 1 and MACRO_KEY in key_of(placeholder):
        wanted = _folded(placeholder.raw)
        for position, index in enumerate(free):
            if _folded(target[index].raw) == wanted:
                del free[position]
                return index
    return free.popleft()


def _folded(raw: str) -> str:
    return "".join(raw.lower().split())


def _settle(
    pair: FilePair,
    diff: PlaceholderDiff,
    source_left: list[tuple[Placeholder, Block | None]],
    target_left: list[tuple[Placeholder, Block | None]],
    key_of: KeyOf,
) -> None:
    """Each unmatched source placeholder is broken (a malformed one stands in its aligned block), altered
    (a similar one is left) or missing; well-formed target placeholders left over are extra."""
    malformed = [entry for entry in target_left if entry[0].problem is not None]
    candidates = [entry for entry in target_left if entry[0].problem is None]
    for placeholder, source_block in source_left:
        aligned_target = pair.target_block_for(source_block) if source_block is not None else None
        stand_in = next(
            (entry for entry in malformed if aligned_target is not None and entry[1] is aligned_target), None
        )
        if stand_in is not None:
            malformed.remove(stand_in)
            diff.broken[id(stand_in[0])] = placeholder
            continue
        best = _closest(placeholder, candidates, aligned_target, key_of)
        if best is not None:
            candidates.remove(best)
            diff.altered.append((placeholder, best[0], source_block))
        else:
            diff.missing.append((placeholder, source_block))
    diff.extra.extend(candidates)
