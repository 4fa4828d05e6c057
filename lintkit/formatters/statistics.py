"""`--statistics`: how many findings each rule has, most frequent first (as flake8 and ruff print them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from lintkit.model import Finding


def statistics(findings: Sequence[Finding]) -> str:
    """One line per rule, `count  CODE  name  [severity]`; empty when there are no findings."""
    counts = Counter((finding.code, finding.name, str(finding.severity)) for finding in findings)
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    code_width = max(len(code) for code, _, _ in counts)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return "".join(
        f"{count:>{width}}  {code:<{code_width}}  {name} [{severity}]\n" for (code, name, severity), count in ordered
    )
