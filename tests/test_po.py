"""Gettext catalogs: scanning with positions, loading, plural forms, format flags, and the shared rules on entries."""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_catalog_rule

from lintkit.formats.placeholders import compile_scanner, find_placeholders
from lintkit.formats.po.catalog import Catalog, guess_locale, load_catalog
from lintkit.formats.po.documents import CatalogDocuments, entry_grammar, entry_syntaxes
from lintkit.formats.po.plurals import PluralFormsError, parse_plural_forms
from lintkit.model import Finding, LineIndex


def _catalog(text: str, path: str = "fr/messages.po") -> Catalog:
    catalog = load_catalog(path, textwrap.dedent(text).encode("utf-8"), "fr")
    assert isinstance(catalog, Catalog), catalog
    return catalog


def _positions(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(finding.code, finding.span.line, finding.span.column) for finding in findings]


# Loading


def test_entries_know_the_lines_of_their_strings_and_keep_translator_comments() -> None:
    catalog = _catalog(
        """\
        msgid ""
        msgstr ""
        "Language: fr\\n"

        # lintkit: ignore LK101
        #. extracted comment
        #: views.py:3
        #, python-format
        msgctxt "button"
        msgid "Hello %s"
        msgstr ""
        "Bonjour "
        "%s"

        #~ msgid "Gone"
        #~ msgstr "Parti"
        """
    )
    (entry,) = catalog.entries
    assert (entry.msgctxt, entry.msgid, entry.msgstrs) == ("button", "Hello %s", ("Bonjour %s",))
    assert entry.line == 5
    assert entry.msgid_field.line == 10
    assert (entry.msgstr_fields[0].line, entry.msgstr_fields[0].end_line) == (11, 13)
    assert entry.flags == ("python-format",)
    assert entry.comments == ("lintkit: ignore LK101",)
    assert catalog.comments_at(12) == ("lintkit: ignore LK101",)
    assert catalog.entry_at(2) is None
    assert catalog.header_line("Language") == 3


@pytest.mark.parametrize(
    ("text", "line", "column", "reason"),
    [
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n', 4, 7, "not closed with a quote"),
        ('msgid "a"\nmsgstr "b"\nstray text\n', 3, 1, "unexpected text"),
        ('msgid "a"\nmsgstr[0] "b"\n', 1, 1, "msgstr[n] without msgid_plural"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 1, 1, "an entry without msgstr"),
        ('"orphan"\n', 1, 1, "continues no msgid"),
    ],
)
def test_broken_syntax_is_a_catalog_invalid_finding_at_its_line(text: str, line: int, column: int, reason: str) -> None:
    finding = load_catalog("fr.po", text.encode(), "fr")
    assert isinstance(finding, Finding)
    assert (finding.code, finding.span.line, finding.span.column) == ("LK906", line, column)
    assert reason in finding.message


def test_declared_charset_is_used_and_bad_bytes_are_reported() -> None:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
    catalog = load_catalog("fr.po", (header + 'msgid "Yes"\nmsgstr "Oui, \xe9t\xe9"\n').encode("latin-1"), "fr")
    assert isinstance(catalog, Catalog)
    assert catalog.entries[0].msgstrs == ("Oui, été",)
    broken = load_catalog("fr.po", b'msgid "Yes"\nmsgstr "\xe9"\n', "fr")
    assert isinstance(broken, Finding)
    assert (broken.code, broken.span.line) == ("LK902", 2)


def test_locale_comes_from_the_folder_the_name_or_the_header() -> None:
    assert guess_locale("locale/pt_BR/LC_MESSAGES/django.po", {"Language": "es"}) == "pt_BR"
    assert guess_locale("po/de.po", {}) == "de"
    assert guess_locale("django-admin.po", {"Language": "es"}) == "es"


# Plural forms


