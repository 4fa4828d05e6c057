"""`python -m lintkit` runs the command line."""

from lintkit.cli.entry import run_and_exit

run_and_exit()
