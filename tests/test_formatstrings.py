"""Format-string grammars, flag by flag: what is a directive, its key, what is an escape, what is broken."""

from __future__ import annotations

import pytest

from lintkit.formats.formatstrings import GRAMMARS, grammar_for
from lintkit.formats.po import cldr
from lintkit.formats.po.plurals import form_numbers, parse_plural_forms


def _scan(flag: str, text: str) -> list[tuple[str, str]]:
    """(raw, key) of each valid directive, ("!" + raw, problem start) of each broken one."""
    found = []
    for directive in GRAMMARS[flag].scan(text):
        if directive.problem is None:
            found.append((directive.raw, directive.key))
        else:
            found.append(("!" + directive.raw, text[: directive.start].count("") - 1))
    return found


@pytest.mark.parametrize(
    ("flag", "text", "expected"),
    [
        ("c-format", "%d%%", [("%d", "%1$d")]),
        ("c-format", "%.0lf%%", [("%.0lf", "%1$.0lf")]),
        ("c-format", "%'d and %i", [("%'d", "%1$d"), ("%i", "%2$d")]),
        ("c-format", "%lld %zu %hhx", [("%lld", "%1$lld"), ("%zu", "%2$zu"), ("%hhx", "%3$hhu")]),
        ("c-format", "%2$s %1$s", [("%2$s", "%2$s"), ("%1$s", "%1$s")]),
        ("c-format", "%*d", [("%*d", "%2$*d")]),
        ("c-format", "% d", [("% d", "%1$d")]),
        ("c-format", "100%", [("!%", 3)]),
        ("c-format", "%y", [("!%y", 0)]),
        ("c-format", "%<PRId64> of %<PRIuMAX>", [("%<PRId64>", "%1$64d"), ("%<PRIuMAX>", "%2$MAXu")]),
        ("objc-format", "%@ %1$@ %#@items@", [("%@", "%1$@"), ("%1$@", "%1$@"), ("%#@items@", "%#@items@")]),
        ("c-format", "%@", [("!%@", 0)]),
        ("python-format", "%(name)s %(n)d", [("%(name)s", "%(name)s"), ("%(n)d", "%(n)d")]),
        ("python-format", "%s %r %a", [("%s", "%1$s"), ("%r", "%2$s"), ("%a", "%3$s")]),
        ("python-format", "%(name", [("!%(name", 0)]),
        ("python-format", "50%", [("!%", 2)]),
        ("python-format", "%.2f%%", [("%.2f", "%1$.2f")]),
        ("c-format", "%'6.3f %-5s", [("%'6.3f", "%1$6.3f"), ("%-5s", "%2$5s")]),
        ("php-format", "%'*10s %1$s %b", [("%'*10s", "%1$10s"), ("%1$s", "%1$s"), ("%b", "%2$d")]),
        ("javascript-format", "%s %d %j", [("%s", "%1$s"), ("%d", "%2$d"), ("%j", "%3$j")]),
        ("java-printf-format", "%1$s%n%2$d", [("%1$s", "%1$s"), ("%n", "%n"), ("%2$d", "%2$d")]),
        ("perl-format", "%vd", [("%vd", "%1$d")]),
        (
            "boost-format",
            "%1% of %2%, %|+5|%|40t|",
            [("%1%", "%1$"), ("%2%", "%2$"), ("%|+5|", "%1$|+5|"), ("%|40t|", "%|40t|")],
        ),
        ("lua-format", "%q %5.2f", [("%q", "%1$s"), ("%5.2f", "%2$5.2f")]),
    ],
)
def test_printf_dialects(flag: str, text: str, expected: list) -> None:
    assert _scan(flag, text) == expected


