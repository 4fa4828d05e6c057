"""Which files changed since a git ref: what `lintkit check --changed-since REF` checks.

The comparison starts at the merge base of REF and HEAD, as a pull request
does, so commits that landed on the target branch meanwhile do not count. The
working tree is compared (committed, staged and unstaged changes) and new
untracked files are included; deleted files are not, as there is nothing left
to check.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, this is not a repository, or the ref is unknown; the message says which."""


def _git(cwd: Path, *arguments: str) -> str:
    """git's output as the file system's own string form: a name that is not UTF-8 keeps its bytes
    (surrogate escapes, as `os.listdir` gives them), so it still names its file."""
    try:
        completed = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {arguments[0]} failed")
    return os.fsdecode(completed.stdout)


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """Existing files that differ from the merge base of `ref` and HEAD, or are new and untracked."""
    top = Path(_git(cwd, "rev-parse", "--show-toplevel").strip())
    try:
        _git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"unknown git ref {ref!r} (in a CI checkout, fetch it first)") from None
    try:
        base = _git(cwd, "merge-base", ref, "HEAD").strip()
    except GitError:
        raise GitError(f"{ref} and HEAD have no common ancestor (a shallow clone? fetch the full history)") from None
    changed = _git(top, "diff", "--name-only", "--no-renames", "--diff-filter=d", "-z", base, "--")
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    names = {name for name in (changed + untracked).split("\0") if name}
    return sorted(path for path in (top / name for name in names) if path.is_file())
