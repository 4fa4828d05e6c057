"""Content parity (LK7xx and LK206) over whole pages: one finding per defect, at its line and column."""

from __future__ import annotations

import pytest
from helpers import all_rules, document, pair_of

from lintkit.analysis.content.code_tokens import tokens
from lintkit.analysis.content.numbers import changed_numbers, numbers_in
from lintkit.formats.block_measures import sentence_count
from lintkit.formats.destinations import link_page
from lintkit.formats.groups import groups
from lintkit.formats.kept_words import latin_names
from lintkit.formats.similarity import keys_within, markup, stems

GUIDE_SOURCE = """\
# Guide

Start with the basics. This paragraph explains what a first visit needs.

Run `npm install` and wait 30 seconds before you open the page.

- Item one is here
- Item two is here
- Item 3

| a | 1 |
|---|---|
| b | 2 |
"""

GUIDE_TARGET = """\
# Guide

Lancez `npm start` et attendez 50 secondes avant d'ouvrir la page.

- Premier élément
- Troisième élément

| a | 1 |
|---|---|
"""


def content_findings(source: str, target: str) -> list[tuple[str, int, int]]:
    pair = pair_of(source, target)
    found = [
        (finding.code, finding.span.line, finding.span.column)
        for rule in all_rules()
        if rule.code.startswith("LK7") or rule.code == "LK206"
        for finding in rule.check(pair)
    ]
    return sorted(found, key=lambda item: (item[1], item[2]))


def test_the_guide_example_gives_one_finding_per_defect() -> None:
    assert content_findings(GUIDE_SOURCE, GUIDE_TARGET) == [
        ("LK701", 3, 1),  # the dropped paragraph, before the next kept block
        ("LK703", 3, 9),  # `npm start` for `npm install`
        ("LK704", 3, 32),  # 50 for 30
        # a dropped list item: nothing but its meaning ties "Troisième" to "Item 3", and by length it is item
        # two's, so the item found missing is the last one, right after the list
        ("LK701", 7, 1),
        ("LK701", 9, 1),  # the dropped table row: after the last kept row, on the page's last line (the rule line)
    ]


def test_a_single_heading_page_gets_its_findings() -> None:
    source = "# tar\n\nArchive files.\n\n- Create an archive:\n\n`tar -cf target.tar file1 file2`\n"
    target = "# tar\n\nArchive des fichiers.\n\n- Créer une archive :\n\n`tar -cvf target.tar file1`\n"
    assert content_findings(source, target) == [("LK703", 7, 2)]


def test_numbers_read_in_every_notation() -> None:
    source = document("Over 1,000 schools, 2.5 hours, 45%, 1’000 francs, 3 days.\n", "en/a.md", "en")
    target = document("Plus de 1.000 écoles, 2,5 heures, ٤٥٪, 1 000 francs, ３ jours.\n", "fr/a.md", "fr")
    assert list(changed_numbers(numbers_in(source, source.blocks[0]), numbers_in(target, target.blocks[0]))) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One sentence. Another one! A third?", 3),
        ("It fails for many reasons, e.g. a missing file.", 1),  # an abbreviation before a lowercase word
        ("A list follows:", 1),  # a colon that ends the text leads into what follows
        ("最初の文です。次の文です。", 2),  # full-width stops, with no space after them
        ("یہ پہلا جملہ ہے۔ یہ دوسرا ہے؟", 2),  # the Urdu full stop and the Arabic question mark
        ("Առաջին նախադասություն։ Երկրորդը։", 2),  # the Armenian full stop
        ("He said “stop.” Then he left.", 2),  # a stop inside closing quotes
        ("Не знаю. Давай разберемся вместе", 1),  # a last sentence without its stop
        ("A heading with no stop", 0),
    ],
)
def test_sentences_are_counted_in_every_script(text: str, count: int) -> None:
    assert sentence_count(document(text + "\n").blocks[0]) == count


