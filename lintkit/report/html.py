"""The self-contained HTML report: overview, then per locale a table of its files and their cards.

One file with its style and script inline, so it opens offline and from a CI
artifact. A Content-Security-Policy allows only the page's own script (by its
hash): even if some text escaped escaping, no injected script could run.

Everything comes worst first (see `data.py`). Document text sits in elements
that isolate its direction (`dir="auto"`, `<bdi>`), so Arabic or Hebrew lines
read right to left and their Markdown syntax is not scrambled by the page's
left-to-right text around it.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from importlib import resources

from lintkit.about import lintkit_version
from lintkit.model import Finding, Severity
from lintkit.report.chart import bar_chart
from lintkit.report.data import Card, FileView, LocaleView, ReportData
from lintkit.report.excerpts import Excerpt
from lintkit.report.families import family_name, family_of
from lintkit.report.markup import Markup, element, escape, isolated, join, with_code
from lintkit.report.outline import Outline

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
MAX_FILE_ROWS = 200  # per locale; the rest of its files are summed up in one line
MAX_CLEAN_NAMES = 100
WORST_FILES = 10  # in the overview, across locales


def _asset(name: str) -> str:
    return resources.files("lintkit.report").joinpath("static", name).read_text(encoding="utf-8")


def _lintkit_version() -> str:
    return lintkit_version()


def render(data: ReportData) -> str:
    script, style = _asset("report.js"), _asset("report.css")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    findings = data.findings
    title = f"lintkit report: {_plural(len(findings), 'finding')} in {_plural(data.files_checked, 'file')}"
    head = join(
        [
            Markup('<meta charset="utf-8">'),
            Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
            Markup(f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'),
            element("title", None, title),
            Markup(f"<style>{style}</style>"),
        ]
    )
    body = join(
        [
            element("header", None, element("h1", None, "Translation report"), element("p", None, _totals(data))),
            _filters(data) if findings else "",
            element("main", None, _overview(data), *(_locale_section(data, locale) for locale in data.locales)),
            element("footer", None, f"Made by lintkit {_lintkit_version()}."),
            Markup(f"<script>{script}</script>"),
        ]
    )
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>{head}</head>\n<body>{body}</body>\n</html>\n'


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 or word == 'info' else 's'}"


def _counts(counts: Counter[Severity], empty: str = "no findings") -> str:
    """`3 errors, 1 warning, 2 info`, leaving out the severities with none."""
    parts = [_plural(counts[severity], str(severity)) for severity in SEVERITIES if counts[severity]]
    return ", ".join(parts) or empty


def _severity_counts(findings: list[Finding]) -> Counter[Severity]:
    return Counter(finding.severity for finding in findings)


def _totals(data: ReportData) -> str:
    translated = [locale for locale in data.locales if not locale.is_source]
    counts = ", ".join(
        _plural(sum(locale.count(severity) for locale in data.locales), str(severity)) for severity in SEVERITIES
    )
    return f"{_plural(data.files_checked, 'file')} checked in {_plural(len(translated), 'locale')}: {counts}."


def _filters(data: ReportData) -> Markup:
    families = sorted({family_of(finding.code) for finding in data.findings})
    groups = [
        ("locale", "Locale", [(locale.locale, locale.locale) for locale in data.locales]),
        ("family", "Rule family", [(family, family_name(family)) for family in families]),
        ("severity", "Severity", [(str(severity), str(severity)) for severity in SEVERITIES]),
    ]
    fieldsets = []
    for group, legend, choices in groups:
        boxes = [
            element("label", None, element("input", {"type": "checkbox", "name": group, "value": value}), f" {text}")
            for value, text in choices
        ]
        buttons = [
            element("button", {"type": "button", "data-group": group, "data-set": choice}, f"{choice}")
            for choice in ("all", "none")
        ]
        fieldsets.append(element("fieldset", None, element("legend", None, legend), *boxes, *buttons))
    status = element("p", {"id": "shown", "aria-live": "polite"})
    # Hidden until the script shows it: without the script there is nothing to filter with.
    attributes = {"id": "filters", "class": "filters", "hidden": True, "aria-label": "Filters"}
    return element("form", attributes, *fieldsets, status)


def _overview(data: ReportData) -> Markup:
    families = sorted({family_of(finding.code) for finding in data.findings})
    header = ["Locale", "Files", "Clean blocks", "Errors", "Warnings", "Info"]
    header += [family_name(family) for family in families]
    rows = [element("tr", None, *(element("th", {"scope": "col"}, cell) for cell in header))]
    for locale in data.locales:
        share = locale.clean_share
        by_family = locale.by_family()
        cells = [
            element("a", {"href": f"#locale-{locale.locale}"}, _locale_title(locale)),
            len(locale.files),
            "–" if share is None else f"{share:.0%}",
            *(_count(locale.count(severity), severity) for severity in SEVERITIES),
            *(by_family.get(family, 0) for family in families),
        ]
        rows.append(element("tr", None, *(element("td", None, cell) for cell in cells)))
    chart_rows = [(locale.locale, locale.by_severity_and_family()) for locale in data.locales if locale.findings]
    chart = bar_chart(chart_rows) if chart_rows else element("p", None, "No findings: every file is clean.")
    note = (
        "Locales with the most errors come first. Clean blocks: the share of the translated paragraphs, "
        "headings and other blocks no finding points at."
    )
    return element(
        "section",
        {"id": "overview"},
        element("h2", None, "Overview"),
        chart,
        _worst_files(data),
        element("table", {"class": "overview"}, element("caption", None, "Locales, the most errors first"), *rows),
        element("p", {"class": "muted"}, note),
    )


def _count(count: int, severity: Severity) -> Markup:
    """A count in its severity's colour (and bold for errors), or plain when there is none."""
    return element("span", {"class": f"count {severity}" if count else "count"}, f"{count:,}")


