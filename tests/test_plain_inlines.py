"""The tokens made without the inline parser are the parser's own, for every text they are made for."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintkit.formats.markdown.blocks import create_markdown
from lintkit.formats.markdown.plain_inlines import plain_inline_tokens

PROPERTIES = settings(
    max_examples=1500, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
REFERENCES: dict[str, Any] = {"ref_links": {"A": {"url": "/a", "label": "a"}}}

# Characters that start or end inline markup, blanks of every kind, entity pieces and a masked placeholder.
_PIECES = [
    *"ab h!:/.&;#()=>\ue000\ue001",
    "http",
    "https://x.y",
    "http://a",
    "www.",
    "&amp;",
    "&#35;",
    "&h",
    " ",
    "  ",
    "\n",
    " \n",
    "  \n",
    "\t",
    "\r",
    "\f",
    "\v",
    "\x1c",
    "\u00a0",
    "\u3000",
    "\u200b",
    "\\",
    "`",
    "*",
    "_",
    "[",
    "]",
    "<",
    "\x00",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda pieces: "".join(pieces).strip(" \r\n\t\f"))
# Links, images and near misses: labels and destinations of plain pieces, with at most one piece that may break them.
_TEXT_PIECES = [piece for piece in _PIECES if piece not in "\\`*_[]<" and "http" not in piece]
_LABEL_PIECES = [piece for piece in _TEXT_PIECES if "\n" not in piece] + ["x" * 1000]
_BREAKING_LABEL_PIECES = ["\\", "`", "``", "*", "_", "[", "]", "<", "\n", "https://x.y", "[a](b)"]
_DESTINATION_PIECES = [*"a/_.#?=%-~:@!$&;+,*`'\"\ue000", "http://x", "https://a.b/c", "&amp;", "\u00e9", "%20"]
_BREAKING_DESTINATION_PIECES = [*"()<> \t\n\\\x01\x7f", "\\.", "\\a", "(a)", "<a>", ' "t"', " 't'", "<"]


_CODE_SPANS = ["`x`", "`a b`", "` a `", "`  `", "` `", "`*_[<\\`", "`a\nb`", "` [a](b) `", "`http://x`", "`]`"]
_TEXT_PIECES += _CODE_SPANS
_LABEL_PIECES += _CODE_SPANS
clean_texts = st.lists(st.sampled_from(_TEXT_PIECES), max_size=6).map("".join)
clean_links = st.tuples(
    st.sampled_from(["[", "!["]),
    st.lists(st.sampled_from(_LABEL_PIECES), min_size=1, max_size=4).map("".join),
    st.lists(st.sampled_from(_DESTINATION_PIECES), min_size=1, max_size=6).map("".join),
).map(lambda parts: f"{parts[0]}{parts[1]}]({parts[2]})")
_BREAKING = sorted({*_BREAKING_LABEL_PIECES, *_BREAKING_DESTINATION_PIECES, "](", "]["})


@st.composite
def linked_texts(draw: st.DrawFn) -> str:
    """Plain text and plain links, and maybe one piece anywhere that may break them."""
    text = "".join(draw(st.lists(st.one_of(clean_texts, clean_links), max_size=6)))
    for _ in range(draw(st.integers(0, 1))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_BREAKING)) + text[at:]
    return text.strip(" \r\n\t\f")


@cache
def _parser() -> Any:
    return create_markdown()


def _parsed(text: str, env: dict[str, Any]) -> list[dict[str, Any]]:
    return _parser().inline(text, dict(env))


@PROPERTIES
@given(texts)
def test_the_tokens_are_the_parsers_tokens(text: str) -> None:
    tokens = plain_inline_tokens(text)
    if tokens is not None:
        assert tokens == _parsed(text, {})
        assert tokens == _parsed(text, REFERENCES)


@PROPERTIES
@given(linked_texts())
def test_the_tokens_of_links_are_the_parsers_tokens(text: str) -> None:
    tokens = plain_inline_tokens(text)
    if tokens is not None:
        assert tokens == _parsed(text, {})
        assert tokens == _parsed(text, REFERENCES)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A plain sentence, with punctuation! And an h or two: (hh).",
        "Deux lignes\nd'un paragraphe",
        "une fin de ligne forcée  \n\u3000et des blancs",
        "&amp; &hellip; &#35; &h;",
        "\ue000\ue000\ue000 masked",
        "See [the guide](/docs/guide_one.html#top) and ![a logo](\ue000\ue000/logo.png)!",
        "[Caf\u00e9](https://example.com/caf\u00e9?a=1&amp;b=2)\n[next](a%20b)",
        "[a](b)[c](d)",
        "Run `kubectl get pods` and see [`kube-proxy`](/docs/kube-proxy/).",
    ],
)
def test_plain_text_needs_no_parser(text: str) -> None:
    assert plain_inline_tokens(text) == _parsed(text, {})


@pytest.mark.parametrize(
    "text",
    ["a *b*", "a_b", "``x``", "`a``b`", "a\\b", "<b>", "see https://x.y", "a ]", "[a](b c)", "[a] [b](c)", "[*a*](b)"],
)
def test_markup_goes_to_the_parser(text: str) -> None:
    assert plain_inline_tokens(text) is None
