"""LK401–LK403: text left in the source language (English) inside a translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lintkit.analysis.language import detect
from lintkit.analysis.language.locales import Locale
from lintkit.analysis.language.untranslated import PROSE_KINDS, Verdict, analyse
from lintkit.model import FilePair, Finding, Severity, Span
from lintkit.patterns import on_first_use
from lintkit.rules.base import Rule

QUOTE_LENGTH = 60
PAGE_SHARE = 0.3  # a page whose text blocks are this much still in English gets one finding for the page
PAGE_MIN_BLOCKS = 4  # ... when at least this many blocks are
PAGE_MANY_BLOCKS = 10  # ... and so does a page with this many, whatever its length


_markup = on_first_use(r"\]\([^)]*\)|\*\*|__|[\[\]`]")  # link targets, bold, brackets, backticks


def _quoted(text: str) -> str:
    text = " ".join(_markup().sub("", text).split())
    return f'"{text}"' if len(text) <= QUOTE_LENGTH else f'"{text[: QUOTE_LENGTH - 1]}…"'


def _language_name(pair: FilePair) -> str:
    language = Locale.parse(pair.source.locale).language
    return "English" if language == "en" else f"the source language ({pair.source.locale})"


def _where(verdict: Verdict) -> str:
    return f" (source line {verdict.source.span.line})" if verdict.source is not None else ""


def untranslated_blocks(pair: FilePair) -> list[Verdict]:
    return [verdict for verdict in analyse(pair) if verdict.unchanged or verdict.mostly]


def mostly_untranslated(pair: FilePair) -> tuple[int, int] | None:
    """(untranslated blocks, text blocks) when the page is largely still in the source language."""
    untranslated = len(untranslated_blocks(pair))
    if untranslated < PAGE_MIN_BLOCKS:
        return None
    text_blocks = sum(1 for block in pair.target.blocks if block.kind in PROSE_KINDS and block.text.strip())
    many = untranslated >= PAGE_MANY_BLOCKS or untranslated >= PAGE_SHARE * text_blocks
    return (untranslated, text_blocks) if many else None


class UntranslatedBlock(Rule):
    """
    What it finds:
        A paragraph, heading, list item, table row or front-matter `title` or
        `description` that is still in English: the source block unchanged
        (placeholders, URLs, code, markup and do-not-translate terms aside), or
        a block that is English nearly throughout. One finding per block; a
        page left largely in English (10 such blocks or more, or at least 4
        that make 30% of its text blocks) gets one finding for the page
        instead, at its first such block, with their count and lines.

    Why it matters:
        Copied English is the most common defect of localized pages: the
        reader suddenly gets a paragraph they may not understand, and the
        translation tool counts the page as done. A block made only of names,
        terms, code or links is not reported, and neither is text a
        translator keeps on purpose: a title that is the page's own name
        (`# git commit` on `git-commit.md`), code written as text (`import …
        from '…'`, `npm run build -- --verbose`, `key=value`), a program's
        message quoted as it prints it (`> **NoAdapterError**: …`) or a quote
        the translation announces with a colon.

    Example:
        Source: `See our [event how-to guide]({{ urls/how_to_events }}) for a sample run of show.`
        Translation: the same line, in a French file.
        Finding: `block is the source's English, unchanged: "See our event how-to guide for a sample…" (source line 31)`
        A page left in English: `page is largely untranslated: 38 of 52 text blocks are
        still in English, at lines 5, 9, 12, 14, 20 and 33 more`

    Options:
        `do-not-translate`: terms that stay in English (`["Code.org", "Hour of Code"]`).
        `translatable-keys`: front-matter keys that get translated.
        `untranslated-terms`: report English terms (2-3 words, no grammar words) copied into translated sentences.
    """

    code = "LK401"
    reads = ("do-not-translate", "translatable-keys", "untranslated-terms")
    name = "untranslated-block"
    summary = "A block is still in English (unchanged from the source, or nearly all English)."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        language = _language_name(pair)
        verdicts = untranslated_blocks(pair)
        page = mostly_untranslated(pair)
        if page is not None:
            lines = ", ".join(str(verdict.block.span.line) for verdict in verdicts)
            message = (
                f"page is largely untranslated: {page[0]} of {page[1]} text blocks are still in {language}, "
                f"at lines {lines}"
            )
            yield self.report(pair, verdicts[0].block.span, message, source=verdicts[0].source)
            return
        for verdict in verdicts:
            quote = _quoted(verdict.text(pair.target))
            if verdict.unchanged:
                message = f"block is the source's {language}, unchanged: {quote}{_where(verdict)}"
            else:
                message = f"block is still in {language}: {quote}{_where(verdict)}"
            yield self.report(pair, verdict.block.span, message, source=verdict.source)


class UntranslatedFragment(Rule):
    """
    What it finds:
        A run of English words inside an otherwise translated block: words
        copied from the aligned source block (two or more, not only stop
        words, names or terms), or a sentence that language identification,
        limited to English and the target language, reads as English. In
        Japanese, Chinese, Arabic and other non-Latin text, a run of
        Latin-script English words. The finding quotes the fragment and
        points at its columns.

    Why it matters:
        A sentence appended to the source after translation, or a few words
        left behind (`Post to [Facebook](…)` in French), are easy to miss in
        review. Hashtags, handles, URLs, code, numbers, product names and
        listed terms are masked first, so they are never reported.

    Example:
        Source: `Post to [Facebook](…) or [Twitter](…). Or share one of the images…`
        Translation: `Post to [Facebook](…) or \\[Twitter\\](google.com). Ou partagez l'une des images…`
        Finding: `untranslated English "Post to", copied from the source (source line 40)`

    Options:
        `do-not-translate`: terms that stay in English. By default a copied
        run of two or three words without a grammar word (`web components`,
        `load balancers`) is a technical term, which many teams keep in English;
        `untranslated-terms = true` (the `code-org` preset) reports those too,
        for projects that translate every phrase. Language identification
        uses py3langid; for a language it does not know, only copied text is
        found (LK403 says so once per locale).
        `translatable-keys`: front-matter keys that get translated.
        `untranslated-terms`: report English terms (2-3 words, no grammar words) copied into translated sentences.
    """

    code = "LK402"
    reads = ("do-not-translate", "translatable-keys", "untranslated-terms")
    name = "untranslated-fragment"
    summary = "An English fragment inside a translated block."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        language = _language_name(pair)
        for verdict in analyse(pair):
            for fragment in verdict.fragments:
                first, last = verdict.words[fragment.first], verdict.words[fragment.last]
                span = pair.target.lines.span(first.start, last.end)
                how = ", copied from the source" if fragment.copied else ""
                quote = _quoted(verdict.text(pair.target, fragment.first, fragment.last))
                message = f"untranslated {language} {quote}{how}{_where(verdict)}"
                yield self.report(pair, span, message, source=verdict.source)


class LanguageNotDetected(Rule):
    """
    What it finds:
        A locale whose language the language identifier does not know (or a
        run without the identifier installed), once per locale and run.

    Why it matters:
        For that locale, LK401 and LK402 only see text copied from the source
        and cannot find English that was added or changed. Saying so beats
        guessing with a detector trained on other languages.

    Example:
        Locale `tlh` (Klingon).
        Finding: `language identification does not know "tlh": only text copied from the source is found`

    Options:
        None. Ignore it (`ignore = ["LK403"]`) once you know.
        `do-not-translate`: terms that stay in the source language (never reported as untranslated).
        `translatable-keys`: front-matter keys that get translated.
        `untranslated-terms`: report English terms (2-3 words, no grammar words) copied into translated sentences.
    """

    code = "LK403"
    reads = ("do-not-translate", "translatable-keys", "untranslated-terms")
    name = "language-not-detected"
    summary = "Untranslated-text checks for this locale only see text copied from the source."
    severity = Severity.INFO
    scope = "locale"

    def check_locale(self, locale_set: Any) -> Iterator[Finding]:
        return self.check_facts(locale_set.locale, [self.locale_facts(pair) for pair in locale_set.pairs])

    def locale_facts(self, pair: FilePair) -> tuple[str, str]:
        """Only the file's name and its source's locale: the finding goes to the locale's first file."""
        return pair.target.path, pair.source.locale

    def check_facts(self, locale: str, facts: list[Any]) -> Iterator[Finding]:
        if not facts:
            return
        path, source_locale = facts[0]
        source = Locale.parse(source_locale)
        target = Locale.parse(locale)
        if not target.latin or (target.language and target.language == source.language):
            return  # non-Latin scripts are checked by script; a same-language pair is not checked
        if not detect.available():
            reason = "language identification is not installed (py3langid)"
        elif not target.language:
            reason = f'the locale "{locale}" names no language' if locale else "no locale"
        elif not detect.knows(target.language):
            reason = f'language identification does not know "{locale}"'
        elif not detect.knows(source.language):
            reason = f'language identification does not know the source language "{source_locale}"'
        else:
            return
        yield Finding(
            path=path,
            span=Span.point(1),
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=f"{reason}: only text copied from the source is found for this locale",
        )
