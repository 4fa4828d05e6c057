"""Strings whose only Markdown is plain links are read without the parser, exactly as the parser reads them."""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lintkit.formats.placeholders import compile_scanner, find_placeholders, mask
from lintkit.formats.po import documents as po_documents
from lintkit.formats.po.catalog import load_catalog
from lintkit.formats.po.documents import CatalogDocuments
from lintkit.formats.po.plain_links import read_plain_links
from lintkit.formats.po.positions import visible_text
from lintkit.model import LineIndex

# Mostly what the direct reading takes, with a few characters of everything it must leave to the parser.
_PLAIN = ["word", "Mot", "élan", " ", "  ", "\t", "\u00a0", ".", ",", "!", "?", "(", ")", "]", ":", "-", "'", '"']
_PLAIN += ["%(name)s", "%s", "{{ user }}", "{0}", "\ue000"]
_RISKY = ["*", "_", "`", "<b>", "&amp;", "\\", "\n", "https://x.org", "www.x", "[", "![", "][x]"]
_TEXT = st.sampled_from(_PLAIN * 6 + _RISKY)
_LABEL_CHARACTERS = list("ab Z9.-!()'é\t") * 10 + list("*_[]`&<\n") + ["%s", "{{ x }}", "https:"]
_DESTINATION_CHARACTERS = list("ab/:.#?=_-@~") * 10 + list("%()&<> '\"\\") + ["https://e.org/", "mailto:"]
_LABEL = st.lists(st.sampled_from(_LABEL_CHARACTERS), min_size=1, max_size=8)
_DESTINATION = st.lists(st.sampled_from(_DESTINATION_CHARACTERS), min_size=1, max_size=8)
_LINK = st.builds(lambda label, destination: f"[{''.join(label)}]({''.join(destination)})", _LABEL, _DESTINATION)
_PIECES = st.lists(st.one_of(_TEXT, _TEXT, _LINK), max_size=10)
_SCANNER = compile_scanner(("jinja", "printf", "brace"))
_SETTINGS = settings(
    max_examples=600, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def _both(text: str):
    """The direct reading (or None) and the parser's, of `text` with its placeholders masked."""
    lines = LineIndex.of(text)
    masked = mask(text, find_placeholders(text, _SCANNER, lines))
    direct = read_plain_links(masked.text, lines, visible_text(text, masked))
    return direct, CatalogDocuments(())._parsed(masked, lines)


@_SETTINGS
@given(_PIECES)
@example(["Save ", "[the file](https://example.org/a_b?x=1#top)", "."])
@example(["[12](https://example.org/12)", " ", "[ b ](u)", "(c) z"])
@example(["x ] y ", "[a](b)", "(c)"])
@example(["a", "[https](https)"])  # the label is the address: an autolink
@example(["a", "][b]", "[c](d)"])  # what looks like a reference label before a link
def test_the_direct_reading_is_the_parsers(pieces: list[str]) -> None:
    text = "".join(pieces)
    direct, parsed = _both(text)
    if direct is None:
        return
    assert direct.inlines == parsed.inlines, text
    assert direct.links == parsed.links, text
    assert direct.text == parsed.text, text


def test_plain_links_are_read_directly_and_markup_goes_to_the_parser() -> None:
    direct, parsed = _both(" Open %(name)s in [the settings](https://example.org/settings). ")
    assert direct is not None
    assert [(link.text, link.destination, link.span.column, link.destination_span.column) for link in direct.links] == [
        ("the settings", "https://example.org/settings", 19, 34)
    ]
    assert [(inline.kind, inline.text, inline.span.column) for inline in direct.inlines] == [
        ("text", "Open %(name)s in ", 2),
        ("text", "the settings", 20),
        ("link", "the settings", 19),
        ("text", ".", 63),
    ]
    assert direct.text == parsed.text == "Open %(name)s in the settings."
    for text in ("See [*this*](u)", "![image](u)", "[a](<u>)", "[a](u 'title')", "a [b](u) *c*", "[a][b]", "no link"):
        assert _both(text)[0] is None, text


def _catalog(strings: list[str]) -> str:
    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")

    def quoted(text: str) -> str:  # wrapped over quoted lines of 20 characters
        return '"' + '"\n"'.join(escaped(text[start : start + 20]) for start in range(0, len(text), 20)) + '"'

    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entries = [f'msgid {quoted("source " + text)}\nmsgstr ""\n{quoted(text)}\n' for text in strings]
    return header + "\n".join(entries)


@settings(max_examples=60, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES.map("".join).filter(str.strip), min_size=1, max_size=4))
def test_a_catalog_reads_the_same_with_and_without_the_direct_reading(strings: list[str]) -> None:
    """Through the whole entry: escapes, strings wrapped over quoted lines, positions in the file."""
    catalog = load_catalog("fr.po", _catalog(strings).encode("utf-8"), "fr")
    documents = CatalogDocuments(("jinja",))
    fast = documents.pair(catalog, {})
    with mock.patch.object(po_documents, "read_plain_links", return_value=None):
        parsed = documents.pair(catalog, {})
    assert fast.source.blocks == parsed.source.blocks
    assert fast.target.blocks == parsed.target.blocks
