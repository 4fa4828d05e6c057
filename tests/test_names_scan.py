"""The linear scan that takes markup out of a block before it is judged as code written as text.

That it is linear is measured by `benchmarks/growth.py` (the `{{ `, `<%= ` and `](` patterns).
"""

from __future__ import annotations

import random
import re

from lintkit.analysis.language.names import _without_markup

# What the scan stands for: one regular expression, quadratic in a line of unclosed openers.
REFERENCE = re.compile(r"\]\([^)\n]*\)|[\[\]]|\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|</?[A-Za-z][^<>\n]*>|`")
PIECES = ["](", ")", "[", "]", "{{", "}}", "{%", "%}", "<%", "%>", "<", "</", ">", "`", "\n", "a", "b ", "%", "{", "}"]


def test_the_scan_replaces_what_the_expression_matches() -> None:
    generator = random.Random(15)
    for _ in range(4000):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 24)))
        assert _without_markup(text) == REFERENCE.sub(" ", text), repr(text)


def test_examples() -> None:
    assert _without_markup("see [the guide](../guide.md) now") == "see  the guide  now"
    assert _without_markup("{{ name }} and {% if x %}<b>bold</b>") == "  and   bold "
    assert _without_markup("{{ open\n}} close") == "{{ open\n}} close"  # no closer on its line
    assert _without_markup("<%= a %> x <3 y") == "  x <3 y"
