"""Properties that hold for any input: no exception escapes a loader, the engine or the configuration and
pack loaders, and every position stays inside its file. Fixed seed (derandomize) and bounded examples keep
the run fast and repeatable."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintkit.config import ConfigError, load_config
from lintkit.formats import Formats
from lintkit.model import Document, Finding, Span
from lintkit.packs.loader import PackError, parse_pack, rules_for
from lintkit.run.engine import Engine, format_settings

PROPERTIES = settings(
    max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# Pieces of markup, templates and catalogs, so that generated text is hostile where it matters.
_MARKUP = [
    "{{ ",
    " }}",
    "{{",
    "}}",
    "{%",
    "%}",
    "<%= ",
    "%>",
    "{{< ",
    ">}}",
    "{{% ",
    "%}}",
    "(%= ",
    "%)",
    "[",
    "]",
    "(",
    ")",
    "](",
    "](url)",
    "![",
    "\\[",
    "\\]",
    "[t][r1]",
    "\n[r1]: /x\n",
    "<a href=",
    "<b ",
    ">",
    "</a>",
    "<",
    "`",
    "```\n",
    "~~~\n",
    "# ",
    "## 1. ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "\t",
    "|",
    "| --- |",
    "---\n",
    "title: x\n",
    "key: &a [1]\n",
    "other: *a\n",
    "*",
    "_",
    "**",
    "<!-- lintkit-disable-next-line LK101 -->\n",
    "<!-- lintkit-disable -->",
    "{/* x */}",
    "import X from 'y'\n",
    "<Tabs>",
    "</Tabs>",
    ":::note\n",
    ":::\n",
    "%s",
    "%(name)s",
    "{name}",
    "{0}",
    "{{ urls/home }}",
    "#x",
    "../",
    "https://example.org/a b",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "é",
    "\u200b",
    "\ufeff",
    "\x00",
    "\udc80",
]
_PO = [
    'msgid ""\nmsgstr ""\n',
    '"Content-Type: text/plain; charset=UTF-8\\n"\n',
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
    '"Plural-Forms: nplurals=3; plural=(((n;\\n"\n',
    'msgid "a %s"\n',
    'msgstr "b"\n',
    'msgid_plural "as"\n',
    'msgstr[0] "x"\n',
    'msgstr[1] "y {n}"\n',
    'msgctxt "c"\n',
    '"continued"\n',
    "#, fuzzy\n",
    "#, python-format\n",
    "# lintkit: ignore LK101\n",
    '#~ msgid "old"\n',
    '"\\"',
    "\n",
    '"',
    "\\",
    "%",
    "{",
    "}",
    "é",
    "\r",
]


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=6)), max_size=40).map("".join)


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _assert_inside(text: str, span: Span, what: object) -> None:
    """Lines count as the loaders count them (CR, LF and CRLF end a line); an end column may be one past."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert 1 <= span.line <= span.end_line <= len(lines), what
    assert 1 <= span.column <= len(lines[span.line - 1]) + 1, what
    assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, what
    if span.line == span.end_line:
        assert span.column <= span.end_column, what


def _assert_document_inside(document: Document, text: str) -> None:
    for block in document.blocks:
        _assert_inside(text, block.span, block)
        for inline in block.inlines:
            _assert_inside(text, inline.span, inline)
    for placeholder in document.placeholders:
        _assert_inside(text, placeholder.span, placeholder)
    for link in document.links:
        _assert_inside(text, link.span, link)
    for problem in document.problems:
        _assert_inside(text, problem.span, problem)


def _formats() -> Formats:
    with tempfile.TemporaryDirectory() as folder:
        return Formats(format_settings(load_config(cwd=Path(folder))))


_FORMATS = _formats()


