"""The command line: parses options, builds the configuration, runs the engine, prints, exits.

Exit codes: 0 no finding at or above `fail-on`; 1 findings at or above it;
2 usage, configuration or internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from lintkit.cli.options import build_config, check_options, parse_outputs
from lintkit.cli.progress import progress_bar
from lintkit.formatters import FORMATTERS
from lintkit.report import REPORT_FORMATS

# Start-up counts (a pre-commit hook runs `check` on one file): each command imports what it runs, so that
# `--version` and `--help` load click and little else, and what only another command needs is imported there.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _print_version(context: click.Context, _: click.Parameter, wanted: bool) -> None:
    """`--version`, reading the package metadata only when asked."""
    if not wanted or context.resilient_parsing:
        return
    from lintkit.about import lintkit_version

    click.echo(f"lintkit, version {lintkit_version()}")
    context.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """lintkit: find what translations broke in their source (placeholders, structure, links, wording)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@check_options
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write this format to a file (repeatable), e.g. sarif=lintkit.sarif.",
)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option(
    "--changed-since", metavar="REF", help="Only translations changed since a git ref (and those of changed sources)."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line or notices.")
@click.option(
    "--allow-no-match",
    is_flag=True,
    help="Exit 0 when no translation matched (for hooks that pass files that may not be translations).",
)
def check(
    paths: tuple[Path, ...],
    config_path: Path | None,
    output_format: str,
    outputs: tuple[str, ...],
    color: bool | None,
    exit_zero: bool,
    statistics: bool,
    quiet: bool,
    allow_no_match: bool,
    **flags: Any,
) -> None:
    """Check translations against their sources.

    With no PATHS, every translation the target pattern matches. With PATHS
    (files or folders), those translations; a source file brings in all of its
    translations.
    """
    from dataclasses import replace

    from lintkit.formatters import Summary
    from lintkit.packs.loader import rules_for
    from lintkit.report import locales_of
    from lintkit.run.coverage import check_locales, check_matched
    from lintkit.run.engine import Engine

    files = parse_outputs(outputs)
    config = build_config(config_path, flags, notice=not quiet)
    changed_since = flags.get("changed_since")
    if changed_since:
        paths = _changed_paths(changed_since, paths)
        if not paths:
            _nothing_changed(output_format, files, quiet)
    rules = rules_for(config)
    engine = Engine(config, rules)
    result = engine.run(paths, progress=progress_bar())
    check_locales(config, result.jobs, engine.formats)
    must_match = not (changed_since or allow_no_match)  # a change to no translation is a clean pull request
    if must_match and not result.findings:
        check_matched(engine.project, config, paths, result.jobs)
    use_color = sys.stdout.isatty() and "NO_COLOR" not in os.environ if color is None else color
    summary = Summary.of(result.findings, result.files_checked, locales_of(engine, result))
    summary = replace(
        summary,
        baseline_hidden=result.baseline_hidden,
        baseline_fixed=result.baseline_fixed,
        fingerprints=engine.gate.fingerprints(result.findings),
        rules=tuple(rules),
    )
    for name, path in files:
        _write(path, FORMATTERS[name]().render(result.findings, summary))
    click.echo(FORMATTERS[output_format](color=use_color, quiet=quiet).render(result.findings, summary), nl=False)
    if statistics:
        from lintkit.formatters.statistics import statistics as format_statistics

        click.echo(format_statistics(result.findings), nl=False, err=output_format != "text")
    if must_match:  # findings about files that were not checked (LK905) are shown, and the run still failed
        check_matched(engine.project, config, paths, result.jobs)
    failed = result.failed(config["fail-on"]) and not exit_zero
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def _write(path: Path, text: str) -> None:
    from lintkit.atomic import write_atomic

    try:
        write_atomic(path, text)
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@check_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default lintkit-report.html, or .md for markdown); - for standard output.",
)
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS), default="html", show_default=True)
@click.option(
    "--changed-since", metavar="REF", help="Only translations changed since a git ref (and those of changed sources)."
)
@click.option(
    "--link-template",
    metavar="URL",
    help='Link the summary\'s locations, e.g. "https://github.com/ORG/REPO/blob/{sha}/{path}#L{line}".',
)
def report(
    paths: tuple[Path, ...],
    config_path: Path | None,
    output: Path | None,
    output_format: str,
    link_template: str | None,
    **flags: Any,
) -> None:
    """Write the translators' report: one HTML page (or a Markdown summary) of every finding.

    Same files and configuration as `check`. The HTML page shows, per locale,
    each finding with the translation and the source side by side; it is one
    file that opens offline. The exit code is the one `check` would give.
    """
    from lintkit.atomic import write_atomic
    from lintkit.model import RunResult
    from lintkit.packs.loader import rules_for
    from lintkit.report import render_report, report_counts
    from lintkit.report.links import LinkTemplate, LinkTemplateError
    from lintkit.run.engine import Engine

    config = build_config(config_path, flags)
    try:
        link_for = LinkTemplate(link_template, Path.cwd()) if link_template else None
    except LinkTemplateError as error:
        raise click.UsageError(str(error)) from None
    engine = Engine(config, rules_for(config))
    if flags.get("changed_since"):
        paths = _changed_paths(flags["changed_since"], paths)
    if flags.get("changed_since") and not paths:  # nothing changed: an empty report, never the whole site
        result = RunResult([], [], 0)
    else:
        result = engine.run(paths, keep_pairs=True, progress=progress_bar())
    text = render_report(engine, result, paths, output_format, link_for)
    output = output or Path("lintkit-report.md" if output_format == "markdown" else "lintkit-report.html")
    if str(output) == "-":
        click.echo(text, nl=False)
    else:
        try:
            write_atomic(output, text)
        except OSError as error:
            raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
        click.echo(f"Wrote {output} ({report_counts(result)}).", err=True)
    sys.exit(EXIT_FINDINGS if result.failed(config["fail-on"]) else EXIT_CLEAN)