@pytest.mark.parametrize(
    ("flag", "text", "expected"),
    [
        ("python-brace-format", "{{ string }}", []),
        ("python-brace-format", "{} {}", [("{}", "{0}"), ("{}", "{1}")]),
        (
            "python-brace-format",
            "{0} {name} {user.email} {items[0]}",
            [("{0}", "{0}"), ("{name}", "{name}"), ("{user.email}", "{user.email}"), ("{items[0]}", "{items[0]}")],
        ),
        ("python-brace-format", "{value!r:>10}", [("{value!r:>10}", "{value}")]),
        ("python-brace-format", "{value:{width}.{precision}}", [("{value:{width}.{precision}}", "{value}")]),
        ("python-brace-format", "{ {s}", [("!{", 0), ("{s}", "{s}")]),
        ("python-brace-format", "}s{", [("!}", 0), ("!{", 2)]),
        ("python-brace-format", "{ {s} }", [("!{", 0), ("{s}", "{s}"), ("!}", 6)]),
        ("python-brace-format", "{ name }", [("!{ name }", 0)]),
        ("python-brace-format", "{name!z}", [("!{name!z}", 0)]),
        ("c++-format", "{} {0:>8}", [("{}", "{0}"), ("!{0:>8}", 3)]),
        ("c++-format", "{name}", [("!{name}", 0)]),
        ("csharp-format", "{0,-10:C2} {{1}}", [("{0,-10:C2}", "{0}")]),
        ("csharp-format", "{name}", [("!{name}", 0)]),
        ("qt-format", "%1 %L2 %99 %100 %", [("%1", "%1"), ("%L2", "%2"), ("%99", "%99"), ("%10", "%10")]),
        ("qt-plural-format", "%Ln %1", [("%Ln", "%n"), ("%1", "%1")]),
        ("sh-format", "$HOME ${count} $ 5", [("$HOME", "$HOME"), ("${count}", "$count")]),
        ("perl-brace-format", "{count} { x } {{y}}", [("{count}", "{count}"), ("{y}", "{y}")]),
    ],
)
def test_brace_qt_and_shell(flag: str, text: str, expected: list) -> None:
    assert _scan(flag, text) == expected


@pytest.mark.parametrize(
    ("flag", "text", "expected"),
    [
        ("icu-message-format", "{name}", [("{name}", "{name}")]),
        (
            "icu-message-format",
            "{n, number, ::percent} {d, date, short}",
            [("{n, number, ::percent}", "{n,number}"), ("{d, date, short}", "{d,date}")],
        ),
        ("icu-message-format", "{count, plural, one {# item} other {# items}}", [("{count, plural", "{count,plural}")]),
        (
            "icu-message-format",
            "{count, plural, =0 {none} one {{who}} other {{who} and #}}",
            [("{count, plural", "{count,plural}"), ("{who}", "{who}")],
        ),
        (
            "icu-message-format",
            "{g, select, f {{n, plural, one {#} other {#}}} other {{n, plural, one {#} other {#}}}}",
            [("{g, select", "{g,select}"), ("{n, plural", "{n,plural}")],
        ),
        (
            "icu-message-format",
            "{r, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
            [("{r, selectordinal", "{r,selectordinal}")],
        ),
        ("icu-message-format", "it's '{literal}' and ''{name}''", [("{name}", "{name}")]),
        (
            "icu-message-format",
            "{count, plural, one {'#' is # file} other {# files}}",
            [("{count, plural", "{count,plural}")],
        ),
        (
            "icu-message-format",
            "{count, plural, one {#}}",
            [("{count, plural", "{count,plural}"), ("!{count, plural", 0)],
        ),
        (
            "icu-message-format",
            "{g, select, f {{n, plural, one {#}}} other {x}}",
            [("{g, select", "{g,select}"), ("{n, plural", "{n,plural}"), ("!{n, plural", 15)],
        ),
        (
            "icu-message-format",
            "{count, plural, one {#} other {#}",
            [("{count, plural", "{count,plural}"), ("!{count, plural", 0)],
        ),
        (
            "icu-message-format",
            "{count, plural, single {#} other {#}}",
            [("{count, plural", "{count,plural}"), ("!single", 16)],
        ),
        ("icu-message-format", "{}", [("!{", 0)]),
        ("icu-message-format", "a } b", [("!}", 2)]),
        ("icu-message-format", "{when, dat}", [("{when, dat", "{when,dat}"), ("!{when, dat", 0)]),
        ("java-format", "{0} {1,number,integer}", [("{0}", "{0}"), ("{1,number,integer}", "{1,number}")]),
        (
            "java-format",
            "{0,choice,0#none|1#one|1<{0,number} many}",
            [("{0,choice", "{0,choice}"), ("{0,number}", "{0,number}")],
        ),
        ("java-format", "it''s {0}", [("{0}", "{0}")]),
        ("java-format", "'{0}' is quoted", []),
        ("java-format", "it's {0}", [("!'", 2)]),
        ("java-format", "{name}", [("!{", 0)]),
    ],
)
def test_message_format(flag: str, text: str, expected: list) -> None:
    assert _scan(flag, text) == expected


