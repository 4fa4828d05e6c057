"""Pack rules' pass and fail cases, as data: tests/fixtures/packs/<CODE>.yaml.

A fixture names a shipped rule (`rule: LK521`) or brings its own pack
(`pack:` with one rule) to test a rule kind. Each case has a `source`, a
`target`, an optional `locale` (default fr) and the expected `findings` as
`[line, column, "part of the message"]`; an empty list is a passing case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import document

from lintkit.formats.align import align
from lintkit.model import FilePair, Finding
from lintkit.packs.kinds import PackRule
from lintkit.packs.loader import find_rule_in, parse_pack, rules_for

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


def _fixtures():
    for path in sorted(FIXTURES.glob("*.yaml")):
        yield path, yaml.safe_load(path.read_text(encoding="utf-8"))


def _rule(path: Path, data: dict) -> PackRule:
    if "pack" in data:
        (rule,) = parse_pack(yaml.safe_dump(data["pack"], allow_unicode=True), str(path))
        return rule
    rule = find_rule_in(rules_for(), data["rule"])
    assert isinstance(rule, PackRule), f"no pack rule {data['rule']}"
    return rule


def check(rule: PackRule, source: str, target: str, locale: str = "fr") -> list[Finding]:
    source_document = document(source, "en/page.md", "en")
    target_document = document(target, f"{locale}/page.md", locale)
    pair = FilePair(
        source_document,
        target_document,
        align(source_document.blocks, target_document.blocks),
        {"translatable-keys": ("title", "description")},
    )
    return sorted(rule.check(pair), key=Finding.sort_key)


def _cases():
    for path, data in _fixtures():
        for case in data["cases"]:
            yield pytest.param(path, data, case, id=f"{path.stem}-{case['name']}")


@pytest.mark.parametrize(("path", "data", "case"), list(_cases()))
def test_pack_rule_case(path: Path, data: dict, case: dict) -> None:
    rule = _rule(path, data)
    findings = check(rule, case["source"], case["target"], case.get("locale", "fr"))
    found = [(finding.span.line, finding.span.column, finding.message) for finding in findings]
    expected = case.get("findings") or []
    assert len(found) == len(expected), f"expected {expected}, found {found}"
    for (line, column, message), (want_line, want_column, want_text) in zip(found, expected, strict=True):
        assert (line, column) == (want_line, want_column), f"{message!r} at {line}:{column}"
        assert want_text in message
    assert all(finding.code == rule.code for finding in findings)


def test_every_shipped_pack_rule_and_kind_has_pass_and_fail_fixtures() -> None:
    covered: dict[str, set[bool]] = {}
    for path, data in _fixtures():
        label = _rule(path, data).kind if "pack" in data else data["rule"]
        for case in data["cases"]:
            covered.setdefault(label, set()).add(bool(case.get("findings")))
    shipped = [rule.code for rule in rules_for() if isinstance(rule, PackRule)]
    for label in [*shipped, "glossary", "forbidden", "do-not-translate", "pattern-parity"]:
        assert covered.get(label) == {True, False}, f"{label} needs passing and failing fixture cases"
