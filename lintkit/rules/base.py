"""What a rule is: metadata, documentation, and a generator of findings.

A rule's class docstring is its documentation, with the sections listed in
`DOC_SECTIONS`; `lintkit explain` prints it and a test fails when one is
missing. Rules read a `FilePair` (or, for consistency rules, a `LocaleSet`)
and never touch files or the configuration.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lintkit.model import Block, FilePair, Finding, Fix, LocaleSet, Severity, Span

if TYPE_CHECKING:
    from lintkit.formats.po.catalog import Catalog

DOC_SECTIONS = ("What it finds", "Why it matters", "Example", "Options")


class Rule:
    """Base class of every rule; subclasses set the class attributes and `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    scope: ClassVar[str] = "file"  # "file": check(pair); "locale": check_locale(locale_set)
    options: ClassVar[dict[str, Any]] = {}
    # The configuration keys the rule reads from `pair.options` (declared in lintkit.config.KEYS).
    reads: ClassVar[tuple[str, ...]] = ()
    # Names of the formats whose files the rule reads (lintkit.formats.REGISTRY); empty: every format.
    formats: ClassVar[frozenset[str]] = frozenset()
    # False: a convention some projects follow, not a defect everywhere; runs only when `select` names it
    default_enabled: ClassVar[bool] = True

    def reads_format(self, format_name: str) -> bool:
        return not self.formats or format_name in self.formats

    def check(self, pair: FilePair) -> Iterator[Finding]:
        return iter(())

    def check_locale(self, locale_set: Any) -> Iterator[Finding]:
        return iter(())

    # A locale rule sees every file of the locale, but the engine lets each file go once its own rules have
    # run: it keeps only `locale_facts(pair)` of each, and hands the locale's facts (in the run's order of
    # files) to `check_facts`. A rule that keeps the whole pair runs as it is written; one that keeps a few
    # small, picklable values keeps the run's memory flat and can be checked in other processes.

    def locale_facts(self, pair: FilePair) -> Any:
        """What this locale rule needs of one file; by default the whole pair."""
        return pair

    def check_facts(self, locale: str, facts: list[Any]) -> Iterator[Finding]:
        """The locale's findings from the facts of its files, in the run's order."""
        return self.check_locale(LocaleSet(locale, facts))

    @classmethod
    def keeps_compact_facts(cls) -> bool:
        return cls.locale_facts is not Rule.locale_facts

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def report(
        self,
        pair: FilePair,
        span: Span,
        message: str,
        source: Block | Span | None = None,
        severity: Severity | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding in the translation, pointing back at the source line it was compared with."""
        source_line = None
        if isinstance(source, Block):
            source_line = source.span.line
        elif isinstance(source, Span):
            source_line = source.line
        return Finding(
            path=pair.target.path,
            span=span,
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            source_path=pair.source.path,
            source_line=source_line,
            fix=fix,
        )


def catalog_of(pair: FilePair) -> Catalog:
    """The catalog of a pair that a catalog rule (`formats = {"po"}`) is given."""
    catalog = pair.target.catalog
    if catalog is None:
        raise ValueError(f"{pair.target.path} is not a catalog; the rule declares formats = {{'po'}}")
    return catalog