def _changed_paths(ref: str, paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """Files changed since `ref`; with PATHS, only the changed files inside them."""
    from lintkit.run.changes import GitError, changed_files

    try:
        changed = changed_files(ref, Path.cwd())
    except GitError as error:
        raise click.ClickException(f"--changed-since: {error}") from None
    if paths:
        named = [path.resolve() for path in paths]
        changed = [path for path in changed if any(path == root or root in path.parents for root in named)]
    return tuple(changed)


def _nothing_changed(output_format: str, files: list[tuple[str, Path]], quiet: bool) -> None:
    """No changed file: an empty report (never the whole repository) and exit 0."""
    from lintkit.formatters import Summary

    for name, path in files:
        _write(path, FORMATTERS[name]().render([], Summary.of([], 0)))
    click.echo(FORMATTERS[output_format](quiet=quiet).render([], Summary.of([], 0)), nl=False)
    sys.exit(EXIT_CLEAN)


@cli.command()
@check_options
def baseline(config_path: Path | None, **flags: Any) -> None:
    """Record every current finding in the baseline file, so that `check` reports only new ones.

    The file is `.lintkit-baseline.json` next to the configuration file, or
    the one the `baseline` key names. Run it again to drop fixed findings.
    """
    from lintkit.gate.baseline import baseline_path
    from lintkit.packs.loader import rules_for
    from lintkit.run.engine import Engine

    config = build_config(config_path, flags)
    path = baseline_path(config)
    if path is None:
        raise click.UsageError("the baseline is turned off (`baseline = false` in the configuration)")
    engine = Engine(config.with_overrides({"baseline": False}), rules_for(config))
    result = engine.run()
    try:
        count = engine.gate.write_baseline(path, result.findings)
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None
    shown = engine.display(path)
    files = f"{result.files_checked} file{'' if result.files_checked == 1 else 's'} checked"
    click.echo(f"Recorded {count} finding{'' if count == 1 else 's'} in {shown} ({files}).")


@cli.command(name="rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file.")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_rules(config_path: Path | None, output_format: str) -> None:
    """List every rule: code, name, default severity and summary (rule packs included)."""
    from lintkit.config import load_config
    from lintkit.packs.loader import rules_for
    from lintkit.rules.reference import render_reference

    rules = rules_for(load_config(config_path))
    if output_format == "markdown":
        click.echo(render_reference(rules), nl=False)
        return
    code_width = max(len(rule.code) for rule in rules)
    name_width = max(28, *(len(rule.name) for rule in rules))
    for rule in rules:
        click.echo(f"{rule.code:<{code_width}}  {rule.name:<{name_width}} {rule.severity!s:<8} {rule.summary}")


@cli.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file.")
def explain(rule: str, config_path: Path | None) -> None:
    """Show a rule's documentation, by code (LK101) or name (placeholder-missing); pack rules and presets too."""
    from lintkit.config import load_config
    from lintkit.config.presets import load_preset, preset_names
    from lintkit.packs.loader import find_rule_in, rules_for

    found = find_rule_in(rules_for(load_config(config_path)), rule)
    if found is None and rule in preset_names():
        click.echo(load_preset(rule).documentation())
        return
    if found is None:
        raise click.UsageError(f"unknown rule {rule!r}; `lintkit rules` lists them")
    click.echo(f"{found.code} {found.name} [{found.severity}]\n{found.summary}\n")
    click.echo(found.documentation())


@cli.command()
@check_options
@click.option("--locale", "term_locale", required=True, help="Locale whose renderings to show, e.g. fr-FR.")
@click.option("--min-uses", default=3, show_default=True, help="Source blocks a name must appear in.")
@click.option("--limit", default=40, show_default=True, help="At most this many terms.")
@click.option("--pack", "print_pack", is_flag=True, help="Print a glossary rule pack to start from.")
def terms(
    config_path: Path | None, term_locale: str, min_uses: int, limit: int, print_pack: bool, **flags: Any
) -> None:
    """Suggest glossary entries: frequent source terms and how one locale translates them, with counts."""
    from lintkit.analysis.term_suggest import as_pack, as_text, suggest
    from lintkit.packs.loader import rules_for
    from lintkit.run.engine import Engine

    config = build_config(config_path, flags).with_overrides({"locales": [term_locale]})
    engine = Engine(config, rules_for(config))
    engine.rules = []  # only the aligned pairs are needed
    pairs = engine.run(keep_pairs=True).pairs
    suggestions = suggest(pairs, min_uses=min_uses, limit=limit)
    click.echo((as_pack if print_pack else as_text)(suggestions, term_locale), nl=False)


@cli.command()
@click.option("--force", is_flag=True, help="Replace an existing lintkit.toml.")
def init(force: bool) -> None:
    """Write a commented lintkit.toml for the translation layout found here.

    Recognises Docusaurus, Starlight, Hugo, gettext, code.org's i18n folders,
    `pages/` beside `pages.<locale>/`, `en/` beside locale folders and
    suffixed files (`page.<locale>.md`), and names the matching preset.
    """
    from lintkit.cli.init_config import describe, render
    from lintkit.run.layout_detect import detect

    root = Path.cwd()
    target = root / "lintkit.toml"
    if target.exists() and not force:
        raise click.UsageError("lintkit.toml already exists; `lintkit init --force` replaces it")
    layout = detect(root)
    if layout is None:
        raise click.UsageError(
            "no translation layout found here (such as en/ beside fr/, content/<lang>/ or i18n/<locale>/); "
            "run `lintkit init` at the repository root, or write lintkit.toml by hand (README: Configuration)"
        )
    click.echo(describe(layout))
    _write(target, render(layout))
    click.echo("Wrote lintkit.toml; `lintkit check` uses it from here.")


def main(argv: list[str] | None = None) -> None:
    """Entry point: configuration problems and unexpected errors exit 2 with a message, not a traceback."""
    try:
        result = cli.main(args=argv, prog_name="lintkit", standalone_mode=False)
        sys.exit(result if isinstance(result, int) else EXIT_CLEAN)
    except click.exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the promise is "no tracebacks": say what happened and where to look
        _fail(error)


def _fail(error: Exception) -> NoReturn:
    """Exit 2 with a message: a configuration problem, a run that checked nothing, or an internal error."""
    from lintkit.config import ConfigError  # the classes load here: `--version` never needs them
    from lintkit.run.coverage import NothingToCheck

    if isinstance(error, ConfigError):
        click.echo(f"lintkit: configuration error: {error}", err=True)
    elif isinstance(error, NothingToCheck):
        click.echo(f"lintkit: nothing checked: {error}", err=True)
    else:
        if os.environ.get("LINTKIT_DEBUG"):
            import traceback

            traceback.print_exc()
        click.echo(
            f"lintkit: internal error: {type(error).__name__}: {error} (set LINTKIT_DEBUG=1 for details)",
            err=True,
        )
    sys.exit(EXIT_ERROR)
