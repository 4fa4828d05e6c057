"""Does a local link target exist? The engine builds one of these; rules only ask it.

Relative paths resolve against the translation's folder, then the source's
folder (a translated page may link to a shared image). Root-relative paths
(`/files/x.pdf`) resolve under `site-root` (which may hold `{locale}`), and are
not checked when it is unset. Extensionless paths may name a Markdown page or a
folder. Nothing here ever touches the network, or a file outside the project.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote

from lintkit.analysis.links.anchors import Anchor, anchors_of
from lintkit.model import Document

PAGE_SUFFIXES = (".md", ".markdown", ".html")
PAGE_INDEXES = ("index.md", "_index.md", "README.md", "index.html")


class LinkTargets(Protocol):
    def find(self, document_path: str, path: str, locale: str) -> str | bool | None: ...

    def anchors(self, found: str) -> dict[str, Anchor] | None: ...

    def outside(self, document_path: str, path: str, locale: str) -> bool: ...


def split_target(destination: str) -> tuple[str, str]:
    """`page.md#part?x` → (`page.md`, `part`); query strings do not name files."""
    path, _, fragment = destination.strip().partition("#")
    path = path.split("?", 1)[0]
    return unquote(path), unquote(fragment)


def candidates(document_path: str, path: str, site_root: str | None, locales: Iterable[str]) -> list[str]:
    """Where `path`, linked from `document_path`, may be (POSIX paths relative to the working folder)."""
    if path.startswith("/"):
        if site_root is None:
            return []
        roots = dict.fromkeys(site_root.replace("{locale}", locale) for locale in locales)
        bases = [posixpath.normpath(posixpath.join(root, path.lstrip("/"))) for root in roots]
    else:
        bases = [posixpath.normpath(posixpath.join(posixpath.dirname(document_path), path))]
    found = []
    for base in bases:
        found.append(base)
        if not posixpath.splitext(base)[1]:
            found.extend(base + suffix for suffix in PAGE_SUFFIXES)
        found.extend(posixpath.join(base, index) for index in PAGE_INDEXES)
    return found


class FileTargets:
    """Answers from the file system; linked Markdown documents are loaded once for their anchors.

    Only files under the project's root (and `site-root`) are looked at: a link such as
    `../../../etc/passwd`, or one that reaches outside through a symbolic link, is never opened or
    checked for existence (else a translation could ask whether any file on the machine exists, or what
    its headings are). `outside` says when a link points there, for its own finding.
    """

    def __init__(
        self,
        cwd: Path,
        site_root: str | None,
        source_locale: str,
        load: Callable[[Path], Document | object],
        roots: Iterable[Path] = (),
        slug_style: str = "github",
    ) -> None:
        self.cwd = cwd
        self.slug_style = slug_style
        self.site_root = site_root
        self.source_locale = source_locale
        self.load = load
        self.roots = tuple(os.path.realpath(root) for root in roots)
        self._anchors: dict[str, dict[str, Anchor] | None] = {}

    @classmethod
    def for_run(cls, config: Any, cwd: Path, load: Callable[[Path], Document | object]) -> FileTargets:
        """`site-root` is relative to the configuration; paths in a run are relative to the working folder."""
        site_root = config["site-root"]
        roots = [config.root]
        if site_root is not None:
            roots.append(config.root / site_root.split("{locale}", 1)[0])
            site_root = Path(os.path.relpath(config.root / site_root, cwd)).as_posix()
        return cls(cwd, site_root, config["source-locale"], load, roots, config["slug-style"])

    def _inside(self, option: str) -> bool:
        """Whether a candidate lies under a root: by its text first (no file is touched), then through links."""
        if not self.roots:
            return True
        absolute = os.path.normpath(self.cwd / option)
        if not any(_under(absolute, root) for root in self.roots):
            return False
        return any(_under(os.path.realpath(absolute), root) for root in self.roots)

    def outside(self, document_path: str, path: str, locale: str) -> bool:
        """The link's file would lie outside the project (and `site-root`), so it is not checked."""
        options = candidates(document_path, path, self.site_root, (locale, self.source_locale))
        return bool(options) and not self._inside(options[0])

    def find(self, document_path: str, path: str, locale: str) -> str | bool | None:
        """The file found, None when it is missing, True when the path cannot be checked."""
        options = candidates(document_path, path, self.site_root, (locale, self.source_locale))
        inside = [option for option in options if self._inside(option)]
        if not inside:
            return True
        for option in inside:
            if (self.cwd / option).exists():
                return option
        return None

    def anchors(self, found: str) -> dict[str, Anchor] | None:
        if found not in self._anchors:
            document = None
            if found.endswith((".md", ".markdown", ".mdx")) and self._inside(found) and (self.cwd / found).is_file():
                document = self.load(self.cwd / found)
            self._anchors[found] = anchors_of(document, self.slug_style) if isinstance(document, Document) else None
        return self._anchors[found]


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class KnownFiles:
    """Answers from a list of the site's files, for tests and for runs without a file tree."""

    def __init__(self, files: Iterable[str], site_root: str | None = None) -> None:
        self.files = {posixpath.normpath(name) for name in files}
        self.site_root = site_root

    def find(self, document_path: str, path: str, locale: str) -> str | bool | None:
        options = candidates(document_path, path, self.site_root, (locale,))
        if not options or self.outside(document_path, path, locale):
            return True  # as on disk: what lies outside the project is not checked
        return next((option for option in options if option in self.files), None)

    def anchors(self, found: str) -> dict[str, Anchor] | None:
        return None

    def outside(self, document_path: str, path: str, locale: str) -> bool:
        """Paths are relative to the project's root here: one that climbs above it is outside."""
        options = candidates(document_path, path, self.site_root, (locale,))
        return bool(options) and (options[0] == ".." or options[0].startswith("../"))
