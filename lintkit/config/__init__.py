"""The configuration: `lintkit.toml` or `[tool.lintkit]` in `pyproject.toml`, then CLI flags on top.

Every key is declared once in `KEYS` with its type and default; unknown keys
and bad values raise `ConfigError`, which the CLI prints and turns into exit 2.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from lintkit.formats import default_include
from lintkit.formats.base import DEFAULT_LINK_PROPS, DEFAULT_TEXT_PROPS
from lintkit.formats.placeholders import DEFAULT_SYNTAXES, SYNTAXES
from lintkit.model import Severity

CONFIG_FILES = ("lintkit.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration problem the user must fix; the message says which key and why."""


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"`{key}` must be a string or a list of strings, not {value!r}")


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"`{key}` must be true or false, not {value!r}")
    return value


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"`{key}` must be a non-empty string, not {value!r}")
    return value


def _severity(key: str, value: Any) -> Severity:
    try:
        return Severity.parse(_string(key, value))
    except ValueError as error:
        raise ConfigError(f"`{key}`: {error}") from None


def _severities(key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table of rule = severity, not {value!r}")
    return {str(rule): _severity(f"{key}.{rule}", level) for rule, level in value.items()}


def _syntaxes(key: str, value: Any) -> tuple[str, ...]:
    names = _strings(key, value)
    unknown = [name for name in names if name not in SYNTAXES]
    if unknown:
        raise ConfigError(f"`{key}`: unknown placeholder syntax {unknown[0]!r} (known: {', '.join(SYNTAXES)})")
    return names


def _table_of_strings(key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise ConfigError(f"`{key}` must be a table of strings, not {value!r}")
    return dict(value)


def _preset(key: str, value: Any) -> str:
    from lintkit.config.presets import load_preset  # presets are read with this module's parsers

    return load_preset(_string(key, value)).name


# Settings the run computes rather than reads (rules declare them in `reads` like configuration keys).
DERIVED_SETTINGS: dict[str, Any] = {"link-targets": None}


def setting(pair: Any, key: str) -> Any:
    """A setting a rule or analysis reads from a pair: the run's value, else the key's one default here."""
    if key in pair.options:
        return pair.options[key]
    return DERIVED_SETTINGS[key] if key in DERIVED_SETTINGS else KEYS[key].default


# How site generators make heading anchors; lintkit.analysis.links.slugs implements each one.
SLUG_STYLES = ("github", "github-ascii")


def _slug_style(key: str, value: Any) -> str:
    if value not in SLUG_STYLES:
        raise ConfigError(f"`{key}` must be one of {', '.join(SLUG_STYLES)}, not {value!r}")
    return value


def _locale_settings(key: str, value: Any) -> dict[str, dict[str, Any]]:
    """Per-locale overrides of the rule options: `[locale-settings.zh-TW]` with keys of `LOCALE_KEYS`."""
    if not isinstance(value, dict) or not all(isinstance(table, dict) for table in value.values()):
        raise ConfigError(f"`{key}` must be a table of locale = {{ key = value }}, not {value!r}")
    settled = {}
    for locale, table in value.items():
        unknown = sorted(set(table) - set(LOCALE_KEYS))
        if unknown:
            raise ConfigError(
                f"`{key}.{locale}`: `{unknown[0]}` cannot be set per locale (known: {', '.join(LOCALE_KEYS)})"
            )
        settled[str(locale)] = {name: KEYS[name].parse(f"{key}.{locale}.{name}", item) for name, item in table.items()}
    return settled


def _baseline(key: str, value: Any) -> str | bool:
    if value is False or value is True:
        return value
    return _string(key, value)


def _count(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"`{key}` must be a whole number, 0 or more, not {value!r}")
    return value


def _per_file_ignores(key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table of glob = [rules], not {value!r}")
    return {str(glob): _strings(f"{key}.{glob}", rules) for glob, rules in value.items()}


class Key(NamedTuple):
    """One configuration key: its parser and default."""

    parse: Callable[[str, Any], Any]
    default: Any
    help: str


KEYS: dict[str, Key] = {
    "source": Key(_string, "en/{path}", "pattern of source files"),
    "target": Key(_string, "{locale}/{path}", "pattern of translated files"),
    "source-locale": Key(_string, "en", "locale of the source files"),
    "locales": Key(_strings, (), "only these locales (default: all found)"),
    "include": Key(_strings, default_include(), "globs of files to check (default: every format's files)"),
    "exclude": Key(_strings, (), "globs of files to skip"),
    "placeholders": Key(_syntaxes, DEFAULT_SYNTAXES, "placeholder syntaxes to mask and compare"),
    "select": Key(_strings, (), "rule codes, code prefixes or names to run (default: all)"),
    "ignore": Key(_strings, (), "rule codes, code prefixes or names to skip"),
    "extend-select": Key(_strings, (), "rules to run besides `select` (which a flag replaces)"),
    "extend-ignore": Key(_strings, (), "rules to skip besides `ignore` (which a flag replaces)"),
    "severity": Key(_severities, {}, "severity overrides: rule = level"),
    "fail-on": Key(_severity, Severity.ERROR, "lowest severity that makes the exit code 1"),
    "translatable-keys": Key(_strings, ("title", "description"), "front-matter keys that get translated"),
    "optional-keys": Key(_strings, (), "front-matter keys a translation may leave out"),
    "do-not-translate": Key(_strings, (), "terms that stay in the source language (never reported as untranslated)"),
    "link-map": Key(_table_of_strings, {}, "link prefixes a translation localizes: source prefix = localized prefix"),
    "site-root": Key(_string, None, "folder that root-relative links (/files/x.pdf) start from; may hold {locale}"),
    "packs": Key(_strings, (), "rule pack files (YAML) to load, relative to the configuration file"),
    "baseline": Key(_baseline, ".lintkit-baseline.json", "baseline file of known findings, or false"),
    "per-file-ignores": Key(_per_file_ignores, {}, "rules to skip in some files: glob = [rules]"),
    "jobs": Key(_count, 0, "processes that check files at once (0: one per processor core)"),
    "check-fuzzy": Key(_boolean, False, "also check the translations of fuzzy catalog entries"),
    "jsx-text-props": Key(_strings, DEFAULT_TEXT_PROPS, "MDX component props whose values are prose (translated)"),
    "optional-components": Key(
        _strings, (), "MDX components (globs) a translation may leave out or add, such as an editors' notice"
    ),
    "jsx-link-props": Key(_strings, DEFAULT_LINK_PROPS, "MDX component props whose values are link destinations"),
    "code-compare-comments": Key(_boolean, False, "code blocks: comments must stay as the source has them (LK206)"),
    "code-compare-strings": Key(
        _boolean, False, "code blocks: string contents must stay as the source has them (LK206)"
    ),
    "code-identifiers-translatable": Key(
        _boolean, False, "code blocks: a consistently renamed variable is not a change (LK206)"
    ),
    "code-span-words-translatable": Key(
        _boolean, False, "code spans: translators may translate their words; compare commands and options (LK703)"
    ),
    "embedded-example-info": Key(
        _strings, (), "code-block info words that mark an example a page may embed by macro instead (LK701/LK702)"
    ),
    "translatable-placeholders": Key(
        _syntaxes, (), "placeholder syntaxes whose text translators translate (only options and numbers must stay)"
    ),
    "optional-placeholders": Key(
        _strings, (), "placeholder names (globs) a translation may add or leave out, such as glossary_tooltip"
    ),
    "macro-placeholders": Key(
        _syntaxes, (), "placeholder syntaxes that call macros: compared by macro name, any case (arguments may change)"
    ),
    "untranslated-terms": Key(
        _boolean, False, "report English terms (2-3 words, no grammar words) copied into translated sentences"
    ),
    "slug-style": Key(_slug_style, "github", "how the site generator makes heading anchors (github, github-ascii)"),
    "locale-settings": Key(_locale_settings, {}, "per-locale overrides: [locale-settings.LOCALE] key = value"),
    "preset": Key(_preset, None, "a site's conventions to start from (hugo, starlight, docusaurus, ...)"),
}

# Keys that `locale-settings` may set for one locale (the rule options that differ between language teams).
LOCALE_KEYS = (
    "translatable-placeholders",
    "macro-placeholders",
    "optional-placeholders",
    "untranslated-terms",
    "do-not-translate",
    "translatable-keys",
    "optional-keys",
)


@dataclass(frozen=True)
class Config:
    """The settled configuration of one run; `root` is where patterns are anchored."""

    root: Path
    path: Path | None
    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        if key not in KEYS:
            raise KeyError(key)
        if "preset" not in self.values:
            return self.values.get(key, KEYS[key].default)
        from lintkit.config.presets import settled_value

        return settled_value(self.values, key, KEYS[key].default)

    def for_locale(self, locale: str) -> Config:
        """This configuration with the `locale-settings` of `locale` on top (`fr` applies to fr-CA too)."""
        wanted = locale.lower().replace("_", "-")
        tables = [
            table
            for name, table in sorted(self["locale-settings"].items(), key=lambda item: len(item[0]))
            if wanted == name.lower().replace("_", "-") or wanted.startswith(name.lower().replace("_", "-") + "-")
        ]
        if not tables:
            return self
        values = dict(self.values)
        for table in tables:  # the longer, more specific locale last: it wins
            values.update(table)
        return Config(self.root, self.path, values)

    def with_overrides(self, overrides: dict[str, Any]) -> Config:
        values = dict(self.values)
        values.update(parse_values(overrides, "command line"))
        return Config(self.root, self.path, values)


def parse_values(raw: dict[str, Any], origin: str) -> dict[str, Any]:
    values = {}
    for key, value in raw.items():
        if value is None:
            continue
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{origin}: unknown key `{key}` (known keys: {known})")
        values[key] = KEYS[key].parse(key, value)
    return values


def find_config(start: Path) -> Path | None:
    """The nearest lintkit.toml, or pyproject.toml with a [tool.lintkit] table, from `start` upwards."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name == "lintkit.toml" or _has_lintkit_table(candidate)):
                return candidate
    return None


def _has_lintkit_table(path: Path) -> bool:
    try:
        return "lintkit" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The configuration named by `--config`, else the nearest one, else the defaults at `cwd`."""
    cwd = (cwd or Path.cwd()).resolve()
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config(cwd, None, {})
    path = path.resolve()
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lintkit", {})
    return Config(path.parent, path, parse_values(data, str(path)))
