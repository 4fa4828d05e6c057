"""LK206: fenced and indented code is copied, not translated: compared token by token."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.content.code_tokens import STRING_MARK, Token, language_of, tokens
from lintkit.analysis.content.options import option
from lintkit.model import Block, Document, FilePair, Finding, Severity, Span
from lintkit.patterns import on_first_use
from lintkit.rules.base import Rule
from lintkit.sequences import opcodes

_FENCES = ("```", "~~~")


class CodeBlockChanged(Rule):
    """
    What it finds:
        A code block that differs from the source's in its code: a changed,
        lost or added token (`npm start` for `npm install`, a dropped line, a
        translated keyword). The finding points at the first changed token
        inside the block, not at the fence. Comments, the contents of string
        literals, text between tags (HTML, JSX) and whitespace may be
        translated or reflowed and do not count; placeholders count as one
        token whatever they say; a comma or semicolon more or less is
        reformatting, and so are strings added to or dropped from a list
        (greetings localized as three where the source has four), while
        string contents are not compared. A source code block the
        translation lacks is reported by LK701.

    Why it matters:
        Readers copy code as it is. A translated keyword, a lost line or a
        "smart" quote makes the example fail in one language only.

    Example:
        Source: a fence with `kubectl get pods`
        Translation: a fence with `kubectl obtenir pods`
        Finding: `` code differs from the source's: `obtenir` where the source has `get` (source line 31) ``

    Options:
        `code-compare-comments` (default false): comments must be as the source has them.
        `code-compare-strings` (default false): string contents and text between tags must be as the source has them.
        `code-identifiers-translatable` (default false): for projects whose guides let translators rename
        variables in examples (Astro's do); an identifier renamed the same way everywhere in the block is
        then not a change.
    """

    code = "LK206"
    reads = ("code-compare-comments", "code-compare-strings", "code-identifiers-translatable")
    name = "code-block-changed"
    summary = "A code block's code differs from the source's."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        strict = (option(pair, "code-compare-comments"), option(pair, "code-compare-strings"))
        self._renames_allowed = option(pair, "code-identifiers-translatable")
        for source, target in pair.aligned():
            if source.kind != "code" or not is_code(pair.source, source):
                continue
            if target.kind == "code" and not is_code(pair.target, target):
                continue
            if target.kind != "code":
                yield self.report(
                    pair, target.span, f"code block of source line {source.span.line} is missing", source=source
                )
                continue
            finding = self._compare(pair, source, target, *strict)
            if finding is not None:
                yield finding

    def _compare(self, pair: FilePair, source: Block, target: Block, comments: bool, strings: bool) -> Finding | None:
        language = language_of(source.info)
        source_tokens = _tokens_of(source, language, comments, strings)
        target_tokens = _tokens_of(target, language, comments, strings)
        source_values = [token.value for token in source_tokens]
        target_values = [token.value for token in target_tokens]
        if self._renames_allowed:
            target_values = undo_renames(source_values, target_values)
        if source_values == target_values:
            return None
        changes = [
            op
            for op in opcodes(source_values, target_values)
            if op[0] != "equal"
            and not _separators_only(op, source_values, target_values)
            and not (not strings and _list_items_only(op, source_values, target_values))
        ]
        if not changes:
            return None  # a comma or semicolon more or less: the example was reformatted
        tag, i1, i2, j1, j2 = changes[0]
        target_at = _at(pair.target, target, target_tokens, j1)
        source_at = _at(pair.source, source, source_tokens, i1)
        has = _quote(source_tokens[i1:i2])
        gets = _quote(target_tokens[j1:j2])
        if tag == "replace":
            what = f"`{gets}` where the source has `{has}`"
        elif tag == "delete":
            what = f"the source's `{has}` is missing here"
        else:
            what = f"`{gets}` is not in the source's code"
        return self.report(
            pair,
            target_at,
            f"code differs from the source's: {what} (source line {source_at.line})",
            source=source_at,
        )


_identifier = on_first_use(r"[^\W\d]\w*(?:-\w+)*")  # names and the words of paths (`about`, `sobre-mí`)


def undo_renames(source: list[str], target: list[str]) -> list[str]:
    """The target's tokens with each consistently renamed identifier put back to the source's name.

    A rename counts when one source identifier always stands for the same target identifier and the other
    way round (`title` → `titulo` everywhere): the example still works as written. A name kept as it is
    stands for itself, so nothing may be renamed into it (`let` → `const` beside a kept `const`).
    """
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for tag, i1, i2, j1, j2 in opcodes(source, target):
        if tag not in ("replace", "equal") or i2 - i1 != j2 - j1:
            continue
        for old, new in zip(source[i1:i2], target[j1:j2], strict=True):
            if not (_identifier().fullmatch(old) and _identifier().fullmatch(new)):
                continue
            if forward.setdefault(old, new) != new or backward.setdefault(new, old) != old:
                return target  # not one consistent rename: compare as written
    if any(name in forward and forward[name] != name for name in set(target) - set(backward)):
        return target
    return [backward.get(value, value) for value in target]


_SEPARATORS = frozenset({",", ";"})


def _separators_only(op: tuple, source: list[str], target: list[str]) -> bool:
    _, i1, i2, j1, j2 = op
    return set(source[i1:i2]) | set(target[j1:j2]) <= _SEPARATORS


def _list_items_only(op: tuple, source: list[str], target: list[str]) -> bool:
    """Strings added to or dropped from a list (`["Hi", "Hello"]`, `["Hola"]`), where string contents are not
    compared: the texts a translator localizes, whose number may change with them. A string alone (a command's
    argument) is still a change."""
    tag, i1, i2, j1, j2 = op
    changed = source[i1:i2] if tag == "delete" else target[j1:j2] if tag == "insert" else []
    return bool(changed) and set(changed) == _LIST_ITEM_TOKENS


_LIST_ITEM_TOKENS = frozenset({",", STRING_MARK})


def is_code(document: Document, block: Block) -> bool:
    """MDX has no indented code: there, four spaces indent prose inside a component (`<Steps>`)."""
    return block.raw.lstrip().startswith(_FENCES) or not document.path.endswith(".mdx")


def _tokens_of(block: Block, language: str, comments: bool, strings: bool) -> list[Token]:
    raws = tuple(placeholder.raw for placeholder in block.placeholders)
    return tokens(block.text, language, raws, comments, strings)


def _at(document: Document, block: Block, block_tokens: list[Token], index: int) -> Span:
    """The file position of token `index` (or of the end of the code, when the change is after the last token)."""
    first_line = block.span.line + (1 if block.raw.lstrip().startswith(_FENCES) else 0)
    if index >= len(block_tokens):
        if not block_tokens:
            return Span.point(first_line)
        last = block_tokens[-1]
        line = min(first_line + last.line - 1, document.lines.line_of(len(document.text)))
        return Span.point(line, 1)
    token = block_tokens[index]
    line = first_line + token.line - 1
    code_line = block.text.split("\n")[token.line - 1]
    file_line = document.line_text(line) if line <= len(document.lines.starts) else ""
    indent = max(file_line.find(code_line), 0) if code_line else 0
    column = indent + token.column
    return Span(line, column, line, column + token.length)


def _quote(found: list[Token], limit: int = 40) -> str:
    text = " ".join("…" if token.value == "\x00" else token.value for token in found)
    return text if len(text) <= limit else text[: limit - 1] + "…"