def _worst_files(data: ReportData) -> Markup | str:
    """The files that need work first, whatever their locale: what a glance at the page should give."""
    translated = [locale for locale in data.locales if not locale.is_source]
    files = [(locale, file) for locale in translated for file in locale.files if file.findings]
    files.sort(key=lambda item: item[1].rank)
    if len(translated) < 2:  # one locale: its own table says the same
        return ""
    header = ["File", "Locale", "Errors", "Warnings", "Info", "Clean blocks"]
    rows = [element("tr", None, *(element("th", {"scope": "col"}, cell) for cell in header))]
    for locale, file in files[:WORST_FILES]:
        share = file.clean_share
        name = isolated(file.path)
        cells = [
            element("th", {"scope": "row"}, element("a", {"href": f"#{file.anchor}"}, name) if file.cards else name),
            element("td", None, locale.locale),
            *(element("td", None, _count(file.count(severity), severity)) for severity in SEVERITIES),
            element("td", None, "–" if share is None else f"{share:.0%}"),
        ]
        rows.append(element("tr", None, *cells))
    caption = element("caption", None, "Files to fix first")
    return element("table", {"class": "files worst"}, caption, *rows)


def _locale_title(locale: LocaleView) -> str:
    return f"{locale.locale} (source files)" if locale.is_source else locale.locale


