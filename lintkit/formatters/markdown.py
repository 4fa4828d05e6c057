"""`--format markdown`: a compact summary for a pull-request comment.

A table of every locale, worst first, then a collapsed `<details>` section per
locale with its findings, errors first. Comments on code hosts are limited in
size, so the text shares a budget of `LIMIT` characters among the locales:
every locale present keeps at least its counts line and how many findings it
leaves out, and the locales take turns for the rows that fit (each locale's
first row before any locale's second), so none is dropped for the others.

Document text cannot act in the comment: messages are escaped so they cannot
break the tables or inject HTML, and any word that a code host would turn into
a mention, an issue reference or a link (`@name`, `#12`, `https://…`, `www.…`)
is shown as code, where nothing is linked or notified.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity

LIMIT = 60_000
NOTE_ROOM = 120  # the closing note
TOP_PER_LOCALE = 20
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
UNTRANSLATED_CODES = frozenset({"LK401", "LK402"})
UNTRANSLATED_PAGE = 4  # this many LK401/LK402 findings in one file are one "left in English" entry

_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ACTIVE_WORD = re.compile(r"@|://|www\.|#\d|\bGH-\d", re.IGNORECASE)  # mentions, references, autolinks
_PLAIN_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")

LinkFor = Callable[[str, int], "str | None"]  # (path, line) -> address of that line, or None


def code(text: str) -> str:
    """A Markdown code span holding `text` verbatim, safe inside a table cell."""
    text = " ".join(text.split("\n")).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def plain(text: str) -> str:
    """Text shown as is: no Markdown or HTML in it takes effect, and no mention or link is made."""
    parts = []
    for word in re.sub(r"\s+", " ", text).split(" "):
        if _ACTIVE_WORD.search(word):
            parts.append(code(word))
        else:
            word = word.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", word))
    return " ".join(parts)


def message(text: str) -> str:
    """A finding's message: its `quoted` parts stay code spans, the rest is plain text."""
    parts, position = [], 0
    for found in _CODE_SPAN.finditer(text):
        parts.append(plain(text[position : found.start()]))
        parts.append(code(found.group(2)))
        position = found.end()
    parts.append(plain(text[position:]))
    return "".join(parts)


