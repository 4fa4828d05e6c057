"""The translators' report: one self-contained HTML page, or a Markdown summary, of a run.

`render_report` is what the `report` command calls; the pieces are
`data` (what to show, in which order, and how much), `html` (the page),
`chart` (the SVG), `excerpts` (the quoted lines), `outline` (the headings
an LK209 card compares), `links` (addresses on the code host for the
summary) and `markup` (escaping).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the page's modules load when a report is made, not when `check` needs `locales_of`
    from lintkit.formatters.markdown import LinkFor
    from lintkit.model import RunResult
    from lintkit.run.engine import Engine

REPORT_FORMATS = ("html", "markdown")


def locales_of(engine: Engine, result: RunResult) -> dict[str, str]:
    """The locale of every file with a finding, for formats that group by locale: the run's jobs know most."""
    known = {engine.display(job.target): job.locale for job in result.jobs}
    for finding in result.findings:
        if finding.path not in known:
            from lintkit.report.data import locale_of

            known[finding.path] = locale_of(engine, finding.path)
    return {finding.path: known[finding.path] for finding in result.findings}


def render_report(
    engine: Engine,
    result: RunResult,
    paths: Iterable[Path] = (),
    output_format: str = "html",
    link_for: LinkFor | None = None,
) -> str:
    """The report's text; the run must have been made with `keep_pairs=True` for excerpts.

    `link_for` gives the summary's locations their address on the code host (`--link-template`).
    """
    from lintkit.formatters import Summary
    from lintkit.formatters.markdown import MarkdownFormatter
    from lintkit.report import html
    from lintkit.report.data import build

    if output_format == "markdown":
        summary = Summary.of(result.findings, result.files_checked, locales_of(engine, result))
        return MarkdownFormatter(link_for=link_for).render(result.findings, summary)
    return html.render(build(engine, result, paths))


def report_counts(result: RunResult) -> str:
    """`3 findings in 1 file`, for the line the command prints when the report is written."""
    findings, files = len(result.findings), result.files_checked
    return f"{findings} finding{'' if findings == 1 else 's'} in {files} file{'' if files == 1 else 's'}"
