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

import difflib
import re
from pathlib import PurePosixPath

from lintkit.analysis.language.words import Word
from lintkit.formats.scanning import LineCloser, line_closers, replace_markup
from lintkit.model import Block, Document
from lintkit.patterns import on_first_use

_SEPARATORS = re.compile(r"[\s_\-.]+")
_MODULE_LINE = re.compile(
    r"^\s*(?:import\s.+?\sfrom\s+['\"][^'\"]+['\"]|import\s+['\"][^'\"]+['\"]|export\s+(?:const|default|function|let)\b.*);?\s*$"
)
_OPTION = re.compile(r"(?<!\S)--?[A-Za-z][\w-]*")
_SETTING = re.compile(r"^[\w.-]+=\S*$")
_COMMAND_WORD = re.compile(r"^[a-z0-9@][\w.@/:-]*$")

# Patterns of rarer paths are compiled on first use: a one-file check pays for every pattern compiled at import.


_code_punctuation = on_first_use(r"[@/]|\w\.\w|:\w")
_template_slot = on_first_use(r"`[A-Z][A-Z0-9]*_[A-Z0-9_]+`|`[A-Z]{3,}`")
# `**NoAdapterInstalled**:`, `` `CSSSyntaxError`: ``: a program's name for its message (not a label: `**Note**:`).
_program_message = on_first_use(
    r"^(?:\*\*)?(?:`[A-Z][A-Za-z0-9]*`|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z][A-Za-z0-9]*(?:Error|Warning|Exception))"
    r"(?:\*\*)?\s*:\s"
)


_FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})")


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
_FILE_NAME = re.compile(r"^(?:[-*+]\s+)?(\*{0,2}|_{0,2})[\w\[\]().@-]+\.[A-Za-z0-9]{1,5}/?\1$")
_CODE_MARKS = re.compile(r"[{}()\[\];=<>]")
_LETTERS = re.compile(r"[^\W\d_]")
_WORD_CHARACTER = re.compile(r"\w")


def is_code_like(block: Block) -> bool:
    """Module lines, command lines with options, `key=value` settings and code lines, written as text."""
    lines = [line.strip() for line in block.raw.strip().splitlines() if line.strip()]
    if lines and all(_MODULE_LINE.match(line) for line in lines):
        return True
    if lines and _FENCE_LINE.match(lines[0]):
        return True  # a fenced example that mixed indentation kept the parser from seeing as code
    if len(lines) == 1 and _FILE_NAME.match(lines[0]):
        return True  # `- [slug].astro` or `- **[id].ts**` in a file tree: a file's name
    # Blanking markup only takes marks away: text with fewer than three has no more once blanked.
    if len(_CODE_MARKS.findall(block.raw)) >= 3:
        code = _without_markup(block.raw)  # Markdown link syntax, placeholders and HTML tags are not code here
        marks = len(_CODE_MARKS.findall(code))
        if marks >= 3 and marks * 12 >= len(_LETTERS.findall(code)):
            return True  # `export default defineConfig({ markdown: { … } })` left in a list item
    words = _command_words(block.text)
    if words is not None and any(_code_punctuation().search(word) for word in words[1:]):
        return True  # `yarn add @astrojs/react@latest`: a command, lowercase, with a package or a path
    text = " ".join(block.text.split())
    if "-" in text and _OPTION.search(text):  # every option has its dash: the search is tried at every space
        rest = [word for word in _OPTION.sub(" ", text).split() if word != "--"]
        if rest and all(_COMMAND_WORD.match(word) for word in rest) and len(rest) <= 6:
            return True  # `npm run build -- --verbose`: lowercase words and options, no sentence
    words = text.strip("()").split()
    return bool(words) and all(_SETTING.match(word) for word in words)


MAX_COMMAND_WORDS = 8


def _command_words(text: str) -> list[str] | None:
    """The words of `text` when it reads as a command: 2 to `MAX_COMMAND_WORDS` lowercase words (`|`, `/`,
    `--` are not words); None otherwise.

    Asked of every block: a paragraph is known to be no command from its first word that is not a command's,
    or from its words past the limit.
    """
    words = []
    for word in text.split():
        if _WORD_CHARACTER.search(word):
            if len(words) == MAX_COMMAND_WORDS or not _COMMAND_WORD.match(word):
                return None
            words.append(word)
    return words if len(words) >= 2 else None


def _without_markup(text: str) -> str:
    """`text` with each piece of link syntax, placeholder and HTML tag replaced by one space.

    A line of a thousand `{{ ` without a closer must not cost a million steps: each closer is
    looked for with a forward-only cursor (`formats/scanning.py`).
    """
    closers = line_closers(text, (")", "}}", "%}", "%>"))
    return replace_markup(text, _NOT_CODE_START, lambda start: _markup_end(text, start, closers), lambda _: " ")


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
    return bool(_program_message().match(block.raw.lstrip("> \t")) or _template_slot().search(block.raw))


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
            message = _program_message().sub("", block.raw.lstrip("> \t"), count=1)
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


