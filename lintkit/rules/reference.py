"""The rules reference page (docs/rules.md): every rule's documentation in one Markdown file.

It is rendered from the rules themselves, so it cannot drift: a test compares
the committed page with a fresh rendering.
"""

from __future__ import annotations

from collections.abc import Iterable

from lintkit.rules.base import Rule
from lintkit.rules.codes import family_title


def render_reference(rules: Iterable[Rule]) -> str:
    rules = list(rules)
    lines = [
        "# Rules",
        "",
        "Generated from the rules' own documentation (`lintkit rules --format markdown`); "
        "`lintkit explain CODE` prints one of them.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.summary} |" for r in rules]
    family = None
    for rule in rules:
        current = family_title(rule.code)
        if current != family:
            family = current
            lines += ["", f"## {family}"]
        lines += ["", f"### {rule.code}", "", f"`{rule.name}`, {rule.severity} by default. {rule.summary}", ""]
        lines += [_as_markdown(rule.documentation())]
    return "\n".join(lines).rstrip() + "\n"


def _as_markdown(documentation: str) -> str:
    """Docstring sections (`What it finds:` and an indented body) as bold labels; example lines as a list."""
    out: list[str] = []
    section = ""
    for line in documentation.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            section = line[:-1]
            while out and not out[-1]:
                out.pop()
            out += ["", f"**{section}**", ""]
        elif section == "Example" and line.strip():
            indented = line.startswith("        ") and out and out[-1].startswith("- ")
            out.append(("  " if indented else "- ") + line.strip())
        elif line.strip() or (out and out[-1]):
            out.append(line.strip())
    return "\n".join(out).strip()
