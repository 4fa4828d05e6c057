"""Text equal to the source that is a name or code, not English left untranslated.

- A command reference titles each page with the command (`# git commit` on
  `git-commit.md`, `title: tar` on `tar.md`): the title is the page's own name and
  stays as it is in every language.
- Code written as text: an ES module's `import … from '…'` lines (MDX pages), a
  command line with options (`npm run build -- --verbose`), `key=value` settings.
- A program's message quoted as it prints it (`> **NoAdapterInstalled**: Cannot use…`):
  translators keep it in English so that readers can search for it.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lintkit.analysis.language.words import Word
from lintkit.formats.scanning import LineCloser, NextFinder
from lintkit.model import Block, Document

_SEPARATORS = re.compile(r"[\s_\-.]+")
_MODULE_LINE = re.compile(
    r"^\s*(?:import\s.+?\sfrom\s+['\"][^'\"]+['\"]|import\s+['\"][^'\"]+['\"]|export\s+(?:const|default|function|let)\b.*);?\s*$"
)
_OPTION = re.compile(r"(?<!\S)--?[A-Za-z][\w-]*")
_SETTING = re.compile(r"^[\w.-]+=\S*$")
_COMMAND_WORD = re.compile(r"^[a-z0-9@][\w.@/:-]*$")
_CODE_PUNCTUATION = re.compile(r"[@/]|\w\.\w|:\w")
_TEMPLATE_SLOT = re.compile(r"`[A-Z][A-Z0-9]*_[A-Z0-9_]+`|`[A-Z]{3,}`")
_PROGRAM_MESSAGE = re.compile(r"^(?:\*\*)?`?[A-Z][A-Za-z0-9]*(?:Error|Warning|Exception)?`?(?:\*\*)?\s*:\s")


def _folded(text: str) -> str:
    return _SEPARATORS.sub(" ", text).strip().lower()


def is_page_name(document: Document, block: Block, words: list[Word]) -> bool:
    """A heading or `title` whose words are the file's own name (`git-commit.md`, `index` aside)."""
    if block.kind == "heading" and block.level != 1:
        return False
    if block.kind == "front_matter_field" and block.info != "title":
        return False
    if block.kind not in ("heading", "front_matter_field"):
        return False
    stem = PurePosixPath(document.path).stem
    if stem.lower() in ("index", "readme", "_index"):
        return False
    return _folded(" ".join(word.text for word in words)) == _folded(stem)


# Markdown link syntax, placeholders and HTML tags, which are not code here: what the regular expression
# `\]\([^)\n]*\)|[\[\]]|\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|</?[A-Za-z][^<>\n]*>|`` matches, found in linear time.
_NOT_CODE_START = re.compile(r"[\]\[{<`]")
_NOT_CODE_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_FILE_NAME = re.compile(r"^(?:[-*+]\s+)?[\w\[\]().@-]+\.[A-Za-z0-9]{1,5}/?$")
_CODE_MARKS = re.compile(r"[{}()\[\];=<>]")
_LETTERS = re.compile(r"[^\W\d_]")


def is_code_like(block: Block) -> bool:
    """Module lines, command lines with options, `key=value` settings and code lines, written as text."""
    lines = [line.strip() for line in block.raw.strip().splitlines() if line.strip()]
    if lines and all(_MODULE_LINE.match(line) for line in lines):
        return True
    if len(lines) == 1 and _FILE_NAME.match(lines[0]):
        return True  # `- [slug].astro` in a file tree: a file's name
    code = _without_markup(block.raw)  # Markdown link syntax, placeholders and HTML tags are not code here
    marks = len(_CODE_MARKS.findall(code))
    if marks >= 3 and marks * 12 >= len(_LETTERS.findall(code)):
        return True  # `export default defineConfig({ markdown: { … } })` left in a list item
    words = [word for word in block.text.split() if re.search(r"\w", word)]  # `|`, `/`, `--` are not words
    command = 2 <= len(words) <= 8 and all(_COMMAND_WORD.match(word) for word in words)
    if command and any(_CODE_PUNCTUATION.search(word) for word in words[1:]):
        return True  # `yarn add @astrojs/react@latest`: a command, lowercase, with a package or a path
    text = " ".join(block.text.split())
    if _OPTION.search(text):
        rest = [word for word in _OPTION.sub(" ", text).split() if word != "--"]
        if rest and all(_COMMAND_WORD.match(word) for word in rest) and len(rest) <= 6:
            return True  # `npm run build -- --verbose`: lowercase words and options, no sentence
    words = text.strip("()").split()
    return bool(words) and all(_SETTING.match(word) for word in words)


