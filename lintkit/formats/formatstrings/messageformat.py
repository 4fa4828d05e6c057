"""MessageFormat: ICU's (`{count, plural, one {# file} other {# files}}`) and Java's (`{0}`, `{0,choice,…}`).

A message is text with arguments in braces. An argument is `{name}`,
`{name, type}` or `{name, type, style}`; `plural`, `selectordinal` and
`select` hold one message per case (`one {…}`, `=0 {…}`, `other {…}`), which
may nest arguments and other plurals; in a plural case `#` is the number.

Quoting differs, and matters to translators: in ICU, `''` is an apostrophe
and a single `'` quotes only before `{`, `}` (or `#` in a plural), so
`l'utilisateur {name}` is fine. In Java's MessageFormat every single `'`
starts quoted text: `l'utilisateur {0}` prints `lutilisateur {0}`, so an
apostrophe that hides an argument is reported.

Each argument is one key (`{count,plural}`, `{name}`), whatever the number of
cases that repeat it: a language with more plural forms writes `{name}` in
more cases, and that is not an extra placeholder.
"""

from __future__ import annotations

import re

from lintkit.formats.formatstrings.base import Directive, Grammar

PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
_SIMPLE_TYPES = frozenset({"number", "date", "time", "spellout", "ordinal", "duration"})
_ICU_NAME = re.compile(r"[^\s{}#,'|:=<>]+")
_JAVA_NAME = re.compile(r"\d+")
_SELECTOR = re.compile(r"=-?\d+(?:\.\d+)?|[^\W\d]\w*|\d+")
_OFFSET = re.compile(r"offset\s*:\s*\d+")
_CHOICE_LIMIT = re.compile(r"\s*(?:-?\d+(?:\.\d+)?|-?\u221e)\s*[#<\u2264]")


class _Broken(Exception):
    def __init__(self, start: int, end: int, message: str) -> None:
        super().__init__(message)
        self.start, self.end, self.message = start, end, message


# Arguments nested deeper than this (a select in a plural in a select…) are reported, not followed.
MAX_NESTING = 24


