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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A plain sentence, with punctuation! And an h or two: (hh).",
        "Deux lignes\nd'un paragraphe",
        "une fin de ligne forcée  \n\u3000et des blancs",
        "&amp; &hellip; &#35; &h;",
        "\ue000\ue000\ue000 masked",
    ],
)
def test_plain_text_needs_no_parser(text: str) -> None:
    assert plain_inline_tokens(text) == _parsed(text, {})


@pytest.mark.parametrize("text", ["a *b*", "a_b", "`x`", "[a](b)", "a\\b", "<b>", "see https://x.y", "a ]"])
def test_markup_goes_to_the_parser(text: str) -> None:
    assert plain_inline_tokens(text) is None
