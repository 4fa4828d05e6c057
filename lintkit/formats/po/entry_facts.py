"""An entry's flags and translator comments, and the header's fields, as polib reads them, without polib
for the plain catalogs.

The line scanner (`scan.py`) positions every string; the facts it does not
keep (flags, translator comments, header fields) come from polib, whose
parse costs as much as the scanner's. polib is also what decides that some
catalogs the scanner accepts are broken (a comment between `msgctxt` and
`msgid`, a keyword glued to its quote), with its own message and line, so
its judgement must stay. Most catalogs are plain: comments only between
entries, keywords at the start of their line, escapes both readers decode
alike. For those polib's reading is certain and is rebuilt here from the
lines; anything else returns None and polib reads the catalog as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintkit.formats.po.scan import RawEntry

# `str.splitlines`, which polib reads the text with, also breaks lines at these characters.
_OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Every escape, in order; the group holds one that polib leaves as it is (`\a`, `\x41`, `\101`), which
# makes its strings, and so its keys, differ from the scanner's.
_ESCAPES = re.compile(r'\\([^\\ntrvbf"])|\\.', re.DOTALL)
# The keyword lines polib reads as the scanner does: the keyword, then blanks, then the quote.
_KEYWORD_LINE = re.compile(r'(?:msgctxt|msgid_plural|msgid|msgstr)[ \t]+"|msgstr\[\d+\][ \t]*"')
_FIELD_ORDER = re.compile(r"(?:msgctxt,)?msgid,(?:msgid_plural,(?:msgstr\[\d+\],)+|msgstr,)")


@dataclass(frozen=True)
class EntryFacts:
    """What polib gives a catalog: each entry's flags and translator comments by (msgctxt, msgid), the header."""

    by_key: dict[tuple[str | None, str], tuple[tuple[str, ...], tuple[str, ...]]]
    header: dict[str, str]


def plain_facts(text: str, entries: list[RawEntry]) -> EntryFacts | None:
    """polib's facts of a catalog the scanner accepted (`entries`), or None when only polib can say."""
    if any(character in text for character in _OTHER_LINE_BREAKS):
        return None
    if "\\" in text and any(_ESCAPES.findall(text)):
        return None
    ranges = []
    for entry in entries:
        fields = list(entry.fields.values())
        if not _FIELD_ORDER.fullmatch("".join(name + "," for name in entry.fields)):
            return None  # polib's order of keywords is stricter (no msgid_plural after a msgstr[n])
        ranges.append((fields[0].line, fields[-1].end_line))
    read = _comments_by_entry(text, ranges)
    if read is None:
        return None
    comments, last_dropped = read
    if last_dropped:  # polib's quirk: an entry followed only by empty `#,`, `#:` or `#.` lines is never kept
        entries = entries[:-1]
    headers = [index for index, entry in enumerate(entries) if entry.fields["msgid"].value(text) == ""]
    if len(headers) > 1:
        return None  # polib then picks its header by rules of its own
    by_key: dict[tuple[str | None, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for index, entry in enumerate(entries):
        if headers and index == headers[0]:
            continue  # polib takes the header out of the entries
        msgctxt = entry.fields["msgctxt"].value(text) if "msgctxt" in entry.fields else None
        flags, translator_comment = comments[index]
        by_key[(msgctxt, entry.fields["msgid"].value(text))] = (
            tuple(flags),
            tuple(translator_comment.split("\n")) if translator_comment else (),
        )
    header_text = ""
    if headers and "msgstr" in entries[headers[0]].fields:
        header_text = entries[headers[0]].fields["msgstr"].value(text)
    return EntryFacts(by_key, _header_fields(header_text))


def _comments_by_entry(text: str, ranges: list[tuple[int, int]]) -> tuple[list[tuple[list[str], str]], bool] | None:
    """Each entry's flags and translator comment, from the comment lines before it, and whether polib
    drops the last entry; None where polib would read the lines otherwise (a comment inside an entry,
    an indented line, `#~`, `#|`).

    polib keeps an entry when the line after it starts the next one (a keyword or a comment with
    text); at the end of the file it keeps the last entry only when the last line is no comment.
    """
    found: list[tuple[list[str], str]] = [([], "") for _ in ranges]
    index = 0
    in_header = True  # translator comments before anything else are the file's header, not an entry's
    comment_after_last = kept_after_last = False
    for number, line in enumerate(text.split("\n"), start=1):
        first = line[:1]
        if first == '"':
            continue
        if first == "m":
            if not _KEYWORD_LINE.match(line):
                return None
            in_header = False
            continue
        if first != "#":
            if line.strip():
                return None  # an indented line: polib strips it, the scanner does not
            continue
        while index < len(ranges) and ranges[index][1] < number:
            index += 1
        if index < len(ranges) and ranges[index][0] <= number:
            return None  # a comment between the keywords of an entry
        kind, value = _comment(line.rstrip())
        if kind is None:
            return None
        if index == len(ranges):  # after the last entry: no entry's comment
            comment_after_last = True
            kept_after_last = kept_after_last or kind != "skipped"
            continue
        if kind == "skipped":
            continue
        if kind == "translator" and in_header:
            continue
        in_header = False
        flags, translator_comment = found[index]
        if kind == "flags":
            flags.extend(flag.strip() for flag in value.split(","))
        elif kind == "translator":
            found[index] = (flags, translator_comment + "\n" + value if translator_comment != "" else value)
    return found, bool(ranges) and comment_after_last and not kept_after_last


def _comment(line: str) -> tuple[str | None, str]:
    """What polib makes of a comment line: its kind and its text; None for the lines only polib reads."""
    tokens = line.split(None, 2)
    marker = tokens[0]
    if marker.startswith(("#~", "#|")):
        return None, ""
    if marker in ("#:", "#,", "#."):
        if len(tokens) <= 1:
            return "skipped", ""
        return ("flags", line[3:]) if marker == "#," else ("other", "")
    if marker == "#" or marker.startswith("##"):
        comment = (line if line != "#" else "# ").lstrip("#")
        return "translator", comment[1:] if comment.startswith(" ") else comment
    return None, ""


def _header_fields(value: str) -> dict[str, str]:
    """The header's `Name: value` lines; a line without a colon continues the field before it."""
    fields: dict[str, str] = {}
    key = None
    for line in value.splitlines():
        name, colon, rest = line.partition(":")
        if colon:
            key = name
            fields[key] = rest.strip()
        elif key is not None:
            fields[key] += "\n" + line.strip()
    return fields
