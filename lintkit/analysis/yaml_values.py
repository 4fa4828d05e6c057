"""Front-matter values compared and quoted in time bounded by their YAML text.

YAML aliases share one object many times: `a: &a [x, x]`, `b: &b [*a, *a]`, … is a few hundred bytes that
expands to billions of values, so `==` and `repr()` on it take seconds and gigabytes. Here each pair of
shared objects is compared once, and a value is written only as far as a finding quotes it.
"""

from __future__ import annotations

_MAX_DEPTH = 200  # deeper than any real front matter; past it two values are taken as equal (no finding)
_MAX_SHOWN_DEPTH = 64


def same_value(first: object, second: object) -> bool:
    """`first == second` for YAML values, in time bounded by the objects (each pair compared once)."""
    return _same(first, second, {}, 0)


def _same(first: object, second: object, seen: dict[tuple[int, int], bool], depth: int) -> bool:
    if first is second or depth > _MAX_DEPTH:
        return True
    if not isinstance(first, list | dict) or not isinstance(second, list | dict):
        return first == second  # a scalar, or a scalar against a collection: cheap either way
    if type(first) is not type(second) or len(first) != len(second):
        return False
    key = (id(first), id(second))
    if key not in seen:
        seen[key] = True  # a cycle (`&a [*a]`) compares equal to itself
        if isinstance(first, dict):
            assert isinstance(second, dict)
            result = first.keys() == second.keys() and all(
                _same(first[name], second[name], seen, depth + 1) for name in first
            )
        else:
            assert isinstance(second, list)
            result = all(_same(a, b, seen, depth + 1) for a, b in zip(first, second, strict=True))
        seen[key] = result
    return seen[key]


def short_value(value: object, limit: int = 60) -> str:
    """How a finding quotes a value: strings in double quotes, others as Python shows them, cut to `limit`
    characters; only as much of a nested value is written as the cut keeps."""
    if isinstance(value, str):
        text = f'"{value[: limit + 1]}"'
    else:
        pieces: list[str] = []
        _write(value, pieces, limit + 1, 0)
        text = "".join(pieces)
    return text if len(text) <= limit else text[: limit - 3] + "…"


def _write(value: object, pieces: list[str], budget: int, depth: int) -> int:
    """Append the repr of `value` to `pieces` until `budget` characters are written; what is left."""
    if budget <= 0:
        return 0
    if isinstance(value, list | dict) and depth > _MAX_SHOWN_DEPTH:
        pieces.append("…")
        return budget - 1
    if isinstance(value, list):
        items: list[tuple[object | None, object]] = [(None, item) for item in value]
        opener, closer = "[", "]"
    elif isinstance(value, dict):
        items = list(value.items())
        opener, closer = "{", "}"
    else:
        text = repr(value)[:budget]
        pieces.append(text)
        return budget - len(text)
    pieces.append(opener)
    budget -= 1
    for index, (name, item) in enumerate(items):
        if budget <= 0:
            return 0
        if index:
            pieces.append(", ")
            budget -= 2
        if name is not None:
            budget = _write(name, pieces, budget, depth + 1)
            pieces.append(": ")
            budget -= 2
        budget = _write(item, pieces, budget, depth + 1)
    pieces.append(closer)
    return budget - 1
