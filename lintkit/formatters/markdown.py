"""`--format markdown`: a compact summary for a pull-request comment.

A table per locale, then each locale's top findings, errors first. Comments on
code hosts are limited in size, so the text stays under `LIMIT` characters and
says so when it leaves findings out. Document text in messages is escaped so
that it cannot break the tables or inject HTML into the comment.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from lintkit.formatters.base import Formatter, Summary
from lintkit.model import Finding, Severity

LIMIT = 60_000
TOP_PER_LOCALE = 20
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def code(text: str) -> str:
    """A Markdown code span holding `text` verbatim, safe inside a table cell."""
    text = " ".join(text.split("\n")).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def plain(text: str) -> str:
    """Text shown as is: no Markdown or HTML in it takes effect."""
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def message(text: str) -> str:
    """A finding's message: its `quoted` parts stay code spans, the rest is plain text."""
    parts, position = [], 0
    for found in _CODE_SPAN.finditer(text):
        parts.append(plain(text[position : found.start()]))
        parts.append(code(found.group(2)))
        position = found.end()
    parts.append(plain(text[position:]))
    return "".join(parts)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class MarkdownFormatter(Formatter):
    def render(self, findings: Sequence[Finding], summary: Summary) -> str:
        head = [f"### lintkit: {self._headline(findings, summary)}", ""]
        if not findings:
            return "\n".join(head)
        by_locale: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_locale[summary.locales.get(finding.path, "")].append(finding)
        locales = sorted(by_locale, key=lambda locale: (locale == "", locale.lower()))
        head += self._overview(locales, by_locale)
        sections = [self._locale_section(locale, by_locale[locale]) for locale in locales]
        return self._within_limit(head, sections, len(findings))

    @staticmethod
    def _headline(findings: Sequence[Finding], summary: Summary) -> str:
        checked = f"{_plural(summary.files_checked, 'file')} checked"
        if not findings:
            return f"no findings ({checked})"
        counts = [(summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info")]
        found = ", ".join(
            f"{count} {word}{'' if count == 1 or word == 'info' else 's'}" for count, word in counts if count
        )
        return f"{found} in {_plural(summary.files_with_findings(findings), 'file')} ({checked})"

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
            counts = " | ".join(
                str(severities[severity]) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            )
            lines.append(f"| {plain(locale or 'other files')} | {files} | {counts} | {frequent} |")
        return [*lines, ""]

    @staticmethod
    def _locale_section(locale: str, findings: list[Finding]) -> list[str]:
        ordered = sorted(findings, key=lambda finding: (-finding.severity, finding.sort_key()))
        lines = [f"#### {plain(locale or 'other files')} ({_plural(len(findings), 'finding')})", ""]
        lines += ["| Where | Rule | Finding |", "|:--|:--|:--|"]
        for finding in ordered[:TOP_PER_LOCALE]:
            where = code(f"{finding.path}:{finding.span.line}:{finding.span.column}")
            rule = f"{finding.severity} {code(finding.code)} {finding.name}"
            lines.append(f"| {where} | {rule} | {message(finding.message)} |")
        if len(ordered) > TOP_PER_LOCALE:
            lines += ["", f"… and {len(ordered) - TOP_PER_LOCALE} more (warnings and info last)."]
        return [*lines, ""]

    @staticmethod
    def _within_limit(head: list[str], sections: list[list[str]], total: int) -> str:
        """Whole lines only, while they fit; then a note of what was left out."""
        note_room = 200
        lines, size, shown_all = list(head), sum(len(line) + 1 for line in head), True
        for section in sections:
            for line in section:
                if size + len(line) + 1 > LIMIT - note_room:
                    shown_all = False
                    break
                lines.append(line)
                size += len(line) + 1
            if not shown_all:
                break
        if not shown_all:
            lines += ["", f"_Truncated to stay under {LIMIT:,} characters: run `lintkit report` to see all {total}._"]
        return "\n".join(lines) + "\n"
