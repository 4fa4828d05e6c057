"""LK701-LK703 on restructured sections, link macros written as links and code a macro prints."""

from __future__ import annotations

from helpers import run_rule

MACROS = {"translatable-keys": ("title",), "macro-placeholders": ("jinja",)}


def positions(findings) -> list[tuple[int, int]]:
    return [(finding.span.line, finding.span.column) for finding in findings]


SOURCE = """## Plan your devices

The best event includes computers connected to the internet, but you do not need one for every child.

- Test the tutorials on the devices of the school.
- Provide headphones for the class, or ask the students to bring their own.
- Have low bandwidth? Show the videos at the front of the class instead.

## Start the event
"""

# The same section as two paragraphs: the list written as prose, nothing lost.
RESTRUCTURED = """## Préparez les appareils

Le meilleur événement utilise des ordinateurs reliés à internet, mais il n'en faut pas un par enfant.

Testez les tutoriels sur les appareils de l'école, et prévoyez des écouteurs pour la classe
ou demandez aux élèves d'apporter les leurs. Connexion lente ? Montrez les vidéos devant la classe.

## Commencez l'événement
"""


def test_a_section_written_in_another_form_at_its_length_is_neither_missing_nor_extra() -> None:
    assert run_rule("LK701", SOURCE, RESTRUCTURED) == []
    assert run_rule("LK702", SOURCE, RESTRUCTURED) == []


def test_a_section_that_lost_a_block_is_still_reported() -> None:
    shortened = RESTRUCTURED.replace(" Connexion lente ? Montrez les vidéos devant la classe.", "").replace(
        ", et prévoyez des écouteurs pour la classe\nou demandez aux élèves d'apporter les leurs", ""
    )
    assert run_rule("LK701", SOURCE, shortened)


def test_see_also_items_written_with_links_for_the_sources_link_macros_are_not_extra() -> None:
    source = '## See also\n\n- {{domxref("window.confirm","confirm")}}\n- {{domxref("window.prompt","prompt")}}\n'
    target = "## Voir aussi\n\n- [`confirm`](/fr/docs/Web/API/Window/confirm)\n"
    target += "- [`prompt`](/fr/docs/Web/API/Window/prompt)\n"
    assert run_rule("LK702", source, target, MACROS) == []
    added = target + "- La méthode [`print`](/fr/docs/Web/API/Window/print)\n"
    assert positions(run_rule("LK702", source, added, MACROS)) == [(5, 3)]


def test_code_a_source_macro_prints_is_not_an_extra_code_span() -> None:
    source = 'Wrap the lines in {{htmlelement("p")}} elements, not in breaks: set `white-space` for the rest.\n'
    target = "Placez les lignes dans des éléments `<p>`, pas dans des sauts : réglez `white-space` pour le reste.\n"
    assert run_rule("LK703", source, target, MACROS) == []
    other = target.replace("`<p>`", "`<div>`")
    assert positions(run_rule("LK703", source, other, MACROS)) == [
        (1, other.index("<div>") + 1)
    ]  # at the code, inside the backticks