@PROPERTIES
@given(_text(_MARKUP))
def test_markdown_loader_never_raises_and_stays_inside(text: str) -> None:
    data = _bytes(text)
    document = _FORMATS.get("markdown").load("fr/page.md", data, "fr")
    if document.problems and not document.blocks:
        return  # refused whole (binary, bad UTF-8): the finding is at a point of the raw bytes
    _assert_document_inside(document, document.text)


@PROPERTIES
@given(_text(_MARKUP))
def test_mdx_loader_never_raises_and_stays_inside(text: str) -> None:
    document = _FORMATS.get("mdx").load("fr/page.mdx", _bytes(text), "fr")
    if document.problems and not document.blocks:
        return
    _assert_document_inside(document, document.text)


@PROPERTIES
@given(_text(_PO))
def test_po_loader_never_raises_and_stays_inside(text: str) -> None:
    document = _FORMATS.get("po").load("fr/messages.po", _bytes(text), "fr")
    if document.problems and not document.blocks:
        return
    _assert_document_inside(document, document.text)


def _engine_run(files: dict[str, str]) -> tuple[list[Finding], Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(_bytes(text))
        config = load_config(cwd=root)
        result = Engine(config, rules_for(config), cwd=root).run()
        texts = {name: _bytes(text).decode("utf-8", "replace") for name, text in files.items()}
        for finding in result.findings:
            assert finding.path in texts, finding
            if finding.code not in ("LK901", "LK902"):  # points into the raw bytes
                _assert_inside(texts[finding.path], finding.span, finding)
    return result.findings, root


@PROPERTIES
@given(_text(_MARKUP), _text(_MARKUP))
def test_engine_never_raises_and_findings_stay_inside(source: str, target: str) -> None:
    findings, _ = _engine_run({"en/page.md": source, "fr/page.md": target})
    assert not any(finding.code == "LK909" for finding in findings), findings  # no rule crashed


@PROPERTIES
@given(_text(_PO))
def test_engine_on_catalogs_never_raises(catalog: str) -> None:
    findings, _ = _engine_run({"fr/LC_MESSAGES/messages.po": catalog})
    assert not any(finding.code == "LK909" for finding in findings), findings


_TOML = [
    'source = "en/{path}"\n',
    'target = "{locale}/{path}"\n',
    "fail-on = ",
    '"error"',
    '"nope"',
    "select = [",
    '"LK1"',
    ", ",
    "]",
    "\n",
    "[severity]\n",
    'LK101 = "info"\n',
    "locales = 3\n",
    "[tool.lintkit]\n",
    "=",
    '"',
    "include = []\n",
    'placeholders = ["jinja", "erb"]\n',
    'site-root = "../"\n',
    "baseline = false\n",
    "é",
    "{",
]


@PROPERTIES
@given(_text(_TOML))
def test_configuration_loader_raises_only_configuration_errors(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "lintkit.toml").write_bytes(_bytes(text))
        try:
            config = load_config(cwd=root)
            Engine(config, rules_for(config), cwd=root)
        except ConfigError as error:
            assert str(error)


_YAML = [
    "rules:\n",
    "  - code: ACME101\n",
    "    name: acme-names\n",
    "    kind: forbidden\n",
    "    kind: glossary\n",
    "    kind: do-not-translate\n",
    "    kind: pattern-parity\n",
    "    summary: s\n",
    "    entries:\n",
    "      - term: courriel\n",
    "      - pattern: '(a'\n",
    "        message: '{}'\n",
    "    message: '{found}'\n",
    "    terms: [Acme]\n",
    "    pattern: 'a*'\n",
    "    severity: fatal\n",
    "      - source: a\n",
    "        target: b\n",
    "    scope: [text]\n",
    "&a [*a]\n",
    "- ",
    ": ",
    "\n",
    "'",
    "{",
    "é",
    "\t",
]


@PROPERTIES
@given(_text(_YAML))
def test_pack_loader_raises_only_pack_errors(text: str) -> None:
    try:
        parse_pack(text, "pack.yaml")
    except PackError as error:
        assert str(error).startswith("pack.yaml:")
