"""`--jobs`: sources and their translations checked in several processes give exactly what one process gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lintkit.cli.app import main
from lintkit.config import ConfigError, load_config
from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.packs.loader import rules_for
from lintkit.run.engine import Engine
from lintkit.run.workers import JobOutcome, UnitOutcome, process_count, run_units

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _samples(tmp_path: Path) -> Path:
    site = tmp_path / "samples"
    shutil.copytree(SAMPLES, site)
    return site


def _engine(site: Path, **overrides) -> Engine:
    config = load_config(cwd=site).with_overrides(overrides)
    return Engine(config, rules_for(config), cwd=site)


def test_two_processes_report_what_one_reports_in_the_same_order(tmp_path) -> None:
    site = _samples(tmp_path)
    serial = _engine(site, jobs=1).run()
    parallel_engine = _engine(site, jobs=2)
    assert process_count(2, len({job.source for job in serial.jobs}), len(serial.jobs)) == 2
    parallel = parallel_engine.run()
    assert [finding.to_dict() for finding in parallel.findings] == [finding.to_dict() for finding in serial.findings]
    assert parallel.findings  # the samples hold a defect for every rule
    assert [job.target for job in parallel.jobs] == [job.target for job in serial.jobs]
    assert parallel.sources_parsed == serial.sources_parsed


def test_the_command_prints_the_same_with_any_number_of_jobs(tmp_path, monkeypatch, capsys) -> None:
    site = _samples(tmp_path)
    monkeypatch.chdir(site)
    outputs = []
    for jobs in ("1", "2", "3"):
        with pytest.raises(SystemExit) as stop:
            main(["check", "--jobs", jobs, "--format", "json"])
        outputs.append((stop.value.code, capsys.readouterr().out))
    assert outputs[0][0] == 1
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_progress_counts_every_file_when_processes_check_them(tmp_path) -> None:
    site = _samples(tmp_path)
    calls: list[tuple[int, int]] = []
    result = _engine(site, jobs=2).run(progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (result.files_checked, result.files_checked)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_report_keeps_its_pairs_by_checking_here(tmp_path) -> None:
    site = _samples(tmp_path)
    result = _engine(site, jobs=2).run(keep_pairs=True)
    assert len(result.pairs) > 10
    assert {pair.target.path for pair in result.pairs} >= {"fr/guide.md", "de/guide.md"}


def _outcome_with_pid(index: int, tick) -> UnitOutcome:
    return UnitOutcome([JobOutcome(index, [], f"{index}:{os.getpid()}")])


def test_outcomes_come_back_in_unit_order_from_other_processes() -> None:
    outcomes = list(run_units(_outcome_with_pid, [1, 5, 2, 9, 1, 3], processes=2))
    indexes = [int(outcome.jobs[0].checked.split(":")[0]) for outcome in outcomes]
    pids = {int(outcome.jobs[0].checked.split(":")[1]) for outcome in outcomes}
    assert indexes == [0, 1, 2, 3, 4, 5]
    assert os.getpid() not in pids


def test_one_process_checks_here_and_ticks_per_file() -> None:
    ticks: list[int] = []

    def check(index: int, tick) -> UnitOutcome:
        tick()
        return _outcome_with_pid(index, tick)

    outcomes = list(run_units(check, [1, 1], processes=1, done=ticks.append))
    assert [outcome.jobs[0].checked for outcome in outcomes] == [f"0:{os.getpid()}", f"1:{os.getpid()}"]
    assert ticks == [1, 1]


@pytest.mark.parametrize(
    ("requested", "units", "files", "expected"),
    [
        (4, 18, 700, 4),  # as asked
        (4, 2, 700, 2),  # a source and its translations are the unit of work
        (4, 18, 5, 1),  # one changed file: starting processes would cost more than it saves
        (8, 18, 12, 3),  # enough files for each
    ],
)
def test_process_count(requested, units, files, expected) -> None:
    assert process_count(requested, units, files) == expected


def test_zero_means_one_process_per_core() -> None:
    assert process_count(0, 1000, 100000) == len(os.sched_getaffinity(0))


@pytest.mark.parametrize("value", [-1, True, "2", 1.5])
def test_jobs_must_be_a_whole_number(tmp_path, value) -> None:
    with pytest.raises(ConfigError, match="`jobs` must be a whole number"):
        load_config(cwd=tmp_path).with_overrides({"jobs": value})


def test_locale_rules_judge_the_same_facts_whichever_process_checked_the_files(tmp_path) -> None:
    """LK501 and LK502 compare files checked in different processes: their facts travel back in order."""
    site = _samples(tmp_path)
    for copy in ("again", "once-more"):  # the same pages three times: repeated texts and terms in each locale
        for locale in ("en", "fr", "de"):
            shutil.copytree(site / locale, site / locale / copy, ignore=shutil.ignore_patterns("again"))
    select = ["LK501", "LK502", "LK403", "LK401"]
    serial = _engine(site, jobs=1, select=select).run()
    parallel = _engine(site, jobs=2, select=select).run()
    assert [finding.to_dict() for finding in parallel.findings] == [finding.to_dict() for finding in serial.findings]
    assert {"LK501", "LK502"} <= {finding.code for finding in serial.findings}


def test_a_locale_rule_that_keeps_whole_pairs_runs_in_one_process(tmp_path, monkeypatch) -> None:
    from lintkit.rules.base import Rule

    class CountsPages(Rule):
        code, name, summary, scope = "LK599", "counts-pages", "Counts the pages of a locale.", "locale"

        def check_locale(self, locale_set):
            first = locale_set.pairs[0]
            assert all(isinstance(pair, FilePair) for pair in locale_set.pairs)
            yield self.report(first, first.target.blocks[0].span, f"{len(locale_set.pairs)} pages")

    site = _samples(tmp_path)
    counts = []
    for jobs in (1, 2):
        config = load_config(cwd=site).with_overrides({"jobs": jobs})
        result = Engine(config, [*rules_for(config), CountsPages()], cwd=site).run()
        counts.append({finding.path: finding.message for finding in result.findings if finding.code == "LK599"})
    assert counts[0] == counts[1]
    assert len(counts[0]) == len({job.locale for job in result.jobs})
    (french,) = [message for path, message in counts[0].items() if path.startswith("fr/")]
    assert 2 <= int(french.split()[0]) <= sum(job.locale == "fr" for job in result.jobs)


def test_a_locale_rule_failing_on_one_file_is_a_finding_for_that_file(tmp_path) -> None:
    from lintkit.rules.base import Rule

    class Fails(Rule):
        code, name, summary, scope = "LK598", "fails-on-faq", "Fails on the FAQ.", "locale"

        def locale_facts(self, pair):
            if pair.target.path.endswith("faq.md"):
                raise ValueError("cannot read this page")
            return pair.target.path

        def check_facts(self, locale, facts):
            if not facts:  # a locale whose only page failed
                return
            yield Finding(
                path=facts[0], span=Span.point(1), code=self.code, name=self.name, severity=Severity.INFO, message="ok"
            )

    site = _samples(tmp_path)
    config = load_config(cwd=site).with_overrides({"jobs": 2})
    result = Engine(config, [*rules_for(config), Fails()], cwd=site).run()
    failures = [finding for finding in result.findings if finding.code == "LK909"]
    assert {finding.path for finding in failures} == {"fr/faq.md", "tlh/faq.md"}
    assert all("LK598 (fails-on-faq) failed on this file: ValueError" in finding.message for finding in failures)
    others = {finding.path.split("/")[0] for finding in result.findings if finding.code == "LK598"}
    assert {"de", "es", "fr"} <= others
