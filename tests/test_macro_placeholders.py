"""`macro-placeholders`: KumaScript-style macros compare by name, in any case, whatever their arguments."""

from __future__ import annotations

from helpers import run_rule

MACROS = {"translatable-keys": ("title",), "macro-placeholders": ("jinja",)}
SOURCE = (
    "The element is {{Deprecated_Inline}} now.\n\n## Simple break\n\n{{EmbedLiveSample('Simple_break', 640, 120)}}\n"
)


def test_a_macro_name_in_another_case_and_a_translated_argument_are_the_same_macro() -> None:
    target = "L'élément est {{deprecated_inline}} désormais.\n\n## Saut simple\n\n"
    target += "{{EmbedLiveSample('Saut_simple', 640, 120)}}\n"
    for code in ("LK101", "LK102", "LK103"):
        assert run_rule(code, SOURCE, target, MACROS) == []
    # Without the option, both differ from the source.
    assert [(f.span.line, f.span.column) for f in run_rule("LK103", SOURCE, target)] == [(1, 15), (5, 1)]


def test_a_missing_or_renamed_macro_is_still_reported() -> None:
    target = "L'élément est désormais obsolète.\n\n## Saut simple\n\n{{EmbedExample('Saut_simple', 640, 120)}}\n"
    missing = run_rule("LK101", SOURCE, target, MACROS)
    assert [(f.span.line, f.span.column, f.message) for f in missing][:1] == [
        (1, 1, "placeholder `{{Deprecated_Inline}}` is missing (source line 1)")
    ]
    renamed = run_rule("LK103", SOURCE, target, MACROS)
    assert [(f.span.line, f.span.column) for f in renamed] == [(5, 1)]


def test_macros_of_like_names_in_different_blocks_are_not_one_altered_macro() -> None:
    source = "{{JSRef}}\n\nThe method returns the element.\n\nSee the other method.\n"
    target = "La méthode renvoie l'élément.\n\nVoir {{JSxRef('Array/with', 'with()')}}.\n"
    assert run_rule("LK103", source, target, MACROS) == []
    assert [(f.span.line, f.span.column) for f in run_rule("LK101", source, target, MACROS)] == [(1, 1)]
    assert [(f.span.line, f.span.column) for f in run_rule("LK102", source, target, MACROS)] == [(3, 6)]


def test_the_extra_macro_reported_is_the_one_whose_text_the_source_lacks() -> None:
    source = "## See also\n\n- [Indexed collections](/en-US/docs/Guide/Indexed_collections)\n"
    source += (
        "- {{jsxref('Array')}}\n- {{jsxref('Array.prototype.findIndex()')}}\n- {{jsxref('Array.prototype.at()')}}\n"
    )
    target = "## Voir aussi\n\n- [Guide des collections indexées](/fr/docs/Guide/Indexed_collections)\n"
    target += "- L'objet natif {{JSxRef('Array')}}\n- La méthode {{JSxRef('Array.prototype.findIndex()')}}\n"
    target += "- La méthode {{JSxRef('Array.prototype.with()')}}\n- La méthode {{JSxRef('Array.prototype.at()')}}\n"
    extra = run_rule("LK102", source, target, MACROS)
    assert [(f.span.line, f.message) for f in extra] == [
        (6, "placeholder `{{JSxRef('Array.prototype.with()')}}` is not in the source")
    ]
