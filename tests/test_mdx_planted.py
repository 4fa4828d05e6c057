"""MDX defects planted in real Astro translations are found at their line (a sample of pages per locale)."""

import pytest
from helpers import corpus
from mdx_planting import evaluate


@pytest.mark.slow
def test_planted_component_attribute_expression_and_aside_defects_are_found() -> None:
    results = evaluate(corpus() / "astro" / "docs", per_locale=30)
    for kind in ("component-renamed", "attribute-changed", "aside-retyped"):
        hit, total = results[kind]
        assert total >= 10 and hit / total >= 0.95, f"{kind}: {hit}/{total}"
    hit, total = results["aside-removed"]
    assert hit / total >= 0.7, f"aside-removed: {hit}/{total}"
