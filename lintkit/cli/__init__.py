"""The command line: click commands, thin over the run; nothing else imports this wing."""

from lintkit.cli import pattern_cache

pattern_cache.install()  # before the commands' modules compile their patterns

from lintkit.cli.app import cli, main  # noqa: E402

__all__ = ["cli", "main"]