def test_plural_forms_parse_without_eval() -> None:
    polish = parse_plural_forms(
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    )
    assert [polish.formula(n) for n in (1, 2, 5, 22, 112)] == [0, 1, 2, 1, 2]
    assert polish.single_number_forms() == {0}
    assert parse_plural_forms("nplurals=2; plural=(n > 1);").single_number_forms() == frozenset()
    with pytest.raises(PluralFormsError, match="unexpected"):
        parse_plural_forms("nplurals=2; plural=__import__('os');")


# Placeholder syntaxes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100%% sure, %s", ["%s"]),
        ("%%s is literal", []),
        ("%(name)s has %.1f%% and %1$s", ["%(name)s", "%.1f", "%1$s"]),
        ("50 % de remise", []),
        ("{0} and {name} and {name!r:>10} and {}", ["{0}", "{name}", "{name!r:>10}", "{}"]),
        ("{{escaped}} is literal", []),
    ],
)
def test_printf_and_brace_placeholders(text: str, expected: list[str]) -> None:
    scanner = compile_scanner(("printf", "brace"))
    assert [p.raw for p in find_placeholders(text, scanner, LineIndex.of(text))] == expected


@pytest.mark.parametrize(
    ("flags", "msgid", "syntaxes", "grammar"),
    [
        ("#, python-format\n", "Done", ("jinja",), "python-format"),
        ("#, javascript-format\n", "Chosen %s", ("jinja",), "javascript-format"),
        ("#, python-brace-format\n", "Hello {{ name }}", (), "python-brace-format"),
        ("#, fuzzy, c-format\n", "%d files", ("jinja",), "c-format"),
        ("#, no-python-format\n", "100% of %s", ("jinja",), None),
        ("", "Hello %(name)s", ("jinja", "printf"), None),
        ("", "Rounded to %.0lf", ("jinja", "printf"), None),
        ("", "Hello {name}", ("jinja", "brace"), None),
        ("", "Use %-formatting, 50 % off", ("jinja",), None),
    ],
)
def test_format_checks_follow_the_flags_or_the_content(flags: str, msgid: str, syntaxes: tuple, grammar) -> None:
    entry = _catalog(f'{flags}msgid "{msgid}"\nmsgstr "x"\n').entries[0]
    assert entry_syntaxes(entry, ("jinja",)) == syntaxes
    assert getattr(entry_grammar(entry), "flag", None) == grammar


# The shared placeholder rules on entries


def _run(code: str, catalog: str, **case) -> list[Finding]:
    return run_catalog_rule(code, {"catalog": catalog, **case})


def test_dropped_printf_placeholder_is_reported_at_the_msgstr_line() -> None:
    findings = _run(
        "LK101",
        """\
        #, python-format
        msgid ""
        "You have %(count)d new messages from "
        "%(sender)s."
        msgstr ""
        "Vous avez %(count)d nouveaux messages."
        """,
    )
    assert _positions(findings) == [("LK101", 5, 1)]
    assert findings[0].message == "placeholder `%(sender)s` is missing (source line 4)"
    assert findings[0].source_line == 4


def test_altered_placeholder_is_positioned_through_escapes_and_continuations() -> None:
    findings = _run(
        "LK103",
        """\
        msgid "Say \\"{greeting}\\" to {name}"
        msgstr ""
        "Dites \\"{greting}\\" "
        "à {name}"
        """,
    )
    assert _positions(findings) == [("LK103", 3, 10)]
    assert "`{greting}` differs from the source's `{greeting}`" in findings[0].message


def test_entries_do_not_lend_placeholders_to_each_other() -> None:
    catalog = """\
        #, python-format
        msgid "Delete %s"
        msgstr "Supprimer"

        #, python-format
        msgid "Keep it"
        msgstr "Garder %s"
        """
    assert _positions(_run("LK101", catalog)) == [("LK101", 3, 1)]
    assert _positions(_run("LK102", catalog)) == [("LK102", 7, 16)]


