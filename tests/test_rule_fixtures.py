"""Every rule's pass and fail cases, as data: tests/fixtures/rules/<CODE>.yaml.

Each case has a `source`, a `target` and the expected `findings` as
`[line, column, "part of the message"]`; an empty list is a passing case.
PO rules use a `catalog` (and optionally a `template`) instead of source and target;
`format: mdx` reads source and target as MDX pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import fixture_cases, run_catalog_rule, run_rule

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


@pytest.mark.parametrize(("code", "case"), list(fixture_cases(FIXTURES)))
def test_rule_case(code: str, case: dict) -> None:
    if "catalog" in case:  # a gettext catalog: its msgids are the source
        findings = run_catalog_rule(code, case)
    else:
        findings = run_rule(code, case["source"], case["target"], case.get("options"), case.get("format", "markdown"))
    found = [(finding.span.line, finding.span.column, finding.message) for finding in findings]
    expected = case.get("findings") or []
    assert len(found) == len(expected), f"expected {expected}, found {found}"
    for (line, column, message), (want_line, want_column, want_text) in zip(found, expected, strict=True):
        assert (line, column) == (want_line, want_column), f"{message!r} at {line}:{column}"
        assert want_text in message
    for finding in findings:
        assert finding.code == code


def test_every_rule_has_pass_and_fail_fixtures() -> None:
    from lintkit.rules import builtin_rules

    covered: dict[str, set[bool]] = {}
    for path in FIXTURES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            covered.setdefault(data["rule"], set()).add(bool(case.get("findings")))
    input_rules = {rule.code for rule in builtin_rules() if rule.code.startswith("LK9")}
    for rule in builtin_rules():
        if rule.code in input_rules or rule.scope != "file":
            continue
        assert covered.get(rule.code) == {True, False}, f"{rule.code} needs passing and failing fixture cases"
