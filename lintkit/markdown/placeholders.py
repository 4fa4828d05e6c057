"""Template placeholders: finding them, normalizing them and masking them.

Placeholders must be masked before Markdown parsing: `[text]({{ urls/home }})`
is not a link in CommonMark because of the spaces in the destination. Each
placeholder is replaced by a run of one private-use character of the same
length, so lines and columns do not move and every placeholder keeps its exact
position in the mask table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lintkit.model import LineIndex, Placeholder

MASK_BASE = 0xE000
MASK_LIMIT = 0x1900  # the private-use area U+E000..U+F8FF

# Names of Hugo shortcode parameters whose values are prose and get translated.
TRANSLATABLE_SHORTCODE_PARAMETERS = frozenset({"text", "title", "alt", "caption", "description", "label"})


@dataclass(frozen=True)
class Syntax:
    """One placeholder syntax: the family name and the regular expression of a well-formed one."""

    name: str
    pattern: str


SYNTAXES: dict[str, tuple[Syntax, ...]] = {
    "hugo": (
        Syntax("hugo", r"\{\{<\s*/?\s*[\w./-]+(?:[^\n>]|>(?!\}\}))*?>\}\}"),
        Syntax("hugo", r"\{\{%\s*/?\s*[\w./-]+[^\n%]*?%\}\}"),
    ),
    "jinja": (
        Syntax("jinja", r"\{\{(?![<%])[^\n{}]*?\}\}"),
        Syntax("jinja", r"\{%[^\n]*?%\}"),
    ),
    "erb": (Syntax("erb", r"<%[=-]?[^\n]*?-?%>"),),
    "printf": (
        Syntax(
            "printf",
            # `%%` is matched so that it is skipped: it is a literal percent sign, not a placeholder.
            # The space flag is left out: "50 % de remise" is prose in many languages. `%'d` groups
            # thousands, `%.0lf` is a double, `%@` an Objective-C object. Catalog entries with a
            # format flag are read by that flag's grammar instead (`lintkit/formatstrings/`).
            r"%%|%(?:\((?P<printf_name>[\w.]+)\)|\d+\$)?[#0+'-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlLqjzt]*"
            r"[diouxXeEfFgGcrsab@]",
        ),
    ),
    "brace": (Syntax("brace", r"(?<!\{)\{(?:\w+(?:\.\w+|\[\w+\])*)?(?:![rsa])?(?::[^{}\n]*)?\}(?!\})"),),
}

DEFAULT_SYNTAXES = ("hugo", "jinja", "erb")

# Broken forms reported as malformed placeholders. Each is tried only where no
# well-formed placeholder matched.
_MANGLED_ERB = re.compile(r"\((%=?[^\n]*?%)\)")  # the tag is the group: the parentheses stay
_UNCLOSED = {
    "jinja": re.compile(r"\{\{(?![^\n]*\}\})[^\n]*"),
    "erb": re.compile(r"<%=?(?![^\n]*%>)[^\n]*"),
}


def compile_scanner(syntaxes: Iterable[str]) -> re.Pattern[str]:
    """One alternation of all selected syntaxes, longest forms first (hugo before jinja)."""
    order = [name for name in ("hugo", "jinja", "erb", "printf", "brace") if name in set(syntaxes)]
    parts = []
    for name in order:
        for index, syntax in enumerate(SYNTAXES[name]):
            pattern = re.sub(r"\(\?P<(\w+)>", r"(?:", syntax.pattern)
            parts.append(f"(?P<{name}_{index}>{pattern})")
    return re.compile("|".join(parts) or r"(?!)")  # no syntax (`placeholders = []`): a pattern that never matches


def normalize_key(syntax: str, raw: str) -> str:
    """The form two placeholders are compared by: spacing never matters, prose parameters neither."""
    if syntax == "hugo":
        return _hugo_key(raw)
    if syntax == "jinja":
        return _macro_key(_spaced_key(raw))
    if syntax == "erb":
        return _spaced_key(raw)
    return raw


_MACRO_CALL = re.compile(r"^\{\{ (\w+)\s*\((.*)\) \}\}$", re.DOTALL)
_QUOTED_ARGUMENT = re.compile(r"\s*(?:\"([^\"]*)\"|'([^']*)'|([^,]*?))\s*(?:,|$)")


def _macro_key(key: str) -> str:
    """Macro calls (`{{jsxref("Array")}}`, MDN's KumaScript) ignore the name's case and the quoting style.

    `{{JSxRef('Array')}}`, `{{jsxref("Array")}}` and `{{ jsxref("Array") }}` are one call;
    a plain variable such as `{{ Title }}` keeps its case. Only the first argument, what
    the macro points at, is compared: the others are the link text a translator writes
    (`{{domxref("window.confirm", "confirm")}}`) or display sizes, and a trailing `()`
    does not count (`Array.prototype.reduce()` is `Array.prototype.reduce`).
    """
    match = _MACRO_CALL.match(key)
    if not match:
        return key
    name, arguments = match.groups()
    values = macro_arguments(arguments)
    first = f'"{values[0].removesuffix("()")}"' if values else ""
    return f"{{{{ {name.lower()}({first}) }}}}"


def macro_arguments(arguments: str) -> list[str]:
    """The unquoted arguments of a macro call's argument list."""
    values = []
    for argument in _QUOTED_ARGUMENT.finditer(arguments):
        if argument.end() == argument.start():
            break
        double, single, bare = argument.groups()
        values.append(double if double is not None else single if single is not None else (bare or "").strip())
        if argument.end() >= len(arguments):
            break
    return values


_RAW_MACRO = re.compile(r"^\{\{\s*(\w+)\s*(?:\((.*)\))?\s*\}\}$", re.DOTALL)


def macro_call(raw: str) -> tuple[str, list[str]] | None:
    """`{{jsxref("Array.at", "at()")}}` → ("jsxref", ["Array.at", "at()"]); `{{Compat}}` → ("compat", [])."""
    match = _RAW_MACRO.match(raw)
    if not match:
        return None
    return match.group(1).lower(), macro_arguments(match.group(2)) if match.group(2) else []


def rendered_page(raw: str) -> str | None:
    """The page a link macro points at, as the last segment of a URL would name it.

    `{{domxref("window.confirm", "confirm")}}` → `confirm`, `{{glossary("World Wide Web")}}`
    → `world_wide_web`, `{{jsxref("String.prototype.trim()")}}` → `trim`.
    """
    call = macro_call(raw)
    if call is None or not call[1]:
        return None
    target = call[1][0].removesuffix("()").strip().replace(" ", "_")
    last = re.split(r"[/.]", target)[-1]
    return last.lower() or None


_DELIMITERS = re.compile(r"^(\{\{|\{%|<%[=-]?)(.*?)(-?%>|%\}|\}\})$", re.DOTALL)


def _spaced_key(raw: str) -> str:
    """Spacing just inside the delimiters never matters; spacing within the expression does.

    `{{urls/home}}` is `{{ urls/home }}`, but `{{ urls / home }}` is a different
    (broken) expression.
    """
    match = _DELIMITERS.match(raw)
    if not match:
        return " ".join(raw.split())
    opener, inner, closer = match.groups()
    return f"{opener} {' '.join(inner.split())} {closer}"


def _hugo_key(raw: str) -> str:
    delimiter = "<" if raw.startswith("{{<") else "%"
    inner = raw[3:-3].strip()
    closing = inner.startswith("/")
    inner = inner.lstrip("/").strip()
    name, _, rest = inner.partition(" ")
    parameters = re.findall(r'([\w-]+)\s*=\s*("[^"]*"|\'[^\']*\'|\S+)', rest)
    kept = sorted(
        f"{key}={value.strip(chr(34) + chr(39))}"
        for key, value in parameters
        if key not in TRANSLATABLE_SHORTCODE_PARAMETERS
    )
    positional = re.sub(r'([\w-]+)\s*=\s*("[^"]*"|\'[^\']*\'|\S+)', "", rest).split()
    return delimiter + ("/" if closing else "") + " ".join([name, *positional, *kept])


_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z0-9][\w-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_INNER = re.compile(r"^(\{\{[<%]?|\{%|<%[=-]?|%\(|\{)(.*?)([>%]?\}\}|%\}|-?%>|\)\w|\})$", re.DOTALL)


def survivor_key(syntax: str, raw: str) -> str:
    """What must survive in a placeholder whose text translators may translate: its options and numbers.

    Cheat-sheet pages let `{{path/to/file}}` become `{{chemin/vers/fichier}}`, while an
    option placeholder such as `{{[-r|--recursive]}}` stays as it is. So a placeholder that
    holds options keeps its whole (spacing aside) text as its key; any other keeps only its
    numbers: `{{path/to/file1}}` and `{{chemin/vers/fichier1}}` are one placeholder.
    """
    match = _INNER.match(raw)
    opener, inner, closer = match.groups() if match else ("", raw, "")
    if _OPTION.search(inner):
        return f"{syntax}:{opener}{''.join(inner.split())}{closer}"
    return f"{syntax}:{opener}…{' '.join(_NUMBER.findall(inner))}{closer}"


_NAME = re.compile(r"[\w./-]+")


def placeholder_name(syntax: str, raw: str) -> str:
    """The name a configuration uses for a placeholder: a shortcode's or macro's name, else its expression.

    `{{< glossary_tooltip text="…" >}}` and `{{</ note >}}` are `glossary_tooltip` and `note`;
    `{{jsxref("Array")}}` is `jsxref`; `{{ urls/learn }}` is `urls/learn`.
    """
    match = _INNER.match(raw)
    inner = (match.group(2) if match else raw).strip().lstrip("/").strip()
    name = _NAME.match(inner)
    return name.group(0) if name else inner


@dataclass(frozen=True)
class MaskedText:
    """The text with placeholders replaced by same-length private-use runs."""

    text: str
    placeholders: tuple[Placeholder, ...]

    def unmask(self, masked: str) -> str:
        """Put the original placeholder text back into any substring of the masked text."""
        if not self.placeholders:
            return masked
        return _MASK_RUN.sub(lambda match: self._raw_for(match.group(0)), masked)

    def _raw_for(self, run: str) -> str:
        index = ord(run[0]) - MASK_BASE
        if index < len(self.placeholders):
            raw = self.placeholders[index].raw
            if len(raw) == len(run):
                return raw
            return raw if len(run) >= len(raw) else raw[: len(run)]
        return run


_MASK_RUN = re.compile("([\ue000-\uf8ff])\\1*")


def find_placeholders(text: str, scanner: re.Pattern[str], lines: LineIndex) -> list[Placeholder]:
    """Every well-formed and malformed placeholder of `text`, in order."""
    found: list[Placeholder] = []
    taken: list[tuple[int, int]] = []
    for match in scanner.finditer(text):
        if match.group(0) == "%%":
            continue
        syntax = match.lastgroup.rsplit("_", 1)[0] if match.lastgroup else "jinja"
        start, end = match.span()
        problem = None
        if syntax == "jinja" and text.startswith("{{", start):
            extra_close = end < len(text) and text[end] == "}"
            extra_open = start > 0 and text[start - 1] == "{"
            if extra_close and not extra_open:
                end += len(text[end:]) - len(text[end:].lstrip("}"))
                problem = "has an extra closing brace"
            elif extra_open and not extra_close:
                while start > 0 and text[start - 1] == "{":
                    start -= 1
                problem = "has an extra opening brace"
        raw = text[start:end]
        key_raw = match.group(0)
        found.append(Placeholder(syntax, raw, normalize_key(syntax, key_raw), lines.span(start, end), start, problem))
        taken.append((start, end))
    found.extend(_broken_placeholders(text, scanner, lines, taken))
    found.sort(key=lambda placeholder: placeholder.start)
    return found


def _broken_placeholders(
    text: str, scanner: re.Pattern[str], lines: LineIndex, taken: list[tuple[int, int]]
) -> Iterable[Placeholder]:
    def free(start: int) -> bool:
        return not any(begin <= start < end for begin, end in taken)

    if "erb" in scanner.pattern or "jinja" in scanner.pattern:
        for match in _MANGLED_ERB.finditer(text):
            if free(match.start()):
                raw = match.group(1)
                key = _spaced_key("<" + raw + ">")
                yield Placeholder(
                    "erb",
                    raw,
                    key,
                    lines.span(*match.span(1)),
                    match.start(1),
                    "is a mangled ERB tag: `%=` … `%` without its `<` and `>`",
                )
    for syntax, pattern in _UNCLOSED.items():
        if f"(?P<{syntax}_" not in scanner.pattern:
            continue
        for match in pattern.finditer(text):
            if free(match.start()):
                raw = match.group(0)
                shown = raw if len(raw) <= 40 else raw[:40] + "…"
                closer = "}}" if syntax == "jinja" else "%>"
                yield Placeholder(
                    syntax,
                    shown,
                    " ".join(raw.split()),
                    lines.span(match.start(), match.start() + len(raw)),
                    match.start(),
                    f"is never closed with `{closer}`",
                )


def mask(text: str, placeholders: Iterable[Placeholder]) -> MaskedText:
    """Replace each placeholder that has an end by a private-use run of its own length."""
    kept = [placeholder for placeholder in placeholders if "never closed" not in (placeholder.problem or "")]
    if not kept:
        return MaskedText(text, ())
    pieces: list[str] = []
    position = 0
    masked: list[Placeholder] = []
    for placeholder in kept:
        if len(masked) >= MASK_LIMIT or placeholder.start < position:
            continue
        pieces.append(text[position : placeholder.start])
        pieces.append(chr(MASK_BASE + len(masked)) * len(placeholder.raw))
        position = placeholder.start + len(placeholder.raw)
        masked.append(placeholder)
    pieces.append(text[position:])
    return MaskedText("".join(pieces), tuple(masked))
