"""`python -m lintkit` runs the command line."""

from lintkit.cli.app import main

main()
