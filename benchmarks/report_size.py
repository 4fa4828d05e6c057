"""How big the report gets, and how much memory its run takes, on a large generated site.

Usage: python benchmarks/report_size.py [PAGES] [--keep FOLDER]   (default 30000 translated pages)

Writes a site of PAGES translated pages (three locales, a third of PAGES English
sources) into a temporary folder, with defects planted at a known rate: a lost
placeholder, a paragraph left in English, and now and then a page not translated
at all. Then runs `lintkit report` over it in a child process, once for the HTML
page and once for the Markdown summary, and prints the size of each and the
peak memory (maximum resident set size) of each run, against the limits the
report promises: under 20 MB of HTML and 500 MB of memory for 30,000 pages.
For reading, not asserting: sizes and memory depend little on the machine, time a lot.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOCALES = ("fr", "de", "es")
SIZE_LIMIT_MB, MEMORY_LIMIT_MB = 20, 500

SOURCE = """\
---
title: Guide number {n}
description: How to run an event in a classroom, part {n}
---

# Guide number {n}

Welcome to part {n}. Start with {{{{ urls/start_{n} }}}} and read the [overview](https://example.org/guide/{n}).

## 1. Prepare the room

Check that every computer can open the activity before the students arrive.

## 2. Pick an activity

Choose one of the tutorials on {{{{ urls/tutorials }}}} that fits the age of the class.

- Print the certificates in advance.
- Keep a spare laptop ready.

## 3. Celebrate

Share a photo of your event and thank the volunteers who helped.
"""

TRANSLATIONS = {
    "fr": (
        "Guide numéro {n}",
        "Comment organiser un événement en classe, partie {n}",
        "Bienvenue dans la partie {n}. Commencez par {{{{ urls/start_{n} }}}} et lisez la "
        "[présentation](https://example.org/guide/{n}).",
        "1. Préparer la salle",
        "Vérifiez que chaque ordinateur peut ouvrir l'activité avant l'arrivée des élèves.",
        "2. Choisir une activité",
        "Choisissez un des tutoriels sur {{{{ urls/tutorials }}}} adapté à l'âge de la classe.",
        ("Imprimez les certificats à l'avance.", "Gardez un ordinateur portable de secours."),
        "3. Célébrer",
        "Partagez une photo de votre événement et remerciez les bénévoles qui ont aidé.",
    ),
    "de": (
        "Leitfaden Nummer {n}",
        "Wie man eine Veranstaltung im Klassenzimmer durchführt, Teil {n}",
        "Willkommen zu Teil {n}. Beginnen Sie mit {{{{ urls/start_{n} }}}} und lesen Sie die "
        "[Übersicht](https://example.org/guide/{n}).",
        "1. Den Raum vorbereiten",
        "Prüfen Sie, ob jeder Computer die Aktivität öffnen kann, bevor die Schüler kommen.",
        "2. Eine Aktivität wählen",
        "Wählen Sie eine der Anleitungen auf {{{{ urls/tutorials }}}}, die zum Alter der Klasse passt.",
        ("Drucken Sie die Urkunden vorher aus.", "Halten Sie einen Ersatzlaptop bereit."),
        "3. Feiern",
        "Teilen Sie ein Foto Ihrer Veranstaltung und danken Sie den Freiwilligen, die geholfen haben.",
    ),
    "es": (
        "Guía número {n}",
        "Cómo organizar un evento en el aula, parte {n}",
        "Bienvenido a la parte {n}. Empieza con {{{{ urls/start_{n} }}}} y lee la "
        "[introducción](https://example.org/guide/{n}).",
        "1. Preparar el aula",
        "Comprueba que cada ordenador puede abrir la actividad antes de que lleguen los alumnos.",
        "2. Elegir una actividad",
        "Elige uno de los tutoriales de {{{{ urls/tutorials }}}} que se ajuste a la edad de la clase.",
        ("Imprime los certificados con antelación.", "Ten preparado un portátil de repuesto."),
        "3. Celebrar",
        "Comparte una foto de tu evento y da las gracias a los voluntarios que ayudaron.",
    ),
}


def translated(locale: str, n: int) -> str:
    """A translation of source page `n`; pages are damaged at fixed rates so every run plants the same defects."""
    if n % 50 == 0:
        return SOURCE.format(n=n)  # never translated: the whole page is the source's English
    title, description, intro, h1, prepare, h2, pick, items, h3, celebrate = (
        part if isinstance(part, tuple) else part.format(n=n) for part in TRANSLATIONS[locale]
    )
    if n % 3 == 0:
        intro = intro.replace(f"{{{{ urls/start_{n} }}}}", "")  # a lost placeholder
    if n % 5 == 0:
        pick = pick.replace("{{ urls/tutorials }}", "")
    if n % 4 == 0:
        prepare = "Check that every computer can open the activity before the students arrive."
    return (
        f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{intro}\n\n## {h1}\n\n{prepare}\n\n"
        f"## {h2}\n\n{pick}\n\n- {items[0]}\n- {items[1]}\n\n## {h3}\n\n{celebrate}\n"
    )


def generate(folder: Path, pages: int) -> None:
    per_locale = max(1, pages // len(LOCALES))
    (folder / "lintkit.toml").write_text('source = "en/{path}"\ntarget = "{locale}/{path}"\n', encoding="utf-8")
    for n in range(per_locale):
        path = Path(f"section-{n // 500:03d}") / f"page-{n:05d}.md"
        (folder / "en" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "en" / path).write_text(SOURCE.format(n=n), encoding="utf-8")
        for locale in LOCALES:
            (folder / locale / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / locale / path).write_text(translated(locale, n), encoding="utf-8")


def measure(folder: Path, output_format: str, output: Path) -> tuple[float, float, float]:
    """Seconds, output megabytes and peak megabytes of one `lintkit report` child process."""
    command = [sys.executable, "-m", "lintkit", "report", "--format", output_format, "-o", str(output)]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        raise SystemExit(f"lintkit report failed ({completed.returncode}): {completed.stderr.strip()}")
    # Children are measured one at a time (each in its own grandchild), so the maximum is this run's own.
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, output.stat().st_size / 1e6, peak_kb / 1024


def run_one(folder: Path, output_format: str) -> None:
    """Measure in a fresh process, so the peak memory is that of this run alone."""
    output = folder / f"report.{'md' if output_format == 'markdown' else 'html'}"
    elapsed, size, peak = measure(folder, output_format, output)
    print(f"{output_format}: {size:.2f} MB written, peak memory {peak:.0f} MB, {elapsed:.0f} s", flush=True)


def main(arguments: list[str]) -> None:
    if arguments[:1] == ["--measure"]:  # the child: one measurement of an existing site
        run_one(Path(arguments[1]), arguments[2])
        return
    pages = int(arguments[0]) if arguments and arguments[0].isdigit() else 30_000
    keep = Path(arguments[arguments.index("--keep") + 1]) if "--keep" in arguments else None
    with tempfile.TemporaryDirectory(prefix="lintkit-report-size-") as temporary:
        folder = keep or Path(temporary)
        if not (folder / "lintkit.toml").exists():
            generate(folder, pages)
        print(f"{pages} translated pages in {len(LOCALES)} locales ({folder})", flush=True)
        for output_format in ("html", "markdown"):
            subprocess.run([sys.executable, __file__, "--measure", str(folder), output_format], check=True)
        print(f"limits for 30,000 pages: {SIZE_LIMIT_MB} MB of HTML, {MEMORY_LIMIT_MB} MB of memory")


if __name__ == "__main__":
    os.environ.pop("LINTKIT_DEBUG", None)
    main(sys.argv[1:])
