"""The `lintkit.toml` that `lintkit init` writes: the detected layout, commented so that it can be read and edited.

The preset line is written as a setting only when this lintkit knows the
`preset` key (`config.KEYS`), else as a comment: a file that `init` wrote must
always load.
"""

from __future__ import annotations

import json

from lintkit.config import KEYS
from lintkit.run.layout_detect import Layout


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string or list of strings is valid TOML


def render(layout: Layout) -> str:
    locales = list(layout.locales)
    lines = [
        f"# lintkit configuration, written by `lintkit init` for a {layout.name}.",
        "# Every key is described in README.md (Configuration); `lintkit rules` lists the rules.",
        "",
        "# Where the sources are, and where each translation is: {locale} is a locale tag, {path} the rest.",
        f"source = {_toml(layout.source)}",
        f"target = {_toml(layout.target)}",
        f"source-locale = {_toml(layout.source_locale)}",
        f"# Found: {', '.join(locales)}. Uncomment to check only some of them.",
        f"# locales = {_toml(locales)}",
        f"include = {_toml(list(layout.include))}",
        "",
    ]
    if layout.preset:
        lines.append(
            "# The conventions of this kind of site (which placeholders, anchors and comments are translated)."
        )
        if "preset" in KEYS:
            lines.append(f"preset = {_toml(layout.preset)}")
        else:
            lines.append(f"# preset = {_toml(layout.preset)}  (this version of lintkit has no presets yet)")
        lines.append("")
    lines += [
        "# Rules by code (LK101), prefix (LK1) or name. --select and --ignore on the command line replace these",
        "# lists; extend-select and extend-ignore add to them.",
        '# select = ["LK1", "LK2", "LK3"]',
        "# ignore = []",
        '# fail-on = "error"        # or "warning", "info": the lowest severity that fails the run',
        "",
    ]
    return "\n".join(lines)


def describe(layout: Layout) -> str:
    """What `init` prints: the layout and what it was recognised by."""
    seen = ", ".join(layout.evidence[:6]) + (", …" if len(layout.evidence) > 6 else "")
    preset = f"; preset {layout.preset}" if layout.preset else ""
    count = len(layout.locales)
    return (
        f"Found a {layout.name}: {seen} "
        f"({count} locale{'' if count == 1 else 's'}: {', '.join(layout.locales)}{preset})."
    )
