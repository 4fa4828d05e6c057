"""Findings per 1,000 translated lines on every shared corpus, each checked with the preset its users would choose.

    python benchmarks/precision.py [CORPUS ...] [--dump FOLDER] [--judged]

For each corpus in ../shared/corpus: the translated lines checked, the findings
by code (per 1,000 translated lines), and the warnings and errors per 500
lines. `--dump FOLDER` writes every finding as a TSV row (corpus, path, line,
column, code, severity, message) to judge from; `--judged` reads the verdicts
in `benchmarks/judged/<corpus>.tsv` (and the corpus's rows of `content.tsv`) and prints, per corpus, how many of the
judged findings are false and the false alarms per 500 lines that this share
projects onto the warnings and errors of the run (each code's share applied
to that code's count, so a stratified sample is weighed by its strata).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
JUDGED = ROOT / "benchmarks" / "judged"


@dataclass(frozen=True)
class Corpus:
    """One corpus folder and the configuration a user of that site would write."""

    name: str
    values: dict = field(default_factory=dict)
    paths: tuple[str, ...] = ()  # named files (catalogs outside any layout); empty: walk the layout


_FOLDERS = {"source": "en/{path}", "target": "{locale}/{path}"}  # the corpus keeps only the locale folders
CORPORA = (
    Corpus("hourofcode", {"preset": "code-org", **_FOLDERS}),
    Corpus("hourofcode-legacy", {"preset": "code-org", **_FOLDERS}),
    # Kubernetes' translators link terms to the glossary on their own: a tooltip may be added or left out.
    Corpus("kubernetes", {"preset": "hugo", **_FOLDERS, "optional-placeholders": ["glossary_tooltip"]}),
    # MDN's translated-content keeps only the title and slug in front matter (page-type, browser-compat and
    # the like come from the English page) and, on older pages, translated tags; KumaScript macros are `{{ }}`.
    Corpus(
        "mdn",
        {
            "placeholders": ["jinja"],
            "optional-keys": ["page-type", "browser-compat", "short-title", "spec-urls", "status", "sidebar"],
            "translatable-keys": ["title", "short-title", "tags"],
        },
    ),
    Corpus("po", {}, paths=("*.po",)),
    Corpus("astro", {"preset": "starlight", "source": "docs/en/{path}", "target": "docs/{locale}/{path}"}),
)


_NOT_CHECKED = {"LK900", "LK901", "LK902", "LK904", "LK905"}  # a file the rules never saw adds no lines


@dataclass
class Outcome:
    findings: list
    files_checked: int
    lines: int


def run(corpus: Corpus) -> Outcome:
    """The corpus checked one locale at a time, so that a run never holds every locale's pairs at once."""
    from lintkit.config import Config, parse_values
    from lintkit.packs.loader import rules_for
    from lintkit.run.engine import Engine

    folder = CORPUS / corpus.name
    values = parse_values({"baseline": False, **corpus.values}, f"benchmark {corpus.name}")
    config = Config(folder, folder / "lintkit.toml", values)
    rules = rules_for(config)
    paths = [path for pattern in corpus.paths for path in sorted(folder.glob(pattern))]
    jobs = Engine(config, rules, cwd=folder).project.discover(paths)
    locales = sorted({job.locale for job in jobs}) if not paths else [None]
    outcome = Outcome([], 0, 0)
    for locale in locales:
        chosen = config if locale is None else config.with_overrides({"locales": [locale]})
        result = Engine(chosen, rules, cwd=folder).run(paths)
        outcome.findings.extend(result.findings)
        outcome.files_checked += result.files_checked
    unchecked = {finding.path for finding in outcome.findings if finding.code in _NOT_CHECKED}
    outcome.lines = sum(
        len(job.target.read_bytes().splitlines())
        for job in jobs
        if job.target.relative_to(folder.resolve()).as_posix() not in unchecked
    )
    return outcome


def load_verdicts(name: str) -> list[dict]:
    """The verdicts of `<corpus>.tsv` and this corpus's rows of `content.tsv` (the content rules' sample)."""
    rows = []
    for path, shared in ((JUDGED / f"{name}.tsv", False), (JUDGED / "content.tsv", True)):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(
                row
                for row in csv.DictReader(handle, delimiter="\t")
                if row.get("verdict") and (not shared or row.get("corpus") == name)
            )
    return rows


def projected_false(counts: Counter, verdicts: list[dict]) -> tuple[float, int, int]:
    """False alarms (warnings and errors) that the judged shares project onto the run's counts."""
    judged: Counter = Counter()
    false: Counter = Counter()
    for row in verdicts:
        judged[row["code"]] += 1
        false[row["code"]] += row["verdict"].strip().lower() == "false"
    projected = 0.0
    for code, count in counts.items():
        if judged[code]:
            projected += count * false[code] / judged[code]
    return projected, sum(judged.values()), sum(false.values())


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="corpus names (default: all)")
    parser.add_argument("--dump", type=Path, help="write every finding to FOLDER/<corpus>.tsv")
    parser.add_argument("--judged", action="store_true", help="project the judged verdicts onto the counts")
    arguments = parser.parse_args(argv)
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    wanted = [corpus for corpus in CORPORA if not arguments.corpora or corpus.name in arguments.corpora]
    for corpus in wanted:
        if not (CORPUS / corpus.name).is_dir():
            print(f"{corpus.name}: not present, skipped")
            continue
        result = run(corpus)
        lines = result.lines
        alarms = [finding for finding in result.findings if finding.severity.name in ("WARNING", "ERROR")]
        preset = corpus.values.get("preset", "no preset")
        print(f"{corpus.name} ({preset}): {lines} translated lines in {result.files_checked} files")
        print(f"  findings {len(result.findings)}, warnings and errors {len(alarms)}", end="")
        print(f" ({500 * len(alarms) / max(lines, 1):.2f} per 500 lines)")
        by_code = Counter(finding.code for finding in result.findings)
        for code, count in sorted(by_code.items()):
            print(f"    {code} {count:6d}  {1000 * count / max(lines, 1):8.2f} per 1,000 lines")
        if arguments.judged:
            verdicts = load_verdicts(corpus.name)
            alarm_counts = Counter(finding.code for finding in alarms)
            projected, judged, false = projected_false(alarm_counts, verdicts)
            unjudged = sorted(code for code in alarm_counts if code not in {row["code"] for row in verdicts})
            print(f"  judged {judged} findings, {false} false; projected false alarms {projected:.1f}", end="")
            print(f" = {500 * projected / max(lines, 1):.2f} per 500 lines", end="")
            print(f" (codes without verdicts: {', '.join(unjudged)})" if unjudged else "")
        if arguments.dump:
            arguments.dump.mkdir(parents=True, exist_ok=True)
            with (arguments.dump / f"{corpus.name}.tsv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                writer.writerow(("corpus", "path", "line", "column", "code", "severity", "message"))
                for finding in result.findings:
                    writer.writerow(
                        (
                            corpus.name,
                            finding.path,
                            finding.span.line,
                            finding.span.column,
                            finding.code,
                            finding.severity,
                            " ".join(finding.message.split()),
                        )
                    )


if __name__ == "__main__":
    main(sys.argv[1:])
