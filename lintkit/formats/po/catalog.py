"""A gettext catalog as lintkit sees it: entries with the lines of their strings, flags and comments.

Values and positions come from the line scanner; flags, comments and the
header's fields are polib's reading, rebuilt from the lines for the plain
catalogs where that reading is certain (`entry_facts.py`), else polib's own. Obsolete `#~` entries are
left out. Translator comments stay on each entry so that an inline
suppression (`# lintkit: ignore LK101`) can be found for a finding's line.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

import polib

from lintkit.formats.decoding import decode, lone_surrogate
from lintkit.formats.po.entry_facts import EntryFacts, plain_facts
from lintkit.formats.po.plurals import PluralForms, PluralFormsError, parse_plural_forms
from lintkit.formats.po.scan import Field, RawEntry, ScanError, scan
from lintkit.model import Finding, LineIndex, Span
from lintkit.problems import input_problem

_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_LOCALE_FOLDER = re.compile(r"(?:^|/)([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)/LC_MESSAGES/")
_LOCALE_NAME = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class Entry:
    """One translation unit. `msgstrs` has one string, or one per plural form (`msgstr[n]`)."""

    msgctxt: str | None
    msgid: str
    msgid_plural: str
    msgstrs: tuple[str, ...]
    flags: tuple[str, ...]
    comments: tuple[str, ...]  # translator comments (`# …`), one per line
    line: int  # first line of the entry, its comments included
    msgid_field: Field
    plural_field: Field | None
    msgstr_fields: tuple[Field, ...]

    @property
    def is_plural(self) -> bool:
        return self.plural_field is not None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return any(self.msgstrs)

    @property
    def end_line(self) -> int:
        return self.msgstr_fields[-1].end_line

    @property
    def key(self) -> tuple[str | None, str]:
        return self.msgctxt, self.msgid

    def field_span(self, field: Field) -> Span:
        return Span(field.line, 1, field.end_line, field.end_column)

    def quoted(self) -> str:
        """`msgid "Share your event"`: how messages name an entry."""
        return f'msgid "{self.shown()}"'

    def shown(self, limit: int = 50) -> str:
        """The msgid as a translator recognizes it in messages."""
        text = " ".join(self.msgid.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Catalog:
    """A loaded `.po` or `.pot` file. `template` is the `.pot` it is compared with, when there is one."""

    path: str
    locale: str
    text: str
    lines: LineIndex
    header: dict[str, str]
    header_entry: Entry | None
    entries: tuple[Entry, ...]
    plural_forms: PluralForms | None = None
    plural_forms_problem: str | None = None
    template: Catalog | None = None

    def entry_at(self, line: int) -> Entry | None:
        """The entry whose lines (comments included) contain `line`."""
        starts = [entry.line for entry in self.entries]
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0 and line <= self.entries[index].end_line:
            return self.entries[index]
        return None

    def comments_at(self, line: int) -> tuple[str, ...]:
        """The translator comments of the entry at `line`: where inline suppressions are written."""
        entry = self.entry_at(line)
        return entry.comments if entry is not None else ()

    def header_line(self, name: str) -> int:
        """The line of a header field such as `Language`, or of the header's msgstr when it is absent."""
        if self.header_entry is None:
            return 1
        field = self.header_entry.msgstr_fields[0]
        value, offsets = field.decode(self.text)
        found = re.search(rf"(?m)^{re.escape(name)}\s*:", value)
        if found is None:
            return field.line
        return self.lines.line_of(offsets[found.start()])


class _CatalogText:
    """Catalog text for polib, which opens any string that names an existing file (a PO whose whole
    content is `/etc/passwd` would be read from there). This is not a string, so it is never a path;
    polib only asks it for its lines."""

    def __init__(self, text: str) -> None:
        self.text = text

    def splitlines(self) -> list[str]:
        return self.text.splitlines()


