"""LK502 on the real Hour of Code translations: the known variants are found, and little else."""

from __future__ import annotations

from helpers import corpus

from lintkit.config import Config
from lintkit.packs.loader import rules_for
from lintkit.run.engine import Engine


def _variants(locale: str) -> list[str]:
    root = corpus() / "hourofcode"
    values = {"source": "en/{path}", "target": "{locale}/{path}", "locales": [locale], "select": ["LK502"]}
    config = Config(root, None, {**values, "baseline": False})
    result = Engine(config, rules_for(config), cwd=root).run()
    return [f"{finding.path}:{finding.span.line}: {finding.message}" for finding in result.findings]


def test_french_event_name_variants() -> None:
    found = _variants("fr-FR")
    assert any('"Heure du Code" is a variant of "Heure de Code"' in item for item in found), found
    assert any('"heure de code" is a variant of "Heure de Code"' in item for item in found), found
    assert len(found) <= 5, found


def test_spanish_event_name_variants() -> None:
    found = _variants("es-ES")
    assert sum('is a variant of "Hora del Código"' in item for item in found) >= 10, found
    assert all("Hora" in item or "ciencias" in item.lower() for item in found), found
