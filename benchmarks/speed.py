"""How fast and how lean `lintkit check` is on big sites, as ratios against the parse floor.

The parse floor is what any Markdown linter must spend: python-frontmatter and
mistune over the same files, in this process, in the same run. Every figure
is printed next to it (or next to another run measured side by side), so a
busy machine moves both numbers and the ratio stays readable. Each timing is
the median of `--repeat` runs. `lintkit check` runs as a child process, so its
figures include start-up; its processor time and peak memory come from the
operating system's accounting of that child.

The children run lintkit as an installed copy runs from its second use on:
with compiled modules (Python may write them even where the calling
environment says not to) and with this run's own cache folder filled (the
language detector's model unpacked, the parsed packs and the compiled
patterns kept; see `lintkit/cache_folder.py`). One untimed run prepares them.

    python benchmarks/speed.py [CORPUS] [--copies 10] [--repeat 3] [--only cpu,jobs,one,memory,po,terms]

Targets (issue 15): `--jobs 1` over 10 copies at most 3x the floor's processor
time; `--jobs 2` at least 1.7x faster in wall time than `--jobs 1`; one changed
translation at most 0.3 s wall; peak memory at 16 copies at most 1.3x the peak
at 1 copy; a 1 MB catalog with every rule under 2 s; a 7,000-term
do-not-translate list at most 20% more processor time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import mistune

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpus"
STAGES = ("cpu", "jobs", "one", "memory", "po", "terms")


@dataclass(frozen=True)
class Usage:
    wall: float
    cpu: float
    peak_mb: float
    exit_code: int
    files_checked: int  # from the summary line, so that two runs compared are known to check the same files


def copies_of(corpus: Path, count: int, into: Path) -> Path:
    """`count` copies of the hourofcode pages, each under its own folder of every locale."""
    site = into / f"site-{count}"
    if site.exists():
        return site
    for locale_folder in sorted((corpus / "hourofcode").iterdir()):
        if not locale_folder.is_dir():
            continue
        for number in range(count):
            shutil.copytree(locale_folder, site / locale_folder.name / f"copy{number}")
    (site / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    return site


def parse_floor(site: Path) -> float:
    """Processor seconds to read, split the front matter of and parse every Markdown file of `site`."""
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "url"])
    started = time.process_time()
    for path in sorted(site.rglob("*.md")):
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
        markdown(post.content)
    return time.process_time() - started


CHILD_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def lintkit(arguments: list[str], cwd: Path) -> Usage:
    """One `lintkit check` child: wall time, processor time (its own and its workers') and peak memory."""
    command = [sys.executable, "-m", "lintkit", "check", *arguments]
    started = time.perf_counter()
    before = os.times()
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:  # files: pipes could fill up
        child = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=errors, env=CHILD_ENVIRONMENT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        after = os.times()
        output.seek(0)
        checked = re.findall(rb"\((\d+) files? checked\)", output.read())
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace")
    exit_code = child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so tell Popen
    if exit_code not in (0, 1):
        raise SystemExit(f"lintkit check {' '.join(arguments)} exited {exit_code}:\n{message}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Usage(wall, cpu, usage.ru_maxrss / 1024, exit_code, int(checked[-1]) if checked else 0)


def median(function: Callable[[], float], repeat: int) -> float:
    return statistics.median(function() for _ in range(repeat))


def line(label: str, value: str, ratio: float, target: str, met: bool) -> None:
    print(f"{label:<44} {value:<28} ratio {ratio:5.2f}  target {target:<8} {'met' if met else 'NOT MET'}")


def stage_cpu(site: Path, repeat: int) -> None:
    floors, runs = [], []
    for _ in range(repeat):  # interleaved, so both see the same load
        floors.append(parse_floor(site))
        runs.append(lintkit(["--jobs", "1"], site).cpu)
    floor, run = statistics.median(floors), statistics.median(runs)
    line("check --jobs 1, processor time", f"{run:.2f} s (floor {floor:.2f} s)", run / floor, "<= 3", run <= 3 * floor)


def shared_by_sessions() -> bool:
    """Whether Linux shares the processor between sessions (autogroup) rather than between processes."""
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text(encoding="ascii").strip() == "1"
    except OSError:
        return False


def stage_jobs(site: Path, repeat: int) -> None:
    busy = os.getloadavg()[0]
    if shared_by_sessions() and busy >= 1.5:  # this benchmark's own runs count for about one
        # With autogroup, this benchmark's processes together get one session's share of the cores: while
        # other sessions keep the machine busy, two workers get no more processor time than one.
        print(f"(load average {busy:.1f}; the cores are shared by session, so read the next ratio on a quiet machine)")
    one, two = [], []
    for _ in range(repeat):
        one.append(lintkit(["--jobs", "1"], site).wall)
        two.append(lintkit(["--jobs", "2"], site).wall)
    serial, parallel = statistics.median(one), statistics.median(two)
    speedup = serial / parallel
    line(
        "check --jobs 2 against --jobs 1, wall", f"{parallel:.2f} s ({serial:.2f} s)", speedup, ">= 1.7", speedup >= 1.7
    )


def started(command: list[str], cwd: Path) -> float:
    """Wall time of a child that only starts (and leaves): the part of a one-file run that is not checking."""
    begun = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=CHILD_ENVIRONMENT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - begun


def stage_one(site: Path, repeat: int) -> None:
    """One changed translation, as a pre-commit hook passes it.

    The French page needs no language decision; the German one does (its
    English fragments are scored), so it also loads the language detector.
    Printed first: what starting costs on this machine now, the interpreter
    alone and `lintkit --version` (the interpreter, click and the command
    line), so that a busy machine shows in the floor as well as in the run.
    """
    interpreter = median(lambda: started([sys.executable, "-c", "pass"], site), repeat)
    version = median(lambda: started([sys.executable, "-m", "lintkit", "--version"], site), repeat)
    print(f"{'start-up, wall':<44} python {interpreter:.2f} s, lintkit --version {version:.2f} s")
    for label, locale in (("one changed translation, wall", "fr-FR"), ("one, with language decisions, wall", "de-DE")):
        changed = site / locale / "copy0" / "how-to" / "2019.md"
        relative = str(changed.relative_to(site))
        runs = [lintkit([relative], site) for _ in range(repeat)]
        wall, cpu = statistics.median(run.wall for run in runs), statistics.median(run.cpu for run in runs)
        floor = median(lambda: parse_floor(changed.parent), repeat)  # noqa: B023  (called right here)
        shown = f"{wall:.2f} s, cpu {cpu:.2f} s (floor {floor:.2f} s)"
        line(label, shown, wall / floor, "<= 0.3 s", wall <= 0.3)


def stage_memory(corpus: Path, into: Path, repeat: int) -> None:
    small, large = copies_of(corpus, 1, into), copies_of(corpus, 16, into)
    peak_small = median(lambda: lintkit(["--jobs", "1"], small).peak_mb, repeat)
    peak_large = median(lambda: lintkit(["--jobs", "1"], large).peak_mb, repeat)
    ratio = peak_large / peak_small
    line(
        "peak memory, 16 copies against 1", f"{peak_large:.0f} MB ({peak_small:.0f} MB)", ratio, "<= 1.3", ratio <= 1.3
    )


def stage_po(into: Path, repeat: int) -> None:
    sys.path.insert(0, str(HERE.parent))
    from po_catalog import synthetic_catalog  # the catalog generator of benchmarks/po_catalog.py

    folder = into / "catalog"
    folder.mkdir(exist_ok=True)
    catalog = folder / "fr.po"
    catalog.write_text(synthetic_catalog(1_000_000), encoding="utf-8")
    import polib

    def floor() -> float:
        started = time.process_time()
        polib.pofile(catalog.read_text(encoding="utf-8"))
        return time.process_time() - started

    runs = [lintkit([catalog.name], folder) for _ in range(repeat)]
    wall, cpu = statistics.median(run.wall for run in runs), statistics.median(run.cpu for run in runs)
    floor_cpu = median(floor, repeat)
    shown = f"{wall:.2f} s, cpu {cpu:.2f} s (polib {floor_cpu:.2f} s)"  # cpu: the steadier on a busy machine
    line("1 MB catalog, every rule, wall", shown, wall / floor_cpu, "< 2 s", wall < 2)


def stage_terms(site: Path, repeat: int) -> None:
    """A 7,000-term do-not-translate list: invented names of one to three words, as varied as a real list."""
    config = site / "lintkit.toml"
    plain = config.read_text(encoding="utf-8")
    generator = random.Random(7)

    def name() -> str:
        return "".join(generator.choice(string.ascii_lowercase) for _ in range(generator.randint(3, 9))).capitalize()

    terms = ", ".join(f'"{" ".join(name() for _ in range(generator.randint(1, 3)))}"' for _ in range(7000))
    with_terms = site / "lintkit-terms.toml"  # beside the pages: its patterns are anchored where it is
    with_terms.write_text(plain + f"do-not-translate = [{terms}]\n", encoding="utf-8")
    bare, listed = [], []
    for _ in range(repeat):
        plain_run = lintkit(["--jobs", "1"], site)
        listed_run = lintkit(["--jobs", "1", "--config", str(with_terms)], site)
        if plain_run.files_checked != listed_run.files_checked or not plain_run.files_checked:
            raise SystemExit(f"the runs checked {plain_run.files_checked} and {listed_run.files_checked} files")
        bare.append(plain_run.cpu)
        listed.append(listed_run.cpu)
    without, with_list = statistics.median(bare), statistics.median(listed)
    ratio = with_list / without
    line(
        "7,000 do-not-translate terms, processor", f"{with_list:.2f} s ({without:.2f} s)", ratio, "<= 1.2", ratio <= 1.2
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=10, help="copies of the hourofcode pages (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is printed")
    parser.add_argument("--only", default=",".join(STAGES), help=f"comma-separated stages: {', '.join(STAGES)}")
    arguments = parser.parse_args()
    if not (arguments.corpus / "hourofcode").is_dir():
        raise SystemExit(f"no hourofcode corpus under {arguments.corpus}")
    stages = set(arguments.only.split(","))
    with tempfile.TemporaryDirectory() as folder:
        into = Path(folder)
        CHILD_ENVIRONMENT["LINTKIT_CACHE_DIR"] = str(into / "cache")
        site = copies_of(arguments.corpus, arguments.copies, into)
        lintkit(["de-DE/copy0/how-to/2019.md"], site)  # compiles, unpacks the model, keeps packs and patterns
        print(
            f"{arguments.copies} copies: {sum(1 for _ in site.rglob('*.md'))} Markdown files; medians of "
            f"{arguments.repeat}"
        )
        if "cpu" in stages:
            stage_cpu(site, arguments.repeat)
        if "jobs" in stages:
            stage_jobs(site, arguments.repeat)
        if "one" in stages:
            stage_one(site, arguments.repeat)
        if "memory" in stages:
            stage_memory(arguments.corpus, into, arguments.repeat)
        if "po" in stages:
            stage_po(into, arguments.repeat)
        if "terms" in stages:
            stage_terms(site, arguments.repeat)


if __name__ == "__main__":
    main()
