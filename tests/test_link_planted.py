"""Link defects planted in real translations are found at their line (at least 95%)."""

from helpers import corpus
from link_planting import evaluate


def test_planted_link_defects_are_found_at_their_line() -> None:
    results = evaluate(corpus(), range(1))
    found = sum(hit for hit, _ in results.values())
    planted = sum(total for _, total in results.values())
    assert planted >= 250
    for kind, (hit, total) in results.items():
        assert hit / total >= 0.8, f"{kind}: {hit}/{total}"  # removed links: misses are in outdated pages
    assert found / planted >= 0.95, results
