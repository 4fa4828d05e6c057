"""Consistency rules (LK5xx with `scope = "locale"`): cases as data in tests/fixtures/locale/<CODE>.yaml.

Each case lists `files` (a `path`, its `source` and its `target`) of one locale,
and the expected `findings` as `[path, line, column, "part of the message"]`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import document, fixture_cases

from lintkit.formats.align import align
from lintkit.model import FilePair, Finding
from lintkit.rules import builtin_rules, find_rule
from lintkit.run.engine import LocaleSet

FIXTURES = Path(__file__).parent / "fixtures" / "locale"


def run_locale_rule(code: str, files: list[dict], locale: str = "fr") -> list[Finding]:
    pairs = []
    for file in files:
        source = document(file["source"], f"en/{file['path']}", "en")
        target = document(file["target"], f"{locale}/{file['path']}", locale)
        options = {"translatable-keys": ("title", "description")}
        pairs.append(FilePair(source, target, align(source.blocks, target.blocks), options))
    rule = find_rule(code)
    assert rule is not None and rule.scope == "locale"
    return sorted(rule.check_locale(LocaleSet(locale, pairs)), key=Finding.sort_key)


@pytest.mark.parametrize(("code", "case"), list(fixture_cases(FIXTURES)))
def test_locale_rule_case(code: str, case: dict) -> None:
    findings = run_locale_rule(code, case["files"], case.get("locale", "fr"))
    found = [(finding.path, finding.span.line, finding.span.column, finding.message) for finding in findings]
    expected = case.get("findings") or []
    assert len(found) == len(expected), f"expected {expected}, found {found}"
    for (path, line, column, message), (want_path, want_line, want_column, want_text) in zip(
        found, expected, strict=True
    ):
        assert (path, line, column) == (want_path, want_line, want_column), f"{message!r} at {path}:{line}:{column}"
        assert want_text in message


def test_every_locale_rule_has_pass_and_fail_fixtures() -> None:
    covered: dict[str, set[bool]] = {}
    for path in FIXTURES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            covered.setdefault(data["rule"], set()).add(bool(case.get("findings")))
    for rule in builtin_rules():
        if rule.scope == "locale" and rule.code.startswith("LK5"):
            assert covered.get(rule.code) == {True, False}, f"{rule.code} needs passing and failing fixture cases"


def _page(name: str) -> str:
    """A French page that names the event in one of three ways."""
    return textwrap.dedent(
        """\
        # Host an event

        Sign up for the Hour of Code. The Hour of Code is one hour.

        Every Hour of Code counts.
        """
    ), textwrap.dedent(
        f"""\
        # Organisez un événement

        Inscrivez-vous à l'{name}. L'{name} dure une heure.

        Chaque {name} compte.
        """
    )


def test_three_spellings_without_glossary_name_the_dominant_form() -> None:
    files = []
    for number, name in enumerate(["Heure de code", "Heure de code", "Heure du code", "Heure de Code"]):
        source, target = _page(name)
        files.append({"path": f"page{number}.md", "source": source, "target": target})
    findings = run_locale_rule("LK502", files)
    assert {(finding.path, finding.span.line) for finding in findings} == {
        ("fr/page2.md", 3),
        ("fr/page2.md", 5),
        ("fr/page3.md", 3),
        ("fr/page3.md", 5),
    }
    messages = {finding.message for finding in findings}
    used = 'is a variant of "Heure de code", used 6 times in fr'
    assert f'"Heure du code" {used} (other variants: "Heure de Code" 3)' in messages
    assert f'"Heure de Code" {used} (other variants: "Heure du code" 3)' in messages
