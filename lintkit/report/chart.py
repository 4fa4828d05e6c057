"""A small inline SVG: one bar per locale, stacked by severity, with the rule families as detail.

The bars answer "which locale needs work first": errors are the first segment,
then warnings, then info, and the locales come worst first. Each segment's
`<title>` tooltip (and the chart's text alternative) breaks the count down by
rule family. Plain SVG, so it needs no script, prints, and opens offline. The
colours are the page's severity colours, each at least 3:1 against white (WCAG's
contrast for graphics), and the counts are written beside every bar, so nothing
depends on telling colours apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from lintkit.model import Severity
from lintkit.report.families import family_name
from lintkit.report.markup import Markup, element

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
COLORS = {Severity.ERROR: "#b3261e", Severity.WARNING: "#8a5a00", Severity.INFO: "#1a5fb4"}
LABEL_WIDTH, BAR_WIDTH, COUNT_WIDTH = 110, 420, 190
ROW_HEIGHT, BAR_HEIGHT, LEGEND_HEIGHT = 24, 16, 28

ChartRow = tuple[str, dict[Severity, Counter[str]]]  # (locale, {severity: {family: count}})


def color(severity: Severity) -> str:
    return COLORS[severity]


def _total(counts: dict[Severity, Counter[str]]) -> int:
    return sum(sum(families.values()) for families in counts.values())


def bar_chart(rows: Sequence[ChartRow]) -> Markup:
    """Bars share one scale so that locales compare at a glance; rows are drawn in the order given."""
    largest = max((_total(counts) for _, counts in rows), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    height = LEGEND_HEIGHT + ROW_HEIGHT * max(len(rows), 1)
    parts = [_legend()]
    for index, (locale, counts) in enumerate(rows):
        y = LEGEND_HEIGHT + index * ROW_HEIGHT
        parts.append(_text(LABEL_WIDTH - 8, y + BAR_HEIGHT - 3, locale, anchor="end"))
        x = float(LABEL_WIDTH)
        for severity in SEVERITIES:
            count = sum(counts.get(severity, Counter()).values())
            if not count:
                continue
            length = BAR_WIDTH * count / largest
            tooltip = element("title", None, f"{locale}: {_detail(severity, counts[severity])}")
            attributes = {"x": f"{x:.1f}", "y": y, "width": f"{length:.1f}", "height": BAR_HEIGHT}
            parts.append(element("rect", {**attributes, "fill": color(severity), "class": str(severity)}, tooltip))
            x += length
        parts.append(_text(x + 6, y + BAR_HEIGHT - 3, _counts(counts)))
    summary = "; ".join(f"{locale}: {_counts(counts)}" for locale, counts in rows) or "no findings"
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": width,
            "height": height,
            "role": "img",
            "aria-label": f"Findings per locale by severity: {summary}",
            "class": "chart",
        },
        *parts,
    )


def _counts(counts: dict[Severity, Counter[str]]) -> str:
    """`17 errors · 58 warnings · 113 info` (severities with none left out)."""
    parts = []
    for severity in SEVERITIES:
        count = sum(counts.get(severity, Counter()).values())
        if count:
            parts.append(f"{count} {severity}{'' if count == 1 or severity == Severity.INFO else 's'}")
    return " · ".join(parts)


def _detail(severity: Severity, families: Counter[str]) -> str:
    """`17 errors: 10 placeholders (LK1xx), 7 links (LK3xx)`."""
    total = sum(families.values())
    word = f"{severity}{'' if total == 1 or severity == Severity.INFO else 's'}"
    by_family = ", ".join(
        f"{count} {family_name(family)} ({family}xx)" for family, count in sorted(families.items()) if count
    )
    return f"{total} {word}: {by_family}"


def _legend() -> Markup:
    parts, x = [], float(LABEL_WIDTH)
    for severity in SEVERITIES:
        parts.append(element("rect", {"x": f"{x:.1f}", "y": 4, "width": 12, "height": 12, "fill": color(severity)}))
        parts.append(_text(x + 16, 14, f"{severity}s" if severity != Severity.INFO else "info"))
        x += 100
    return element("g", {"class": "legend"}, *parts)


def _text(x: float, y: float, text: str, anchor: str = "start") -> Markup:
    return element("text", {"x": f"{x:.1f}", "y": y, "text-anchor": anchor}, text)
