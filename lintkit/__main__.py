"""`python -m lintkit` runs the command line."""

from lintkit.cli import main

main()
