"""LK95x: problems with inline suppression comments. The engine makes these findings
after the rules have run (see `lintkit/suppress.py`); the classes here give them their
documentation and make them selectable by code and name."""

from __future__ import annotations

from lintkit.model import Severity
from lintkit.rules.base import Rule


class SuppressionUnused(Rule):
    """
    What it finds:
        A suppression comment that hides no finding: `<!-- lintkit-disable-next-line LK101 -->`
        above a line without that problem, a `lintkit-disable` range with nothing in it, a
        `<!-- lintkit-disable-file -->` in a clean file, or a PO comment `# lintkit: ignore LK101`
        on an entry without that finding.

    Why it matters:
        Suppressions outlive the problem they were written for. A stale one silently hides
        the next real problem on that line, so it should go once the translation is fixed.
        It is only reported when every rule it names ran, so `--select` does not make
        suppressions look unused.

    Example:
        `fr/guide.md:12:1: LK950 [info] suppression `lintkit-disable-next-line LK101` hides nothing; remove it`

    Options:
        None. Ignore it (`ignore = ["LK950"]`) to keep stale suppressions quiet.
    """

    code = "LK950"
    name = "suppression-unused"
    summary = "A suppression comment hides no finding."
    severity = Severity.INFO


class SuppressionUnknownRule(Rule):
    """
    What it finds:
        A suppression comment that names a rule lintkit does not know, such as a typo in
        `<!-- lintkit-disable-next-line LK1O1 -->` or `# lintkit: ignore placeholder-mising`.

    Why it matters:
        A misspelt rule suppresses nothing, so the finding it was meant to hide stays, and
        the comment misleads the next reader.

    Example:
        `fr/guide.md:12:1: LK951 [warning] suppression names an unknown rule `LK1O1`; use a code
        such as LK101 or a name such as placeholder-missing`

    Options:
        None.
    """

    code = "LK951"
    name = "suppression-unknown-rule"
    summary = "A suppression comment names a rule that does not exist."
    severity = Severity.WARNING
