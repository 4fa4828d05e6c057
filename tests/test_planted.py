"""Placeholder and heading defects planted in real translations are found at their line (at least 95%)."""

from helpers import corpus
from planting import evaluate


def test_planted_placeholder_and_heading_defects_are_found() -> None:
    results = evaluate(corpus(), range(1))
    found = sum(hit for hit, _ in results.values())
    planted = sum(total for _, total in results.values())
    assert planted >= 300
    for kind, (hit, total) in results.items():
        assert hit / total >= 0.9, f"{kind}: {hit}/{total}"
    assert found / planted >= 0.95, results
