"""Inline suppressions: comments in a translation that hide one justified finding.

Each format names its comment syntax (`lintkit.formats`). Markdown uses HTML comments, which no site shows:
`<!-- lintkit-disable-next-line LK402 -->`, `<!-- lintkit-disable LK101 -->` …
`<!-- lintkit-enable LK101 -->`, and `<!-- lintkit-disable-file -->`. A PO file
uses a translator comment, `# lintkit: ignore LK101`, which covers the entry it
belongs to. Rules are named by code, code prefix or name; none means every rule.
MDX writes the same directives as expression comments, `{/* lintkit-disable-next-line LK101 */}`.
A reason may follow ` -- `: `<!-- lintkit-disable-next-line LK101 -- kept on purpose -->`.
Entries resolve through `codes.RuleCodes`, as in `select`, so pack codes
(`ACME101`) work here too.
Comments are read from the file text itself, so they work for every loader and
for files that could not be parsed.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lintkit.formats import comment_syntax
from lintkit.model import Finding, Span
from lintkit.patterns import on_first_use
from lintkit.rules.codes import RuleCodes, UnknownRule
from lintkit.rules.suppressions import SuppressionUnknownRule, SuppressionUnused

_EVERY_LINE = 10**9
_DIRECTIVE = r"\s*lintkit-(disable-next-line|disable-file|disable|enable)\b(.*?)"


# most files hold no directive: their patterns are compiled only when one is read
_html_comment = on_first_use(rf"<!--{_DIRECTIVE}-->")
_mdx_comment = on_first_use(rf"\{{/\*{_DIRECTIVE}\*/\}}")
_po_comment = on_first_use(r"^#\s+lintkit:\s*ignore\b(.*)$")
_fence = on_first_use(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(eq=False)
class Directive:
    """One suppression comment: where it stands, what it names and which lines it covers.

    `rules` is None when the comment names no rule (it covers every rule);
    `written` keeps each rule as the comment spells it, for messages. Each
    range is (first line, last line, rule prefix or None), so that
    `lintkit-enable LK101` can end one rule of a `lintkit-disable LK101 LK102`.
    `used` collects the rules (or None) that hid a finding.
    """

    path: str
    span: Span
    text: str
    rules: tuple[str, ...] | None
    written: dict[str, str] = field(default_factory=dict)
    ranges: list[tuple[int, int, str | None]] = field(default_factory=list)
    used: set[str | None] = field(default_factory=set)

    def unused_finding(self, ran: Callable[[tuple[str, ...] | None], bool]) -> Finding | None:
        """LK950 for a comment, or for the rules of it, that hid nothing (among rules that ran)."""
        if self.rules is None:
            idle_all = not self.used and ran(None)
            return self._unused(f"suppression `{self.text}` hides nothing; remove it") if idle_all else None
        named = list(dict.fromkeys(self.rules))
        idle = [rule for rule in named if rule not in self.used and ran((rule,))]
        if not idle:
            return None
        if len(idle) == len(named):
            return self._unused(f"suppression `{self.text}` hides nothing; remove it")
        spelled = ", ".join(f"`{self.written[rule]}`" for rule in idle)
        return self._unused(f"suppression `{self.text}`: {spelled} hides nothing here; remove it from the comment")

    def _unused(self, message: str) -> Finding:
        return _finding(SuppressionUnused, self.path, self.span, message)


def _finding(rule: type, path: str, span: Span, message: str) -> Finding:
    return Finding(path, span, rule.code, rule.name, rule.severity, message)


class _Scan:
    """The directives and the bad rule names of one file."""

    def __init__(self, path: str, names: RuleCodes) -> None:
        self.path = path
        self.names = names
        self.directives: list[Directive] = []
        self.problems: list[Finding] = []

    def directive(self, span: Span, text: str, arguments: str) -> Directive:
        rules_part = arguments.split(" -- ", 1)[0]  # as in ESLint, ` -- ` starts the reason
        entries = [entry for entry in re.split(r"[\s,]+", rules_part.strip()) if entry]
        written: dict[str, str] = {}
        for entry in entries:
            try:
                code = self.names.resolve(entry)
            except UnknownRule as error:
                hint = f" (did you mean {' or '.join(error.suggestions)}?)" if error.suggestions else ""
                message = (
                    f"suppression names an unknown rule `{entry}`{hint}; "
                    "use a code such as LK101 or a name such as placeholder-missing"
                )
                self.problems.append(_finding(SuppressionUnknownRule, self.path, span, message))
            else:
                written.setdefault(code, entry)
        rules = tuple(written) if entries else None
        return Directive(self.path, span, " ".join(text.split()), rules, written)


def scan_markdown(path: str, lines: list[str], names: RuleCodes) -> _Scan:
    """`<!-- lintkit-… -->` comments outside fenced code."""
    return _scan_comments(path, lines, names, _html_comment())


def scan_mdx(path: str, lines: list[str], names: RuleCodes) -> _Scan:
    """`{/* lintkit-… */}` expression comments outside fenced code (MDX has no HTML comments)."""
    return _scan_comments(path, lines, names, _mdx_comment())


def _scan_comments(path: str, lines: list[str], names: RuleCodes, comment: re.Pattern[str]) -> _Scan:
    scan = _Scan(path, names)
    if not any("lintkit-" in line for line in lines):  # every directive names itself so: most files have none
        return scan
    open_ranges: dict[str | None, tuple[Directive, int]] = {}
    fence = ""
    fence_line = _fence()
    for number, line in enumerate(lines, start=1):
        opening = fence_line.match(line)
        if fence:
            closes = opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)
            if closes and not line[opening.end() :].strip():  # a closing fence has no info string
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        for match in comment.finditer(line):
            kind, arguments = match.group(1), match.group(2)
            span = Span(number, match.start() + 1, number, match.end() + 1)
            directive = scan.directive(span, f"lintkit-{kind} {arguments}", arguments)
            if kind == "enable":
                for rule in list(open_ranges) if directive.rules is None else directive.rules:
                    if rule in open_ranges:
                        opened, first = open_ranges.pop(rule)
                        opened.ranges.append((first, number, rule))
                continue
            scan.directives.append(directive)
            rules: tuple[str | None, ...] = directive.rules if directive.rules is not None else (None,)
            if kind == "disable-next-line":
                directive.ranges.extend((number + 1, number + 1, rule) for rule in rules)
            elif kind == "disable-file":
                directive.ranges.extend((1, _EVERY_LINE, rule) for rule in rules)
            else:
                open_ranges.update({rule: (directive, number) for rule in rules})
    for rule, (opened, first) in open_ranges.items():
        opened.ranges.append((first, _EVERY_LINE, rule))
    return scan


def scan_po(path: str, lines: list[str], names: RuleCodes) -> _Scan:
    """`# lintkit: ignore …` covers its entry: from the comment to the blank line that ends the entry."""
    scan = _Scan(path, names)
    entry_end: list[int] | None = None  # found at the first comment: most catalogs have none
    comment = _po_comment()
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#") or "lintkit" not in line:  # what the comment starts with and names
            continue
        match = comment.match(line)
        if not match:
            continue
        if entry_end is None:
            entry_end = _entry_ends(lines)
        last = entry_end[number - 1]
        directive = scan.directive(Span(number, 1, number, len(line) + 1), line.lstrip("# "), match.group(1))
        rules: tuple[str | None, ...] = directive.rules if directive.rules is not None else (None,)
        directive.ranges.extend((number, last, rule) for rule in rules)
        scan.directives.append(directive)
    return scan


def _entry_ends(lines: list[str]) -> list[int]:
    """For each line (by index), the number of the last line before the next blank one: read once, backwards,
    so that many comments in one long entry do not each read to its end."""
    ends = [0] * len(lines)
    last = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if index + 1 < len(lines) and not lines[index + 1].strip():
            last = index + 1
        ends[index] = last
    return ends


def _hidden(directives: list[Directive], findings: list[Finding], indexes: list[int]) -> set[int]:
    """Which findings (of one file, by index) the directives hide, marking every covering rule as used.

    One sweep down the file: the ranges open at a finding's line are kept by rule, and a range leaves
    the list of those still to mark once it is used or past. The cost is findings plus ranges (with a
    logarithm), not findings × comments.
    """
    ranges = sorted(
        ((first, last, rule, directive) for directive in directives for first, last, rule in directive.ranges),
        key=lambda entry: entry[0],
    )
    open_until: dict[str | None, list[int]] = {}  # rule → heap of the last lines of its open ranges
    to_mark: dict[str | None, list[tuple[int, Directive]]] = {}  # rule → open ranges not yet marked used
    hidden: set[int] = set()
    next_range = 0
    for index in sorted(indexes, key=lambda index: findings[index].span.line):
        finding = findings[index]
        line = finding.span.line
        while next_range < len(ranges) and ranges[next_range][0] <= line:
            _, last, rule, directive = ranges[next_range]
            heapq.heappush(open_until.setdefault(rule, []), last)
            to_mark.setdefault(rule, []).append((last, directive))
            next_range += 1
        for rule in (None, *(finding.code[:length] for length in range(1, len(finding.code) + 1))):
            ends = open_until.get(rule)
            while ends and ends[0] < line:
                heapq.heappop(ends)
            if not ends:
                continue
            hidden.add(index)
            waiting = to_mark.get(rule, [])
            for last, directive in waiting:
                if last >= line:
                    directive.used.add(rule)
            # a range still open was just marked; one already past can never be: both are done
            to_mark[rule] = []
    return hidden


SCANNERS: dict[str, Callable[[str, list[str], RuleCodes], _Scan]] = {
    "html": scan_markdown,
    "mdx": scan_mdx,
    "po": scan_po,
}


class Suppressor:
    """Applies the suppression comments of the checked files to a run's findings."""

    def __init__(
        self,
        names: RuleCodes,
        enabled: Callable[[str], bool],
        lines: Callable[[str], list[str]],
        syntax: Callable[[str], str] = comment_syntax,
    ) -> None:
        self.names = names
        self.enabled = enabled
        self.lines = lines
        self.syntax = syntax

    def scan(self, path: str) -> _Scan:
        return SCANNERS[self.syntax(path)](path, self.lines(path), self.names)

    def apply(self, findings: list[Finding], checked: Iterable[str]) -> list[Finding]:
        """Findings without the suppressed ones, plus findings about the comments themselves.

        Unused comments are reported only in `checked` translations (those the
        rules ran on: not a file that could not be read), and only when every
        rule they name ran (else `--select` would make them look unused).
        """
        checked = set(checked)
        scans = {path: self.scan(path) for path in sorted(checked | {finding.path for finding in findings})}
        by_path: dict[str, list[int]] = {}
        for index, finding in enumerate(findings):
            by_path.setdefault(finding.path, []).append(index)
        hidden: set[int] = set()
        for path, indexes in by_path.items():
            hidden |= _hidden(scans[path].directives, findings, indexes)
        kept = [finding for index, finding in enumerate(findings) if index not in hidden]
        for path, scan in scans.items():
            kept.extend(scan.problems)
            if path in checked:
                unused = (directive.unused_finding(self._all_ran) for directive in scan.directives)
                kept.extend(finding for finding in unused if finding is not None)
        return kept

    def _all_ran(self, rules: tuple[str, ...] | None) -> bool:
        codes = self.names.codes_under(rules)
        return bool(codes) and all(self.enabled(code) for code in codes)
