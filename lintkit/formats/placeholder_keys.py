"""How placeholders are named and compared: the key two placeholders match by, a macro's call and arguments.

Spacing inside a placeholder never matters (`{{ x }}` is `{{x}}`), nor the
prose parameters of a shortcode or macro, which translators translate. The
name a configuration uses for a placeholder, and the key a mangled one keeps,
come from the same reading.
"""

from __future__ import annotations

import re

from lintkit.patterns import on_first_use

# Names of Hugo shortcode parameters whose values are prose and get translated.
TRANSLATABLE_SHORTCODE_PARAMETERS = frozenset({"text", "title", "alt", "caption", "description", "label"})


def normalize_key(syntax: str, raw: str) -> str:
    """The form two placeholders are compared by: spacing never matters, prose parameters neither."""
    if syntax == "hugo":
        return _hugo_key(raw)
    if syntax == "jinja":
        return _macro_key(spaced_key(raw))
    if syntax == "erb":
        return spaced_key(raw)
    return raw


_MACRO_CALL = re.compile(r"^\{\{ (\w+)\s*\((.*)\) \}\}$", re.DOTALL)


_quoted_argument = on_first_use(r"\s*(?:\"([^\"]*)\"|'([^']*)'|([^,]*?))\s*(?:,|$)")


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
    for argument in _quoted_argument().finditer(arguments):
        if argument.end() == argument.start():
            break
        double, single, bare = argument.groups()
        values.append(double if double is not None else single if single is not None else (bare or "").strip())
        if argument.end() >= len(arguments):
            break
    return values


_raw_macro = on_first_use(r"^\{\{\s*(\w+)\s*(?:\((.*)\))?\s*\}\}$", re.DOTALL)


def macro_call(raw: str) -> tuple[str, list[str]] | None:
    """`{{jsxref("Array.at", "at()")}}` → ("jsxref", ["Array.at", "at()"]); `{{Compat}}` → ("compat", [])."""
    match = _raw_macro().match(raw)
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


def spaced_key(raw: str) -> str:
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


_option = on_first_use(r"(?<![\w-])--?[A-Za-z0-9][\w-]*")
_number = on_first_use(r"\d+(?:[.,]\d+)?")
_inner = on_first_use(r"^(\{\{[<%]?|\{%|<%[=-]?|%\(|\{)(.*?)([>%]?\}\}|%\}|-?%>|\)\w|\})$", re.DOTALL)


def survivor_key(syntax: str, raw: str) -> str:
    """What must survive in a placeholder whose text translators may translate: its options and numbers.

    Cheat-sheet pages let `{{path/to/file}}` become `{{chemin/vers/fichier}}`, while an
    option placeholder such as `{{[-r|--recursive]}}` stays as it is. So a placeholder that
    holds options keeps its whole (spacing aside) text as its key; any other keeps only its
    numbers: `{{path/to/file1}}` and `{{chemin/vers/fichier1}}` are one placeholder.
    """
    match = _inner().match(raw)
    opener, inner, closer = match.groups() if match else ("", raw, "")
    if _option().search(inner):
        return f"{syntax}:{opener}{''.join(inner.split())}{closer}"
    return f"{syntax}:{opener}…{' '.join(_number().findall(inner))}{closer}"


_NAME = re.compile(r"[\w./-]+")


def placeholder_name(syntax: str, raw: str) -> str:
    """The name a configuration uses for a placeholder: a shortcode's or macro's name, else its expression.

    `{{< glossary_tooltip text="…" >}}` and `{{</ note >}}` are `glossary_tooltip` and `note`;
    `{{jsxref("Array")}}` is `jsxref`; `{{ urls/learn }}` is `urls/learn`.
    """
    match = _inner().match(raw)
    inner = (match.group(2) if match else raw).strip().lstrip("/").strip()
    name = _NAME.match(inner)
    return name.group(0) if name else inner
