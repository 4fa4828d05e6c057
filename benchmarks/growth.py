"""Does any input make lintkit's work grow faster than its size?

Usage: python benchmarks/growth.py [--only NAME ...] [--size N] [--repeat R]

For each pattern (a run of one construct on one line, many placeholders,
many suppression comments, ...) a small project is written with a source and
a translation of n, 2n, 4n and 8n repetitions, and the whole check (loading,
every rule, the gate) is timed in CPU seconds, the best of R runs. Linear
work costs about x2 per doubling; the script exits 1 when any doubling costs
more than x2.5. Times are for reading and comparing within one run only.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lintkit.config import load_config
from lintkit.packs.loader import rules_for
from lintkit.run.engine import Engine

LIMIT = 2.5
FACTORS = (1, 2, 4, 8)
CONFIG = 'source = "en/{path}"\ntarget = "{locale}/{path}"\n'


@dataclass(frozen=True)
class Pattern:
    """Files for n repetitions of one construct: {relative path: text}."""

    name: str
    files: Callable[[int], dict[str, str]]
    scale: int = 1  # patterns whose unit is long repeat fewer times


def _line(unit: str, source_unit: str | None = None, suffix: str = ".md") -> Callable[[int], dict[str, str]]:
    """One paragraph line: the source has `source_unit` repeated (plain text by default), the translation `unit`."""

    def files(count: int) -> dict[str, str]:
        source = (source_unit if source_unit is not None else "word ") * count
        return {f"en/page{suffix}": f"# Title\n\n{source}\n", f"fr/page{suffix}": f"# Titre\n\n{unit * count}\n"}

    return files


def _both(unit: Callable[[int], str]) -> Callable[[int], dict[str, str]]:
    """The same line of `count` numbered units in the source and the translation."""

    def files(count: int) -> dict[str, str]:
        text = "".join(unit(index) for index in range(count))
        return {"en/page.md": f"# Title\n\n{text}\n", "fr/page.md": f"# Titre\n\n{text}\n"}

    return files


def _suppressions(count: int) -> dict[str, str]:
    """`count` findings (lost placeholders), each line under its own suppression comment."""
    source = "".join(f"Step {{{{ step_{index} }}}} here.\n\n" for index in range(count))
    target = "".join(f"<!-- lintkit-disable-next-line LK101 -->\nÉtape {index} ici.\n\n" for index in range(count))
    return {"en/page.md": f"# Title\n\n{source}", "fr/page.md": f"# Titre\n\n{target}"}


_CATALOG_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'


def _catalog_ignores(count: int) -> dict[str, str]:
    entries = "".join(
        f'# lintkit: ignore LK101\nmsgid "Line {index} of {{name}}"\nmsgstr "Ligne {index}"\n\n'
        for index in range(count)
    )
    return {"fr/LC_MESSAGES/messages.po": _CATALOG_HEADER + entries}


def _catalog_braces(count: int) -> dict[str, str]:
    placeholders = "".join(f"{{p{index}}} " for index in range(count))
    entry = f'#, python-brace-format\nmsgid "{placeholders}"\nmsgstr "{placeholders}"\n'
    return {"fr/LC_MESSAGES/messages.po": _CATALOG_HEADER + entry}


def _catalog_wrapped_links(count: int) -> dict[str, str]:
    """One string of `count` links, wrapped one quoted line per link: each text piece is cut per line."""

    def lines(word: str) -> str:
        return "".join(f'"{word} {index} [{index}](https://example.org/{index}) et "\n' for index in range(count))

    return {"fr/LC_MESSAGES/messages.po": _CATALOG_HEADER + 'msgid ""\n' + lines("see") + 'msgstr ""\n' + lines("voir")}


def _front_matter_keys(count: int) -> dict[str, str]:
    keys = "".join(f"key{index}: value {index}\n" for index in range(count))
    changed = "".join(f"key{index}: valeur {index}\n" for index in range(count))
    return {"en/page.md": f"---\n{keys}---\n\n# Title\n", "fr/page.md": f"---\n{changed}---\n\n# Titre\n"}


def _code_lines(count: int) -> dict[str, str]:
    """A code block of `count` alike lines, changed at its first and last line: the diff of its tokens."""
    body = "x = 0\n" * count
    changed = "y = 1\n" + "x = 0\n" * (count - 2) + "x = 2\n"
    return {"en/page.md": f"# Title\n\n```js\n{body}```\n", "fr/page.md": f"# Titre\n\n```js\n{changed}```\n"}


def _nested_components(count: int) -> dict[str, str]:
    """`count` MDX components nested on one line: the diff of the component names."""
    line = "<Box>" * count + "x" + "</Box>" * count
    return {"en/page.mdx": f"# Title\n\n{line}\n", "fr/page.mdx": f"# Titre\n\n{line.replace('x', 'y')}\n"}


def _component_lines(count: int) -> dict[str, str]:
    """`count` alike components, one per paragraph, one renamed at each end of the translation."""
    source = "".join("<Card>text</Card>\n\n" for _ in range(count))
    target = "<Carte>texte</Carte>\n\n" + "".join("<Card>texte</Card>\n\n" for _ in range(count - 2))
    return {"en/page.mdx": f"# Title\n\n{source}", "fr/page.mdx": f"# Titre\n\n{target}<Carte>texte</Carte>\n"}


def _blocks(source: Callable[[int], str], target: Callable[[int], str], suffix: str = ".md"):
    """A page of `count` blocks after its title: the source's `source(index)`, the translation's `target(index)`."""

    def files(count: int) -> dict[str, str]:
        return {
            f"en/page{suffix}": "# Title\n\n" + "".join(source(index) for index in range(count)),
            f"fr/page{suffix}": "# Titre\n\n" + "".join(target(index) for index in range(count)),
        }

    return files


def _english_without_stops(count: int) -> dict[str, str]:
    """A French sentence of `count` alternations with English, no full stop: the untranslated-text windows."""
    return {"en/page.md": "# Title\n\nword and\n", "fr/page.md": f"# Titre\n\nLe chat {'mot et the cat of ' * count}\n"}


def _catalog_repeated_phrase(count: int) -> dict[str, str]:
    """One catalog string repeating a phrase `count` times, its translation adding two words to each."""
    phrase = "the quick brown fox jumps over the lazy dog "
    entry = f'msgid "{phrase * count}"\nmsgstr "{("Le renard " + phrase) * count}"\n'
    return {"fr/LC_MESSAGES/messages.po": _CATALOG_HEADER + entry}


def _attributes(count: int) -> dict[str, str]:
    """One component of `count` attributes, each value changed."""
    source = " ".join(f'a{index}="v"' for index in range(count))
    target = " ".join(f'a{index}="w"' for index in range(count))
    return {"en/page.mdx": f"# Title\n\n<Box {source} />\n", "fr/page.mdx": f"# Titre\n\n<Box {target} />\n"}


PATTERNS = [
    Pattern("jinja openers `{{ `", _line("{{ ")),
    Pattern("jinja statements `{% `", _line("{% ")),
    Pattern("erb openers `<%= `", _line("<%= ")),
    Pattern("hugo openers `{{< `", _line("{{< ")),
    Pattern("hugo percent `{{% `", _line("{{% ")),
    Pattern("mangled erb `(%= `", _line("(%= ")),
    Pattern("link openers `](`", _line("](")),
    Pattern("bracket runs `[`", _line("[")),
    Pattern("html `<b `", _line("<b ")),
    Pattern("html `<a href=`", _line("<a href=")),
    Pattern("escaped links `\\[a\\](url)`", _line("\\[a\\](url) ", "[a](url) ")),
    Pattern("reference links `[t][rN]`", _both(lambda index: f"[t][r{index}] ")),
    Pattern("distinct placeholders", _both(lambda index: f"{{{{ p{index} }}}} "), scale=1),
    Pattern("lost placeholders", _line("mot ", "{{ p }} ")),
    Pattern("inline links", _both(lambda index: f"[t{index}](https://example.org/p{index}) ")),
    Pattern("code spans", _line("`a` ", "`a` ")),
    Pattern("emphasis `*a `", _line("*a ")),
    Pattern("suppressions x findings", _suppressions, scale=1),
    Pattern("po `# lintkit: ignore` entries", _catalog_ignores, scale=1),
    Pattern("po brace placeholders", _catalog_braces, scale=1),
    Pattern("po links wrapped over many lines", _catalog_wrapped_links, scale=1),
    Pattern("front-matter keys", _front_matter_keys, scale=1),
    Pattern("code block lines", _code_lines, scale=1),
    Pattern("nested components", _nested_components, scale=1),
    Pattern("components, one per paragraph", _component_lines, scale=1),
    Pattern(
        "paragraphs", _blocks(lambda i: f"Paragraph {i} of the page.\n\n", lambda i: f"Paragraphe {i} de la page.\n\n")
    ),
    Pattern("english without a full stop", _english_without_stops, scale=1),
    Pattern("po phrase repeated in one string", _catalog_repeated_phrase, scale=1),
    # each paragraph's one link changed: no link finds its pair by destination
    Pattern(
        "links that match no source link",
        _blocks(lambda _: "See [the page](/a).\n\n", lambda _: "Voir [la page](/b).\n\n"),
    ),
    Pattern(
        "asides",
        _blocks(lambda i: f":::note\nNote {i}.\n:::\n\n", lambda i: f":::note\nRemarque {i}.\n:::\n\n", ".mdx"),
    ),
    Pattern("component attributes", _attributes, scale=1),
]


def _write_project(root: Path, files: dict[str, str]) -> None:
    root.mkdir()
    (root / "lintkit.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _cpu_seconds(root: Path) -> float:
    """One run's CPU time, with the garbage collector paused: its passes land at arbitrary sizes and would
    make one doubling look dear and the next cheap."""
    config = load_config(cwd=root)
    engine = Engine(config, rules_for(config), cwd=root)
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        engine.run()
        return time.process_time() - started
    finally:
        gc.enable()


def _times(pattern: Pattern, count: int, repeat: int) -> list[float]:
    """Best CPU time at n, 2n, 4n and 8n; the sizes take turns in each round, so a busy moment of the
    machine falls on all of them alike."""
    with tempfile.TemporaryDirectory() as folder:
        roots = []
        for factor in FACTORS:
            root = Path(folder) / f"x{factor}"
            _write_project(root, pattern.files(count * factor))
            roots.append(root)
        best = [float("inf")] * len(roots)
        for _ in range(repeat):
            for index, root in enumerate(roots):
                best[index] = min(best[index], _cpu_seconds(root))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="patterns whose name contains one of these")
    parser.add_argument("--size", type=int, default=1000, help="repetitions at n (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size; the best counts (default 5)")
    arguments = parser.parse_args()
    patterns = [p for p in PATTERNS if not arguments.only or any(word in p.name for word in arguments.only)]
    print(f"{'pattern':<36} {'n':>6} {'t(n) s':>8} {'2n/n':>6} {'4n/2n':>6} {'8n/4n':>6}  verdict")
    failed = []
    for pattern in patterns:
        count = max(1, arguments.size // pattern.scale)
        times = _times(pattern, count, arguments.repeat)
        ratios = [later / max(earlier, 1e-6) for earlier, later in itertools.pairwise(times)]
        verdict = "linear" if max(ratios) <= LIMIT else "SUPER-LINEAR"
        if verdict != "linear":
            failed.append(pattern.name)
        cells = " ".join(f"{ratio:>6.2f}" for ratio in ratios)
        print(f"{pattern.name:<36} {count:>6} {times[0]:>8.3f} {cells}  {verdict}", flush=True)
    if failed:
        print(f"{len(failed)} pattern(s) grow faster than x{LIMIT} per doubling: {', '.join(failed)}")
        return 1
    print(f"every pattern grows at most x{LIMIT} per doubling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
