"""Code split into the tokens a reader types: what a translation of a code example must keep.

Translators may translate comments and the contents of string literals (and
the text between tags of markup, and the unquoted values of YAML or front
matter), and may reflow whitespace; many projects'
guides ask for exactly that. So by default a comment is dropped, a string
literal keeps only its quotes, text between tags is dropped, and whitespace
separates tokens without being one. Options make comments or strings count.
Which comment syntax applies follows the fence's language; for an unknown
language only the unambiguous forms count (`# ` and `// ` after a space or at
the start of a line, `/* */`, `<!-- -->`). Placeholders are one token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HASH_LANGUAGES = frozenset(
    [
        "sh",
        "bash",
        "shell",
        "zsh",
        "fish",
        "console",
        "shellsession",
        "terminal",
        "python",
        "py",
        "yaml",
        "yml",
        "toml",
        "ruby",
        "rb",
        "perl",
        "r",
        "dockerfile",
        "make",
        "makefile",
        "cmake",
        "conf",
        "nginx",
        "powershell",
        "ps1",
        "graphql",
        "gql",
        "properties",
        "ini",
        "coffee",
        "elixir",
        "ex",
        "julia",
        "nim",
    ]
)
_SLASH_LANGUAGES = frozenset(
    [
        "js",
        "javascript",
        "mjs",
        "cjs",
        "ts",
        "typescript",
        "jsx",
        "tsx",
        "java",
        "c",
        "cpp",
        "c++",
        "cs",
        "csharp",
        "go",
        "rust",
        "rs",
        "swift",
        "kotlin",
        "kt",
        "scala",
        "php",
        "dart",
        "json5",
        "jsonc",
        "astro",
        "vue",
        "svelte",
        "mdx",
        "scss",
        "less",
        "groovy",
        "gradle",
        "zig",
    ]
)
_DASH_LANGUAGES = frozenset(["sql", "lua", "haskell", "hs", "elm", "ada"])
_DATA_LANGUAGES = frozenset(["yaml", "yml", "md", "markdown", "mdx"])  # `key: value` scalars are strings
_MARKUP_LANGUAGES = frozenset(
    ["html", "htm", "xml", "svg", "vue", "svelte", "astro", "jsx", "tsx", "mdx", "md", "markdown"]
)

_BLOCK_COMMENT = r"/\*.*?\*/|<!--.*?-->"
_STRING = r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`"
_PLACEHOLDER = "\x00+"
_PROSE = "\x01"  # a line of prose in markup or Markdown, marked before scanning
# `<example-name>` in a command is a placeholder the reader replaces: its words may be translated
_ARGUMENT = r"<[^\W\d_][\w\- ]*>(?!\s*=)"
# full-width punctuation that CJK text uses where the source has the ASCII sign
_WIDE = str.maketrans("、，。！？：；（）", ",,.!?:;()")
_WORD = r"[^\W_]+(?:[_\-][^\W_]+)*|_+\w*"


@dataclass(frozen=True, slots=True)
class Token:
    """A token as compared (`value`) and where it stands: line and column within the code, 1-based."""

    value: str
    line: int
    column: int
    length: int  # of the token as written


def _scanner(language: str) -> re.Pattern[str]:
    line_comments = []
    if language in _HASH_LANGUAGES:
        line_comments.append(r"(?:(?<=\s)|^)#(?!!).*?$")
        line_comments.append(r"^[ \t]*//.*?$")  # `.env` and config files shown as shell: readers take it as a comment
    if language in _SLASH_LANGUAGES or language in _MARKUP_LANGUAGES:  # markup embeds scripts
        line_comments.append(r"(?:(?<=[\s;{}()])|^)//.*?$")
    if language in _DASH_LANGUAGES:
        line_comments.append(r"(?:(?<=\s)|^)--(?=\s|$).*?$")
    if not line_comments and language not in _MARKUP_LANGUAGES:
        line_comments.append(r"(?:(?<=\s)|^)(?:#|//)(?=\s|$).*?$")
    comment = "|".join([_BLOCK_COMMENT, *line_comments])
    tag_text = ""
    if language in _SLASH_LANGUAGES:  # JSX in a script: the text of an element written on one line
        tag_text = r"|(?P<text>(?<=>)[^<>{}\n]*[^\W\d_][^<>{}\n]*(?=</))"
    if language in _MARKUP_LANGUAGES:
        # prose between tags or expressions: `<p>Published on {date}</p>`, `Read more <a …>`
        prose = r"[^<>{}\n]*[^\W\d_][^<>{}\n]*"
        # before a tag, never an attribute (`src="…"`) nor a tagged template (html`<div>`)
        leading = r"[^<>{}\n=\"`]*[^\W\d_][^<>{}\n=\"`]*"
        tag_text = (
            rf"|(?P<text>(?<=[>}}]){prose}(?=[<{{]|$)|^[ \t]*{leading}(?=<[^\W\d])"
            r"|(?<=[>}])[ \t]*[^\w\s<>{}]+[ \t]*(?=</|\{))"  # punctuation around expressions: `¡{name} !</h1>`
        )
    data = (
        r"|(?<=:[ \t])(?P<scalar>[^\s\"'#|>&*!{\[][^\n#]*[ \t][^\n#]*?|[^\s\"'#|>&*!{\[]*[^\x00-\x7f\s][^\n#]*?)[ \t]*$"
        if language in _DATA_LANGUAGES
        else ""
    )
    argument = "" if language in _MARKUP_LANGUAGES else rf"|(?P<argument>{_ARGUMENT})"
    return re.compile(
        rf"(?P<comment>{comment})|(?P<string>{_STRING})|(?P<placeholder>{_PLACEHOLDER})|(?P<prose>{_PROSE}+)"
        rf"{argument}{tag_text}{data}|(?P<word>{_WORD})|(?P<other>\S)",
        re.DOTALL | re.MULTILINE,
    )


_SCANNERS: dict[str, re.Pattern[str]] = {}
STRING_MARK = '"…"'


def tokens(
    code: str,
    language: str = "",
    placeholders: tuple[str, ...] = (),
    compare_comments: bool = False,
    compare_strings: bool = False,
) -> list[Token]:
    """The tokens of `code` in order; `placeholders` are raw texts that count as one token whatever they say."""
    language = language.lower()
    original = code
    if language not in _SCANNERS:
        _SCANNERS[language] = _scanner(language)
    for raw in placeholders:
        code = code.replace(raw, "\x00" * len(raw))
    if language in _DATA_LANGUAGES:
        code = _QUOTED_VALUE.sub(r"\1\3", code)  # `layout: '../x.astro'` is `layout: ../x.astro`
    code = _mark_prose(code, language).translate(_WIDE)
    line_starts = [0] + [index + 1 for index, char in enumerate(code) if char == "\n"]
    found = []
    line = 1
    for match in _SCANNERS[language].finditer(code):
        kind = match.lastgroup
        value = match.group(0)
        if kind == "prose":
            if not compare_strings:
                continue
            value = " ".join(original[match.start() : match.end()].split())
        elif kind == "comment" or kind == "text":
            if not compare_comments if kind == "comment" else not compare_strings:
                continue
            value = " ".join(value.split())
        elif kind == "argument" and not compare_strings:
            value = "<…>"
        elif kind in ("string", "scalar") and not compare_strings:
            value = STRING_MARK  # the quote may change with the text: '¡Hola!' for "Hello!"
        elif kind == "placeholder":
            value = "\x00"
        start = match.start()
        while line < len(line_starts) and line_starts[line] <= start:
            line += 1
        found.append(Token(value, line, start - line_starts[line - 1] + 1, match.end() - start))
    return found


_QUOTED_VALUE = re.compile(r"^([ \t]*[\w-]+:[ \t]+)([\"'])([^\"'\s]+)\2(?=[ \t]*$)", re.MULTILINE)
_MARKDOWN_LANGUAGES = frozenset(["md", "markdown", "mdx"])
_PROSE_LINE = re.compile(r"^([ \t]*(?:[#>*+-]+[ \t]+|\d+[.)][ \t]+)?)([^<>{}=;`|\n]*[^\W\d_][^<>{}=;`|\n]*?)[ \t]*$")
_MARKDOWN_PROSE_LINE = re.compile(
    r"^([ \t]*(?:[#>*+-]+[ \t]+|\d+[.)][ \t]+)?)([^<>{}=;|\n]*[^\W\d_][^<>{}=;|\n]*?)[ \t]*$"
)  # inline code inside a sentence is the sentence's
_STATEMENT = re.compile(r"^[ \t]*(?:import|export|const|let|var|return|function|if|else|await)\b")


_LINK_TEXT = re.compile(r"(\]\([^)\n]*\))|([^\[\]()<>{}=;`|\n]+)")


def _mark_words(match: re.Match[str]) -> str:
    text = match.group(2)
    if text is None or not any(char.isalpha() for char in text):
        return match.group(0)
    return _PROSE * len(text)


def _mark_prose(code: str, language: str) -> str:
    """Lines of prose that translators translate, each marked as one text token.

    In a Markdown example every line of text outside its front matter is prose
    (its markup stays); in markup (HTML, JSX, Astro) a line of words alone
    between a tag or expression that ends the line before and one that opens
    the line after is the element's text (`<button>` / `Click me!` / `</button>`).
    """
    markdown = language in _MARKDOWN_LANGUAGES
    if not markdown and language not in _MARKUP_LANGUAGES:
        return code
    lines = code.split("\n")
    in_front_matter = False
    marked = []
    for index, line in enumerate(lines):
        if markdown and line.strip() == "---":
            in_front_matter = not in_front_matter if index == 0 or in_front_matter else in_front_matter
            marked.append(line)
            continue
        match = (_MARKDOWN_PROSE_LINE if markdown else _PROSE_LINE).match(line)
        if markdown and not in_front_matter and "](" in line and not _STATEMENT.match(line):
            marked.append(_LINK_TEXT.sub(_mark_words, line))  # a link's text is prose, its destination is not
            continue
        prose = match is not None and not _STATEMENT.match(line) and not (markdown and in_front_matter)
        if prose and not markdown:
            before = next((other.rstrip() for other in reversed(lines[:index]) if other.strip()), "")
            after = next((other.lstrip() for other in lines[index + 1 :] if other.strip()), "")
            prose = before.endswith((">", "}")) and after.startswith(("<", "{"))
        if prose and match is not None:
            lead, text = match.group(1), match.group(2)
            line = lead + _PROSE * len(text) + line[len(lead) + len(text) :]
        marked.append(line)
    return "\n".join(marked)


def language_of(info: str) -> str:
    """The fence's language: `js title="x.js"` → `js`, `{.python}` → `python`."""
    first = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    return first.strip("{}.").split(",")[0].lower()
