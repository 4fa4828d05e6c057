"""What lintkit says about itself: its distribution name, version and addresses (from the package metadata).

The import package and the console script are `lintkit`; the distribution on
the package index has another name, because `lintkit` there belongs to an
unrelated project. The addresses come from `[project.urls]` in
pyproject.toml, so that SARIF help links and `--version` follow the project's
own metadata.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, metadata, version

DISTRIBUTION = "lintkit-l10n"


def lintkit_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0"


@cache
def project_urls() -> dict[str, str]:
    """`[project.urls]` as label -> address; empty when lintkit runs without its metadata (from a source tree)."""
    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return {}
    urls = {}
    for entry in entries:
        label, _, address = entry.partition(",")
        urls[label.strip()] = address.strip()
    return urls


def rule_help_uri(code: str) -> str | None:
    """The rule's section of the rules reference (docs/rules.md#lk101), where the metadata names the page."""
    page = project_urls().get("Rules")
    return f"{page}#{code.lower()}" if page else None
