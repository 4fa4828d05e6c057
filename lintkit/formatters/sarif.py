"""`--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub among them) import.

One run with lintkit as the tool. Every rule that has findings, pack rules
included, gets a descriptor with a short and a full description, help text
and, for the rules of the reference page, a `helpUri` to its section there.
Each finding is a result whose location is the translation (a relative,
percent-encoded URI, so `%` and `#` in a file name read back as they are) and
whose related location is the source line it was compared with; its
`partialFingerprints` carry the baseline fingerprint, so code scanning tracks
a finding across edits elsewhere in the file as the baseline does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from lintkit.about import lintkit_version, project_urls, rule_help_uri
from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity
from lintkit.rules.base import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "lintkitFingerprint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _region(line: int, column: int | None = None, end_line: int | None = None, end_column: int | None = None) -> dict:
    region: dict[str, int] = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    if end_line is not None:
        region["endLine"] = end_line
    if end_column is not None:
        region["endColumn"] = end_column
    return region


def artifact_uri(path: str) -> str:
    """A relative URI reference for a display path: `%` is `%25`, `#` is `%23`, spaces and non-ASCII encoded."""
    return quote(path, safe="/")


def _location(path: str, region: dict[str, int]) -> dict[str, Any]:
    location = {"uri": artifact_uri(path), "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": location, "region": region}}


def _documented_codes() -> frozenset[str]:
    """The rules of the reference page (docs/rules.md): built-in rules and the shipped packs."""
    from lintkit.packs.loader import rules_for  # packs load YAML: only when a SARIF file is written

    return frozenset(rule.code for rule in rules_for(None))


def rule_descriptor(code: str, name: str, rule: Rule | None, documented: frozenset[str]) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": code, "name": name}
    if rule is None:  # a finding of a rule this run does not know: still described, as code scanning requires
        text = f"{code} {name}"
        descriptor.update(shortDescription={"text": text}, fullDescription={"text": text}, help={"text": text})
        return descriptor
    documentation = rule.documentation().strip() or rule.summary
    descriptor["shortDescription"] = {"text": rule.summary}
    descriptor["fullDescription"] = {"text": documentation}
    descriptor["help"] = {"text": f"{rule.summary}\n\n{documentation}\n\nSee also: lintkit explain {code}"}
    help_uri = rule_help_uri(code) if code in documented else None
    if help_uri:
        descriptor["helpUri"] = help_uri
    descriptor["defaultConfiguration"] = {"level": _LEVELS[rule.severity]}
    return descriptor


def result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    span = finding.span
    # SARIF columns count UTF-16 units by default; lintkit's count characters, as the run declares
    region = _region(span.line, span.column, span.end_line, max(span.end_column, span.column))
    if span.end_line < span.line:
        region = _region(span.line, span.column)
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, region)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.source_path is not None and finding.source_line is not None:
        related = _location(finding.source_path, _region(finding.source_line))
        entry["relatedLocations"] = [{"id": 1, **related, "message": {"text": "source"}}]
    return entry


def _known_rules(summary: Summary) -> dict[str, Rule]:
    rules: Iterable[Rule] = summary.rules
    if not rules:
        from lintkit.rules import builtin_rules

        rules = builtin_rules()
    return {rule.code: rule for rule in rules}


class SarifFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        codes = sorted({finding.code: finding.name for finding in findings}.items())
        index = {code: number for number, (code, _) in enumerate(codes)}
        known = _known_rules(summary) if codes else {}
        documented = _documented_codes() if codes else frozenset()
        driver: dict[str, Any] = {"name": "lintkit", "version": lintkit_version()}
        homepage = project_urls().get("Homepage")
        if homepage:
            driver["informationUri"] = homepage
        driver["rules"] = [rule_descriptor(code, name, known.get(code), documented) for code, name in codes]
        run = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": [result(finding, index[finding.code], summary.fingerprint(finding)) for finding in findings],
        }
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
