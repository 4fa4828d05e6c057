"""The baseline: findings a repository already had when the gate was introduced.

`lintkit baseline` records every current finding in `.lintkit-baseline.json`
(next to the configuration file); `lintkit check` then hides those and reports
only new ones. A finding is recognised by its fingerprint: rule code, path, the
text of its line and its message without numbers and parenthesized asides. Inserting or
removing lines above a known finding therefore changes nothing, while editing
the line itself makes it count as new. Recorded findings that no longer occur
are counted as fixed, so the baseline can shrink.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lintkit.atomic import write_atomic
from lintkit.config import KEYS, Config, ConfigError
from lintkit.model import Finding

FORMAT_VERSION = 1
_NUMBERS = re.compile(r"[0-9]+")
_ASIDES = re.compile(r"\([^()]*\)")


def baseline_path(config: Config) -> Path | None:
    """Where the baseline lives, or None when `baseline = false`."""
    value = config["baseline"]
    if value is False:
        return None
    return config.root / (KEYS["baseline"].default if value is True else value)


def fingerprint(code: str, path: str, line_text: str, message: str) -> str:
    """What identifies a finding across edits elsewhere in the file: no line numbers in it."""
    context = " ".join(line_text.split())
    # Asides in parentheses cite line numbers and other files ("(source line 12)", "(fr/b.md:100)",
    # "(other variants: …)"), which change with edits elsewhere or with the files a run includes.
    # Case is left out too: the preferred spelling a consistency rule names can differ only in case.
    message = " ".join(_NUMBERS.sub("#", _ASIDES.sub("", message)).casefold().split())
    return hashlib.sha256("\0".join((code, path, context, message)).encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Entry:
    """One recorded finding; `line` and `message` are there for the people reading the file."""

    fingerprint: str
    path: str
    code: str
    line: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True)
class BaselineResult:
    """What applying a baseline did: findings kept, how many it hid, and recorded ones now fixed."""

    findings: list[Finding]
    hidden: int
    fixed: int


class Baseline:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: Path) -> Baseline | None:
        """The baseline at `path`, None when there is none; a damaged file is a configuration error."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != FORMAT_VERSION:
                raise ValueError(f"unsupported version {data.get('version')!r}")
            entries = [
                Entry(item["fingerprint"], item["path"], item["code"], int(item["line"]), item["message"])
                for item in data["findings"]
            ]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise ConfigError(f"{path}: not a lintkit baseline ({error}); rewrite it with `lintkit baseline`") from None
        return cls(entries)

    def apply(
        self, findings: list[Finding], fingerprints: list[str], checked: set[str], ran: Callable[[str], bool]
    ) -> BaselineResult:
        """Hide each finding whose fingerprint is recorded (as many times as it is recorded).

        `checked` holds the root-relative paths this run looked at and `ran(code)`
        says whether a rule ran: a recorded finding counts as fixed only then.
        """
        remaining = Counter(entry.fingerprint for entry in self.entries)
        kept = []
        for finding, print_ in zip(findings, fingerprints, strict=True):
            if remaining[print_] > 0:
                remaining[print_] -= 1
            else:
                kept.append(finding)
        hidden = len(findings) - len(kept)
        fixed = 0
        for entry in self.entries:
            if remaining[entry.fingerprint] > 0 and entry.path in checked and ran(entry.code):
                remaining[entry.fingerprint] -= 1
                fixed += 1
        return BaselineResult(kept, hidden, fixed)


def write_baseline(path: Path, entries: list[Entry]) -> None:
    """Sorted and indented, so that a rewritten baseline makes a readable diff."""
    ordered = sorted(entries, key=lambda entry: (entry.path, entry.line, entry.code, entry.message))
    document = {"version": FORMAT_VERSION, "findings": [entry.to_dict() for entry in ordered]}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
