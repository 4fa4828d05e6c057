"""The self-contained HTML report: overview, chart, then every finding with its excerpts.

One file with its style and script inline, so it opens offline and from a CI
artifact. A Content-Security-Policy allows only the page's own script (by its
hash): even if some text escaped escaping, no injected script could run.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from lintkit.model import Severity
from lintkit.report.chart import bar_chart
from lintkit.report.data import FileView, FindingView, LocaleView, ReportData
from lintkit.report.excerpts import Excerpt
from lintkit.report.families import family_name
from lintkit.report.markup import Markup, element, escape, join, with_code

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _asset(name: str) -> str:
    return resources.files("lintkit.report").joinpath("static", name).read_text(encoding="utf-8")


def _lintkit_version() -> str:
    try:
        return version("lintkit")
    except PackageNotFoundError:
        return "dev"


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
            _overview(data),
            *(_locale_section(locale) for locale in data.locales),
            element("footer", None, f"Made by lintkit {_lintkit_version()}."),
            Markup(f"<script>{script}</script>"),
        ]
    )
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>{head}</head>\n<body>{body}</body>\n</html>\n'


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _totals(data: ReportData) -> str:
    translated = [locale for locale in data.locales if not locale.is_source]
    counts = ", ".join(
        _plural(sum(locale.count(severity) for locale in data.locales), str(severity)).replace("infos", "info")
        for severity in SEVERITIES
    )
    return f"{_plural(data.files_checked, 'file')} checked in {_plural(len(translated), 'locale')}: {counts}."


def _filters(data: ReportData) -> Markup:
    findings = data.findings
    groups = [
        ("locale", "Locale", [(locale.locale, locale.locale) for locale in data.locales]),
        ("family", "Rule family", [(family, family_name(family)) for family in sorted({v.family for v in findings})]),
        ("severity", "Severity", [(str(severity), str(severity)) for severity in SEVERITIES]),
    ]
    fieldsets = []
    for group, legend, choices in groups:
        boxes = [
            element("label", None, element("input", {"type": "checkbox", "name": group, "value": value}), f" {text}")
            for value, text in choices
        ]
        buttons = [
            element("button", {"type": "button", "data-group": group, "data-set": choice}, choice)
            for choice in ("all", "none")
        ]
        fieldsets.append(element("fieldset", None, element("legend", None, legend), *boxes, *buttons))
    status = element("p", {"id": "shown", "aria-live": "polite"})
    # Hidden until the script shows it: without the script there is nothing to filter with.
    return element("form", {"id": "filters", "class": "filters", "hidden": True}, *fieldsets, status)


def _overview(data: ReportData) -> Markup:
    families = sorted({view.family for view in data.findings})
    header = ["Locale", "Files", "Clean blocks", *(str(s).capitalize() for s in SEVERITIES)]
    header += [family_name(family) for family in families]
    rows = [element("tr", None, *(element("th", {"scope": "col"}, cell) for cell in header))]
    for locale in data.locales:
        share = locale.clean_share
        by_family = locale.by_family()
        cells = [
            element("a", {"href": f"#locale-{locale.locale}"}, _locale_title(locale)),
            len(locale.files),
            "–" if share is None else f"{share:.0%}",
            *(locale.count(severity) for severity in SEVERITIES),
            *(by_family.get(family, 0) for family in families),
        ]
        rows.append(element("tr", None, *(element("td", None, cell) for cell in cells)))
    chart_rows = [(locale.locale, dict(locale.by_family())) for locale in data.locales if locale.findings]
    chart = bar_chart(chart_rows) if chart_rows else element("p", None, "No findings: every file is clean.")
    note = "Clean blocks: the share of the translated paragraphs, headings and other blocks no finding points at."
    return element(
        "section",
        {"id": "overview"},
        element("h2", None, "Overview"),
        element("table", {"class": "overview"}, *rows),
        element("p", {"class": "muted"}, note),
        chart,
    )


def _locale_title(locale: LocaleView) -> str:
    return f"{locale.locale} (source files)" if locale.is_source else locale.locale


def _locale_section(locale: LocaleView) -> Markup:
    with_findings = [file for file in locale.files if file.findings]
    clean = [file.path for file in locale.files if not file.findings]
    parts: list[object] = [element("h2", None, _locale_title(locale))]
    parts += [_file_article(locale, file) for file in with_findings]
    if clean:
        parts.append(element("p", {"class": "clean-files"}, "No findings in: " + ", ".join(clean)))
    attributes = {"class": "locale", "id": f"locale-{locale.locale}", "data-locale": locale.locale}
    return element("section", attributes, *parts)


def _file_article(locale: LocaleView, file: FileView) -> Markup:
    source = element("small", None, f" compared with {file.source_path}") if file.source_path else ""
    heading = element("h3", None, file.path, source)
    seen: Counter[str] = Counter()
    findings = []
    for view in file.findings:
        finding = view.finding
        anchor = f"{finding.path}:{finding.span.line}:{finding.span.column}:{finding.code}"
        seen[anchor] += 1  # two findings of one rule at one place still get their own address
        findings.append(_finding(locale, view, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}"))
    return element("article", {"class": "file", "data-path": file.path}, heading, *findings)


def _finding(locale: LocaleView, view: FindingView, anchor: str) -> Markup:
    finding = view.finding
    severity = str(finding.severity)
    location = f"{finding.path}:{finding.span.line}:{finding.span.column}"
    head = element(
        "div",
        {"class": "finding-head"},
        element("span", {"class": f"badge {severity}"}, severity),
        element("code", None, finding.code),
        element("strong", None, finding.name),
        element("a", {"class": "location", "href": f"#{anchor}"}, location),
    )
    source_caption = f"Source · {view.source.path}" if view.source else "Source"
    excerpts = element(
        "div",
        {"class": "excerpts"},
        _excerpt(f"Translation · {finding.path}", view.target, "The file's text cannot be shown."),
        _excerpt(source_caption, view.source, "The source has no counterpart here."),
    )
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
    }
    return element(
        "div", attributes, head, element("p", {"class": "message"}, with_code(finding.message)), excerpts, about
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
        cells = element("td", {"class": "number"}, line.number), element("td", {"class": "code"}, code)
        rows.append(element("tr", {"class": "focus" if line.focus else None}, *cells))
    return element("figure", None, element("figcaption", None, caption), element("table", {"class": "lines"}, *rows))
