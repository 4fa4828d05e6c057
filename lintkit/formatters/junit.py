"""`--format junit`: JUnit XML, the test report GitLab merge requests and Jenkins show.

Each translation with findings is a test suite and each error or warning a
failing test case. A case is named by its rule and the finding's baseline
fingerprint (rule, file, line text, message), never by its line number, so a
finding keeps its name and its history when lines above it move. Info findings
are not tests: they are listed in the suite's output and counted in neither
the tests nor the failures. A run without failing findings is one passing
case, so the report is never empty. Every text, file names included, is
cleaned of the characters XML 1.0 cannot hold.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from itertools import groupby

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity

# XML 1.0 cannot hold most control characters, which a damaged file can put into a message
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _details(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.span.line}:{finding.span.column}: {finding.code} {finding.message}"]
    if finding.source_path is not None and finding.source_line is not None:
        lines.append(f"source: {finding.source_path}:{finding.source_line}")
    return _clean("\n".join(lines))


class JunitFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        failing = [finding for finding in findings if finding.severity >= Severity.WARNING]
        root = ElementTree.Element(
            "testsuites", name="lintkit", tests=str(max(len(failing), 1)), failures=str(len(failing)), errors="0"
        )
        if not failing:
            suite = ElementTree.SubElement(root, "testsuite", name="lintkit", tests="1", failures="0", errors="0")
            ElementTree.SubElement(
                suite, "testcase", name=f"{summary.files_checked} files checked", classname="lintkit"
            )
        ordered = sorted(findings, key=Finding.sort_key)
        for path, group in groupby(ordered, key=lambda finding: finding.path):
            self.suite(root, path, list(group), summary)
        ElementTree.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"

    @staticmethod
    def suite(root: ElementTree.Element, path: str, findings: list[Finding], summary: Summary) -> None:
        failing = [finding for finding in findings if finding.severity >= Severity.WARNING]
        notes = [finding for finding in findings if finding.severity < Severity.WARNING]
        shown = _clean(path)
        suite = ElementTree.SubElement(
            root, "testsuite", name=shown, tests=str(len(failing)), failures=str(len(failing)), errors="0"
        )
        seen: dict[str, int] = {}
        for finding in failing:
            name = f"{finding.code} {finding.name} {summary.fingerprint(finding)}"
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:  # the same finding twice on one line: numbered in reading order
                name += f" #{seen[name]}"
            case = ElementTree.SubElement(
                suite, "testcase", name=name, classname=shown, file=shown, line=str(finding.span.line)
            )
            failure = ElementTree.SubElement(
                case, "failure", message=_clean(finding.message), type=f"{finding.code} {finding.severity}"
            )
            failure.text = _details(finding)
        if notes:
            ElementTree.SubElement(suite, "system-out").text = "\n".join(_details(finding) for finding in notes)
