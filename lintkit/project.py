"""Which files are sources, which are translations, and which source each translation has.

Layout patterns such as `"en/{path}"` and `"{locale}/{path}"` are turned into
regular expressions; a translation's source is the source pattern filled with
the same `{path}`.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lintkit.config import Config, ConfigError
from lintkit.formats import Formats, entry_for
from lintkit.model import Job

_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


@dataclass(frozen=True)
class LayoutPattern:
    """A path pattern with `{path}` and, for translations, `{locale}`."""

    text: str
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, key: str, text: str, needs_locale: bool) -> LayoutPattern:
        if text.count("{path}") != 1:
            raise ConfigError(f"`{key}` pattern {text!r} must contain `{{path}}` exactly once")
        if needs_locale and text.count("{locale}") != 1:
            raise ConfigError(f"`{key}` pattern {text!r} must contain `{{locale}}` exactly once")
        leftover = re.sub(r"\{(path|locale)\}", "", text)
        if "{" in leftover or "}" in leftover:
            raise ConfigError(f"`{key}` pattern {text!r} has an unknown variable (use {{locale}} and {{path}})")
        if text.startswith("/") or ".." in Path(text).parts:
            raise ConfigError(f"`{key}` pattern {text!r} must be relative to the configuration folder")
        regex = ""
        for piece in re.split(r"(\{path\}|\{locale\})", text):
            if piece == "{path}":
                regex += r"(?P<path>.+)"
            elif piece == "{locale}":
                regex += r"(?P<locale>[^/]+)"
            else:
                regex += re.escape(piece)
        return cls(text, re.compile(regex + r"\Z"))

    def match(self, relative: str) -> dict[str, str] | None:
        found = self.regex.match(relative)
        return found.groupdict() if found else None

    def fill(self, path: str, locale: str = "") -> str:
        return self.text.replace("{path}", path).replace("{locale}", locale)


def normalize_locale(locale: str) -> str:
    return locale.replace("_", "-").lower()


class Project:
    """Discovers translations under the configuration root and pairs them with sources."""

    def __init__(self, config: Config, formats: Formats) -> None:
        self.formats = formats
        self.root = config.root.resolve()  # paths are compared resolved: a symlinked root must match too
        self.source = LayoutPattern.parse("source", config["source"], needs_locale=False)
        self.target = LayoutPattern.parse("target", config["target"], needs_locale=True)
        self.source_locale = normalize_locale(config["source-locale"])
        self.locales = {normalize_locale(locale) for locale in config["locales"]}
        self.include = config["include"]
        self.exclude = config["exclude"]
        self.has_layout = config.path is not None or "target" in config.values
        self.unclaimed: list[Path] = []  # files named on the command line that no format reads

    def relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def _selected(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        if not any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in self.include):
            return False
        return not any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in self.exclude)

    def as_source(self, relative: str) -> str | None:
        found = self.source.match(relative)
        return found["path"] if found else None

    def as_target(self, relative: str) -> Job | None:
        if self.as_source(relative) is not None:
            return None
        entry = entry_for(relative)
        if entry is None or relative.lower().endswith(entry.templates):
            return None
        found = self.target.match(relative)
        if not found or not _LOCALE.match(found["locale"]):
            return None
        locale = normalize_locale(found["locale"])
        if locale == self.source_locale or (self.locales and locale not in self.locales):
            return None
        target = self.root / relative
        source = self.formats.get(entry.name).source_of(target, self.root / self.source.fill(found["path"]))
        return Job(target, source, found["locale"], found["path"], entry.name)

    def own_job(self, path: Path, named: frozenset[Path] = frozenset()) -> Job | None:
        """A file that says its own locale (a catalog), outside the layout: its format finds its source."""
        entry = entry_for(path)
        if entry is None:
            return None
        found = self.formats.get(entry.name).own_job(path, path in named)
        if found is None:
            return None
        locale, source = found
        return Job(path, source, locale, self.relative(path) or path.name, entry.name)

    def knows_own_locale(self, path: Path) -> bool:
        entry = entry_for(path)
        return entry is not None and self.formats.get(entry.name).says_own_locale

    def discover(self, paths: Iterable[Path] = ()) -> list[Job]:
        """The translations to check: all of them, or those named (a named source brings its translations)."""
        paths = list(paths)
        files = list(self._walk([self.root])) if not paths else list(self._walk(paths))
        jobs: dict[Path, Job] = {}
        wanted_sources: set[str] = set()
        named = frozenset(path.resolve() for path in paths if path.is_file())
        self.unclaimed = sorted(path for path in named if entry_for(path) is None)
        for path in files:
            relative = self.relative(path)
            lone = self.own_job(path, named) if relative is None else None
            if lone is not None:
                jobs[path] = lone
            if relative is None or not self._selected(relative):
                continue
            key = self.as_source(relative)
            if key is not None:
                wanted_sources.add(key)
                continue
            job = self.as_target(relative)
            if (not self.has_layout or (job is None and paths)) and self.knows_own_locale(path):
                job = self.own_job(path, named)  # its folder, name or header says its locale, not a guessed layout
            if job is not None:
                jobs[job.target] = job
        if wanted_sources and paths:
            for path in self._walk([self.root]):
                relative = self.relative(path)
                job = self.as_target(relative) if relative and self._selected(relative) else None
                if job is not None and job.key in wanted_sources:
                    jobs.setdefault(job.target, job)
        return sorted(jobs.values(), key=lambda job: (job.locale, job.key))

    def _walk(self, paths: Iterable[Path]) -> Iterator[Path]:
        for path in paths:
            path = path.resolve()
            if path.is_file():
                yield path
                continue
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if name not in _SKIPPED_FOLDERS)
                for name in sorted(names):
                    yield Path(folder) / name
