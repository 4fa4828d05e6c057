"""Checking a run's sources in several processes, with the results in the order one process gives them.

The unit of work is one source file and every translation of it: a process
parses the source once, checks each translation against it (the per-file
rules) and lets both go, keeping only the findings and the few facts the
locale rules need of each file (`Rule.locale_facts`). The locale rules run
afterwards, in the parent, over the facts of the whole locale. Outcomes are
merged in the run's order whatever order the processes finish in, so
`--jobs 4` prints exactly what `--jobs 1` prints.

Processes are forked, so they start with the parent's parsed configuration,
rules and compiled patterns and need nothing pickled but a unit's number.
Where fork is not available, or the run is too small to gain from it, or the
caller needs the parsed documents back (the report), everything runs here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lintkit.model import FilePair, Finding

FILES_PER_PROCESS = 4  # fewer files than this per process: starting the processes costs more than it saves


class JobOutcome:
    """One translation checked: its findings, and what the locale rules keep of it (None: it was not paired).

    A plain class (the engine fills it in as the file's rules run, and sends it between processes):
    nothing compares or prints outcomes, so a dataclass's generated methods would only cost start-up.
    """

    __slots__ = ("checked", "facts", "findings", "index", "pair")

    def __init__(
        self,
        index: int,
        findings: list[Finding],
        checked: str | None = None,
        facts: tuple[Any, ...] | None = None,
        pair: FilePair | None = None,
    ) -> None:
        self.index = index  # the job's place in the run
        self.findings = findings
        self.checked = checked  # the translation's path when the rules ran on it
        self.facts = facts  # one entry per locale rule, in the engine's order of rules
        self.pair = pair  # only when the caller keeps pairs, never across processes


class UnitOutcome:
    """What checking one source and its translations gives the run (a plain class, as `JobOutcome`)."""

    __slots__ = ("jobs", "source_problems", "sources")

    def __init__(
        self,
        jobs: list[JobOutcome],
        source_problems: list[Finding] | None = None,
        sources: frozenset[Path] = frozenset(),
    ) -> None:
        self.jobs = jobs
        self.source_problems = [] if source_problems is None else source_problems
        self.sources = sources


# Check = (unit number, one-job-done callback or None) -> outcome
Check = Callable[[int, Callable[[], None] | None], UnitOutcome]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def process_count(requested: int, units: int, files: int) -> int:
    """How many processes a run gets: `requested` (0: one per core), at most one per unit, enough files each."""
    wanted = min(requested or available_cores(), units, files // FILES_PER_PROCESS)
    if wanted <= 1:
        return 1
    import multiprocessing  # only for runs big enough to share: a one-file run never loads it

    return wanted if "fork" in multiprocessing.get_all_start_methods() else 1


def run_units(
    check: Check, sizes: Sequence[int], processes: int, done: Callable[[int], None] | None = None
) -> Iterator[UnitOutcome]:
    """The outcome of every unit, in unit order; `sizes` (files per unit) sends the big ones out first.

    `done(n)` is told when n more files are checked: after each file here, after
    each unit when other processes check them.
    """
    if processes <= 1:
        tick = (lambda: done(1)) if done is not None else None
        for index in range(len(sizes)):
            yield check(index, tick)
        return
    import multiprocessing

    global _CHECK
    _CHECK = check
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes) as pool:
            largest_first = sorted(range(len(sizes)), key=lambda index: -sizes[index])
            arrived: dict[int, UnitOutcome] = {}
            following = 0
            for index, outcome in pool.imap_unordered(_check_in_worker, largest_first):
                arrived[index] = outcome
                if done is not None:
                    done(len(outcome.jobs))
                while following in arrived:
                    yield arrived.pop(following)
                    following += 1
    finally:
        _CHECK = None


_CHECK: Check | None = None  # set in the parent just before forking: what the workers run


def _check_in_worker(index: int) -> tuple[int, UnitOutcome]:
    assert _CHECK is not None, "workers are forked after the check is set"
    return index, _CHECK(index, None)
