"""Terminology rules read a catalog's strings as the translator wrote them, not its quotes and line joins."""

from __future__ import annotations

from pathlib import Path

from lintkit.config import Config
from lintkit.packs.loader import rules_for
from lintkit.run.engine import Engine

CATALOG = r"""msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid ""
"Replaced by the environment variable. See :func:`sys.breakpointhook` for "
"details."
msgstr ""
"Remplacé par la variable d'environnement. Voir :"
"func:`sys.breakpointhook` pour plus de détails."

msgid "Returns the value of the Hour of Code."
msgstr "Renvoie la valeur de l'Heure de Code."

msgid "Returns the value of the Hour of Code event."
msgstr ""
"Renvoie la valeur de l'événement "
"Heure de Code."

msgid "It is the Hour of Code."
msgstr "C'est l'Heure du Code !"
"""


def test_catalog_strings_are_one_text_each(tmp_path: Path) -> None:
    (tmp_path / "fr.po").write_text(CATALOG, encoding="utf-8")
    config = Config(tmp_path, None, {"select": ["LK5"], "baseline": False})
    result = Engine(config, rules_for(config), cwd=tmp_path).run([tmp_path / "fr.po"])
    found = [(finding.code, finding.span.line, finding.span.column, finding.message) for finding in result.findings]
    assert found == [
        ("LK502", 22, 17, '"Heure du Code" is a variant of "Heure de Code", used 2 times in fr'),
        ("LK521", 22, 30, 'plain space before "!": use a narrow non-breaking space'),
    ]
