"""How long lintkit takes on a 1 MB gettext catalog (target: under 2 seconds).

Writes a synthetic catalog of about 1 MB (wrapped msgids and msgstrs,
python-format and brace placeholders, plural entries, Markdown links, fuzzy and
untranslated entries) to a temporary folder and times, best of three:
loading (the line scanner, with polib's facts rebuilt from the lines of a plain
catalog or else read by polib), building the entry documents, and the
whole `lintkit check` run, with the PO and placeholder rules and with all rules.
Processor time is printed too: on a busy machine it is the steadier number.

    python benchmarks/po_catalog.py [--size 1000000] [--catalog path/to/file.po]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from lintkit.config import Config
from lintkit.formats.po.catalog import load_catalog
from lintkit.formats.po.documents import CatalogDocuments
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

WORDS = ("the", "a", "file", "folder", "user", "page", "link", "list", "item", "value", "settings", "account")
MOTS = ("le", "la", "fichier", "dossier", "utilisateur", "page", "lien", "liste", "élément", "valeur", "réglages")


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def _quoted(keyword: str, text: str, width: int = 76) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if len(escaped) < width:
        return f'{keyword} "{escaped}"\n'
    lines = [f'{keyword} ""']
    while escaped:
        cut = escaped.rfind(" ", 0, width)
        cut = len(escaped) if len(escaped) <= width or cut <= 0 else cut + 1
        lines.append(f'"{escaped[:cut]}"')
        escaped = escaped[cut:]
    return "\n".join(lines) + "\n"


def synthetic_catalog(size: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    parts = [
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
    ]
    total = len(parts[0])
    number = 0
    while total < size:
        number += 1
        length = rng.randint(4, 60)
        source = f"{_sentence(rng, WORDS, length)} %(name)s [{number}](https://example.org/{number})"
        target = f"{_sentence(rng, MOTS, length)} %(name)s [{number}](https://example.org/{number})"
        entry = f"#: app/views.py:{number}\n"
        if number % 10 == 0:
            entry += "#, python-brace-format\n" + _quoted("msgid", f"{{count}} {source}")
            entry += _quoted("msgid_plural", f"{{count}} {source} (many)")
            entry += _quoted("msgstr[0]", f"{{count}} {target}") + _quoted("msgstr[1]", f"{{count}} {target} (n)")
        else:
            flags = "fuzzy, python-format" if number % 50 == 0 else "python-format"
            entry += f"#, {flags}\n" + _quoted("msgctxt", f"context {number}") + _quoted("msgid", source)
            entry += _quoted("msgstr", "" if number % 40 == 0 else target)
        parts.append(entry)
        total += len(entry) + 1
    return "\n".join(parts)


def _best(function, repeat: int = 3) -> str:
    """Best wall-clock and processor time of a few runs: processor time is steadier on a busy machine."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return f"{best_wall:.2f} s (processor {best_cpu:.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="size of the synthetic catalog in bytes")
    parser.add_argument("--catalog", type=Path, help="time this catalog instead of a synthetic one")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fr.po"
        if arguments.catalog:
            path.write_bytes(arguments.catalog.read_bytes())
        else:
            path.write_text(synthetic_catalog(arguments.size), encoding="utf-8")
        data = path.read_bytes()
        catalog = load_catalog("fr.po", data, "fr")
        entries = len(getattr(catalog, "entries", ()))
        documents = CatalogDocuments(("hugo", "jinja", "erb"))
        print(f"catalog: {len(data) / 1e6:.2f} MB, {entries} entries")
        print(f"load (scanner, facts):     {_best(lambda: load_catalog('fr.po', data, 'fr'))}")
        print(f"entry documents:           {_best(lambda: documents.pair(catalog, {}))}")
        for label, select in (("check, LK1 and LK6 rules:", ("LK1", "LK6")), ("check, all rules:", ())):
            config = Config(Path(folder), None, {"select": select})

            def run(config: Config = config) -> None:
                Engine(config, builtin_rules(), cwd=Path(folder)).run([path])

            print(f"{label:<26} {_best(run)}")
    sys.exit(0)


if __name__ == "__main__":
    main()