class _Parser:
    """A recursive reader of one message; `java` switches to Java's quoting and numeric arguments."""

    def __init__(self, text: str, java: bool) -> None:
        self.text = text
        self.java = java
        self.position = 0
        self.nesting = 0
        self.found: list[Directive] = []
        self.select_cases: list[tuple[str, Directive]] = []  # (argument name, its case keyword)

    def run(self) -> list[Directive]:
        try:
            self._message(depth=0, plural=False, choice=False)
        except _Broken as broken:
            self.found.append(
                Directive(broken.start, broken.end, self.text[broken.start : broken.end], "", broken.message)
            )
        return self.found

    def _message(self, depth: int, plural: bool, choice: bool) -> None:
        """Text up to the `}` that closes this case (not consumed), or to the end at depth 0."""
        text = self.text
        while self.position < len(text):
            character = text[self.position]
            if character == "'":
                self._quote(plural, choice)
            elif character == "{":
                self._argument()
            elif character == "}":
                if depth == 0:
                    raise _Broken(self.position, self.position + 1, "is a `}` that closes nothing: quote it as `'}'`")
                return
            elif character == "|" and choice:
                return
            else:
                self.position += 1
        if depth:
            raise _Broken(len(text) - 1 if text else 0, len(text), "leaves a case of a plural or select unclosed")

    def _quote(self, plural: bool, choice: bool) -> None:
        text, start = self.text, self.position
        following = text[start + 1 : start + 2]
        if following == "'":
            self.position += 2
            return
        special = "{}" + ("#" if plural else "") + ("|" if choice else "")
        if not self.java and (not following or following not in special):
            self.position += 1  # ICU: an apostrophe before ordinary text is an apostrophe
            return
        end = start + 1
        while True:
            end = text.find("'", end)
            if end == -1 or not text.startswith("''", end):
                break
            end += 2
        end = len(text) if end == -1 else end + 1
        quoted = text[start:end]
        if self.java and "{" in quoted and following != "{":
            hidden = quoted.index("{")
            raise _Broken(
                start,
                start + 1,
                f"is an apostrophe that quotes `{quoted[hidden : hidden + 12]}…`, which is then printed as text: "
                "write `''` for an apostrophe",
            )
        self.position = end

    def _argument(self) -> None:
        if self.nesting >= MAX_NESTING:
            raise _Broken(self.position, self.position + 1, f"nests arguments more than {MAX_NESTING} deep")
        self.nesting += 1
        try:
            self._argument_body()
        finally:
            self.nesting -= 1

    def _argument_body(self) -> None:
        text, start = self.text, self.position
        self.position += 1
        self._spaces()
        pattern = _JAVA_NAME if self.java else _ICU_NAME
        name = pattern.match(text, self.position)
        if name is None:
            what = "a number" if self.java else "a name"
            raise _Broken(start, start + 1, f"is a `{{` that opens no argument (an argument starts with {what})")
        self.position = name.end()
        self._spaces()
        if self._take("}"):
            self._add(start, self.position, "{" + name.group(0) + "}")
            return
        if not self._take(","):
            raise _Broken(start, self.position + 1, "is an argument that is not closed with `}`")
        self._spaces()
        kind = re.compile(r"\w+").match(text, self.position)
        if kind is None:
            raise _Broken(start, self.position + 1, "is an argument without a type after its comma")
        self.position = kind.end()
        key = "{" + name.group(0) + "," + kind.group(0) + "}"
        self._add(start, self.position, key)
        kind_name = kind.group(0)
        self._spaces()
        if kind_name in ("plural", "selectordinal", "select") and not self.java:
            self._cases(start, kind_name)
        elif kind_name == "choice":
            self._choice(start)
        elif kind_name in _SIMPLE_TYPES:
            self._style(start)
        else:
            raise _Broken(start, self.position, f"has the unknown type `{kind_name}`")
        found = self.found[-1]
        if found.key == key and found.start == start:
            self.found[-1] = Directive(start, found.end, found.raw, key)

    def _cases(self, start: int, kind: str) -> None:
        text = self.text
        name = self.found[-1].key[1:].split(",")[0]
        head_end = self.found[-1].end
        if not self._take(","):
            raise _Broken(start, self.position + 1, f"is a {kind} without its cases")
        self._spaces()
        if kind != "select" and (offset := _OFFSET.match(text, self.position)):
            self.position = offset.end()
        seen: list[str] = []
        while True:
            self._spaces()
            if self._take("}"):
                break
            if self.position >= len(text):
                raise _Broken(start, head_end, f"is a {kind} that is never closed with `}}`")
            selector = _SELECTOR.match(text, self.position)
            if selector is None:
                raise _Broken(start, self.position + 1, f"is a {kind} with a case that has no keyword")
            word = selector.group(0)
            if kind != "select" and not word.startswith("=") and word not in PLURAL_CATEGORIES:
                raise _Broken(
                    selector.start(),
                    selector.end(),
                    "is not a plural category: use zero, one, two, few, many, other or =N",
                )
            seen.append(word)
            if kind == "select":
                self.select_cases.append((name, Directive(selector.start(), selector.end(), word, word)))
            self.position = selector.end()
            self._spaces()
            if not self._take("{"):
                raise _Broken(selector.start(), self.position, f"is a case of a {kind} without `{{…}}` after it")
            self._message(depth=1, plural=kind != "select", choice=False)
            self._take("}")
        if "other" not in seen:
            raise _Broken(start, head_end, f"is a {kind} without an `other` case, which ICU requires")

    def _choice(self, start: int) -> None:
        if not self._take(","):
            raise _Broken(start, self.position + 1, "is a choice without its cases")
        while True:
            limit = _CHOICE_LIMIT.match(self.text, self.position)
            if limit is None:
                raise _Broken(start, self.position + 1, "is a choice case without a limit such as `1#`")
            self.position = limit.end()
            self._message(depth=1, plural=False, choice=True)
            if self._take("}"):
                return
            self._take("|")

    def _style(self, start: int) -> None:
        """`{n, number}`, `{n, number, ::percent}`, `{d, date, short}`: text up to the argument's `}`."""
        if not self._take("}"):
            if not self._take(","):
                raise _Broken(start, self.position + 1, "is an argument that is not closed with `}`")
            close = self.text.find("}", self.position)
            if close == -1 or "{" in self.text[self.position : close]:
                raise _Broken(start, start + 1, "is an argument that is not closed with `}`")
            self.position = close + 1
        found = self.found[-1]
        self.found[-1] = Directive(found.start, self.position, self.text[found.start : self.position], found.key)

    def _add(self, start: int, end: int, key: str) -> None:
        self.found.append(Directive(start, end, self.text[start:end], key))

    def _take(self, character: str) -> bool:
        if self.text.startswith(character, self.position):
            self.position += 1
            return True
        return False

    def _spaces(self) -> None:
        while self.position < len(self.text) and self.text[self.position].isspace():
            self.position += 1


def unknown_select_cases(source: str, target: str) -> list[Directive]:
    """Cases of a translation's `select` that the source's select of that argument does not have.

    Plural categories belong to the target language, but select keywords
    (`female`, `admin`) are values the program passes: a translated or
    misspelled keyword is never chosen.
    """
    source_parser, target_parser = _Parser(source, java=False), _Parser(target, java=False)
    source_parser.run()
    target_parser.run()
    known: dict[str, set[str]] = {}
    for name, case in source_parser.select_cases:
        known.setdefault(name, set()).add(case.raw)
    found = []
    for name, case in target_parser.select_cases:
        if name in known and case.raw not in known[name] and case.raw != "other":
            cases = ", ".join(sorted(known[name]))
            message = f"is not a case of the source's select on `{name}` ({cases}): keep the source's keywords"
            found.append(Directive(case.start, case.end, case.raw, case.raw, message))
    return found


def scan(text: str, java: bool = False) -> list[Directive]:
    """The arguments of a message, each key once (first occurrence), and the first syntax error."""
    seen: set[str] = set()
    found = []
    for directive in _Parser(text, java).run():
        if directive.problem is None and directive.key in seen:
            continue
        seen.add(directive.key)
        found.append(directive)
    return found


GRAMMARS = (
    Grammar(
        "icu-message-format",
        "icu",
        "ICU MessageFormat: `{name}`, `{count, plural, one {# file} other {# files}}`, `{g, select, …}`",
        "`''` is an apostrophe; `'{'` quotes a brace",
        scan,
        "{count, plural, one {# file} other {# files}}",
    ),
    Grammar(
        "java-format",
        "brace",
        "Java MessageFormat: `{0}`, `{1,number,integer}`, `{0,choice,0#no files|1#one file|1<{0} files}`",
        "`''` is an apostrophe; any other `'` quotes the text after it",
        lambda text: scan(text, java=True),
        "{0} of {1}",
    ),
)
