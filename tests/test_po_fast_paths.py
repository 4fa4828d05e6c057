"""The shortcuts of catalog reading skip only work whose result is known to be empty."""

from __future__ import annotations

from itertools import combinations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lintkit.formats.placeholders import SYNTAXES, compile_scanner, find_placeholders
from lintkit.formats.po.documents import CatalogDocuments
from lintkit.model import LineIndex

_PIECES = ["{{ ", " }}", "{{", "}}", "{%", "%}", "<%= ", "%>", "{{< ", ">}}", "{{% ", "%}}", "(%= ", "%)", "{", "}"]
_PIECES += ["%", "%s", "%(name)d", "%%", "{0}", "{name!r:>4}", "<", ">", "(", ")", "x", " ", "\n", "word"]
_SUBSETS = [subset for size in range(1, 4) for subset in combinations(sorted(SYNTAXES), size)]


@settings(
    max_examples=300, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(_SUBSETS))
@example(["(%= ", "x", "%)"], ("erb",))  # mangled ERB tags, found for erb and for jinja
@example(["(%= ", "%)"], ("jinja",))
@example(["{{", " x"], ("jinja",))  # unclosed openers
@example(["<%= ", "x"], ("erb",))
@example(["{{< ", "x", ">}}"], ("hugo",))
@example(["{", "x", "}"], ("brace",))
def test_a_string_without_its_syntaxes_openers_has_no_placeholder(pieces: list[str], syntaxes: tuple[str, ...]) -> None:
    text = "".join(pieces)
    found = find_placeholders(text, compile_scanner(syntaxes), LineIndex.of(text))
    openers = CatalogDocuments(syntaxes)._openers(syntaxes)
    if not any(opener in text for opener in openers):
        assert found == [], (text, syntaxes)


def test_python_format_strings_skip_the_template_scanner() -> None:
    openers = CatalogDocuments(("hugo", "jinja", "erb"))._openers(("hugo", "jinja", "erb"))
    assert not any(opener in "%(count)d files in %s" for opener in openers)
    assert any(opener in "{{ name }} and %s" for opener in openers)
    assert any(opener in "a (%= mangled %) tag" for opener in openers)