def _without_markup(text: str) -> str:
    """`text` with each piece of link syntax, placeholder and HTML tag replaced by one space.

    A line of a thousand `{{ ` without a closer must not cost a million steps: each closer is
    looked for with a forward-only cursor (`formats/scanning.py`).
    """
    newlines = NextFinder(text, "\n")
    closers = {closer: LineCloser(text, closer, newlines) for closer in (")", "}}", "%}", "%>")}
    pieces: list[str] = []
    kept_from = position = 0
    while (candidate := _NOT_CODE_START.search(text, position)) is not None:
        start = candidate.start()
        end = _markup_end(text, start, closers)
        if end is None:
            position = start + 1
            continue
        pieces.append(text[kept_from:start])
        pieces.append(" ")
        kept_from = position = end
    pieces.append(text[kept_from:])
    return "".join(pieces)


def _markup_end(text: str, start: int, closers: dict[str, LineCloser]) -> int | None:
    """Where the piece of markup that starts at `start` ends, the forms tried in the regular expression's order."""
    pair = text[start : start + 2]
    if pair == "](":
        end = closers[")"].end_after(start + 2)
        if end is not None:
            return end
    if pair[0] in "[]`":
        return start + 1
    for opener, closer in (("{{", "}}"), ("{%", "%}"), ("<%", "%>")):
        if pair == opener:
            end = closers[closer].end_after(start + 2)
            if end is not None:
                return end
    if pair[0] == "<":
        tag = _NOT_CODE_TAG.match(text, start)  # stops at the next `<`: linear
        return tag.end() if tag else None
    return None


def is_program_message(block: Block) -> bool:
    """A quote that prints a program's message: `> **ActionNotFoundError**: Action not found.`, or a
    message template with its slots (`> Failed to get the dimensions for `IMAGE_URL`.`)."""
    if block.kind != "quote":
        return False
    return bool(_PROGRAM_MESSAGE.match(block.raw.lstrip("> \t")) or _TEMPLATE_SLOT.search(block.raw))


def is_quoted_after_colon(block: Block, previous: Block | None, previous_translated: bool) -> bool:
    """A quote left as the source has it, right after a translated sentence that announces it with a colon:
    `Il se peut que l'erreur suivante apparaisse :` then `> Refused to execute inline script…`."""
    if block.kind != "quote" or previous is None or not previous_translated:
        return False
    return previous.text.rstrip().endswith((":", "：", "։"))


def program_messages(document: Document) -> tuple[str, ...]:
    """The messages that the page's program-message quotes print, folded for comparison."""
    found = []
    for block in document.blocks:
        if is_program_message(block):
            message = _PROGRAM_MESSAGE.sub("", block.raw.lstrip("> \t"), count=1)
            found.append(_folded_words(message))
    return tuple(found)


def names_a_message(block: Block, messages: tuple[str, ...]) -> bool:
    """A title, heading or quote that is (part of) a program message the page or its source quotes:
    an error reference page's title, or its quote with the error's name left out."""
    if block.kind not in ("heading", "front_matter_field", "quote") or not messages:
        return False
    text = _folded_words(block.text)
    if block.kind == "quote":
        return len(text) >= 12 and any(text in message for message in messages)
    return bool(text) and any(message.startswith(text) for message in messages)


def _folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
