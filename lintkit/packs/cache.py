"""Parsed rule packs kept between runs, so that checking one file does not parse every pack's YAML again.

PyYAML's pure-Python loader (needed for the line of every key, which pack
errors name) costs about as much on the shipped packs as checking a short
page. What it builds is kept in the cache folder (`lintkit/cache_folder.py`)
as JSON named after a checksum of the pack's text, and the entry holds that
text too: it is used only when the text is the same, so an edited pack is
simply parsed again (a checksum needs no cryptographic hash, whose library
costs a few milliseconds to load on every start), and only a pack that parsed
is kept: errors are always found afresh. The entry holds the YAML's values and lines, not the rules, so
every run still validates the pack with the code it runs. Values JSON cannot
keep exactly (dates, keys that are not strings) leave the pack uncached; a
cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import json
from binascii import crc32
from collections.abc import Callable
from typing import Any

from lintkit.cache_folder import cache_root

_FORMAT = 2  # bump when the encoding below changes


class NotKept(Exception):
    """A value that JSON would not give back as it was."""


def parsed(text: str, parse: Callable[[str], Any], mapping_type: type[dict]) -> Any:
    """`parse(text)`, from the cache when this exact text was parsed before; mappings are `mapping_type`."""
    encoded_text = text.encode("utf-8", "surrogatepass")
    path = cache_root() / f"packs-{_FORMAT}" / f"{crc32(encoded_text):08x}-{len(encoded_text)}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry["text"] == text:
            return _decoded(entry["value"], mapping_type)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # not kept yet, or damaged: parse it
    data = parse(text)  # also when another text with the same checksum was kept there: this one replaces it
    try:
        encoded = json.dumps({"text": text, "value": _encoded(data, mapping_type)})
        path.parent.mkdir(parents=True, exist_ok=True)
        from lintkit.atomic import write_atomic  # tempfile and its imports, only when a pack is first kept

        write_atomic(path, encoded)
    except (NotKept, OSError, ValueError):
        pass
    return data


def _encoded(value: Any, mapping_type: type[dict]) -> Any:
    """Every list and mapping as a tagged object, so that each comes back as the type it was."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return {"list": [_encoded(item, mapping_type) for item in value]}
    if type(value) is mapping_type and all(type(key) is str for key in value):
        return {
            "map": [[key, _encoded(item, mapping_type)] for key, item in value.items()],
            "line": value.line,
            "key_lines": value.key_lines,
        }
    raise NotKept(type(value).__name__)


def _decoded(value: Any, mapping_type: type[dict]) -> Any:
    if not isinstance(value, dict):
        return value
    if "list" in value:
        return [_decoded(item, mapping_type) for item in value["list"]]
    mapping = mapping_type((key, _decoded(item, mapping_type)) for key, item in value["map"])
    mapping.line = int(value["line"])
    mapping.key_lines = {str(key): int(line) for key, line in value["key_lines"].items()}
    return mapping
