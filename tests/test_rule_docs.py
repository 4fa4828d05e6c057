"""Every rule documents what it finds, why it matters, an example and its options."""

import pytest

from lintkit.rules import builtin_rules
from lintkit.rules.base import DOC_SECTIONS


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda rule: rule.code)
def test_rule_documentation_has_every_section(rule) -> None:
    documentation = rule.documentation()
    for section in DOC_SECTIONS:
        assert f"{section}:" in documentation, f"{rule.code} lacks the section {section!r}"
    assert rule.summary and rule.name and rule.code


def test_codes_and_names_are_unique_and_well_formed() -> None:
    rules = builtin_rules()
    assert len({rule.code for rule in rules}) == len(rules)
    assert len({rule.name for rule in rules}) == len(rules)
    for rule in rules:
        assert rule.code.startswith("LK") and rule.code[2:].isdigit() and len(rule.code) == 5
        assert rule.name == rule.name.lower() and " " not in rule.name


def test_rules_reference_page_is_current() -> None:
    """docs/rules.md is `lintkit rules --format markdown`; regenerate it with that command after a rule changes."""
    from pathlib import Path

    from lintkit.packs.loader import rules_for
    from lintkit.rules.reference import render_reference

    page = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == render_reference(rules_for(None))
