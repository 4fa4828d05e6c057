"""LK1xx: template placeholders such as `{{ urls/home }}`, `<%= url %>` and `{{< note >}}`."""

from __future__ import annotations

from collections.abc import Iterator

from lintkit.analysis.placeholder_order import reordered
from lintkit.analysis.placeholders import compare_placeholders
from lintkit.formats.placeholders import unclosed
from lintkit.model import Block, FilePair, Finding, Placeholder, Severity, Span
from lintkit.rules.base import Rule


def _diff(pair: FilePair):
    return pair.memo("placeholders", compare_placeholders)


def _where_it_was(placeholder: Placeholder, source_block: Block, target_block: Block) -> Span:
    """The target link that replaced the source's placeholder link, when the links still correspond one to one."""
    if len(source_block.links) == len(target_block.links):
        for source_link, target_link in zip(source_block.links, target_block.links, strict=True):
            if placeholder.raw in source_link.destination:
                return target_link.destination_span or target_link.span
    return target_block.span


class PlaceholderMissing(Rule):
    """
    What it finds:
        A placeholder of the source that the translation does not have anywhere.

    Why it matters:
        The site generator replaces placeholders with links, buttons and names.
        A dropped `{{ urls/home }}` is a dead link or a missing button in that
        language only, and nobody reading English will ever notice.

    Example:
        Source: `Link it to [Hour of Code]({{ urls/home }}).`
        Translation: `Liez-la à [Heure de code](https://hourofcode.com).`
        Finding: `placeholder {{ urls/home }} is missing (source line 12)`

        In a catalog entry with a format flag (`c-format`, `python-brace-format`,
        `icu-message-format`…) the flag's grammar says what a directive is:
        `%(name)s`, `%1$@`, `{0}`, `{count, plural, …}`; a plural form keeps
        the number unless it stands for one or two numbers only
        (docs/format-strings.md).

    Options:
        `placeholders` chooses the syntaxes compared (jinja, erb, hugo by default).
        `translatable-placeholders` names syntaxes whose text translators may
        translate (the `cheatsheets` preset: `{{path/to/file}}` may become
        `{{chemin/vers/fichier}}`): their placeholders are then counted and
        compared only by what must survive, their options (`{{[-r|--recursive]}}`
        stays verbatim) and numbers. `[locale-settings.LOCALE]` sets it per
        locale, for teams that keep every placeholder in English.
        `optional-placeholders` lists names (globs) that a translation may add
        or leave out, such as Kubernetes' `glossary_tooltip` around a term.
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
        A link macro (`{{jsxref("undefined")}}`) written out as the link it
        renders, or called in its older form (`{{Compat("http/status", "404")}}`
        for `{{Compat}}`), is not missing.
    """

    code = "LK101"
    reads = ("optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "placeholder-missing"
    summary = "A placeholder of the source is missing from the translation."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for placeholder, source_block in _diff(pair).missing:
            target_block = pair.target_block_for(source_block) if source_block is not None else None
            if target_block is not None:
                span = _where_it_was(placeholder, source_block, target_block)
            elif source_block is not None:
                span = pair.insertion_point(source_block)
            else:
                span = type(placeholder.span).point(1)
            yield self.report(
                pair,
                span,
                f"placeholder `{placeholder.raw}` is missing (source line {placeholder.span.line})",
                source=placeholder.span,
            )


class PlaceholderExtra(Rule):
    """
    What it finds:
        A placeholder in the translation that the source does not have.

    Why it matters:
        An extra placeholder renders something the source page does not show,
        or comes from an older version of the page that was never updated.

    Example:
        Source: `Share the [guide](https://code.org/guide).`
        Translation: `Partagez le [guide]({{ urls/how_to_guide }}).`
        Finding: `placeholder {{ urls/how_to_guide }} is not in the source`

        In a `python-format` or `c-format` entry, `50 % de remise` holds the
        directive `% d` (a space flag), which is extra: write `%%`.

    Options:
        `optional-placeholders`: names (globs) that a translation may add, such
        as `["glossary_tooltip"]` on a Hugo site whose translators link terms to
        the glossary.
        `translatable-placeholders`: placeholder syntaxes whose text translators translate (only options and
        numbers must stay).
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
    """

    code = "LK102"
    reads = ("optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "placeholder-extra"
    summary = "The translation has a placeholder the source does not have."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for placeholder, target_block in _diff(pair).extra:
            source_block = pair.source_block_for(target_block) if target_block is not None else None
            yield self.report(
                pair,
                placeholder.span,
                f"placeholder `{placeholder.raw}` is not in the source",
                source=source_block,
            )


class PlaceholderAltered(Rule):
    """
    What it finds:
        A placeholder that is almost the source's one: renamed, respelled,
        translated or with spaces inside its name. Inside a code span (a
        command), placeholders in another order than the source's.

    Why it matters:
        `{{ promotion/op_ed }}` for `{{ promote/op_ed }}` looks right to a
        reviewer but resolves to nothing. The finding names the source's form,
        so the fix is a copy and paste.

    Example:
        Source: `Send [an op-ed]({{ promote/op_ed }}).`
        Translation: `Envoyez [une tribune]({{ promotion/op_ed }}).`
        Finding: `placeholder {{ promotion/op_ed }} differs from the source's {{ promote/op_ed }}`

        Source: `` `cp {{file1}} {{file2}}` ``, translation: `` `cp {{fichier2}} {{fichier1}}` ``
        (with `translatable-placeholders`): the placeholders are in another order.

        In a catalog entry with a format flag, the kind of value, the width
        and the precision count: `%s` or `%5d` for `%d` is altered, `%i` or
        `%'d` for `%d` is not.

    Options:
        Spacing inside the braces never matters (`{{urls/home}}` equals `{{ urls/home }}`).
        With `macro-placeholders` (see LK101), only a macro's name counts.
        With `translatable-placeholders` (see LK101), a changed option or number
        inside a translatable placeholder is reported here; translated text is not.
        `optional-placeholders`: placeholder names (globs) a translation may add or leave out, such as glossary_tooltip.
    """

    code = "LK103"
    reads = ("optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "placeholder-altered"
    summary = "A placeholder was changed (renamed, respelled, spaced)."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        for source_placeholder, target_placeholder, _ in _diff(pair).altered:
            yield self.report(
                pair,
                target_placeholder.span,
                f"placeholder `{target_placeholder.raw}` differs from the source's "
                f"`{source_placeholder.raw}` (source line {source_placeholder.span.line})",
                source=source_placeholder.span,
            )
        for source_placeholder, target_placeholder in reordered(pair):
            yield self.report(
                pair,
                target_placeholder.span,
                f"placeholders of this command are in another order: `{target_placeholder.raw}` stands where "
                f"the source has `{source_placeholder.raw}` (source line {source_placeholder.span.line})",
                source=source_placeholder.span,
            )


def _cut_lines(pair: FilePair) -> frozenset[int]:
    """Lines too long to check fully (LK907): past the cut, nothing was read."""
    return frozenset(problem.span.line for problem in pair.target.problems if problem.code == "LK907")


class PlaceholderMalformed(Rule):
    """
    What it finds:
        A placeholder whose delimiters are broken: an extra brace
        (`{{ urls/learn }}}`), an opening `{{` or `<%=` that is never closed,
        or an ERB tag turned into `(%= … %)` by a translation tool. In a
        catalog entry with a format flag, a directive the flag's grammar
        rejects: a lone `%` (write `%%`), a single `}` or unclosed `{` in
        `python-brace-format` (write `}}`, `{{`), an apostrophe that quotes
        `{0}` in `java-format`, an ICU plural without `other` or a select
        keyword the msgid lacks (docs/format-strings.md lists every flag).
        On a line too long to check fully (LK907), an opener whose closer
        may stand past the cut is not reported.

    Why it matters:
        The template engine either fails on the page or prints the broken
        expression to the reader.

    Example:
        Translation: `[Lernen]({{ urls/learn }}})`
        Finding: `placeholder {{ urls/learn }}} has an extra closing brace`

    Options:
        `optional-placeholders`: placeholder names (globs) a translation may add or leave out, such as glossary_tooltip.
        `translatable-placeholders`: placeholder syntaxes whose text translators translate (only options and
        numbers must stay).
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
    """

    code = "LK104"
    reads = ("optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "placeholder-malformed"
    summary = "A placeholder has broken delimiters."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        broken = _diff(pair).broken
        cut = _cut_lines(pair)
        for placeholder in pair.target.placeholders:
            # on a cut line, an opener's closer may stand in the part that went unchecked (LK907 says so)
            if placeholder.problem is None or (placeholder.span.line in cut and unclosed(placeholder)):
                continue
            message = f"placeholder `{placeholder.raw}` {placeholder.problem}"
            original = broken.get(id(placeholder))
            if original is not None:
                message += f"; the source has `{original.raw}` here (source line {original.span.line})"
            yield self.report(pair, placeholder.span, message, source=original.span if original else None)
