"""LK9xx: files that cannot be checked. The loaders and the engine produce these
findings; the classes here give them their documentation and make them selectable."""

from __future__ import annotations

from lintkit.problems import INPUT_PROBLEMS
from lintkit.rules.base import Rule


class _InputRule(Rule):
    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.name, cls.severity, cls.summary = INPUT_PROBLEMS[cls.code]


class FileUnreadable(_InputRule):
    """
    What it finds:
        A file that exists in the layout but cannot be read (permissions, a
        broken link, an I/O error) or that the Markdown parser cannot handle.

    Why it matters:
        A translation that cannot be read is not checked; the run says so
        instead of passing silently.

    Example:
        `fr/guide.md:1:1: LK900 [error] cannot read the file: Permission denied`

    Options:
        None.
    """

    code = "LK900"


class FileBinary(_InputRule):
    """
    What it finds:
        A file named like a translation that contains NUL bytes.

    Why it matters:
        A binary file where text is expected is usually a mis-saved export
        (UTF-16, a compressed file); the site build would fail on it.

    Example:
        `fr/guide.md:1:1: LK901 [error] the file is binary (it contains NUL bytes)`

    Options:
        None.
    """

    code = "LK901"


class InvalidUtf8(_InputRule):
    """
    What it finds:
        A file that is not valid UTF-8, with the line, column and byte offset
        of the first bad byte.

    Why it matters:
        Translation tools sometimes save in a legacy encoding (Latin-1,
        Windows-1252); the site shows mojibake or the build fails.

    Example:
        `fr/guide.md:3:12: LK902 [error] the file is not valid UTF-8: byte 0xe9 at offset 58`

    Options:
        None.
    """

    code = "LK902"


class FrontMatterInvalid(_InputRule):
    """
    What it finds:
        YAML front matter that does not parse, at the line of the YAML error.

    Why it matters:
        The page loses its title and metadata, or the whole site build stops.
        Unquoted colons in translated titles are the usual cause.

    Example:
        `fr/guide.md:2:14: LK903 [error] the front matter is not valid YAML: mapping values are not allowed here`

    Options:
        None.
    """

    code = "LK903"


class SourceMissing(_InputRule):
    """
    What it finds:
        A translation whose source file, by the layout patterns, does not exist.

    Why it matters:
        The source was renamed or deleted and the translation is orphaned, or
        the `source`/`target` patterns do not describe the repository.

    Example:
        `fr/old-page.md:1:1: LK904 [error] no source file: expected en/old-page.md`

    Options:
        `source` and `target`, the layout patterns.
    """

    code = "LK904"


class FileUnsupported(_InputRule):
    """
    What it finds:
        A file named on the command line that no format reads (`.rst`,
        `.txt`, …), so it was not checked.

    Why it matters:
        A gate that is handed a file and says nothing about it looks as if it
        checked it. Saying "not checked" keeps a passing run honest.

    Example:
        `docs/fr/index.rst:1:1: LK905 [warning] not checked: no format reads .rst files`

    Options:
        None; the formats lintkit reads are Markdown (`.md`, `.markdown`),
        MDX (`.mdx`) and gettext catalogs (`.po`).
    """

    code = "LK905"


class CatalogInvalid(_InputRule):
    """
    What it finds:
        A gettext catalog (`.po`, `.pot`) that does not parse: an unclosed
        quote, a line that is neither a keyword nor a string, an entry without
        msgstr, `msgstr[n]` without `msgid_plural`, or a charset Python does
        not know. The finding is at the line of the first problem.

    Why it matters:
        `msgfmt` refuses the file, so none of its translations ship; lenient
        readers silently drop the broken entries instead.

    Example:
        `locale/fr/LC_MESSAGES/django.po:41:7: LK906 [error] the catalog cannot be parsed: a string that is
        not closed with a quote`

    Options:
        None.
    """

    code = "LK906"


class CheckFailed(_InputRule):
    """
    What it finds:
        A rule that stopped with an internal error on one file. The file's
        other rules, and every other file, are still checked.

    Why it matters:
        One odd file must not cost a whole CI run its report, and a rule that
        silently skipped a file would pass what it never checked. The finding
        names the rule and the error so it can be reported and fixed.

    Example:
        `fr/guide.md:1:1: LK909 [error] rule LK305 (link-missing) failed on this file: IndexError: list index
        out of range; please report it`

    Options:
        None. Set LINTKIT_DEBUG=1 to print the traceback.
    """

    code = "LK909"