def _locale_section(data: ReportData, locale: LocaleView) -> Markup:
    with_findings = [file for file in locale.files if file.findings]
    clean = [file.path for file in locale.files if not file.findings]
    counts = Counter({severity: locale.count(severity) for severity in SEVERITIES})
    parts: list[object] = [
        element("h2", None, _locale_title(locale), element("small", None, f" · {_counts(counts)}")),
    ]
    if with_findings:
        parts.append(_file_table(locale, with_findings))
    if clean:
        parts.append(_clean_files(clean))
    left_out = [finding for file in with_findings for finding in file.left_out]
    if left_out:
        note = (
            f"To keep this page small it shows at most {data.max_cards_per_file} cards per file and {data.max_cards:,} "
            f"in all, the most severe first: {_counts(_severity_counts(left_out))} of this locale have no card "
            f"here. `lintkit check` lists every finding; `lintkit report --locales {locale.locale}` or a report "
            "of some folders shows more of them."
        )
        parts.append(element("p", {"class": "note"}, with_code(note)))
    parts += [_file_article(locale, file) for file in with_findings if file.cards]
    attributes = {"class": "locale", "id": f"locale-{locale.locale}", "data-locale": locale.locale}
    return element("section", attributes, *parts)


def _file_table(locale: LocaleView, files: list[FileView]) -> Markup:
    """Worst files first: errors, warnings, info, and the share of their blocks no finding points at."""
    header = ["File", "Errors", "Warnings", "Info", "Clean blocks"]
    rows = [element("tr", None, *(element("th", {"scope": "col"}, cell) for cell in header))]
    for file in files[:MAX_FILE_ROWS]:
        share = file.clean_share
        name = isolated(file.path)
        link = element("a", {"href": f"#{file.anchor}"}, name) if file.cards else join([name, " (no cards)"])
        cells = [
            element("th", {"scope": "row"}, link),
            *(element("td", None, _count(file.count(severity), severity)) for severity in SEVERITIES),
            element("td", None, "–" if share is None else f"{share:.0%}"),
        ]
        rows.append(element("tr", {"data-path": file.path}, *cells))
    caption = element("caption", None, f"Files of {locale.locale} with findings, the most errors first")
    table = element("table", {"class": "files", "data-locale": locale.locale}, caption, *rows)
    rest = files[MAX_FILE_ROWS:]
    if not rest:
        return table
    findings = [finding for file in rest for finding in file.findings]
    note = f"… and {_plural(len(rest), 'more file')} with findings ({_counts(_severity_counts(findings))})."
    return join([table, element("p", {"class": "note"}, note)])


def _clean_files(paths: list[str]) -> Markup:
    if len(paths) > MAX_CLEAN_NAMES:
        return element("p", {"class": "clean-files"}, f"{_plural(len(paths), 'file')} without findings.")
    names = [isolated(path) if index == 0 else join([", ", isolated(path)]) for index, path in enumerate(paths)]
    return element("p", {"class": "clean-files"}, "No findings in: ", *names)


