"""The command line: click commands, thin over the run; nothing else imports this wing."""

from lintkit.cli.app import cli, main
from lintkit.cli.entry import run_and_exit

__all__ = ["cli", "main", "run_and_exit"]