def untranslated_pages(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    """Files with many blocks left in English (LK401/LK402), each with those findings in order.

    Such a page needs translating as a whole; one entry for it says so better than one per block.
    """
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.code in UNTRANSLATED_CODES:
            by_path[finding.path].append(finding)
    return {path: members for path, members in by_path.items() if len(members) >= UNTRANSLATED_PAGE}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def counts_text(counts: Counter[Severity]) -> str:
    """`3 errors, 1 warning, 2 info`, leaving out the severities with none."""
    return ", ".join(_plural(counts[severity], str(severity)) for severity in SEVERITIES if counts[severity])


def _label(locale: str) -> str:
    """A locale's name for Markdown: as is when it looks like a tag, else as code."""
    locale = locale or "other files"
    return locale if _PLAIN_LABEL.match(locale) or locale == "other files" else code(locale)


def _html_label(locale: str) -> str:
    """A locale's name inside HTML (`<summary>`), where Markdown does not apply."""
    locale = locale or "other files"
    if _PLAIN_LABEL.match(locale) or locale == "other files":
        return html.escape(locale)
    return f"<code>{html.escape(locale)}</code>"


class MarkdownFormatter(Formatter):
    def __init__(self, color: bool = False, quiet: bool = False, link_for: LinkFor | None = None) -> None:
        super().__init__(color, quiet)
        self.link_for = link_for

    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        head = [f"### lintkit: {self._headline(findings, summary)}", ""]
        if not findings:
            return "\n".join(head)
        by_locale: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_locale[summary.locales.get(finding.path, "")].append(finding)
        locales = sorted(by_locale, key=lambda locale: _locale_rank(locale, by_locale[locale]))
        overview = self._overview(locales, by_locale)
        rows = {locale: self._rows(by_locale[locale]) for locale in locales}
        frames = {locale: _Frame(locale, by_locale[locale]) for locale in locales}
        # What every locale shows whatever fits: its counts line and its "N more" line (at its longest).
        frame_size = sum(_size(frames[locale].lines([], len(by_locale[locale]))) for locale in locales)
        fixed = _size(head) + _size(overview) + frame_size + NOTE_ROOM
        if fixed > LIMIT:  # so many locales that the table does not fit too: their own lines carry the counts
            fixed -= _size(overview)
            overview = []
        shown = _share(locales, rows, LIMIT - fixed)
        lines = [*head, *overview]
        for locale in locales:
            lines += frames[locale].lines(rows[locale][: shown[locale]], len(by_locale[locale]))
        if any(shown[locale] < len(rows[locale]) for locale in locales):
            lines.append(f"_Each locale lists its first findings only: `lintkit report` shows all {len(findings)}._")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _headline(findings: Sequence[Finding], summary: Summary) -> str:
        checked = f"{_plural(summary.files_checked, 'file')} checked"
        if not findings:
            return f"no findings ({checked})"
        counts = Counter({Severity.ERROR: summary.errors, Severity.WARNING: summary.warnings})
        counts[Severity.INFO] = summary.infos
        return f"{counts_text(counts)} in {_plural(summary.files_with_findings(findings), 'file')} ({checked})"

    @staticmethod
    def _overview(locales: list[str], by_locale: dict[str, list[Finding]]) -> list[str]:
        lines = [
            "| Locale | Files with findings | Errors | Warnings | Info | Most frequent |",
            "|:--|--:|--:|--:|--:|:--|",
        ]
        for locale in locales:
            findings = by_locale[locale]
            severities = Counter(finding.severity for finding in findings)
            rules = Counter((finding.code, finding.name) for finding in findings).most_common(3)
            frequent = ", ".join(f"{code(rule)} {name} ({count})" for (rule, name), count in rules)
            files = len({finding.path for finding in findings})
            counts = " | ".join(str(severities[severity]) for severity in SEVERITIES)
            lines.append(f"| {_label(locale)} | {files} | {counts} | {frequent} |")
        return [*lines, ""]

    def _rows(self, findings: list[Finding]) -> list[tuple[str, int]]:
        """A locale's table rows, most severe first, and how many findings each stands for."""
        pages = untranslated_pages(findings)
        grouped = {id(finding) for members in pages.values() for finding in members}
        entries = list(pages.values())
        entries += [[finding] for finding in findings if id(finding) not in grouped]
        entries.sort(key=lambda members: (-max(f.severity for f in members), members[0].sort_key()))
        return [(self._row(members), len(members)) for members in entries]

    def _row(self, members: list[Finding]) -> str:
        first = members[0]
        where = self._where(first)
        rule = f"{max(f.severity for f in members)} {code(first.code)} {first.name}"
        if len(members) == 1:
            return f"| {where} | {rule} | {message(first.message)} |"
        lines = ", ".join(str(finding.span.line) for finding in members[:8])
        more = ", …" if len(members) > 8 else ""
        what = f"{len(members)} blocks left in English (lines {lines}{more}): translate the page"
        return f"| {where} | {rule} | {what} |"

    def _where(self, finding: Finding) -> str:
        place = code(f"{finding.path}:{finding.span.line}:{finding.span.column}")
        address = self.link_for(finding.path, finding.span.line) if self.link_for else None
        return f"[{place}]({address})" if address else place


class _Frame:
    """A locale's `<details>` section around its rows: what it shows even when no row fits."""

    def __init__(self, locale: str, findings: list[Finding]) -> None:
        self.locale = locale
        self.counts = Counter(finding.severity for finding in findings)
        self.files = len({finding.path for finding in findings})
        self.findings = findings

    def lines(self, rows: list[tuple[str, int]], total: int) -> list[str]:
        summary = f"<strong>{_html_label(self.locale)}</strong>: {counts_text(self.counts)}"
        lines = ["<details>", f"<summary>{summary} in {_plural(self.files, 'file')}</summary>", ""]
        if rows:
            lines += ["| Where | Rule | Finding |", "|:--|:--|:--|", *(row for row, _ in rows), ""]
        shown = sum(count for _, count in rows)
        if shown < total:
            left = Counter(finding.severity for finding in self.findings)
            for severity in SEVERITIES:  # rows are in severity order, so the ones left are the last
                taken = min(left[severity], shown)
                left[severity] -= taken
                shown -= taken
            lines += [f"… and {total - sum(count for _, count in rows)} more ({counts_text(left)}).", ""]
        return [*lines, "</details>", ""]


def _locale_rank(locale: str, findings: list[Finding]) -> tuple:
    counts = Counter(finding.severity for finding in findings)
    return (locale == "", *(-counts[severity] for severity in SEVERITIES), locale.lower())


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _share(locales: list[str], rows: dict[str, list[tuple[str, int]]], budget: int) -> dict[str, int]:
    """How many rows each locale shows: turn by turn, one row per locale, while the budget lasts.

    The table header is paid with a locale's first row; a locale whose next row does not fit stops
    there (rows stay in severity order), and the others go on.
    """
    shown = dict.fromkeys(locales, 0)
    header = _size(["| Where | Rule | Finding |", "|:--|:--|:--|", ""])
    open_locales = [locale for locale in locales if rows[locale]]
    while open_locales and budget > 0:
        still_open = []
        for locale in open_locales:
            row, _ = rows[locale][shown[locale]]
            cost = len(row) + 1 + (header if shown[locale] == 0 else 0)
            if cost > budget:
                continue
            budget -= cost
            shown[locale] += 1
            if shown[locale] < min(len(rows[locale]), TOP_PER_LOCALE):
                still_open.append(locale)
        open_locales = still_open
    return shown