def load_catalog(path: str, data: bytes, locale: str = "") -> Catalog | Finding:
    """The catalog, or the input finding (LK901, LK902, LK906) that says why it cannot be read."""
    text, problem = _decode(path, data)
    if problem is not None:
        return problem
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        raw_entries = scan(text)
        facts = plain_facts(text, raw_entries) or _polib_facts(text)
    except ScanError as error:
        return _invalid(path, f"the catalog cannot be parsed: {error}", error.line, error.column)
    except Exception as error:  # polib raises OSError and ValueError with a line in the message
        found = _POLIB_LINE.search(str(error))
        return _invalid(path, f"the catalog cannot be parsed: {error}", int(found.group(1)) if found else 1)
    header_entry, entries = _entries(raw_entries, facts, text)
    catalog = Catalog(path, locale, text, LineIndex.of(text), facts.header, header_entry, tuple(entries))
    return _with_plural_forms(catalog)


def guess_locale(path: str, header: dict[str, str]) -> str:
    """The catalog's locale from `<locale>/LC_MESSAGES/`, a `fr.po` name, or else its `Language` header."""
    folder = _LOCALE_FOLDER.search(path)
    if folder:
        return folder.group(1)
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if _LOCALE_NAME.match(stem):
        return stem
    return header.get("Language", "").strip()


def _decode(path: str, data: bytes) -> tuple[str, Finding | None]:
    found = _CHARSET.search(data[:4096])
    charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    if charset in ("charset", "utf-8", "utf8"):  # `charset=CHARSET` is the unfilled template value
        return decode(path, data)
    try:
        codecs.lookup(charset)
        text = data.decode(charset)
        return text, lone_surrogate(path, text, charset)
    except LookupError:
        return "", _invalid(path, f"the catalog declares an unknown charset {charset!r}", 1)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", input_problem("LK902", path, Span.point(line), f"the file is not valid {charset}: {error.reason}")


def _invalid(path: str, message: str, line: int, column: int = 1) -> Finding:
    return input_problem("LK906", path, Span.point(line, column), message)


def _polib_facts(text: str) -> EntryFacts:
    """The flags, translator comments and header fields that polib reads; it raises on what it cannot read."""
    parsed = polib.pofile(_CatalogText(text), wrapwidth=0, encoding="utf-8")
    by_key = {
        (entry.msgctxt, entry.msgid): (tuple(entry.flags), tuple(entry.tcomment.split("\n")) if entry.tcomment else ())
        for entry in parsed
        if not entry.obsolete
    }
    return EntryFacts(by_key, {str(key): str(value) for key, value in parsed.metadata.items()})


def _entries(raw_entries: list[RawEntry], facts: EntryFacts, text: str) -> tuple[Entry | None, list[Entry]]:
    """The scanner's positioned entries, each with the flags and comments polib gives its msgid."""
    header_entry = None
    entries: list[Entry] = []
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, text, facts.by_key)
        if index == 0 and entry.msgid == "" and entry.msgctxt is None:
            header_entry = entry
        else:
            entries.append(entry)
    return header_entry, entries


def _entry(raw: RawEntry, text: str, by_key: dict) -> Entry:
    msgctxt = raw.fields["msgctxt"].value(text) if "msgctxt" in raw.fields else None
    msgid = raw.fields["msgid"].value(text)
    plural_field = raw.fields.get("msgid_plural")
    flags, comments = by_key.get((msgctxt, msgid), ((), ()))
    msgstr_fields = tuple(raw.msgstr_fields)
    return Entry(
        msgctxt=msgctxt,
        msgid=msgid,
        msgid_plural=plural_field.value(text) if plural_field is not None else "",
        msgstrs=tuple(field.value(text) for field in msgstr_fields),
        flags=flags,
        comments=comments,
        line=raw.first_line,
        msgid_field=raw.fields["msgid"],
        plural_field=plural_field,
        msgstr_fields=msgstr_fields,
    )


def _with_plural_forms(catalog: Catalog) -> Catalog:
    from dataclasses import replace

    header = catalog.header.get("Plural-Forms")
    if header is None or not header.strip():
        return catalog
    try:
        return replace(catalog, plural_forms=parse_plural_forms(header))
    except PluralFormsError as error:
        return replace(catalog, plural_forms_problem=str(error))
