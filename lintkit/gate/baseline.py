"""The baseline: findings a repository already had when the gate was introduced.

`lintkit baseline` records every current finding in `.lintkit-baseline.json`
(next to the configuration file); `lintkit check` then hides those and reports
only new ones. A finding is recognised by its fingerprint: rule code, path, the
text of its line and its message without numbers and parenthesized asides. Inserting or
removing lines above a known finding therefore changes nothing, while editing
the line itself makes it count as new. Recorded findings that no longer occur
are counted as fixed, so the baseline can shrink.

Matching is by count: a line that held the same finding twice (one word used
twice) is recorded twice. Fixing one of them edits the line, so its text no
longer matches; the others still match by rule, path and message, as many
times as the line held them, and stay hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from lintkit.config import KEYS, Config, ConfigError
from lintkit.model import Finding
from lintkit.patterns import on_first_use

FORMAT_VERSION = 1


_numbers = on_first_use(r"[0-9]+")
_asides = on_first_use(r"\([^()]*\)")


def baseline_path(config: Config) -> Path | None:
    """Where the baseline lives, or None when `baseline = false`."""
    value = config["baseline"]
    if value is False:
        return None
    return config.root / (KEYS["baseline"].default if value is True else value)


def _stable_message(message: str) -> str:
    # Asides in parentheses cite line numbers and other files ("(source line 12)", "(fr/b.md:100)",
    # "(other variants: …)"), which change with edits elsewhere or with the files a run includes.
    # Case is left out too: the preferred spelling a consistency rule names can differ only in case.
    return " ".join(_numbers().sub("#", _asides().sub("", message)).casefold().split())


def _digest(*parts: str) -> str:
    import hashlib  # only a run that keeps fingerprints (a baseline, SARIF, JUnit) loads OpenSSL's hashes

    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def fingerprint(code: str, path: str, line_text: str, message: str) -> str:
    """What identifies a finding across edits elsewhere in the file: no line numbers in it."""
    return _digest(code, path, " ".join(line_text.split()), _stable_message(message))


def line_free_key(code: str, path: str, message: str) -> str:
    """A finding without its line's text: what the other findings of an edited line are matched by."""
    return _digest(code, path, _stable_message(message))


class Entry(NamedTuple):
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


class BaselineResult(NamedTuple):
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
        import json  # here and in `write_baseline`: most runs have no baseline

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
        self, findings: list[Finding], entries: list[Entry], checked: set[str], ran: Callable[[str], bool]
    ) -> BaselineResult:
        """Hide each finding whose fingerprint is recorded (as many times as it is recorded).

        `entries` are the findings as they would be recorded. A finding left
        over is still hidden by a recorded finding left over from a line that
        held several of its kind (same fingerprint), with the same rule, path
        and message. `checked` holds the root-relative paths this run looked at
        and `ran(code)` says whether a rule ran: a recorded finding counts as
        fixed only then.
        """
        remaining = Counter(entry.fingerprint for entry in self.entries)
        several = {print_ for print_, count in remaining.items() if count > 1}
        leftover = []
        for finding, entry in zip(findings, entries, strict=True):
            if remaining[entry.fingerprint] > 0:
                remaining[entry.fingerprint] -= 1
            else:
                leftover.append((finding, entry))
        unmatched = []  # recorded findings this run did not produce, as (entry, line-free key)
        for entry in self.entries:
            if remaining[entry.fingerprint] > 0:
                remaining[entry.fingerprint] -= 1
                unmatched.append((entry, line_free_key(entry.code, entry.path, entry.message)))
        edited = Counter(key for entry, key in unmatched if entry.fingerprint in several)
        kept = []
        for finding, entry in leftover:
            key = line_free_key(entry.code, entry.path, entry.message)
            if edited[key] > 0:
                edited[key] -= 1
                unmatched.remove(next(item for item in unmatched if item[1] == key and item[0].fingerprint in several))
            else:
                kept.append(finding)
        hidden = len(findings) - len(kept)
        fixed = sum(1 for entry, _ in unmatched if entry.path in checked and ran(entry.code))
        return BaselineResult(kept, hidden, fixed)


def write_baseline(path: Path, entries: list[Entry]) -> None:
    """Sorted and indented, so that a rewritten baseline makes a readable diff."""
    import json

    from lintkit.atomic import write_atomic

    ordered = sorted(entries, key=lambda entry: (entry.path, entry.line, entry.code, entry.message))
    document = {"version": FORMAT_VERSION, "findings": [entry.to_dict() for entry in ordered]}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
