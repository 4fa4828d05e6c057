"""A line scanner for PO files that keeps what polib drops: where every string is.

polib gives an entry's values and the line where the entry starts; a finding
needs the line and column of a `msgstr[1]` and of each character inside it.
The scanner reads the keyword lines and their quoted continuations, and
decodes each string with a map from decoded characters to file offsets.
It is also strict where polib is lenient: an unclosed quote or stray text is
reported with its line instead of silently dropping entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?[ \t]*")
# The content is runs of plain characters between escapes (not one alternation per character: a
# catalog has tens of thousands of quoted lines).
_QUOTED = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"[ \t]*\Z')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"'}


class ScanError(Exception):
    """A line that is not PO syntax; `line` and `column` say where."""

    def __init__(self, message: str, line: int, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class Field:
    """One keyword and its string: `msgstr[1] "…"` and the quoted lines that continue it."""

    keyword: str
    index: int | None
    line: int
    end_line: int
    end_column: int
    segments: list[tuple[int, int]] = field(default_factory=list)  # file offsets of each quoted content

    def value(self, text: str) -> str:
        """The string's value, without the offset map (cheaper)."""
        joined = "".join(text[start:end] for start, end in self.segments)
        return _ESCAPE.sub(_unescape, joined) if "\\" in joined else joined

    def decode(self, text: str) -> tuple[str, list[int]]:
        """The string's value, and for each of its characters the file offset it comes from (plus an end)."""
        pieces: list[str] = []
        offsets: list[int] = []
        for start, end in self.segments:
            if text.find("\\", start, end) < 0:  # most quoted lines have no escape
                pieces.append(text[start:end])
                offsets.extend(range(start, end))
                continue
            position = start
            for match in _ESCAPE.finditer(text, start, end):
                if match.start() > position:
                    pieces.append(text[position : match.start()])
                    offsets.extend(range(position, match.start()))
                pieces.append(_unescape(match))
                offsets.append(match.start())
                position = match.end()
            if position < end:
                pieces.append(text[position:end])
                offsets.extend(range(position, end))
        offsets.append(self.segments[-1][1] if self.segments else 0)
        return "".join(pieces), offsets


def unescape(text: str) -> str:
    """A piece of a quoted PO string, with its escapes decoded."""
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def escape_length(text: str, offset: int) -> int:
    """How many characters of the file the decoded character at `offset` takes: 2 for `\\"`, 1 for `a`."""
    if text[offset : offset + 1] != "\\":
        return 1
    match = _ESCAPE.match(text, offset)
    return len(match.group(0)) if match else 1


def _unescape(match: re.Match[str]) -> str:
    octal, hexadecimal, other = match.groups()
    if octal is not None:
        return chr(int(octal, 8))
    if hexadecimal is not None:
        return chr(int(hexadecimal, 16))
    return _ESCAPES.get(other, other)


@dataclass
class RawEntry:
    """The fields of one entry in file order; `first_line` includes its comments."""

    first_line: int
    fields: dict[str, Field] = field(default_factory=dict)  # "msgid", "msgstr", "msgstr[1]", ...

    @property
    def msgstr_fields(self) -> list[Field]:
        found = [value for key, value in self.fields.items() if key.startswith("msgstr")]
        return sorted(found, key=lambda item: item.index or 0)


def scan(text: str) -> list[RawEntry]:
    """Every entry that is not obsolete (`#~`), in file order; raises ScanError on broken syntax."""
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    last: Field | None = None
    comment_start: int | None = None
    position = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_start = position
        position += len(line) + 1
        first = line[:1]
        if first == "#":  # the common lines first, without stripping: a comment, a continuation
            last = None
            if comment_start is None:
                comment_start = number
            continue
        if first == '"' and last is not None:
            last.segments.append(_quoted(line, 0, line_start, number))
            last.end_line, last.end_column = number, len(line.rstrip()) + 1
            continue
        stripped = line.strip()
        if not stripped:
            last = None
            continue
        if stripped.startswith("#"):
            last = None
            if comment_start is None:
                comment_start = number
            continue
        indent = len(line) - len(line.lstrip())
        if stripped.startswith('"'):
            if last is None:
                raise ScanError("a quoted string that continues no msgid or msgstr", number, indent + 1)
            last.segments.append(_quoted(line, indent, line_start, number))
            last.end_line, last.end_column = number, len(line.rstrip()) + 1
            continue
        keyword = _KEYWORD.match(line, indent)
        if keyword is None or keyword.end() == indent or line[keyword.end() : keyword.end() + 1] != '"':
            raise ScanError(f"unexpected text {stripped[:30]!r} (expected msgid, msgstr or a quoted string)", number)
        name = keyword.group(1) + (f"[{keyword.group(2)}]" if keyword.group(2) is not None else "")
        starts_entry = name == "msgctxt" or (name == "msgid" and (current is None or "msgid" in current.fields))
        if current is not None and starts_entry:
            _finish(current)
        if starts_entry or current is None:
            current = RawEntry(comment_start or number)
            entries.append(current)
        if name in current.fields:
            raise ScanError(f"{name} appears twice in one entry", number, indent + 1)
        segment = _quoted(line, keyword.end(), line_start, number)
        last = Field(keyword.group(1), _index(keyword.group(2)), number, number, len(line.rstrip()) + 1, [segment])
        current.fields[name] = last
        comment_start = None
    if current is not None:
        _finish(current)
    return entries


def _index(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _quoted(line: str, start: int, line_start: int, number: int) -> tuple[int, int]:
    match = _QUOTED.match(line, start)
    if match is None:
        raise ScanError("a string that is not closed with a quote (or has text after it)", number, start + 1)
    return line_start + match.start(1), line_start + match.end(1)


def _finish(entry: RawEntry) -> None:
    names = entry.fields
    line = next(iter(names.values())).line
    if "msgid" not in names:
        raise ScanError("an entry without msgid", line)
    if not any(name.startswith("msgstr") for name in names):
        raise ScanError("an entry without msgstr", names["msgid"].line)
    if "msgid_plural" in names and "msgstr" in names:
        raise ScanError("a plural entry (msgid_plural) needs msgstr[0], msgstr[1]…, not msgstr", names["msgstr"].line)
    if "msgid_plural" not in names and any(name.startswith("msgstr[") for name in names):
        raise ScanError("msgstr[n] without msgid_plural", names["msgid"].line)
