"""The command line: parses options, builds the configuration, runs the engine, prints, exits.

Exit codes: 0 no finding at or above `fail-on`; 1 findings at or above it;
2 usage, configuration or internal error.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from lintkit.atomic import write_atomic
from lintkit.baseline import baseline_path
from lintkit.changes import GitError, changed_files
from lintkit.config import ConfigError, load_config
from lintkit.engine import Engine
from lintkit.formatters import FORMATTERS, Summary
from lintkit.packs import find_rule_in, rules_for
from lintkit.presets import load_preset, preset_names
from lintkit.progress import progress_bar
from lintkit.report import REPORT_FORMATS, locales_of, render_report, report_counts
from lintkit.rule_reference import render_reference
from lintkit.term_suggest import as_pack, as_text, suggest

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str] | None:
    """Repeated and comma-separated flag values, as one list (None when the flag was not given)."""
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    return items or None


def _severity_overrides(values: tuple[str, ...]) -> dict[str, str] | None:
    overrides = {}
    for value in values:
        rule, equals, level = value.partition("=")
        if not equals:
            raise ConfigError(f"--severity expects RULE=LEVEL, not {value!r}")
        overrides[rule.strip()] = level.strip()
    return overrides or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lintkit")
def cli() -> None:
    """lintkit: find what translations broke in their source (placeholders, structure, links, wording)."""


def _check_options(function: Any) -> Any:
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file."),
        click.option("--source", help='Source pattern, e.g. "en/{path}".'),
        click.option("--target", help='Translation pattern, e.g. "{locale}/{path}".'),
        click.option("--source-locale", help="Locale of the sources (default en)."),
        click.option("--locales", multiple=True, help="Only these locales (repeat or comma-separate)."),
        click.option("--include", multiple=True, help="Globs of files to check."),
        click.option("--exclude", multiple=True, help="Globs of files to skip."),
        click.option("--placeholders", multiple=True, help="Placeholder syntaxes: jinja, erb, hugo, printf, brace."),
        click.option("--select", multiple=True, help="Rules to run: codes, prefixes (LK2) or names."),
        click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names."),
        click.option("--severity", "severity", multiple=True, help="Override a severity: RULE=LEVEL."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Exit 1 from this level."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def build_config(config_path: Path | None, flags: dict[str, Any]) -> Any:
    config = load_config(config_path)
    overrides = {
        "source": flags.get("source"),
        "target": flags.get("target"),
        "source-locale": flags.get("source_locale"),
        "locales": _split(flags.get("locales", ())),
        "include": _split(flags.get("include", ())),
        "exclude": _split(flags.get("exclude", ())),
        "placeholders": _split(flags.get("placeholders", ())),
        "select": _split(flags.get("select", ())),
        "ignore": _split(flags.get("ignore", ())),
        "severity": _severity_overrides(flags.get("severity", ())),
        "fail-on": flags.get("fail_on"),
    }
    return config.with_overrides(overrides)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@_check_options
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option(
    "--changed-since", metavar="REF", help="Only translations changed since a git ref (and those of changed sources)."
)
def check(
    paths: tuple[Path, ...], config_path: Path | None, output_format: str, color: bool | None, **flags: Any
) -> None:
    """Check translations against their sources.

    With no PATHS, every translation the target pattern matches. With PATHS
    (files or folders), those translations; a source file brings in all of its
    translations.
    """
    config = build_config(config_path, flags)
    if flags.get("changed_since"):
        paths = _changed_paths(flags["changed_since"], paths)
        if not paths:
            _nothing_changed(output_format)
    engine = Engine(config, rules_for(config))
    result = engine.run(paths, progress=progress_bar())
    use_color = sys.stdout.isatty() and "NO_COLOR" not in os.environ if color is None else color
    formatter = FORMATTERS[output_format](color=use_color)
    summary = Summary.of(result.findings, result.files_checked, locales_of(engine, result))
    summary = replace(summary, baseline_hidden=result.baseline_hidden, baseline_fixed=result.baseline_fixed)
    click.echo(formatter.render(result.findings, summary), nl=False)
    sys.exit(EXIT_FINDINGS if result.failed(config["fail-on"]) else EXIT_CLEAN)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@_check_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default lintkit-report.html, or .md for markdown); - for standard output.",
)
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS), default="html", show_default=True)
def report(
    paths: tuple[Path, ...], config_path: Path | None, output: Path | None, output_format: str, **flags: Any
) -> None:
    """Write the translators' report: one HTML page (or a Markdown summary) of every finding.

    Same files and configuration as `check`. The HTML page shows, per locale,
    each finding with the translation and the source side by side; it is one
    file that opens offline. The exit code is the one `check` would give.
    """
    config = build_config(config_path, flags)
    engine = Engine(config, rules_for(config))
    result = engine.run(paths, keep_pairs=True, progress=progress_bar())
    text = render_report(engine, result, paths, output_format)
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
    try:
        changed = changed_files(ref, Path.cwd())
    except GitError as error:
        raise click.ClickException(f"--changed-since: {error}") from None
    if paths:
        named = [path.resolve() for path in paths]
        changed = [path for path in changed if any(path == root or root in path.parents for root in named)]
    return tuple(changed)


def _nothing_changed(output_format: str) -> None:
    """No changed file: an empty report (never the whole repository) and exit 0."""
    click.echo(FORMATTERS[output_format]().render([], Summary.of([], 0)), nl=False)
    sys.exit(EXIT_CLEAN)


@cli.command()
@_check_options
def baseline(config_path: Path | None, **flags: Any) -> None:
    """Record every current finding in the baseline file, so that `check` reports only new ones.

    The file is `.lintkit-baseline.json` next to the configuration file, or
    the one the `baseline` key names. Run it again to drop fixed findings.
    """
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
    found = find_rule_in(rules_for(load_config(config_path)), rule)
    if found is None and rule in preset_names():
        click.echo(load_preset(rule).documentation())
        return
    if found is None:
        raise click.UsageError(f"unknown rule {rule!r}; `lintkit rules` lists them")
    click.echo(f"{found.code} {found.name} [{found.severity}]\n{found.summary}\n")
    click.echo(found.documentation())


@cli.command()
@_check_options
@click.option("--locale", "term_locale", required=True, help="Locale whose renderings to show, e.g. fr-FR.")
@click.option("--min-uses", default=3, show_default=True, help="Source blocks a name must appear in.")
@click.option("--limit", default=40, show_default=True, help="At most this many terms.")
@click.option("--pack", "print_pack", is_flag=True, help="Print a glossary rule pack to start from.")
def terms(
    config_path: Path | None, term_locale: str, min_uses: int, limit: int, print_pack: bool, **flags: Any
) -> None:
    """Suggest glossary entries: frequent source terms and how one locale translates them, with counts."""
    config = build_config(config_path, flags).with_overrides({"locales": [term_locale]})
    engine = Engine(config, rules_for(config))
    engine.rules = []  # only the aligned pairs are needed
    pairs = engine.run(keep_pairs=True).pairs
    suggestions = suggest(pairs, min_uses=min_uses, limit=limit)
    click.echo((as_pack if print_pack else as_text)(suggestions, term_locale), nl=False)


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
    except ConfigError as error:
        click.echo(f"lintkit: configuration error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the promise is "no tracebacks": say what happened and where to look
        if os.environ.get("LINTKIT_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"lintkit: internal error: {type(error).__name__}: {error} (set LINTKIT_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(EXIT_ERROR)
