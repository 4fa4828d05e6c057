"""`--format junit`: JUnit XML, the test report GitLab merge requests and Jenkins show.

Each translation with findings is a test suite and each finding a test case
that fails (errors and warnings) or passes with the note in its output (info).
A run without findings is one passing case, so the report is never empty.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from itertools import groupby

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity

# XML 1.0 cannot hold most control characters, which a damaged file can put into a message
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _details(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.span.line}:{finding.span.column}: {finding.code} {finding.message}"]
    if finding.source_path is not None and finding.source_line is not None:
        lines.append(f"source: {finding.source_path}:{finding.source_line}")
    return _clean("\n".join(lines))


class JunitFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        failing = sum(1 for finding in findings if finding.severity >= Severity.WARNING)
        root = ElementTree.Element(
            "testsuites", name="lintkit", tests=str(max(len(findings), 1)), failures=str(failing), errors="0"
        )
        if not findings:
            suite = ElementTree.SubElement(root, "testsuite", name="lintkit", tests="1", failures="0", errors="0")
            ElementTree.SubElement(
                suite, "testcase", name=f"{summary.files_checked} files checked", classname="lintkit"
            )
        ordered = sorted(findings, key=Finding.sort_key)
        for path, group in groupby(ordered, key=lambda finding: finding.path):
            self.suite(root, path, list(group))
        ElementTree.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"

    @staticmethod
    def suite(root: ElementTree.Element, path: str, findings: list[Finding]) -> None:
        failing = sum(1 for finding in findings if finding.severity >= Severity.WARNING)
        suite = ElementTree.SubElement(
            root, "testsuite", name=path, tests=str(len(findings)), failures=str(failing), errors="0"
        )
        for finding in findings:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{finding.code} {finding.name} at line {finding.span.line}, column {finding.span.column}",
                classname=path,
                file=path,
                line=str(finding.span.line),
            )
            if finding.severity >= Severity.WARNING:
                failure = ElementTree.SubElement(
                    case, "failure", message=_clean(finding.message), type=f"{finding.code} {finding.severity}"
                )
                failure.text = _details(finding)
            else:
                ElementTree.SubElement(case, "system-out").text = _details(finding)
