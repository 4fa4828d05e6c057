"""Format-string grammars, one per module, looked up by the gettext flag that names them.

A catalog entry flagged `#, c-format` is a C `printf` string at run time, one
flagged `#, python-brace-format` a `str.format` string: the flag decides which
characters are directives, which are escapes (`%%`, `{{`), and what a broken
directive is. `registry.grammar_for(flags)` gives the grammar of an entry.
"""

from lintkit.formats.formatstrings.base import Directive, Grammar
from lintkit.formats.formatstrings.registry import GRAMMARS, grammar_for

__all__ = ["GRAMMARS", "Directive", "Grammar", "grammar_for"]
