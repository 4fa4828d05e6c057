"""English that a translation keeps on purpose (names, mentions, messages) against English left untranslated."""

from __future__ import annotations

import pytest
from helpers import document, run_rule

from lintkit.analysis.language.words import block_words

INTRO = "This page explains how to configure the project settings.\n\n"
INTRO_FR = "Cette page explique comment configurer les réglages du projet.\n\n"


def positions(findings) -> list[tuple[int, int]]:
    return [(finding.span.line, finding.span.column) for finding in findings]


def test_mdx_code_and_keyboard_elements_hold_no_words() -> None:
    page = document(
        "**Type :** <code>(request: Request, options?: RenderOptions) => Response | undefined</code>\n\n"
        "Cliquez sur <kbd>Add new project</kbd> puis validez.\n",
        "fr/page.mdx",
    )
    assert [word.text for word in block_words(page, page.blocks[0])] == ["Type"]
    assert [word.text for word in block_words(page, page.blocks[1])] == ["Cliquez", "sur", "puis", "validez"]


def test_code_elements_are_found_for_each_block_of_a_page() -> None:
    """Each block looks only at the code elements inside it, whatever its place on the page."""
    blocks = "".join(f"Voir <kbd>Key {index}</kbd> puis <Card>texte {index}</Card>.\n\n" for index in range(50))
    page = document(blocks, "fr/page.mdx")
    assert [word.text for word in block_words(page, page.blocks[0])] == ["Voir", "puis", "texte"]
    assert [word.text for word in block_words(page, page.blocks[49])] == ["Voir", "puis", "texte"]
    other = document("Appuyez sur <kbd>Entrée</kbd> ici.\n", "fr/other.mdx")  # the elements of another page
    assert [word.text for word in block_words(other, other.blocks[0])] == ["Appuyez", "sur", "ici"]
    assert [word.text for word in block_words(page, page.blocks[10])] == ["Voir", "puis", "texte"]


def test_a_type_signature_in_an_mdx_code_element_is_not_untranslated() -> None:
    line = "**Type:** <code>(request: Request, fallback = false) => RouteData | undefined</code>\n"
    findings = run_rule("LK401", INTRO + line, INTRO_FR + line, format="mdx")
    assert findings == []
    words = "**Type:** Returns the route data for the request when it matches.\n"
    assert positions(run_rule("LK401", INTRO + words, INTRO_FR + words, format="mdx")) == [(3, 1)]


def test_a_fence_the_parser_read_as_text_is_code() -> None:
    example = "    ```js\n    // configure it\n    import plugin from 'plugin';\n    ```\n"
    source = "1. Import the plugin.\n\n\tThen pass it to the configuration file of the project.\n\n" + example
    target = "1. Importez le plugin.\n\n\tPuis passez-le au fichier de configuration du projet.\n\n" + example
    assert run_rule("LK401", source, target) == []


def test_a_note_label_is_not_a_program_message() -> None:
    note = "> **Note**: Remember to restart the server after you change the configuration.\n"
    findings = run_rule("LK401", INTRO + note, INTRO_FR + note)
    assert positions(findings) == [(3, 5)]  # at its first word


def test_an_error_page_keeps_its_title_and_lead_quote_when_it_keeps_the_message() -> None:
    page = (
        "---\ntitle: Cannot fetch the font file.\n---\n\n"
        "> An error occurred while fetching the font file from the given address.\n\n"
        "## What went wrong?\n\nThe font file could not be downloaded from the address you gave.\n"
    )
    kept = page.replace("## What went wrong?", "## Qu'est-ce qui a mal tourné ?").replace(
        "The font file could not be downloaded from the address you gave.",
        "Le fichier de police n'a pas pu être téléchargé depuis l'adresse donnée.",
    )
    assert run_rule("LK401", page, kept) == []
    # The same quote as an ordinary page's last block is reported: nothing says it is a message.
    source = "You may see this in the console.\n\n> An error occurred while fetching the font file from the address.\n"
    target = (
        "Cela peut apparaître dans la console.\n\n> An error occurred while fetching the font file from the address.\n"
    )
    assert positions(run_rule("LK401", source, target)) == [(3, 3)]


def test_an_unchanged_section_heading_of_an_error_page_is_still_reported() -> None:
    page = (
        "---\ntitle: Cannot fetch the font file.\n---\n\n> The font file could not be fetched.\n\n## What went wrong?\n"
    )
    assert positions(run_rule("LK401", page, page)) == [(7, 1)]


def test_the_title_of_a_linked_page_on_another_site_is_a_name() -> None:
    source = INTRO + "- [Getting Started with Visual Studio Code](https://editor.example.org/intro)\n"
    target = INTRO_FR + "- [Getting Started with Visual Studio Code](https://editor.example.org/intro)\n"
    assert run_rule("LK401", source, target) == []
    inner = INTRO + "- [Read the Guide about deploying your site](/en/guides/deploy/)\n"
    inner_fr = INTRO_FR + "- [Read the Guide about deploying your site](/fr/guides/deploy/)\n"
    assert positions(run_rule("LK401", inner, inner_fr)) == [(3, 4)]


