"""Which translation layout a repository has, for `lintkit init`: where the sources are, where each locale is.

Each detector looks for one well-known layout and says what it saw; the first
that finds translations wins, most specific first (a Docusaurus site also has
locale folders, a Hugo site also has `en/` beside `fr/`):

- Docusaurus: `docs/` and `i18n/<locale>/docusaurus-plugin-content-docs/current/`
- Starlight: `src/content/docs/` (English at its root or in `en/`) and `src/content/docs/<locale>/`
- gettext: `locale/<locale>/LC_MESSAGES/*.po`
- Hugo: `content/<lang>/` (one folder per language)
- code.org: `i18n/locales/source/<site>/` and `i18n/locales/<locale>/<site>/`
- `pages/` beside `pages.<locale>/`
- `en/` beside locale folders, at the top or a few folders down
- suffixes: `page.md` beside `page.<locale>.md`

Only folder names that are locale tags count as locales (`locale_tags`).
Nothing here writes files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lintkit.run.locale_tags import looks_like_locale

_SKIPPED = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", "build", "dist"})
_DOCUMENTS = (".md", ".markdown", ".mdx")
_SOURCE_LOCALES = ("en", "en-US", "en-GB", "en_US", "en_GB")
_SUFFIXED = re.compile(r"^(?P<stem>.+)\.(?P<locale>[^./]+)\.(?P<extension>md|markdown|mdx)$")


@dataclass(frozen=True)
class Layout:
    """A detected layout: the patterns for `lintkit.toml`, what was seen, and the preset that fits."""

    name: str  # what a person calls it: "Hugo site", "Docusaurus site", ...
    source: str
    target: str
    source_locale: str
    locales: tuple[str, ...]
    include: tuple[str, ...]
    preset: str | None = None
    evidence: list[str] = field(default_factory=list)


def _folders(path: Path) -> list[str]:
    try:
        return sorted(entry.name for entry in path.iterdir() if entry.is_dir() and entry.name not in _SKIPPED)
    except OSError:
        return []


def _has_documents(path: Path, extensions: tuple[str, ...] = _DOCUMENTS) -> bool:
    for _, subfolders, names in os.walk(path):
        subfolders[:] = [name for name in subfolders if name not in _SKIPPED]
        if any(name.endswith(extensions) for name in names):
            return True
    return False


def _locales_in(path: Path, source_locale: str | None = None) -> list[str]:
    return [name for name in _folders(path) if looks_like_locale(name) and name != source_locale]


def _include(root: Path) -> tuple[str, ...]:
    mdx = any(True for _ in _walk_files(root, (".mdx",)))
    return ("*.md", "*.markdown", "*.mdx") if mdx else ("*.md", "*.markdown")


def _walk_files(root: Path, extensions: tuple[str, ...]) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in _SKIPPED)
        for name in sorted(names):
            if name.endswith(extensions):
                yield Path(folder) / name


def _docusaurus(root: Path) -> Layout | None:
    i18n = root / "i18n"
    locales = [name for name in _locales_in(i18n) if (i18n / name / "docusaurus-plugin-content-docs/current").is_dir()]
    if not locales or not (root / "docs").is_dir():
        return None
    return Layout(
        "Docusaurus site",
        "docs/{path}",
        "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}",
        "en",
        tuple(locales),
        ("*.md", "*.mdx"),
        "docusaurus",
        ["docs/", *(f"i18n/{locale}/docusaurus-plugin-content-docs/current/" for locale in locales)],
    )


def _starlight(root: Path) -> Layout | None:
    docs = root / "src" / "content" / "docs"
    source_locale = next((name for name in _SOURCE_LOCALES if (docs / name).is_dir()), None)
    locales = _locales_in(docs, source_locale)
    if not locales:
        return None
    source = f"src/content/docs/{source_locale}/{{path}}" if source_locale else "src/content/docs/{path}"
    seen = f"src/content/docs/{source_locale}/" if source_locale else "src/content/docs/ (English at the root)"
    return Layout(
        "Starlight site",
        source,
        "src/content/docs/{locale}/{path}",
        source_locale or "en",
        tuple(locales),
        ("*.md", "*.mdx"),
        "starlight",
        [seen, *(f"src/content/docs/{locale}/" for locale in locales)],
    )


def _gettext(root: Path) -> Layout | None:
    for folder in ("locale", "locales"):
        base = root / folder
        locales = [name for name in _locales_in(base) if any((base / name / "LC_MESSAGES").glob("*.po"))]
        if locales:
            return Layout(
                "gettext catalogs",
                f"{folder}/{{path}}",
                f"{folder}/{{locale}}/LC_MESSAGES/{{path}}",
                "en",
                tuple(name for name in locales if name not in _SOURCE_LOCALES),
                ("*.po",),
                None,
                [f"{folder}/{locale}/LC_MESSAGES/" for locale in locales],
            )
    return None


def _hugo(root: Path) -> Layout | None:
    content = root / "content"
    source_locale = next((name for name in _SOURCE_LOCALES if (content / name).is_dir()), None)
    locales = _locales_in(content, source_locale)
    if source_locale is None or not locales:
        return None
    return Layout(
        "Hugo site",
        f"content/{source_locale}/{{path}}",
        "content/{locale}/{path}",
        source_locale,
        tuple(locales),
        _include(content),
        "hugo",
        [f"content/{source_locale}/", *(f"content/{locale}/" for locale in locales)],
    )


def _code_org(root: Path) -> Layout | None:
    base = root / "i18n" / "locales"
    sites = _folders(base / "source")
    for site in sites:
        locales = [name for name in _locales_in(base) if (base / name / site).is_dir()]
        if locales:
            return Layout(
                "code.org i18n layout",
                f"i18n/locales/source/{site}/{{path}}",
                f"i18n/locales/{{locale}}/{site}/{{path}}",
                "en",
                tuple(locales),
                _include(base),
                "code-org",
                [f"i18n/locales/source/{site}/", *(f"i18n/locales/{locale}/{site}/" for locale in locales)],
            )
    return None


def _dotted_folders(root: Path) -> Layout | None:
    names = _folders(root)
    for name in names:
        locales = [other.split(".", 1)[1] for other in names if other.startswith(f"{name}.")]
        locales = [locale for locale in locales if looks_like_locale(locale)]
        if locales and _has_documents(root / name):
            return Layout(
                f"{name}/ beside {name}.<locale>/",
                f"{name}/{{path}}",
                f"{name}.{{locale}}/{{path}}",
                "en",
                tuple(locales),
                _include(root),
                None,
                [f"{name}/", *(f"{name}.{locale}/" for locale in locales)],
            )
    return None


def _locale_folders(root: Path) -> Layout | None:
    """`en/` (or `en-US/`) beside locale folders, at the top or up to three folders down."""
    queue = [(root, 0)]
    while queue:
        folder, depth = queue.pop(0)
        names = _folders(folder)
        source_locale = next((name for name in _SOURCE_LOCALES if name in names), None)
        locales = _locales_in(folder, source_locale)
        if source_locale and locales and _has_documents(folder / source_locale):
            prefix = folder.relative_to(root).as_posix()
            prefix = "" if prefix == "." else prefix + "/"
            return Layout(
                "locale folders",
                f"{prefix}{source_locale}/{{path}}",
                f"{prefix}{{locale}}/{{path}}",
                source_locale,
                tuple(locales),
                _include(folder),
                None,
                [f"{prefix}{source_locale}/", *(f"{prefix}{locale}/" for locale in locales)],
            )
        if depth < 3:
            queue.extend((folder / name, depth + 1) for name in names)
    return None


def _suffixes(root: Path) -> Layout | None:
    locales: dict[str, int] = {}
    examples: list[str] = []
    for path in _walk_files(root, _DOCUMENTS):
        found = _SUFFIXED.match(path.name)
        if not found or not looks_like_locale(found["locale"]) or found["locale"] in _SOURCE_LOCALES:
            continue
        if (path.parent / f"{found['stem']}.{found['extension']}").is_file():
            locales[found["locale"]] = locales.get(found["locale"], 0) + 1
            if len(examples) < 3:
                examples.append(path.relative_to(root).as_posix())
    if not locales:
        return None
    extension = "mdx" if any(example.endswith(".mdx") for example in examples) else "md"
    return Layout(
        "suffixed files (page.<locale>.md)",
        f"{{path}}.{extension}",
        f"{{path}}.{{locale}}.{extension}",
        "en",
        tuple(sorted(locales)),
        (f"*.{extension}",),
        None,
        examples,
    )


DETECTORS: tuple[Callable[[Path], Layout | None], ...] = (
    _docusaurus,
    _starlight,
    _gettext,
    _hugo,
    _code_org,
    _dotted_folders,
    _locale_folders,
    _suffixes,
)


def detect(root: Path) -> Layout | None:
    """The first layout a detector recognises under `root`, with MkDocs' preset where `mkdocs.yml` is there."""
    for detector in DETECTORS:
        layout = detector(root)
        if layout is not None:
            if layout.preset is None and (root / "mkdocs.yml").is_file():
                return Layout(**{**layout.__dict__, "preset": "mkdocs"})
            return layout
    return None
