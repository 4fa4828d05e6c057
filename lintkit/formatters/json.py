"""`--format json`: one object with a version, the findings and a summary (the output contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding


class JsonFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        document = {
            "version": 1,
            "findings": [finding.to_dict() for finding in findings],
            "summary": {
                "files_checked": summary.files_checked,
                "files_with_findings": summary.files_with_findings(findings),
                "errors": summary.errors,
                "warnings": summary.warnings,
                "info": summary.infos,
                "total": summary.total,
            },
        }
        if summary.baseline_hidden is not None:
            document["summary"]["baseline"] = {"hidden": summary.baseline_hidden, "fixed": summary.baseline_fixed}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