def test_a_call_to_act_in_a_link_to_another_site_is_still_english() -> None:
    source = "- [Order some stickers](https://shop.example.org/)! Pick from shirts and tattoos.\n"
    target = "- [Order some stickers](https://shop.example.org/)! Choisissez parmi les t-shirts et les tatouages.\n"
    assert positions(run_rule("LK402", source, target)) == [(1, 4)]
    titled = "- [Getting Started with Code](https://shop.example.org/) : une vidéo pour débuter avec l'éditeur.\n"
    assert run_rule("LK402", "- [Getting Started with Code](https://shop.example.org/): a video.\n", titled) == []


@pytest.mark.parametrize("line", ['- **Name:** "title"', "- Build command : `npx astro build`", "- **Required:** Yes"])
def test_a_field_and_its_value_as_the_interface_shows_them_are_names(line: str) -> None:
    assert run_rule("LK401", INTRO + line + "\n", INTRO_FR + line + "\n") == []


def test_a_sentence_with_a_colon_is_not_a_field() -> None:
    line = "- Note: the build command runs before every deploy of your site\n"
    assert positions(run_rule("LK401", INTRO + line, INTRO_FR + line)) == [(3, 3)]


def test_a_file_name_in_bold_is_a_name() -> None:
    tree = "- src/\n  - **[slug].astro**\n"
    assert run_rule("LK401", INTRO + tree, INTRO_FR + tree) == []


@pytest.mark.parametrize(
    "target",
    [
        'Quand l\'assistant demande "Where would you like to create your new project?", tapez un nom.\n',
        "Dans l'onglet **Your apps of the project**, ajoutez une application.\n",
        "Activez la mise en cache TTL (time to live) pour ces pages.\n",
    ],
)
def test_mentions_and_expansions_in_a_translated_sentence_are_kept_on_purpose(target: str) -> None:
    source = (
        'When the wizard asks "Where would you like to create your new project?", type a name.\n'
        if "assistant" in target
        else "In the **Your apps of the project** tab, add an app.\n"
        if "onglet" in target
        else "Enable TTL (time to live) caching for these pages.\n"
    )
    assert run_rule("LK402", source, target) == []


def test_english_outside_quotes_is_still_reported() -> None:
    source = "When the wizard asks where you would like to create the project, type a name.\n"
    target = "Quand l'assistant demande where you would like to create the project, tapez un nom.\n"
    findings = run_rule("LK402", source, target)
    assert positions(findings) == [(1, 27)]


def test_a_message_a_quote_announces_after_a_colon_is_kept() -> None:
    source = "> Example error message:<br/> The schema cannot be a function. Check your configuration file.\n"
    target = "> Exemple de message d'erreur :<br/> The schema cannot be a function. Check your configuration file.\n"
    assert run_rule("LK401", source, target) == []
    assert run_rule("LK402", source, target) == []


def test_a_list_of_terms_is_kept_when_terms_may_stay_in_english() -> None:
    options = {"translatable-keys": ("title",), "untranslated-terms": False}
    source = "The folder holds your pages, styles, images, etc. for the site.\n"
    target = "Le dossier contient vos pages, styles, images, etc. pour le site.\n"
    assert run_rule("LK402", source, target, options) == []


def test_one_short_grammar_word_does_not_make_a_sentence_english() -> None:
    source = "## Passing frontmatter variables to scripts\n"
    target = "## Pasando variables frontmatter a scripts\n"
    assert run_rule("LK401", source, target) == []
    assert run_rule("LK402", source, target) == []


def test_a_whole_sentence_in_bold_is_not_a_mention() -> None:
    source = "**The event runs during the first week and we will write to you about new tutorials.**\n"
    target = "<br /> **The event runs during the first week and we will write to you about new tutorials.**\n"
    assert positions(run_rule("LK401", source, target)) == [(1, 1)]


def test_the_quotes_of_a_catalog_are_not_quotation_marks() -> None:
    from helpers import run_catalog_rule

    case = {
        "catalog": 'msgid "Run the second test before you merge the change."\n'
        'msgstr "Lancez the second test avant de fusionner la modification."\n'
    }
    assert [finding.span.line for finding in run_catalog_rule("LK402", case)] == [2]


def test_a_message_on_the_lines_after_a_translated_label_is_kept() -> None:
    source = (
        "> **Example error message:**<br/>\nInvalid collection type. Remove the type from your configuration file.\n"
    )
    target = (
        "> **Exemple de message d'erreur :**<br/>\n"
        "Invalid collection type. Remove the type from your configuration file.\n"
    )
    assert run_rule("LK402", source, target) == []
    assert run_rule("LK401", source, target) == []


def test_an_english_label_does_not_announce_a_message() -> None:
    tip = "> **Tip:**<br/>\nRemove the type from your file before you build.\n"
    source = "Intro paragraph of the page, in English.\n\n" + tip
    target = "Paragraphe d'introduction de la page.\n\n" + tip
    assert positions(run_rule("LK401", source, target)) == [(3, 5)]