def documents_a_message(source: Document, target: Document) -> bool:
    """A page about one program message: it quotes a program message, or both pages lead with the same quote.

    Such pages (an error reference) title themselves with the message, and
    translators may keep both in the source language so that readers find them.
    A page that leads with a quote the translation translates (a command page's
    summary) is not one.
    """
    if any(is_program_message(block) for block in source.blocks):
        return True
    lead, kept = _lead_quote(source), _lead_quote(target)
    if lead is None or kept is None:
        return False
    ratio = difflib.SequenceMatcher(None, _folded_words(lead.text), _folded_words(kept.text)).ratio()
    return ratio >= KEPT_QUOTE_SIMILARITY  # the same message, give or take a word the source has since changed


KEPT_QUOTE_SIMILARITY = 0.9


def is_message_title_or_lead(block: Block, document: Document) -> bool:
    """The page's title, or the quote it leads with."""
    if block.kind == "front_matter_field":
        return block.info == "title"
    if block.kind == "heading":
        return block.level == 1
    return block.kind == "quote" and _lead_quote(document) is block


def _lead_quote(document: Document) -> Block | None:
    """The quote that opens the page's first section: before any section heading and right before one."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.level > 1:
            return None
        if block.kind == "quote":
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            return block if following is not None and following.kind == "heading" else None
    return None


_external = on_first_use(r"^(?:https?:)?//", re.IGNORECASE)


def names_linked_pages(document: Document, block: Block, words: tuple[Word, ...]) -> bool:
    """Every word stands in the label of a link to another site: the titles of English pages, kept as they are."""
    labels = external_link_labels(document, block)
    spans = [(begin, end) for begin, end in labels if label_names_something(document.text[begin:end])]
    return bool(spans) and all(any(begin <= word.start and word.end <= end for begin, end in spans) for word in words)


def label_names_something(link: str) -> bool:
    """A link label that names something (`Getting Started with Visual Studio Code`), not a call to act."""
    label = link[1:].split("](")[0] if link.startswith("[") else link
    return any(word[:1].isupper() for word in re.findall(r"[^\W\d_][\w'’-]*", label)[1:])


def external_link_labels(document: Document, block: Block) -> list[tuple[int, int]]:
    """Offsets of the links to other sites in a block."""
    return [
        (
            document.lines.offset(link.span.line, link.span.column),
            document.lines.offset(link.span.end_line, link.span.end_column),
        )
        for link in block.links
        if link.kind != "image" and _external().match(link.destination)
    ]


# `**Name:** "title"`, `Build command: `npx astro build``: a field of a program's interface and its value.
_field_value = on_first_use(
    r"""^(?:[-*+]|\d+[.)])?\s*(?:\*\*|__)?(?P<label>[^:*_\n`]{1,40}?)\s*(?::(?:\*\*|__)|(?:\*\*|__)?\s*:)\s+
            (?:`[^`\n]+`|"[^"\n]*"|'[^'\n]*'|[^\s]+)\s*$""",
    re.VERBOSE,
)


FIELD_LABEL_WORDS = 3


def is_field_value(block: Block) -> bool:
    """A one-line `label: value` item whose value is code, a quoted string or one token."""
    lines = block.raw.strip().splitlines()
    if len(lines) != 1:
        return False
    found = _field_value().match(lines[0].strip())
    return bool(found) and len(found.group("label").split()) <= FIELD_LABEL_WORDS


_MARKED = r"“[^”\n]+”|„[^“”\n]+[“”]|«[^»\n]+»|「[^」\n]+」|『[^』\n]+』|\*\*[^*\n]+\*\*|__[^_\n]+__"


_quoted = on_first_use(rf'"[^"\n]+"|{_MARKED}')
# a catalog's own quotes delimit its strings
_quoted_in_catalog = on_first_use(rf'\\"(?:[^"\n\\]|\\[^"])+\\"|{_MARKED}')


def mentions(document: Document, block: Block) -> list[tuple[int, int]]:
    """Offsets of short quoted and bold text in a block: a mention of what a program shows (a prompt, a button)."""
    start = document.lines.offset(block.span.line, block.span.column)
    end = document.lines.offset(block.span.end_line, block.span.end_column)
    pattern = _quoted() if document.catalog is None else _quoted_in_catalog()
    return [
        (found.start(), found.end())
        for found in pattern.finditer(document.text, start, end)
        if len(found.group().split()) <= MENTION_WORDS and not _inner_sentence_end().search(found.group())
    ]


MENTION_WORDS = 12  # a prompt or a button is short; a longer quote is text


_inner_sentence_end = on_first_use(r"[.!?。！？]\s+\S")


def expands_an_acronym(text: str, begin: int, words: list[Word]) -> bool:
    """Words in parentheses right after an acronym made of their initials: `TTL (time to live)`."""
    before = text[max(0, begin - 24) : begin]
    found = re.search(r"\b([A-Z]{2,})\s*[(（]\s*$", before)
    return bool(found) and found.group(1).lower() == "".join(word.lower[0] for word in words)
