"""How the console script and `python -m lintkit` leave the process: at once, once everything is written."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

from lintkit.cli.app import EXIT_CLEAN, EXIT_FINDINGS, main


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """The console script and `python -m lintkit`: `main`, then leave the process at once.

    By then everything lintkit writes is written and closed (files atomically; the
    terminal is flushed here), so taking the interpreter apart object by object at
    exit would only add about 50 ms to a pre-commit hook's run. Under a profiler or
    a tracer (cProfile, coverage), which write their results at exit, the process
    exits the usual way. Tests call `main`.
    """
    _load_at_the_run_pace()
    try:
        main(argv)
        code: object = EXIT_CLEAN
    except SystemExit as stop:
        code = stop.code
    if not isinstance(code, int):  # None or a message, as the interpreter reads `sys.exit`
        if code is not None:
            print(code, file=sys.stderr)
        code = EXIT_CLEAN if code is None else EXIT_FINDINGS
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader that went away (`lintkit check | head`)
            stream.flush()
    if _observed():
        sys.exit(code)
    os._exit(code)


def _observed() -> bool:
    """A profiler, tracer or coverage tool is watching the process: it writes its results at exit."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage may watch through it instead
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


# The young-generation pace `Engine.run` sets for a run (run/engine.py: YOUNG_COLLECTION_AFTER).
_YOUNG_COLLECTION_AFTER = 500_000


def _load_at_the_run_pace() -> None:
    """Collect the young generation as seldom while the command loads its modules as during the run.

    A check imports most of lintkit after this point (the rules, their analyses,
    the parsers); their classes and functions live until the process leaves, so
    collecting every 700 new objects only scans them again: about 2% of checking
    one file. The process ends with the command, so its pace is not given back.
    """
    young, *older = gc.get_threshold()
    if young:  # 0: the collector is off, and stays off
        gc.set_threshold(max(young, _YOUNG_COLLECTION_AFTER), *older)