def test_the_first_format_flag_chooses_the_grammar() -> None:
    assert grammar_for(["fuzzy", "python-format"]).flag == "python-format"
    assert grammar_for(["no-c-format"]) is None
    assert grammar_for([]) is None
    assert {"c-format", "python-brace-format", "icu-message-format", "java-format", "csharp-format"} <= set(GRAMMARS)


def test_cldr_forms_cover_the_numbers_of_each_language() -> None:
    assert [cldr.category_of("ru", n) for n in (1, 21, 11, 2, 22, 12, 5, 0)] == [
        "one",
        "one",
        "many",
        "few",
        "few",
        "many",
        "many",
        "many",
    ]
    assert [cldr.category_of("pt_BR", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [cldr.category_of("pt-PT", n) for n in (0, 1, 1_000_000)] == ["other", "one", "many"]
    assert [cldr.category_of("ar", n) for n in (0, 1, 2, 3, 11, 100)] == ["zero", "one", "two", "few", "many", "other"]
    assert cldr.category_of("tlh", 1) is None


def test_form_numbers_come_from_the_header_and_else_from_cldr() -> None:
    german = parse_plural_forms("nplurals=2; plural=(n != 1);")
    assert form_numbers(german, "de", 2)[0] == (1,)
    assert form_numbers(german, "de", 3) is None  # the entry does not have the header's forms
    russian = form_numbers(None, "uk", 3)
    assert russian[0][:4] == (1, 21, 31, 41)
    assert form_numbers(None, "fr", 2)[0] == (0, 1)  # CLDR's `many` (millions) is not a gettext form here
    assert form_numbers(None, "xx", 2) is None


def test_every_flag_is_documented() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "format-strings.md").read_text(encoding="utf-8")
    assert [flag for flag in GRAMMARS if f"| `{flag}` |" not in page] == []


def test_select_keywords_are_the_programs_values() -> None:
    from lintkit.formats.formatstrings.messageformat import unknown_select_cases

    source = "{role, select, admin {Admin} guest {Guest} other {Member}}"
    assert unknown_select_cases(source, "{role, select, admin {A} other {M}}") == []
    (unknown,) = unknown_select_cases(source, "{role, select, admn {A} other {M}}")
    assert (unknown.raw, unknown.start) == ("admn", 15)
    assert "(admin, guest, other)" in unknown.problem
    assert unknown_select_cases(source, "{count, plural, one {#} few {#} other {#}}") == []


@pytest.mark.parametrize(
    ("source", "target", "found"),
    [
        ("Saved %'d files.", "%'d fichiers enregistrés.", []),
        ("Saved %'d files.", "Fichiers enregistrés.", [("LK101", 1, 1)]),
        ("Shared by %1$@.", "Partagé par %1$@.", []),
        ("Shared by %1$@.", "Partagé par quelqu'un.", [("LK101", 1, 1)]),
        ("Rounded to %.0lf%%.", "Arrondi à %.0lf %%.", []),
        ("Hello {name}.", "Bonjour {nom}.", [("LK103", 1, 9)]),
        ("50 % off for {name}.", "50 % de remise pour {name}.", []),
    ],
)
def test_printf_and_brace_in_markdown_pairs(source: str, target: str, found: list) -> None:
    from lintkit.formats.align import align
    from lintkit.formats.markdown.parse import MarkdownLoader
    from lintkit.model import FilePair
    from lintkit.rules import find_rule

    loader = MarkdownLoader(("printf", "brace"))
    source_document = loader.load("en/page.md", source.encode(), "en")
    target_document = loader.load("fr/page.md", target.encode(), "fr")
    pair = FilePair(source_document, target_document, align(source_document.blocks, target_document.blocks), {})
    findings = [
        (finding.code, finding.span.line, finding.span.column)
        for code in ("LK101", "LK102", "LK103", "LK104")
        for finding in find_rule(code).check(pair)
    ]
    assert findings == found
