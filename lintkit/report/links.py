"""`--link-template`: the address of a file's line on the code host, for the pull-request summary.

`https://github.com/ORG/REPO/blob/{sha}/{path}#L{line}`: `{sha}` is the checked-out
commit, `{path}` the file's path from the repository's top folder (percent-encoded),
`{line}` the finding's line. Both are asked of git once, and only when the template
uses them.
"""

from __future__ import annotations

import os
import string
import subprocess
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

FIELDS = frozenset({"sha", "path", "line"})


class LinkTemplateError(ValueError):
    """The template names an unknown field, or git cannot say what `{sha}` or `{path}` needs."""


class LinkTemplate:
    def __init__(self, template: str, cwd: Path) -> None:
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        except ValueError as error:
            raise LinkTemplateError(f"--link-template {template!r}: {error}") from None
        unknown = fields - FIELDS
        if unknown or "" in fields:
            names = ", ".join(sorted(f"{{{name}}}" for name in unknown or {""}))
            raise LinkTemplateError(f"--link-template: unknown field {names}; use {{sha}}, {{path}} and {{line}}")
        self.template = template
        self.cwd = cwd
        self.fields = fields
        if "sha" in fields:
            self.sha  # noqa: B018 - asked now, so that a checkout without git fails before the run

    @cached_property
    def sha(self) -> str:
        return _git(self.cwd, "rev-parse", "HEAD")

    @cached_property
    def top(self) -> Path:
        """The repository's top folder; without git, the working directory."""
        try:
            return Path(_git(self.cwd, "rev-parse", "--show-toplevel"))
        except LinkTemplateError:
            return self.cwd

    def __call__(self, path: str, line: int) -> str:
        values: dict[str, object] = {"line": line}
        if "path" in self.fields:
            absolute = (self.cwd / path).resolve()
            relative = os.path.relpath(absolute, self.top.resolve())
            values["path"] = quote(Path(relative).as_posix(), safe="/")
        if "sha" in self.fields:
            values["sha"] = self.sha
        return self.template.format(**values)


def _git(cwd: Path, *arguments: str) -> str:
    try:
        completed = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:
        raise LinkTemplateError(f"--link-template: cannot run git: {error.strerror}") from None
    if completed.returncode != 0:
        raise LinkTemplateError(f"--link-template: git {' '.join(arguments)} failed: {completed.stderr.strip()}")
    return completed.stdout.strip()