def test_every_plural_form_is_compared_with_its_msgid() -> None:
    catalog = """\
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        #, python-format
        msgid "One file in %(folder)s"
        msgid_plural "%(count)d files in %(folder)s"
        msgstr[0] "Jeden plik w %(folder)s"
        msgstr[1] "%(count)d pliki w %(folder)s"
        msgstr[2] "pliki w %(folder)s"
        """
    # msgstr[0] is for n = 1 only and may say "one"; msgstr[2] lost the count.
    findings = _run("LK101", catalog)
    assert _positions(findings) == [("LK101", 10, 1)]
    assert "`%(count)d` is missing (source line 7)" in findings[0].message


def test_singular_form_may_use_the_plural_msgids_number() -> None:
    catalog = """\
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        #, python-format
        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d файл"
        msgstr[1] "%d файла"
        msgstr[2] "%d файлов"
        """
    assert _run("LK102", catalog) == []
    assert _run("LK101", catalog) == []


def test_fuzzy_and_untranslated_entries_are_not_compared_unless_asked() -> None:
    catalog = """\
        #, fuzzy, python-format
        msgid "Delete %s"
        msgstr "Supprimer"

        #, python-format
        msgid "Keep %s"
        msgstr ""
        """
    assert _run("LK101", catalog) == []
    assert _positions(_run("LK101", catalog, options={"check-fuzzy": True})) == [("LK101", 3, 1)]


def test_links_inside_entries_are_positioned_in_the_file() -> None:
    catalog = _catalog(
        'msgid "See [the guide](https://example.org/guide)."\nmsgstr "Voir [le guide](https://example.org/fr/guide)."\n'
    )
    pair = CatalogDocuments(("jinja",)).pair(catalog, {})
    (link,) = pair.target.links
    assert link.destination == "https://example.org/fr/guide"
    assert (link.span.line, link.span.column) == (2, 14)


def test_text_over_several_quoted_lines_is_cut_at_the_quotes() -> None:
    catalog = _catalog('msgid "Say hi to all"\nmsgstr ""\n"Dites \\"salut\\" "\n"à `tous`"\n')
    pair = CatalogDocuments(("jinja",)).pair(catalog, {})
    pieces = [
        (inline.kind, inline.text, inline.span.line, inline.span.column) for inline in pair.target.blocks[0].inlines
    ]
    assert pieces == [("text", 'Dites "salut" ', 3, 2), ("text", "à ", 4, 2), ("code", "tous", 4, 5)]


def test_the_po_format_reads_a_catalog_by_its_extension() -> None:
    from lintkit.formats import Formats
    from lintkit.formats.base import FormatSettings

    format = Formats(FormatSettings(("hugo", "jinja", "erb"))).for_path("fr.po")
    assert format is not None and format.name == "po"
    document = format.load("fr.po", b'msgid "Yes"\nmsgstr "Oui {{ name }}"\n', "fr")
    assert document.catalog is not None and document.format == "po"
    target = format.pair(None, document, {}).target
    assert [block.text for block in target.blocks] == ["Oui {{ name }}"]
    assert [p.raw for p in target.placeholders] == ["{{ name }}"]
    broken = format.load("fr.po", b'msgid "Yes\n', "fr")
    assert [problem.code for problem in broken.problems] == ["LK906"]
    assert not broken.parsed


def test_a_single_plural_form_translates_msgid_plural() -> None:
    catalog = """\
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=1; plural=0;\\n"

        #, python-format
        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d 個のファイル"
        """
    assert _run("LK101", catalog) == []
    assert _run("LK102", catalog) == []
    assert _positions(_run("LK101", catalog.replace("%d 個", "個"))) == [("LK101", 8, 1)]


def test_printf_arguments_may_be_reordered_with_positions_but_not_swapped() -> None:
    catalog = """\
        #, c-format
        msgid "%s of %d files"
        msgstr "%2$d fichiers sur %1$s"

        #, c-format
        msgid "%s has %d points"
        msgstr "%d points pour %s"
        """
    assert _run("LK101", catalog) == _run("LK102", catalog) == []
    findings = _run("LK103", catalog)
    assert _positions(findings) == [("LK103", 7, 9), ("LK103", 7, 24)]
    assert "placeholder `%d` differs from the source's `%s`" in findings[0].message