def _file_article(locale: LocaleView, file: FileView) -> Markup:
    compared = element("small", None, " compared with ", isolated(file.source_path)) if file.source_path else ""
    counts = element("small", {"class": "file-counts"}, f" · {_counts(_severity_counts(file.findings))}")
    heading = element("h3", None, isolated(file.path), compared, counts)
    seen: Counter[str] = Counter()
    cards = []
    for card in file.cards:
        finding = card.lead.finding
        anchor = f"{finding.path}:{finding.span.line}:{finding.span.column}:{finding.code}"
        seen[anchor] += 1  # two findings of one rule at one place still get their own address
        cards.append(_card(locale, card, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}"))
    if file.left_out:
        note = (
            f"{_counts(_severity_counts(file.left_out))} more in this file have no card here: "
            f"`lintkit check {file.path}` lists them all."
        )
        cards.append(element("p", {"class": "note"}, with_code(note)))
    attributes = {"class": "file", "id": file.anchor, "data-path": file.path}
    return element("article", attributes, heading, *cards)


def _card(locale: LocaleView, card: Card, anchor: str) -> Markup:
    view = card.lead
    finding = view.finding
    severity = str(card.severity)
    location = f"{finding.path}:{finding.span.line}:{finding.span.column}"
    name = "untranslated page" if card.kind == "untranslated" else finding.name
    head = element(
        "div",
        {"class": "finding-head"},
        element("span", {"class": f"badge {severity}"}, severity),
        element("code", None, finding.code),
        element("strong", None, name),
        element("a", {"class": "location", "href": f"#{anchor}"}, location),
    )
    if card.kind == "untranslated":
        lines = len({member.span.line for member in card.members})
        text = (
            f"{_plural(lines, 'block')} of this page are in English, unchanged from the source or with "
            f"untranslated words ({_plural(len(card.members), 'finding')}): translate the page from "
            f"{finding.source_path or 'its source'}. The first of them:"
        )
        message = element("p", {"class": "message"}, text)
    else:
        message = element("p", {"class": "message"}, with_code(finding.message))
    if card.kind == "outline" and card.outline is not None:
        body = element(
            "div",
            {"class": "excerpts outlines"},
            _outline("Source outline", card.outline.source),
            _outline("Translation outline", card.outline.target),
        )
    else:
        source_caption = f"Source · {view.source.path}" if view.source else "Source"
        body = element(
            "div",
            {"class": "excerpts"},
            _excerpt(f"Translation · {finding.path}", view.target, "The file's text cannot be shown."),
            _excerpt(source_caption, view.source, "The source has no counterpart here."),
        )
    members = _members(card) if card.kind == "untranslated" else ""
    about = element(
        "details",
        None,
        element("summary", None, f"About {finding.code} {finding.name}"),
        element("p", None, view.summary),
        element("p", None, view.why) if view.why else "",
    )
    attributes = {
        "class": f"finding {severity}",
        "id": anchor,
        "data-locale": locale.locale,
        "data-family": view.family,
        "data-severity": severity,
        "data-kind": card.kind,
        "data-count": len(card.members),
    }
    return element("div", attributes, head, message, body, members, about)


def _members(card: Card) -> Markup:
    items = [
        element(
            "li",
            None,
            element("code", None, f"{member.span.line}:{member.span.column}"),
            f" {member.code} ",
            with_code(member.message),
        )
        for member in card.members
    ]
    summary = element("summary", None, f"All {_plural(len(card.members), 'finding')} of this page")
    return element("details", {"class": "members"}, summary, element("ol", None, *items))


def _outline(caption: str, outline: Outline) -> Markup:
    items = []
    for entry in outline.entries:
        marker = "" if entry.matched else element("span", {"class": "unmatched-tag"}, " no counterpart")
        items.append(
            element(
                "li",
                {"class": f"level-{min(entry.level, 6)}{'' if entry.matched else ' unmatched'}"},
                element("span", {"class": "number"}, entry.line),
                " ",
                "#" * entry.level,
                " ",
                isolated(entry.text),
                marker,
            )
        )
    if outline.left_out:
        items.append(element("li", {"class": "more"}, f"… and {_plural(outline.left_out, 'more heading')}"))
    if not items:
        items.append(element("li", {"class": "more"}, "No headings."))
    return element(
        "figure",
        None,
        element("figcaption", None, f"{caption} · ", isolated(outline.path)),
        element("ol", {"class": "outline"}, *items),
    )


def _excerpt(caption: str, excerpt: Excerpt | None, missing: str) -> Markup:
    if excerpt is None:
        return element(
            "figure", None, element("figcaption", None, caption), element("p", {"class": "no-excerpt"}, missing)
        )
    rows = []
    for line in excerpt.lines:
        if line.mark is None:
            code = escape(line.text)
        else:
            start, end = line.mark
            code = join([line.text[:start], element("mark", None, line.text[start:end]), line.text[end:]])
        # Each line takes its own direction from its first strong character: an Arabic line reads right to left.
        cells = element("td", {"class": "number"}, line.number), element("td", {"class": "code", "dir": "auto"}, code)
        rows.append(element("tr", {"class": "focus" if line.focus else None}, *cells))
    return element("figure", None, element("figcaption", None, caption), element("table", {"class": "lines"}, *rows))
