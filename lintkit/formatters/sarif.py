"""`--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub among them) import.

One run with lintkit as the tool, one rule descriptor per code that has
findings, and per finding a result whose location is the translation and whose
related location is the source line it was compared with.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity
from lintkit.rules import find_rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return version("lintkit")
    except PackageNotFoundError:
        return "0"


def _region(line: int, column: int | None = None, end_line: int | None = None, end_column: int | None = None) -> dict:
    region: dict[str, int] = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    if end_line is not None:
        region["endLine"] = end_line
    if end_column is not None:
        region["endColumn"] = end_column
    return region


def _location(path: str, region: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}, "region": region}}


def rule_descriptor(code: str, name: str) -> dict[str, Any]:
    rule = find_rule(code)
    descriptor: dict[str, Any] = {"id": code, "name": name}
    if rule is not None:
        descriptor["shortDescription"] = {"text": rule.summary}
        descriptor["fullDescription"] = {"text": rule.documentation()}
        descriptor["help"] = {"text": f"{rule.summary}\n\n{rule.documentation()}\n\nSee also: lintkit explain {code}"}
        descriptor["defaultConfiguration"] = {"level": _LEVELS[rule.severity]}
    return descriptor


def result(finding: Finding, rule_index: int) -> dict[str, Any]:
    span = finding.span
    # SARIF columns count UTF-16 units by default; lintkit's count characters, as the run declares
    region = _region(span.line, span.column, span.end_line, max(span.end_column, span.column))
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, region)],
    }
    if finding.source_path is not None and finding.source_line is not None:
        related = _location(finding.source_path, _region(finding.source_line))
        entry["relatedLocations"] = [{"id": 1, **related, "message": {"text": "source"}}]
    return entry


class SarifFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        codes = sorted({(finding.code, finding.name) for finding in findings})
        index = {code: number for number, (code, _) in enumerate(codes)}
        run = {
            "tool": {
                "driver": {
                    "name": "lintkit",
                    "version": _version(),
                    "rules": [rule_descriptor(code, name) for code, name in codes],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": [result(finding, index[finding.code]) for finding in findings],
        }
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