def test_a_name_written_against_chinese_japanese_or_korean_words_is_a_word_of_its_own() -> None:
    assert "stor" in stems("Storybookの設定を開く")  # no space between the name and the Japanese words
    assert "stor" in stems("打开Storybook的设置")
    assert "stor" in stems("Storybook설정을 엽니다")
    assert stems("Open the Storybook settings") >= {"open", "stor", "sett"}


def test_the_markup_a_translation_keeps_is_read_from_tags_images_and_bold_labels() -> None:
    def of(text: str) -> frozenset[str]:
        return markup(document(text + "\n").blocks[0])

    assert of("**Together online**<br>\nKeep everyone on the call.") == {"** lead", "br"}
    assert of("- **With parents:** ask them to host it.") == {"** lead"}
    assert of("Keep **everyone** on the call.") == frozenset()  # bold inside the text is no label
    assert of("[![](/images/a.png)](https://example.org)") == of('[<img src="/images/a.png">](https://example.org)')


def test_code_tokens_drop_comments_and_string_contents() -> None:
    code = 'x = "Hello"  # greet\nprint(x)\n'
    values = [token.value for token in tokens(code, "python")]
    assert values == ["x", "=", '"…"', "print", "(", "x", ")"]
    assert "# greet" in [token.value for token in tokens(code, "python", compare_comments=True)]


def test_a_split_paragraph_is_one_group() -> None:
    pair = pair_of(
        "A long paragraph that says two things at once, the first and then the second.\n\nEnd of the page here.\n",
        "Un long paragraphe qui dit la première chose.\n\n"
        "Et ensuite la seconde, tout simplement.\n\nFin de la page ici.\n",
    )
    block_groups, joined = groups(pair.alignment)
    assert [len(group.targets) for group in block_groups] == [2, 1]
    assert len(joined) == 1


MOVED_SOURCE = """\
# Start

Pick a tutorial for your class.

Download the [lesson plan](/files/plan.docx) before the day.

## Resources

- Read the [guide](/files/guide.pdf) for organizers.
"""


def test_a_block_moved_elsewhere_on_the_page_is_neither_missing_nor_extra() -> None:
    target = """\
# Début

Choisissez un tutoriel pour votre classe.

## Ressources

- Lisez le [guide](/files/guide.pdf) pour les organisateurs.
- Téléchargez le [plan de cours](/files/plan.docx) avant le jour J.
"""
    assert content_findings(MOVED_SOURCE, target) == []


def test_a_dropped_block_whose_link_is_nowhere_else_is_missing() -> None:
    target = """\
# Début

Choisissez un tutoriel pour votre classe.

## Ressources

- Lisez le [guide](/files/guide.pdf) pour les organisateurs.
- Regardez la [vidéo](https://example.org/video) avant le jour J.
"""
    assert content_findings(MOVED_SOURCE, target) == [("LK701", 5, 1), ("LK702", 8, 3)]


FLAT_SOURCE = """\
# Help

**When someone is stuck, it is fine to answer:**

- "I do not know. Let us find out together."
- "Technology does not always work the way we want."
- "Learning to program is like learning a new language."
"""


def test_list_items_written_into_one_paragraph_are_not_missing() -> None:
    target = """\
# Aide

**Quand quelqu'un bloque, on peut répondre :** - « Je ne sais pas. Cherchons ensemble. » - « La technologie ne \
marche pas toujours comme on veut. » - « Apprendre à programmer, c'est comme apprendre une langue. »
"""
    assert content_findings(FLAT_SOURCE, target) == []


def test_list_items_dropped_from_a_paragraph_are_missing() -> None:
    target = """\
# Aide

**Quand quelqu'un bloque, on peut répondre :**
"""
    # at the end of the page: on its last line, not the one a final newline would start
    assert content_findings(FLAT_SOURCE, target) == [("LK701", 3, 1)]


