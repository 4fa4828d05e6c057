"""lintkit: a translation consistency linter for localized Markdown and gettext catalogs."""

__version__ = "0.1.0"
