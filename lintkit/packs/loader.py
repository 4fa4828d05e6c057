"""Rule packs: YAML files of declarative rules (glossaries, forbidden terms, ...) turned into Rule objects.

Packs are data. lintkit ships some in `rules/` (installed as `lintkit/_packs`),
and a project names its own with the `packs` configuration key. A pack that is
not valid is a `PackError` naming the file and line, which the CLI reports as a
configuration error (exit 2). The format is documented in `docs/rule-packs.md`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from lintkit.analysis.terms import SCOPES
from lintkit.config import Config, ConfigError
from lintkit.model import Severity
from lintkit.packs import cache as pack_cache
from lintkit.packs.kinds import ForbiddenRule, PackRule, PatternParityRule
from lintkit.packs.terms import DoNotTranslateRule, GlossaryRule
from lintkit.rules import builtin_rules
from lintkit.rules.base import Rule
from lintkit.rules.codes import is_code

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COMMON_KEYS = {
    "code",
    "name",
    "kind",
    "summary",
    "severity",
    "scope",
    "locales",
    "message",
    "why",
    "example",
    "enabled",
}
DEFAULT_SCOPE = ("text", "heading", "front-matter")
KINDS: dict[str, type[PackRule]] = {
    rule.kind: rule for rule in (GlossaryRule, ForbiddenRule, DoNotTranslateRule, PatternParityRule)
}


class PackError(ConfigError):
    """A rule pack that cannot be used; the message starts with `file:line:`."""


class _Located(dict):
    """A YAML mapping that remembers the line of each of its keys (and its own)."""

    line = 1
    key_lines: dict[str, int]


class _NotYaml(Exception):
    """PyYAML's error, as a line and a problem (so that callers need not import PyYAML to catch it)."""

    def __init__(self, line: int, problem: object) -> None:
        super().__init__(line, problem)
        self.line = line
        self.problem = problem


@cache
def _line_loader() -> type:
    """A SafeLoader that builds every mapping as a `_Located`, so errors can name the line.

    PyYAML is imported here, when a pack is parsed: a run whose packs are all in
    the cache (`packs/cache.py`) reads them without it.
    """
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def located_mapping(loader: LineLoader, node: yaml.MappingNode) -> _Located:
        mapping = _Located(loader.construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, located_mapping)
    return LineLoader


def shipped_packs_folder() -> Path | None:
    """The packs installed with lintkit (`lintkit/_packs`), or the repository's `rules/` folder."""
    installed = Path(__file__).resolve().parents[1] / "_packs"
    if installed.is_dir():
        return installed
    repository = Path(__file__).resolve().parents[2] / "rules"
    return repository if repository.is_dir() else None


def shipped_pack_paths() -> tuple[Path, ...]:
    folder = shipped_packs_folder()
    return tuple(sorted(folder.glob("*.yaml"))) if folder else ()


def load_pack(path: Path, shown: str | None = None) -> list[PackRule]:
    """The rules of one pack file; a `PackError` when the file is not a valid pack."""
    shown = shown or _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{shown}:1: cannot read the rule pack: {error}") from None
    return parse_pack(text, shown, path.stem)


