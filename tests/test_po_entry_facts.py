"""The facts rebuilt for plain catalogs are exactly polib's, and every catalog that is not plain goes to polib."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintkit.formats.po.catalog import _polib_facts, load_catalog
from lintkit.formats.po.entry_facts import plain_facts
from lintkit.formats.po.scan import ScanError, scan
from lintkit.model import Finding

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'


def _both(text: str):
    """polib's facts (or the exception it raises) and the rebuilt ones, of a catalog the scanner accepts."""
    entries = scan(text)
    try:
        expected = _polib_facts(text)
    except Exception as error:  # polib's verdict on a broken catalog
        expected = error
    return expected, plain_facts(text, entries)


def test_flags_comments_and_header_of_a_plain_catalog() -> None:
    text = (
        "# Leading comment: the file's header, not an entry's\n"
        "#, fuzzy\n" + HEADER + "# lintkit: ignore LK401\n#\n##  two\n#. for translators\n#: app.py:3\n"
        '#, python-format, no-wrap,\nmsgctxt "menu"\nmsgid "Open %s"\nmsgstr "Ouvrir %s"\n\n'
        '#, fuzzy\n#, c-format\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\nmsgstr[1] "d"\n# trailing\n'
    )
    expected, rebuilt = _both(text)
    assert rebuilt == expected
    assert rebuilt.by_key[("menu", "Open %s")] == (
        ("python-format", "no-wrap", ""),
        ("lintkit: ignore LK401", "", " two"),
    )
    assert rebuilt.by_key[(None, "a")] == (("fuzzy", "c-format"), ())
    assert rebuilt.header == {"Language": "fr", "Plural-Forms": "nplurals=2; plural=(n > 1);"}


def test_header_lines_without_a_colon_continue_the_field_before() -> None:
    text = 'msgid ""\nmsgstr ""\n"no colon first\\n"\n"Language: fr\\n"\n"  more of it\\n"\n'
    expected, rebuilt = _both(text)
    assert rebuilt == expected
    assert rebuilt.header == {"Language": "fr\nmore of it"}


@pytest.mark.parametrize(
    "text",
    [
        '#~ msgid "old"\n#~ msgstr "vieux"\n',  # obsolete entries: polib's state machine reads them
        '#| msgid "before"\nmsgid "a"\nmsgstr "b"\n',  # a previous msgid
        'msgid "a"\n#, fuzzy\nmsgstr "b"\n',  # a comment inside an entry
        '  msgid "a"\nmsgstr "b"\n',  # indented: polib strips, the scanner keeps the column
        'msgid "a\\x41"\nmsgstr "b"\n',  # an escape polib leaves undecoded: the keys differ
        'msgid "a"\nmsgstr "b\\u2028c"\n'.replace("\\u2028", "\u2028"),  # polib's splitlines breaks it
        'msgid ""\nmsgstr "A: 1"\n\nmsgctxt "x"\nmsgid ""\nmsgstr "B: 2"\n',  # two msgids polib may take as header
        '#,fuzzy\nmsgid "a"\nmsgstr "b"\n',  # a marker glued to its text: polib's syntax error
    ],
)
def test_what_only_polib_reads_goes_to_polib(text: str) -> None:
    assert plain_facts(text, scan(text)) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgctxt "x"\n# comment\nmsgid "a"\nmsgstr "b"\n', 2),  # polib refuses a comment after msgctxt
        ('msgid"a"\nmsgstr "b"\n', 1),  # and a keyword glued to its quote
        ('msgid "a"\n#: app.py:1\nmsgid_plural "b"\nmsgstr[0] "c"\nmsgstr[1] "d"\n', 3),
    ],
)
def test_catalogs_polib_refuses_still_get_its_finding(text: str, line: int) -> None:
    finding = load_catalog("fr.po", text.encode(), "fr")
    assert isinstance(finding, Finding)
    assert (finding.code, finding.span.line, finding.span.column) == ("LK906", line, 1)
    assert "Syntax error in po file" in finding.message


_PLAIN_COMMENTS = ["", "#", "# note", "#  spaced", "## double", "#, fuzzy", "#, python-format, fuzzy,", "#,"]
_PLAIN_COMMENTS += ["#: app.py:1", "#:", "#. extracted", "#."]
_ODD_COMMENTS = ["#,fuzzy", '#| msgid "old"', '#~ msgid "gone"', "#~", "#x"]
# Mostly what plain catalogs have, so that most examples are read both ways and compared.
_COMMENTS = st.sampled_from(_PLAIN_COMMENTS * 6 + _ODD_COMMENTS)
_STRINGS = st.sampled_from(
    ['""', '"a"', '"b %s"', '"Language: fr\\n"', '"no colon\\n"', '"\\"q\\" \\\\ \\t"'] * 4
    + ['"\\a \\x41"', '"f\x0cg"']
)
_GLUE = st.sampled_from([" "] * 8 + ["\t", ""])


@st.composite
def _entry(draw) -> list[str]:
    """One entry's lines: comments, then keywords (mostly in order), with now and then a comment inside."""
    lines = draw(st.lists(_COMMENTS, max_size=3))
    plural = draw(st.booleans())
    keywords = (["msgctxt"] if draw(st.booleans()) else []) + ["msgid"]
    keywords += ["msgid_plural", "msgstr[0]", "msgstr[1]"] if plural else ["msgstr"]
    if draw(st.integers(0, 9)) == 0:
        keywords = draw(st.permutations(keywords))
    for keyword in keywords:
        lines.append(("  " if draw(st.integers(0, 19)) == 0 else "") + keyword + draw(_GLUE) + draw(_STRINGS))
        lines.extend(draw(st.lists(_STRINGS, max_size=2)))
        if draw(st.integers(0, 19)) == 0:
            lines.append(draw(_COMMENTS))
    return lines


@settings(
    max_examples=500, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(_entry(), max_size=5), st.lists(_COMMENTS, max_size=2))
def test_rebuilt_facts_are_polibs_whenever_they_are_given(entries: list[list[str]], trailing: list[str]) -> None:
    text = "\n".join(line for entry in entries for line in [*entry, ""]) + "\n".join(trailing) + "\n"
    try:
        expected, rebuilt = _both(text)
    except ScanError:
        return  # the scanner's own finding comes first, polib is not asked
    if rebuilt is not None:
        assert not isinstance(expected, Exception), (text, expected)
        assert rebuilt == expected, text


def test_an_entry_followed_only_by_empty_markers_is_dropped_as_polib_drops_it() -> None:
    text = HEADER + '#, fuzzy\nmsgid "kept"\nmsgstr "gardé"\n\nmsgid "last"\nmsgstr "dernier"\n#,\n#:\n'
    expected, rebuilt = _both(text)
    assert rebuilt == expected
    assert list(rebuilt.by_key) == [(None, "kept")]
