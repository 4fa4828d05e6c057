"""`python -m lintkit` runs the command line."""

from lintkit.cli.app import run_and_exit

run_and_exit()
