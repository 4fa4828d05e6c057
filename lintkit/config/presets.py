"""Presets: a site generator's or a team's conventions as data, which a configuration names and extends.

A preset is a YAML file in `rules/presets/` (installed as `lintkit/_packs/presets/`)
with a description, the reasons for each choice, and `settings`: configuration
keys with the same types and checks as in `lintkit.toml`. `preset = "hugo"` puts
those settings under the user's own: a key the user sets wins, and the tables
(`severity`, `link-map`, `per-file-ignores`, ...) merge entry by entry, the
user's entries winning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from lintkit.config import ConfigError


@dataclass(frozen=True)
class Preset:
    """One preset: its name, what it is for, why each setting is there, and the settings."""

    name: str
    summary: str
    description: str
    settings: dict[str, Any]
    reasons: dict[str, str]

    def documentation(self) -> str:
        """What `lintkit explain NAME` prints: what the preset is for and what each setting changes."""
        lines = [f"preset {self.name}: {self.summary}", "", self.description.strip(), "", "Settings:"]
        for key, value in self.settings.items():
            lines.append(f"    {key} = {_shown(value)}")
            if key in self.reasons:
                lines.append(f"        {self.reasons[key]}")
        lines.append("")
        lines.append(f'Use it with `preset = "{self.name}"`; any key you set yourself wins over the preset\'s.')
        return "\n".join(lines)


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_shown(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value).lower() if isinstance(value, bool) else str(value)


def presets_folder() -> Path | None:
    """The presets installed with lintkit, or the repository's `rules/presets/` folder."""
    installed = Path(__file__).resolve().parents[1] / "_packs" / "presets"
    if installed.is_dir():
        return installed
    repository = Path(__file__).resolve().parents[2] / "rules" / "presets"
    return repository if repository.is_dir() else None


def preset_names() -> tuple[str, ...]:
    folder = presets_folder()
    return tuple(sorted(path.stem for path in folder.glob("*.yaml"))) if folder else ()


@cache
def load_preset(name: str) -> Preset:
    """The preset called `name`; a `ConfigError` naming the known presets when there is none."""
    from lintkit.config import KEYS, parse_values  # config.py imports this module lazily too

    folder = presets_folder()
    path = folder / f"{name}.yaml" if folder else None
    if path is None or not path.is_file():
        known = ", ".join(preset_names()) or "none installed"
        raise ConfigError(f"`preset`: unknown preset {name!r} (known: {known})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"preset {name}: cannot be read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
        raise ConfigError(f"preset {name}: a preset is a mapping with a `settings` table")
    for key, entry in data["settings"].items():
        if not isinstance(entry, dict) or set(entry) != {"value", "why"}:
            raise ConfigError(f"preset {name}: setting `{key}` needs a `value` and a `why`")
    if "preset" in data["settings"]:
        raise ConfigError(f"preset {name}: a preset cannot name another preset")
    settings = parse_values({key: entry["value"] for key, entry in data["settings"].items()}, f"preset {name}")
    reasons = {key: " ".join(str(entry["why"]).split()) for key, entry in data["settings"].items() if key in KEYS}
    return Preset(
        name, " ".join(str(data.get("summary", "")).split()), str(data.get("description", "")), settings, reasons
    )


def settled_value(values: dict[str, Any], key: str, default: Any) -> Any:
    """A configuration key's value: the user's, over the preset's (tables merged), over the default."""
    name = values.get("preset")
    preset = load_preset(name).settings if name else {}
    if key not in values:
        return preset.get(key, default)
    value = values[key]
    if isinstance(value, dict) and isinstance(preset.get(key), dict):
        return {**preset[key], **value}
    return value


PAGE_INTRODUCTION = """# Presets

A preset is a site generator's or a team's conventions, shipped with lintkit as data
(`rules/presets/NAME.yaml`): where the sources and translations live, which placeholder syntaxes the
pages use, what translators may change, and which opt-in rules the team wants. Name one in the
configuration and add your own keys on top; a key you set wins over the preset's, and tables
(`severity`, `link-map`, `locale-settings`, ...) merge entry by entry, yours winning:

```toml
# lintkit.toml
preset = "hugo"
target = "site/content/{locale}/{path}"   # replaces the preset's layout
[severity]
LK102 = "warning"                         # added to the preset's table
```

`lintkit explain NAME` prints a preset's settings and the reason for each. Without a preset, only the
rules that hold under every project's convention run; the rules and packs that depend on a convention
(LK501, LK502, the typography packs LK52x and LK53x) are opt-in: name them in `select` or
`extend-select`, or choose a preset that does.

This page is generated from the preset files by `lintkit.config.presets.render_page()`
(`python -c "from lintkit.config.presets import render_page; print(render_page(), end='')" > docs/presets.md`);
a test fails when it is out of date.
"""


def render_page() -> str:
    """docs/presets.md: the introduction, then each preset's summary, description and settings with reasons."""
    parts = [PAGE_INTRODUCTION]
    for name in preset_names():
        preset = load_preset(name)
        parts.append(f"\n## `{name}`\n\n{preset.summary}\n\n{' '.join(preset.description.split())}\n\n")
        parts.append("| setting | value | why |\n|---|---|---|\n")
        for key, value in preset.settings.items():
            reason = preset.reasons.get(key, "").replace("|", "\\|")
            shown = _shown(value).replace("|", "\\|")
            parts.append(f"| `{key}` | `{shown}` | {reason} |\n")
    return "".join(parts)
