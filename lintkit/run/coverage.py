"""What a run covered, so that a gate never passes while checking nothing.

A target pattern that matches no file (a configuration in the wrong folder, a
wrong `include`), paths on the command line that hold no translation, and a
`locales` entry that names no locale of the project all used to end in "No
findings" and exit 0. Here each becomes a `NothingToCheck` error that names
what matched nothing; the CLI prints it and exits 2.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path

from lintkit.config import Config
from lintkit.formats import Formats
from lintkit.model import Job
from lintkit.run.project import Project, normalize_locale


class NothingToCheck(Exception):
    """A run that checked nothing, or less than it was asked to; the message says which pattern matched nothing."""


def _shown(path: Path) -> str:
    shown = os.path.relpath(path, Path.cwd())
    return "." if shown == "." else Path(shown).as_posix()


def check_matched(project: Project, config: Config, paths: Sequence[Path], jobs: Sequence[Job]) -> None:
    """Raise when the run has no translation at all."""
    if jobs:
        return
    include = ", ".join(project.include)
    if paths:
        named = ", ".join(_shown(path) for path in paths[:3]) + (", …" if len(paths) > 3 else "")
        raise NothingToCheck(
            f"no translation among the paths given ({named}): none matches the target pattern "
            f"`{project.target.text}` (or is a source under `{project.source.text}`) with include = [{include}]"
        )
    hint = "" if config.path is not None else "; `lintkit init` writes a configuration for this layout"
    raise NothingToCheck(
        f"the target pattern `{project.target.text}` matched no translation under {_shown(project.root)} "
        f"(include = [{include}], source locale {config['source-locale']}){hint}"
    )


def check_locales(config: Config, jobs: Sequence[Job], formats: Formats) -> None:
    """Raise when `locales` names a locale that no translation of the project has (`fr` where folders say `fr-FR`)."""
    wanted = {normalize_locale(locale): locale for locale in config["locales"]}
    seen = {normalize_locale(job.locale) for job in jobs}
    missing = [locale for key, locale in wanted.items() if key not in seen]
    if not missing:
        return
    # The run may have been given a few paths only: look at the whole project before calling a locale absent,
    # and only as far as needed (most runs find each locale at once); every locale is listed only in the error.
    project = Project(config.with_overrides({"locales": []}), formats)
    if project.locales_present(missing) == {normalize_locale(locale) for locale in missing}:
        return
    everything = project.discover()
    present = {normalize_locale(job.locale): job.locale for job in everything}
    absent = [locale for locale in missing if normalize_locale(locale) not in present]
    if not absent:
        return
    found = ", ".join(sorted(set(present.values()))) or "none"
    hints = [hint for locale in absent for hint in _closest(locale, sorted(set(present.values())))]
    hint = f"; did you mean {' or '.join(dict.fromkeys(hints))}?" if hints else ""
    names = ", ".join(f"`{locale}`" for locale in absent)
    raise NothingToCheck(f"`locales`: no translation in {names} (locales found: {found}){hint}")


def _closest(locale: str, present: list[str]) -> list[str]:
    """Present locales of the same language (`fr-FR` for `fr`), else the closest spellings."""
    language = normalize_locale(locale).split("-")[0]
    same = [tag for tag in present if normalize_locale(tag).split("-")[0] == language]
    return same or difflib.get_close_matches(locale, present, n=2, cutoff=0.6)
