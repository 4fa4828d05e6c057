"""Checking a run's locales in several processes, with the results in the order one process gives them.

A locale is the unit of work because the consistency rules read every file of a
locale at once: each process checks whole locales (per-file rules, then the
locale's rules) and sends back findings only, never documents. Results are
merged by locale in the run's order whatever order the processes finish in, so
`--jobs 4` prints exactly what `--jobs 1` prints.

Processes are forked, so they start with the parent's parsed configuration,
rules and compiled patterns and need nothing pickled but a locale's number.
Where fork is not available, or the run is too small to gain from it, or the
caller needs the parsed documents back (the report), everything runs here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lintkit.model import FilePair, Finding

FILES_PER_PROCESS = 4  # fewer files than this per process: starting the processes costs more than it saves


@dataclass
class LocaleOutcome:
    """What checking one locale gives the run: findings, the files the rules ran on, the sources it parsed."""

    findings: list[Finding]
    checked: list[str]
    jobs: int
    source_problems: list[Finding] = field(default_factory=list)
    sources: frozenset[Path] = frozenset()
    pairs: list[FilePair] = field(default_factory=list)  # only when the caller keeps them, never across processes


# Check = (locale number, one-job-done callback or None) -> outcome
Check = Callable[[int, Callable[[], None] | None], LocaleOutcome]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def process_count(requested: int, locales: int, files: int) -> int:
    """How many processes a run gets: `requested` (0: one per core), at most one per locale, enough files each."""
    wanted = requested or available_cores()
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(wanted, locales, files // FILES_PER_PROCESS))


def run_locales(
    check: Check, sizes: Sequence[int], processes: int, done: Callable[[int], None] | None = None
) -> Iterator[LocaleOutcome]:
    """The outcome of every locale, in locale order; `sizes` (files per locale) sends the big ones out first.

    `done(n)` is told when n more files are checked: after each file here, after
    each locale when other processes check them.
    """
    if processes <= 1:
        tick = (lambda: done(1)) if done is not None else None
        for index in range(len(sizes)):
            yield check(index, tick)
        return
    global _CHECK
    _CHECK = check
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes) as pool:
            largest_first = sorted(range(len(sizes)), key=lambda index: -sizes[index])
            arrived: dict[int, LocaleOutcome] = {}
            following = 0
            for index, outcome in pool.imap_unordered(_check_in_worker, largest_first):
                arrived[index] = outcome
                if done is not None:
                    done(outcome.jobs)
                while following in arrived:
                    yield arrived.pop(following)
                    following += 1
    finally:
        _CHECK = None


_CHECK: Check | None = None  # set in the parent just before forking: what the workers run


def _check_in_worker(index: int) -> tuple[int, LocaleOutcome]:
    assert _CHECK is not None, "workers are forked after the check is set"
    return index, _CHECK(index, None)
