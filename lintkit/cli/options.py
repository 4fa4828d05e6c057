"""Flags and configuration: the options that `check`, `report` and `baseline` share, and the settled configuration.

Every flag maps to a configuration key; the command line wins over the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from lintkit.formatters import FORMATTERS  # names only: a format's code loads when it writes


def _split(values: tuple[str, ...]) -> list[str] | None:
    """Repeated and comma-separated flag values, as one list (None when the flag was not given)."""
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    return items or None


def _severity_overrides(values: tuple[str, ...]) -> dict[str, str] | None:
    from lintkit.config import ConfigError  # loaded once a command runs, not for `--version` or `--help`

    overrides = {}
    for value in values:
        rule, equals, level = value.partition("=")
        if not equals:
            raise ConfigError(f"--severity expects RULE=LEVEL, not {value!r}")
        overrides[rule.strip()] = level.strip()
    return overrides or None


def check_options(function: Any) -> Any:
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file."),
        click.option("--source", help='Source pattern, e.g. "en/{path}".'),
        click.option("--target", help='Translation pattern, e.g. "{locale}/{path}".'),
        click.option("--source-locale", help="Locale of the sources (default en)."),
        click.option("--locales", multiple=True, help="Only these locales (repeat or comma-separate)."),
        click.option("--include", multiple=True, help="Globs of files to check."),
        click.option("--exclude", multiple=True, help="Globs of files to skip."),
        click.option("--placeholders", multiple=True, help="Placeholder syntaxes: jinja, erb, hugo, printf, brace."),
        click.option(
            "--select", multiple=True, help="Rules to run: codes, prefixes (LK2) or names; replaces `select`."
        ),
        click.option("--extend-select", multiple=True, help="Rules to run besides those selected."),
        click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names; replaces `ignore`."),
        click.option("--extend-ignore", multiple=True, help="Rules to skip besides those ignored."),
        click.option("--severity", "severity", multiple=True, help="Override a severity: RULE=LEVEL."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Exit 1 from this level."),
        click.option(
            "--jobs", type=click.IntRange(min=0), help="Processes that check files at once (0: one per core)."
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _extend(config: Any, key: str, values: tuple[str, ...]) -> list[str] | None:
    """An `--extend-…` flag adds to the configuration's own `extend-…` list."""
    added = _split(values)
    return [*config[key], *added] if added else None


def parse_outputs(values: tuple[str, ...]) -> list[tuple[str, Path]]:
    """`--output FORMAT=PATH` values, checked before the run so that a typo costs nothing."""
    outputs = []
    for value in values:
        name, equals, path = value.partition("=")
        if not equals or not path.strip():
            raise click.UsageError(f"--output expects FORMAT=PATH, such as sarif=lintkit.sarif, not {value!r}")
        if name.strip() not in FORMATTERS:
            known = ", ".join(sorted(FORMATTERS))
            raise click.UsageError(f"--output: unknown format {name.strip()!r} (known: {known})")
        outputs.append((name.strip(), Path(path.strip())))
    return outputs


NO_CONFIGURATION = (
    "lintkit: no configuration found (lintkit.toml, or [tool.lintkit] in pyproject.toml, here or above); "
    'guessing source = "en/{path}" and target = "{locale}/{path}" with locale-tag folders only; '
    "`lintkit init` writes one"
)


def build_config(config_path: Path | None, flags: dict[str, Any], notice: bool = True) -> Any:
    from lintkit.config import load_config

    config = load_config(config_path)
    if notice and config.path is None and not (flags.get("source") or flags.get("target")):
        click.echo(NO_CONFIGURATION, err=True)
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
        "extend-select": _extend(config, "extend-select", flags.get("extend_select", ())),
        "extend-ignore": _extend(config, "extend-ignore", flags.get("extend_ignore", ())),
        "severity": _severity_overrides(flags.get("severity", ())),
        "fail-on": flags.get("fail_on"),
        "jobs": flags.get("jobs"),
    }
    return config.with_overrides(overrides)
