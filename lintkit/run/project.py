"""Which files are sources, which are translations, and which source each translation has.

Layout patterns such as `"en/{path}"` and `"{locale}/{path}"` are turned into
regular expressions; a translation's source is the source pattern filled with
the same `{path}`.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from lintkit.config import Config, ConfigError
from lintkit.formats import Formats, entry_for
from lintkit.formats.decoding import file_kind
from lintkit.model import Job
from lintkit.paths import safe_name
from lintkit.run.locale_tags import looks_like_locale

_MOST_CANDIDATES = 4096  # files looked for one by one when sources are named; beyond, the project is walked
_SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


class LayoutPattern(NamedTuple):
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
        # DOTALL: a file name may hold a newline, and it is still a translation
        return cls(text, re.compile(regex + r"\Z", re.DOTALL))

    def may_hold(self, folder: str) -> bool:
        """Whether files matching the pattern may lie under `folder` (a path relative to the root)."""
        parts = self.text.split("/")
        for depth, name in enumerate(folder.split("/")):
            if depth >= len(parts) or "{path}" in parts[depth]:
                return depth < len(parts)
            part = re.escape(parts[depth]).replace(re.escape("{locale}"), "[^/]+")
            if not re.fullmatch(part, name, re.DOTALL):
                return False
        return True

    def match(self, relative: str) -> dict[str, str] | None:
        found = self.regex.match(relative)
        return found.groupdict() if found else None

    def fill(self, path: str, locale: str = "") -> str:
        return self.text.replace("{path}", path).replace("{locale}", locale)


class WalkProblem(NamedTuple):
    """A file or folder the walk could not take, and why (an input-problem code and a message)."""

    path: Path
    code: str
    message: str


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
        self.walk_problems: list[WalkProblem] = []  # of the last `discover`
        self.unclaimed: list[Path] = []  # files named on the command line that no format reads

    def _is_locale(self, name: str) -> bool:
        """A locale tag (not `src/`, `app/` or `lib/`), or a folder the `locales` allow-list names."""
        return looks_like_locale(name) or normalize_locale(name) in self.locales

    def relative(self, path: Path) -> str | None:
        try:
            return Path(os.path.realpath(path)).relative_to(self.root).as_posix()  # realpath: loops do not raise
        except ValueError:
            return None

    def _selected(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        if not any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in self.include):
            return False
        return not any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in self.exclude)

    def as_source(self, relative: str) -> str | None:
        found = self.source.match(relative)
        return found["path"] if found and not self._translation_beside_sources(relative) else None

    def _translation_beside_sources(self, relative: str) -> bool:
        """Whether a file the source pattern matches is a translation all the same.

        Some layouts nest translations inside the sources' folder (Starlight's
        `docs/{path}` beside `docs/{locale}/{path}`, gettext's `locale/{path}`
        beside `locale/{locale}/LC_MESSAGES/{path}`) or name them by suffix
        (`{path}.md` beside `{path}.{locale}.md`): a file both patterns match is
        a translation when its locale part is a real locale tag, not the source
        locale, and its source is another file.
        """
        found = self.target.match(relative)
        if not found or not looks_like_locale(found["locale"]):
            return False
        return normalize_locale(found["locale"]) != self.source_locale and self.source.fill(found["path"]) != relative

    def as_target(self, relative: str) -> Job | None:
        if self.as_source(relative) is not None:
            return None
        entry = entry_for(relative)
        if entry is None or relative.lower().endswith(entry.templates):
            return None
        found = self.target.match(relative)
        if not found or not self._is_locale(found["locale"]):
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
        self.walk_problems = []
        files = list(self._walk([self.root])) if not paths else list(self._walk(paths))
        jobs: dict[Path, Job] = {}
        wanted_sources: set[str] = set()
        named = frozenset(Path(os.path.realpath(path)) for path in paths if path.is_file())
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
            for path in self._translations_of(wanted_sources):
                relative = self.relative(path)
                job = self.as_target(relative) if relative and self._selected(relative) else None
                if job is not None and job.key in wanted_sources:
                    jobs.setdefault(job.target, job)
        return sorted(jobs.values(), key=lambda job: (job.locale, job.key))

    def locales_present(self, wanted: Iterable[str]) -> set[str]:
        """Which of the `wanted` locales (normalized) have a translation here, looking no further than needed.

        A one-file run with a `locales` list asks whether the others exist at
        all: where each locale is a folder, only the folders named like them
        are walked, each until its first translation; otherwise the project is
        walked until every wanted locale is found.
        """
        remaining = {normalize_locale(locale) for locale in wanted}
        found: set[str] = set()
        parts = self.target.text.split("/")
        at = next(index for index, part in enumerate(parts) if "{locale}" in part)
        if parts[at] == "{locale}" and not any("{path}" in part for part in parts[:at]):
            parent = self.root.joinpath(*parts[:at])
            try:
                with os.scandir(parent) as listing:
                    folders = sorted(entry.name for entry in listing if _walked_into(entry))
            except OSError:
                folders = []
            if not _plain_folders(self.root, parts[:at]):
                folders = []
            places = [[parent / name] for name in folders if normalize_locale(name) in remaining]
        else:
            places = [[self.root]]
        for place in places:
            for path in self._walk(place):
                relative = self.relative(path)
                job = self.as_target(relative) if relative and self._selected(relative) else None
                if job is not None and not self.has_layout and self.knows_own_locale(path):
                    job = self.own_job(path)  # as `discover` reads it: the catalog says its own locale
                if job is not None and normalize_locale(job.locale) in remaining - found:
                    found.add(normalize_locale(job.locale))
                    if len(places) > 1 or found == remaining:
                        break
            if found == remaining:
                break
        return found

    def _translations_of(self, keys: set[str]) -> Iterator[Path]:
        """The files the walk of the whole project would give that may translate the sources `keys`.

        A pre-commit hook that passes one source must not list the whole site.
        Where the target pattern names the locale as a whole folder after fixed
        ones (`{locale}/{path}`, `i18n/{locale}/…/{path}`, `locale/{locale}/LC_MESSAGES/{path}`),
        the candidates are that pattern filled with each folder's name, reached
        the way the walk reaches files (no linked or skipped folder on the way);
        any other pattern (a locale inside a file name) walks the project.
        """
        parts = self.target.text.split("/")
        at = next(index for index, part in enumerate(parts) if "{locale}" in part)
        if parts[at] != "{locale}" or any("{path}" in part for part in parts[:at]):
            yield from self._walk([self.root])
            return
        parent = self.root.joinpath(*parts[:at])
        if not _plain_folders(self.root, parts[:at]):
            return  # the walk never enters a linked or skipped folder, nor one that is not there
        try:
            with os.scandir(parent) as listing:
                locales = sorted(entry.name for entry in listing if _walked_into(entry))
        except OSError as error:
            self._problem(parent, "LK900", f"cannot list the folder: {error.strerror}", folder=True)
            return
        if len(locales) * len(keys) > _MOST_CANDIDATES:  # a whole source folder named: walking is cheaper
            yield from self._walk([self.root])
            return
        for locale in locales:
            for key in sorted(keys):
                inside = self.target.fill(key, locale).split("/")[at + 1 :]
                if _plain_folders(parent / locale, inside[:-1]):
                    yield from self._inspect(parent.joinpath(locale, *inside), named=False)

    def _walk(self, paths: Iterable[Path]) -> Iterator[Path]:
        """Regular files under `paths`, folders walked without recursion (a tree may be 1,000 deep).

        Symbolic links to folders are not followed. A link loop, a dangling
        link, a FIFO, socket or device, and a folder that cannot be listed are
        never opened: each is recorded in `walk_problems` when it stands where
        a source or translation would.
        """
        for path in paths:
            path = Path(os.path.abspath(path))
            if path.is_dir():
                yield from self._walk_folder(Path(os.path.realpath(path)))
            else:
                yield from (Path(os.path.realpath(found)) for found in self._inspect(path, named=True))

    def _walk_folder(self, top: Path) -> Iterator[Path]:
        pending = [top]
        while pending:
            folder = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError as error:
                self._problem(folder, "LK900", f"cannot list the folder: {error.strerror}", folder=True)
                continue
            subfolders = []
            for entry in entries:
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_folder = False
                if is_folder:
                    if entry.name not in _SKIPPED_FOLDERS:
                        subfolders.append(Path(entry.path))
                    continue
                yield from self._inspect(Path(entry.path), named=False)
            pending.extend(reversed(subfolders))  # depth first, in name order

    def _inspect(self, path: Path, named: bool) -> Iterator[Path]:
        """`path` when it is (or links to) a regular file; otherwise a walk problem, or nothing for a folder."""
        try:
            mode = path.stat().st_mode
        except OSError as error:
            if error.errno == errno.ELOOP:
                self._problem(path, "LK900", "the symbolic link loops back on itself", named)
            elif path.is_symlink():
                pointed = safe_name(os.readlink(path))
                self._problem(path, "LK900", f"the symbolic link points to {pointed}, which does not exist", named)
            elif named:
                self._problem(path, "LK900", f"cannot read the file: {error.strerror}", named)
            return
        if stat.S_ISREG(mode):
            yield path
        elif not stat.S_ISDIR(mode):
            self._problem(path, "LK908", f"skipped: it is a {file_kind(mode)}, not a regular file", named)

    def _problem(self, path: Path, code: str, message: str, named: bool = False, folder: bool = False) -> None:
        """Kept when the user named the path, or when it stands where the layout puts sources or translations."""
        relative = _relative_to(path, self.root)
        problem = WalkProblem(path, code, message)
        if problem in self.walk_problems:  # a named source walks the root a second time
            return
        if named or (relative is not None and self._in_layout(relative, folder)):
            self.walk_problems.append(problem)

    def _in_layout(self, relative: str, folder: bool) -> bool:
        if folder:
            return relative == "." or any(pattern.may_hold(relative) for pattern in (self.source, self.target))
        if not self._selected(relative):
            return False
        return self.as_source(relative) is not None or self.as_target(relative) is not None


def _walked_into(entry: os.DirEntry[str]) -> bool:
    """A folder the walk enters: a real one (not a link to one), not a tool's folder."""
    try:
        return entry.is_dir(follow_symlinks=False) and entry.name not in _SKIPPED_FOLDERS
    except OSError:
        return False


def _plain_folders(top: Path, names: list[str]) -> bool:
    """Whether `top/names[0]/names[1]/…` are all folders the walk enters."""
    folder = top
    for name in names:
        folder = folder / name
        if name in _SKIPPED_FOLDERS or name in ("", ".", ".."):
            return False
        try:
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                return False
        except OSError:
            return False
    return True


def _relative_to(path: Path, root: Path) -> str | None:
    """`path` relative to `root`, its last part not resolved: a link is reported under its own name."""
    folder = Path(os.path.realpath(path.parent))
    try:
        return (folder / path.name).relative_to(root).as_posix()
    except ValueError:
        return None
