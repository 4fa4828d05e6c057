"""Regular expressions compiled by an earlier run, kept so that `lintkit check one.md` does not compile them again.

Python compiles a pattern in two steps: pure-Python code parses it and turns it
into a list of small integers (slow: lintkit and its libraries compile about
250 patterns at start-up, a sixth of checking one file), and the C engine
builds the pattern object from that list (fast, and it validates the list).
This module keeps the list of every pattern a run compiled, in the cache folder
(`lintkit/cache_folder.py`), and on the next run hands the kept list straight
to the engine. The pattern object is the one Python would build: same code,
flags and groups.

It is installed only on the interpreter it was written for: the list's format
belongs to CPython's `_sre` engine (`MAGIC`), and the file is named after the
exact Python build. Anywhere else, and for bytes, DEBUG and LOCALE patterns,
Python compiles as usual. A kept entry the engine refuses is compiled afresh.
(A pattern's parse-time warnings, such as "possible nested set", are given
only by the run that compiled it.)
The file holds the patterns of the last run that compiled a new one (at most
`MOST_KEPT`, none longer than `LONGEST_KEPT` characters), so it never grows
with the sites checked; it is written atomically when the command ends.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from typing import Any

from lintkit.atomic import write_atomic
from lintkit.cache_folder import cache_root

MOST_KEPT = 4000
LONGEST_KEPT = 20_000  # a long term list's trie is compiled once per run anyway; keeping it would slow every start
_SRE_MAGIC = 20220615  # CPython 3.11's pattern-code format, the one this module was written against
_NOT_KEPT = re.DEBUG | re.LOCALE

_kept: dict[str, tuple] = {}  # "flags:pattern" -> (flags, code, groups, groupindex, indexgroup)
_used: dict[str, tuple] = {}
_added = False
_installed = False
_original: Any = None  # Python's own compile step, for what is not kept


def install() -> None:
    """Compile through the kept patterns from now on, when this interpreter's engine is the one known here."""
    global _installed, _kept, _original
    import _sre
    import re._compiler as compiler

    if _installed or getattr(_sre, "MAGIC", None) != _SRE_MAGIC or sys.implementation.name != "cpython":
        return
    try:
        _kept = _valid(json.loads(_file().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, AttributeError):
        _kept = {}
    _original = original = compiler.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or flags & _NOT_KEPT:
            return original(pattern, flags)
        return _compiled(pattern, int(flags), compiler, _sre)

    compiler.compile = compile
    _installed = True


def save() -> None:
    """Write the patterns this run compiled, when one of them was not kept yet; a failure to write is ignored."""
    if not (_installed and _added):
        return
    kept = dict(list(_used.items())[:MOST_KEPT])
    try:
        path = _file()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(kept, separators=(",", ":")))
    except (OSError, ValueError):
        pass


def _compiled(pattern: str, flags: int, compiler: Any, sre: Any) -> Any:
    global _added
    key = f"{flags}:{pattern}"
    entry = _kept.get(key)
    if entry is not None:
        try:
            compiled = sre.compile(pattern, *entry)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # refused by the engine: compile it afresh
            del _kept[key]
        else:
            _used[key] = entry
            return compiled
    parsed = compiler._parser.parse(pattern, flags)
    code = [int(number) for number in compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = sre.compile(pattern, *entry)
    if len(pattern) <= LONGEST_KEPT:
        _used[key] = entry
        _added = True
    return compiled


def _valid(data: Any) -> dict[str, tuple]:
    """The entries of a kept file whose shape is right (a damaged file keeps nothing it cannot use)."""
    kept = {}
    for key, entry in data.items():
        flags, code, groups, groupindex, indexgroup = entry
        if not (
            isinstance(key, str)
            and type(flags) is int
            and type(groups) is int
            and all(type(number) is int for number in code)
            and all(isinstance(name, str) and type(number) is int for name, number in groupindex.items())
            and all(name is None or isinstance(name, str) for name in indexgroup)
        ):
            raise ValueError("a kept pattern of the wrong shape")
        kept[key] = (flags, code, groups, groupindex, tuple(indexgroup))
    return kept


def _file() -> Any:
    build = hashlib.sha256(sys.version.encode()).hexdigest()[:16]  # the exact build: its Unicode tables too
    return cache_root() / f"patterns-{sys.implementation.cache_tag}-{build}.json"
