"""A small inline SVG: one stacked bar per locale, one colour per rule family.

Plain SVG with `<title>` tooltips, so it needs no script, prints, and opens
offline; colours are chosen to stay apart for common colour-vision deficiencies.
"""

from __future__ import annotations

from collections.abc import Sequence

from lintkit.report.families import FAMILIES, family_name
from lintkit.report.markup import Markup, element

COLORS = {
    "LK1": "#0072b2",
    "LK2": "#e69f00",
    "LK3": "#009e73",
    "LK4": "#cc79a7",
    "LK5": "#56b4e9",
    "LK6": "#d55e00",
    "LK9": "#555555",
}
OTHER_COLOR = "#999999"
LABEL_WIDTH, BAR_WIDTH, COUNT_WIDTH = 110, 460, 50
ROW_HEIGHT, BAR_HEIGHT, LEGEND_HEIGHT = 24, 16, 28


def color(family: str) -> str:
    return COLORS.get(family, OTHER_COLOR)


def bar_chart(rows: Sequence[tuple[str, dict[str, int]]]) -> Markup:
    """`rows` are (locale, {family: count}); bars share one scale so locales compare at a glance."""
    families = [family for family in FAMILIES if any(counts.get(family) for _, counts in rows)]
    families += sorted({family for _, counts in rows for family in counts} - set(FAMILIES))
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    legend, legend_height = _legend(families, width)
    height = legend_height + ROW_HEIGHT * max(len(rows), 1)
    parts = [legend]
    for index, (locale, counts) in enumerate(rows):
        y = legend_height + index * ROW_HEIGHT
        parts.append(_text(LABEL_WIDTH - 8, y + BAR_HEIGHT - 3, locale, anchor="end"))
        x = float(LABEL_WIDTH)
        for family in families:
            count = counts.get(family, 0)
            if not count:
                continue
            length = BAR_WIDTH * count / largest
            tooltip = element("title", None, f"{locale}: {count} {family_name(family)} ({family}xx)")
            attributes = {"x": f"{x:.1f}", "y": y, "width": f"{length:.1f}", "height": BAR_HEIGHT}
            parts.append(element("rect", {**attributes, "fill": color(family)}, tooltip))
            x += length
        parts.append(_text(x + 6, y + BAR_HEIGHT - 3, str(sum(counts.values()))))
    summary = "; ".join(f"{locale}: {sum(counts.values())}" for locale, counts in rows) or "no findings"
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": width,
            "height": height,
            "role": "img",
            "aria-label": f"Findings per locale and rule family: {summary}",
            "class": "chart",
        },
        *parts,
    )


def _legend(families: list[str], width: int) -> tuple[Markup, int]:
    """Colour keys in rows that fit the chart's width; returns the legend and its height."""
    parts, x, y = [], float(LABEL_WIDTH), 4
    for family in families:
        label = f"{family_name(family)} ({family}xx)"
        needed = 24 + 7 * len(label)  # an estimate of the label's width at the chart's font size
        if x + needed > width and x > LABEL_WIDTH:
            x, y = float(LABEL_WIDTH), y + 18
        parts.append(element("rect", {"x": f"{x:.1f}", "y": y, "width": 12, "height": 12, "fill": color(family)}))
        parts.append(_text(x + 16, y + 10, label))
        x += needed
    return element("g", {"class": "legend"}, *parts), y + LEGEND_HEIGHT - 4


def _text(x: float, y: float, text: str, anchor: str = "start") -> Markup:
    return element("text", {"x": f"{x:.1f}", "y": y, "text-anchor": anchor}, text)