@pytest.mark.parametrize(
    ("language", "source", "translation", "same"),
    [
        # words a translator may translate: text between tags, a Markdown example's prose, a command's
        # `<argument>`, a comment inside an HTML script, a front-matter value, full-width punctuation
        ("astro", "<button>\n  Click me!\n</button>", "<button>\n  ¡Haz clic!\n</button>", True),
        ("md", "---\ntitle: My post\n---\nThis is my page.", "---\ntitle: 私の記事\n---\nVoici ma page.", True),
        ("shell", "npm create astro -- --template <example-name>", "npm create astro -- --template <nom>", True),
        ("html", "<script>\n  go(); // from the docs\n</script>", "<script>\n  go(); // la doc\n</script>", True),
        ("astro", "<h2>{greeting}, {name}!</h2>", "<h2>{greeting}、{name}！</h2>", True),
        ("jsx", '<Player\n  src="<Public ID>"\n/>', '<Player\n  src="<ID public>"\n/>', True),
        # code that changed: an attribute, a command, an import, a link's destination
        ("jsx", '<Player\n  src="<Public ID>"\n/>', '<Player\n  href="<Public ID>"\n/>', False),
        ("shell", "npm create astro -- --template <example-name>", "npm init astro -- --template <nom>", False),
        ("md", "import Card from './Card.astro'\n", "import Carte from './Card.astro'\n", False),
        ("md", "See [the guide](/en/guide/).", "Voir [le guide](/fr/autre/).", False),
    ],
)
def test_code_tokens_leave_out_what_translators_translate(language, source, translation, same) -> None:
    values = [token.value for token in tokens(source, language)]
    assert (values == [token.value for token in tokens(translation, language)]) is same


def test_a_page_that_follows_another_version_gets_one_finding_for_what_it_lacks() -> None:
    sections = [f"## Part {n}\n\nSection {n} explains step {n} of the setup.\n\n- Point {n} one\n" for n in range(8)]
    source = "# Guide\n\n" + "\n".join(sections)
    target = "# Guide\n\n## Ancien chapitre\n\nUn ancien texte sur tout autre chose que la source actuelle.\n"
    found = content_findings(source, target)
    assert [code for code, _, _ in found] == ["LK701"]


def test_a_page_whose_outline_is_kept_gets_a_finding_for_each_passage_it_lacks() -> None:
    source = "# Guide\n\n" + "\n".join(
        f"## Part {n}\n\nSection {n} explains step {n} of the setup.\n\nA last word on step {n} follows.\n"
        for n in range(7)
    )
    target = "# Guide\n\n" + "\n".join(
        f"## Partie {n}\n\nLa section {n} explique l'étape {n} de l'installation.\n" for n in range(7)
    )
    assert [code for code, _, _ in content_findings(source, target)] == ["LK701"] * 7


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("現在のLintkitの状態を取得し、キャッシュを消去する。", {"lint"}),  # a name in Japanese text
        ("Прочитайте документацию Lintkit перед установкой.", {"lint"}),  # and in Russian
        ("Lisez la documentation de Lintkit avant l'installation.", set()),  # Latin script: words, not names
        ("Cập nhật Lintkit trước khi kiểm tra các trang.", set()),  # Vietnamese is Latin script too
        ("Use `style={{ fontWeight: 'bold' }}` in HTML: インライン属性へ変換する", {"styl", "font", "bold", "html"}),
    ],
)
def test_latin_words_of_text_in_another_script_are_names(text, names):
    assert latin_names(text, stems(text)) == names


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/docs/concepts/workloads/pods/disruptions/", "disruptions"),
        ("https://fr.wikipedia.org/wiki/Document_Object_Model", "document_object_model"),
        ("#install", None),  # an anchor names no page
        ("https://www.youtube.com/watch?v=abc", None),  # the query names the page, not `watch`
        ("/guide/index.html", None),
    ],
)
def test_the_page_a_link_points_to(url, expected):
    assert link_page(url) == expected


def test_a_code_span_differing_in_spaces_is_kept():
    source = document('Convert `style="font-weight:bold;"` first.\n', "en/a.md")
    target = document('Écrivez `style="font-weight: bold;"`.\n', "fr/a.md")
    assert keys_within(target.blocks[0], source.blocks)
