"""What lintkit says about itself: its distribution name, version and addresses.

The import package and the console script are `lintkit`; the distribution on
the package index has another name, because `lintkit` there belongs to an
unrelated project. The version is `lintkit.__version__`, which the packaging
reads too (`[tool.hatch.version]` in pyproject.toml), so the distribution's
metadata says the same without `--version` loading `importlib.metadata` (a
tenth of lintkit's start-up). The addresses come from `[project.urls]` in the
metadata, so that SARIF help links follow the project's own.
"""

from __future__ import annotations

from functools import cache

DISTRIBUTION = "lintkit-l10n"


def lintkit_version() -> str:
    from lintkit import __version__

    return __version__


@cache
def project_urls() -> dict[str, str]:
    """`[project.urls]` as label -> address; empty when lintkit runs without its metadata (from a source tree)."""
    from importlib.metadata import PackageNotFoundError, metadata

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