def _yaml_with_lines(text: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _NotYaml(mark.line + 1 if mark is not None else 1, getattr(error, "problem", error)) from None


def parse_pack(text: str, shown: str, default_name: str = "pack") -> list[PackRule]:
    """The rules of a pack's YAML text; `shown` names it in errors."""
    try:
        data = pack_cache.parsed(text, _yaml_with_lines, _Located)
    except _NotYaml as error:
        raise PackError(f"{shown}:{error.line}: not valid YAML: {error.problem}") from None
    if not isinstance(data, _Located) or not isinstance(data.get("rules"), list):
        raise PackError(f"{shown}:1: a rule pack is a mapping with a `rules` list (see docs/rule-packs.md)")
    unknown = set(data) - {"pack", "description", "rules", "enabled"}
    if unknown:
        key = sorted(unknown)[0]
        known = "pack, description, enabled, rules"
        raise PackError(f"{shown}:{data.key_lines[key]}: unknown pack key `{key}` (known: {known})")
    enabled = _enabled(data, shown, True)
    rules = [_rule(shown, entry, str(data.get("pack", default_name))) for entry in data["rules"]]
    for rule, entry in zip(rules, data["rules"], strict=True):
        # `enabled: false`: a convention some projects follow; the rule runs when `select` or a preset names it
        rule.default_enabled = _enabled(entry, shown, enabled)
    _check_unique(shown, rules)
    return rules


def _rule(shown: str, entry: Any, pack: str) -> PackRule:
    if not isinstance(entry, _Located):
        raise PackError(f"{shown}:1: each entry of `rules` must be a mapping")

    def fail(key: str, problem: str) -> PackError:
        return PackError(f"{shown}:{entry.key_lines.get(key, entry.line)}: {problem}")

    for key in ("code", "name", "kind", "summary"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(key, f"rule needs `{key}` (a non-empty string)")
    kind_class = KINDS.get(entry["kind"])
    if kind_class is None:
        raise fail("kind", f"unknown kind `{entry['kind']}` (known: {', '.join(KINDS)})")
    unknown = set(entry) - _COMMON_KEYS - set(kind_class.fields)
    if unknown:
        key = sorted(unknown)[0]
        raise fail(key, f"unknown key `{key}` for a {entry['kind']} rule")
    if not is_code(entry["code"]):
        raise fail("code", f"code `{entry['code']}` must be letters then digits, such as LK551")
    if not _NAME.match(entry["name"]):
        raise fail("name", f"name `{entry['name']}` must be kebab-case, such as fr-glossary")
    try:
        severity = Severity.parse(str(entry.get("severity", "warning")))
    except ValueError as error:
        raise fail("severity", str(error)) from None
    scope = _string_list(entry.get("scope", list(DEFAULT_SCOPE)), fail, "scope")
    wrong = [item for item in scope if item not in SCOPES]
    if wrong:
        raise fail("scope", f"unknown scope `{wrong[0]}` (known: {', '.join(SCOPES)})")
    locales = _string_list(entry.get("locales", []), fail, "locales")
    try:
        return kind_class.from_entry(entry, pack, severity, tuple(scope), tuple(locales))
    except ValueError as error:
        key = error.args[1] if len(error.args) > 1 else "kind"
        line = error.args[2] if len(error.args) > 2 else None
        raise PackError(f"{shown}:{line or entry.key_lines.get(key, entry.line)}: {error.args[0]}") from None


def _enabled(mapping: _Located, shown: str, default: bool) -> bool:
    value = mapping.get("enabled", default)
    if not isinstance(value, bool):
        line = mapping.key_lines.get("enabled", mapping.line)
        raise PackError(f"{shown}:{line}: `enabled` must be true or false, not {value!r}")
    return value


def _string_list(value: Any, fail: Any, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, f"`{key}` must be a string or a list of strings")
    return value


def _check_unique(shown: str, rules: Iterable[Rule]) -> None:
    seen: set[str] = set()
    for rule in rules:
        for label in (rule.code, rule.name):
            if label in seen:
                raise PackError(f"{shown}:1: `{label}` is used by two rules of this pack")
            seen.add(label)


def _shown(path: Path) -> str:
    """A pack's path as the user wrote it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


@cache
def _cached_pack(path: Path, modified: float) -> tuple[PackRule, ...]:
    return tuple(load_pack(path))


def user_pack_paths(config: Config) -> tuple[Path, ...]:
    return tuple((config.root / name).resolve() for name in config["packs"])


def rules_for(config: Config | None = None, extra_packs: Sequence[Path] = ()) -> tuple[Rule, ...]:
    """Built-in rules, shipped packs and the configuration's own packs, ordered by code; codes are unique."""
    paths = [*shipped_pack_paths(), *(user_pack_paths(config) if config else ()), *extra_packs]
    rules: list[Rule] = list(builtin_rules())
    # who uses each code and name: None for the built-in rules, else the pack's path (shown only in an error,
    # since showing a path resolves it, a few system calls per rule)
    owner: dict[str, Path | None] = dict.fromkeys(label for rule in rules for label in (rule.code, rule.name))
    for path in paths:
        if not path.is_file():
            raise PackError(f"{_shown(path)}:1: no such rule pack (named by `packs`)")
        for rule in _cached_pack(path, path.stat().st_mtime):
            for label in (rule.code, rule.name):
                if label in owner:
                    used_by = owner[label]
                    shown = "built-in rules" if used_by is None else _shown(used_by)
                    raise PackError(f"{_shown(path)}:1: `{label}` is already used by {shown}")
                owner[label] = path
            rules.append(rule)
    return tuple(sorted(rules, key=lambda rule: rule.code))


def find_rule_in(rules: Iterable[Rule], code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    return next((rule for rule in rules if wanted.upper() == rule.code or wanted.lower() == rule.name), None)


def do_not_translate_terms(rules: Iterable[Rule], locale: str) -> tuple[str, ...]:
    """Terms of the do-not-translate pack rules that apply to `locale` (for the untranslated-text rules)."""
    return tuple(
        term
        for rule in rules
        if isinstance(rule, PackRule) and rule.kind == "do-not-translate" and rule.applies_to(locale)
        for term in rule.terms
    )
