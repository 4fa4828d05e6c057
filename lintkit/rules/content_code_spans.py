"""LK703: a code span (inline code) of the source that the translation changed, lost or added."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.content.blocks import parity
from lintkit.analysis.content.inline_code import compare
from lintkit.analysis.content.options import option
from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.rules.base import Rule
from lintkit.rules.content_missing import reported, summarised


class CodeSpanChanged(Rule):
    """
    What it finds:
        In each aligned block, a code span whose text differs from the
        source's (`npm start` where the source has `npm install`), a code span
        of the source that the translation dropped, or one the source does not
        have. Spans are compared as a multiset, so their order may change with
        the sentence; placeholders inside them are left to the placeholder
        rules. A span kept as plain text, or plain text put in a span, is only
        formatting and is not reported; nor is a span on one side only when
        the two blocks share no span or differ much in length (the
        translation follows another version of the text). Gettext catalogs
        are not checked: their reST roles (`` :term:`text <target>` ``) have
        translatable text between the backticks.

    Why it matters:
        Commands, options, file names and identifiers are copied by readers as
        they are. A translated or mistyped span breaks what the reader types.

    Example:
        Source: ``Run `npm install` first.``
        Translation: ``Lancez d'abord `npm start`.``
        Finding: `` code `npm start` differs from the source's `npm install` (source line 1) ``

    Options:
        `code-span-words-translatable` (default false): for projects whose
        translators translate the words inside code spans (paths, names in
        examples, placeholders, the text of elements); then a span's first
        word is compared as written when it is a command (not in a sentence:
        three words from a capital, or another script), and the rest by what
        remains without its words: punctuation, digits and element names
        (`/rojo/1` passes for `/red/1`, `nom-du-paquet` for `package-name`,
        `<h1>Accueil</h1>` for `<h1>Home</h1>`, `<port local>` for
        `<local-port>`; `ls -l` does not for `ls -1`, nor `<ViewTransitions />`
        for `<ClientRouter />`, nor `v18` for `22`); `foo` is `foo()`, `<slot>`
        is `<slot/>`, and a span of words only may be lost or added (the
        translator wrote the words, translated). Spaces never count. On a page
        that follows another version of the source (LK701 reports it once),
        spans on one side only are not reported; blocks paired across
        sections (under headings that are not each other's) are not compared.
        `embedded-example-info` (see LK701) decides which blocks are aligned.
    """

    code = "LK703"
    reads = ("code-span-words-translatable", "embedded-example-info")
    name = "code-span-changed"
    summary = "A code span (inline code) differs from the source's, or was lost or added."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if pair.target.catalog is not None:
            return  # catalogs hold reST: roles such as :term:`text <target>` have translatable text
        translatable = option(pair, "code-span-words-translatable")
        content = parity(pair)
        # on a page that follows another version of the source (LK701 says so once), a span on one side only
        # is that version's text, not a lost or added span
        other_version = summarised(pair, reported(pair, content.missing))
        for group in content.groups:
            if content.across_sections(group):
                continue  # blocks under headings that are not each other's: another section's spans
            for difference in compare(group.sources, group.targets, translatable, content.same_content(group)):
                if other_version and difference.kind != "changed":
                    continue
                if difference.kind == "changed":
                    source, target = difference.source, difference.target
                    yield self.report(
                        pair,
                        target.inline.span,
                        f"code `{target.inline.text}` differs from the source's `{source.inline.text}` "
                        f"(source line {source.inline.span.line})",
                        source=source.inline.span,
                    )
                elif difference.kind == "lost":
                    source = difference.source
                    first = group.targets[0].span
                    yield self.report(
                        pair,
                        Span.point(first.line, first.column),
                        f"code `{source.inline.text}` of the source is missing from this block "
                        f"(source line {source.inline.span.line})",
                        source=source.inline.span,
                    )
                else:
                    target = difference.target
                    yield self.report(
                        pair,
                        target.inline.span,
                        f"code `{target.inline.text}` is not in the source's block (source line "
                        f"{group.sources[0].span.line})",
                        source=group.sources[0],
                    )
