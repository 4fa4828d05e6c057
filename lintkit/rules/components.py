"""MDX components: the same components as the source, with the same non-prose attributes (LK210, LK211)."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator

from lintkit.config import setting
from lintkit.model import Attribute, Element, FilePair, Finding, Severity, Span
from lintkit.patterns import on_first_use
from lintkit.rules.base import Rule
from lintkit.sequences import opcodes

# Which props are prose or links (they are compared by the text and link rules) is the format's setting.


# most pages have no JSX expression: these patterns are compiled only when one is read
_string = on_first_use(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
_comment = on_first_use(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def components(elements: tuple[Element, ...], optional: tuple[str, ...] = ()) -> list[Element]:
    """Elements named with a capital letter are components; lowercase ones are HTML, free to vary."""
    return [
        element
        for element in elements
        if element.name[:1].isupper() and not any(fnmatch.fnmatchcase(element.name, glob) for glob in optional)
    ]


def matched_components(pair: FilePair) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes over the component names of source and target."""
    optional = tuple(setting(pair, "optional-components"))
    names = [element.name for element in components(pair.source.elements, optional)]
    target_names = [element.name for element in components(pair.target.elements, optional)]
    return opcodes(names, target_names)


def _tag(element: Element) -> str:
    return f"<{element.name}>"


class ComponentMismatch(Rule):
    """
    What it finds:
        An MDX component of the source that the translation lacks, one it adds,
        or one whose name it changed (`<Tabs>` written `<Onglets>`). A run of
        missing components is one finding, at the place where they belong.

    Why it matters:
        Components are code: a translated name breaks the page's build, a
        missing `<Steps>` or `<Tabs>` loses what the source shows, and an extra
        one usually comes from an older or newer version of the page.

    Example:
        source `<Tabs>` … `<TabItem label="npm">`, translation `<Onglets>` … → LK210
        source `<Since v="4.0.0" />`, translation without it → LK210 (warning)

    Options:
        `optional-components`: components (globs) a translation may leave
        out or add, such as an editors' notice on generated pages. The
        format's `jsx-text-props` and `jsx-link-props` decide which
        attributes are prose and links (LK211 compares the others).
    """

    code = "LK210"
    reads = ("jsx-link-props", "jsx-text-props", "optional-components")
    name = "component-mismatch"
    summary = "An MDX component is missing, extra, or renamed in the translation."
    severity = Severity.WARNING
    formats = frozenset({"mdx"})

    def check(self, pair: FilePair) -> Iterator[Finding]:
        optional = tuple(setting(pair, "optional-components"))
        source = components(pair.source.elements, optional)
        target = components(pair.target.elements, optional)
        for operation, first, last, target_first, target_last in matched_components(pair):
            if operation == "equal":
                continue
            if operation == "replace" and last - first == target_last - target_first:
                for element, written in zip(source[first:last], target[target_first:target_last], strict=True):
                    message = (
                        f"component {_tag(written)} is not the source's {_tag(element)} "
                        f"(source line {element.span.line})"
                    )
                    yield self.report(pair, written.span, message, element.span, severity=Severity.ERROR)
                continue
            if last > first:
                yield self._missing(pair, source[first:last], target, target_first)
            for element in target[target_first:target_last]:
                yield self.report(pair, element.span, f"component {_tag(element)} is not in the source")

    def _missing(self, pair: FilePair, lost: list[Element], target: list[Element], at: int) -> Finding:
        first = lost[0]
        more = f" and {len(lost) - 1} more" if len(lost) > 1 else ""
        lines = f"source line {first.span.line}" + (f"–{lost[-1].span.line}" if len(lost) > 1 else "")
        if at < len(target):
            where = Span.point(target[at].span.line, target[at].span.column)
        elif target:
            where = Span.point(target[-1].span.end_line, 1)
        else:
            block = pair.target.blocks[-1] if pair.target.blocks else None
            where = Span.point(block.span.end_line if block else 1, 1)
        return self.report(pair, where, f"component {_tag(first)}{more} ({lines}) is missing here", first.span)


class ComponentAttributeChanged(Rule):
    """
    What it finds:
        An attribute of a component that is not prose (`slot`, `v`, `pkg`,
        `icon`, `lang`, `client:load`, expressions …) written differently from
        the source, missing, or added. Prose attributes (`title`, `label`,
        `alt` …) and link attributes (`href`, `link` …) are left to the text
        and link rules. In an expression, translated string literals and
        comments are fine.

    Why it matters:
        `<Fragment slot="npn">` renders in no tab, `<Since v="3.0.0" />`
        states the wrong version, and a lost `client:load` ships a component
        that never runs.

    Example:
        source `<Fragment slot="npm">`, translation `<Fragment slot="npn">` → LK211
        source `<Aside title="Tip">`, translation `<Aside title="Astuce">` → fine

    Options:
        `jsx-text-props` and `jsx-link-props` name the prose and link
        attributes; `optional-components` names components left out of the
        comparison.
    """

    code = "LK211"
    name = "component-attribute-changed"
    summary = "A component's non-prose attribute differs from the source's."
    severity = Severity.ERROR
    formats = frozenset({"mdx"})
    reads = ("jsx-link-props", "jsx-text-props", "optional-components")

    def check(self, pair: FilePair) -> Iterator[Finding]:
        free = set(setting(pair, "jsx-text-props")) | set(setting(pair, "jsx-link-props"))
        optional = tuple(setting(pair, "optional-components"))
        source = components(pair.source.elements, optional)
        target = components(pair.target.elements, optional)
        for operation, first, last, target_first, _ in matched_components(pair):
            if operation != "equal":
                continue
            for offset, element in enumerate(source[first:last]):
                yield from self._compare(pair, element, target[target_first + offset], free)

    def _compare(self, pair: FilePair, source: Element, target: Element, free: set[str]) -> Iterator[Finding]:
        compared = [attribute for attribute in source.attributes if attribute.name not in free]
        by_name: dict[str, Attribute] = {}
        for written in target.attributes:  # the first of a name, as `Element.attribute` finds it
            by_name.setdefault(written.name, written)
        for attribute in compared:
            written = by_name.get(attribute.name)
            shown = _shown(attribute.name, attribute.kind, attribute.value)
            if written is None:
                message = f"attribute {shown} of {_tag(source)} is missing (source line {source.span.line})"
                yield self.report(pair, Span.point(target.span.line, target.span.column), message, source.span)
            elif not _same(attribute.kind, attribute.value, written.kind, written.value):
                message = (
                    f"attribute {_shown(written.name, written.kind, written.value)} of {_tag(target)} "
                    f"differs from the source's {shown}"
                )
                yield self.report(pair, written.span, message, source.span)
        names = {attribute.name for attribute in source.attributes}
        for written in target.attributes:
            if written.name not in names and written.name not in free:
                shown = _shown(written.name, written.kind, written.value)
                message = f"attribute {shown} of {_tag(target)} is not in the source"
                yield self.report(pair, written.span, message, source.span)


def _same(kind: str, value: str, other_kind: str, other: str) -> bool:
    if kind != other_kind:
        return False
    if kind != "expression":
        return value == other
    if " ".join(value.split()) == " ".join(other.split()):
        return True
    return _code_only(value) == _code_only(other)


def _code_only(expression: str) -> str:
    """An expression without its string contents and comments: what a translator may not change."""
    return " ".join(_string().sub('""', _comment().sub(" ", expression)).split())


def _shown(name: str, kind: str, value: str) -> str:
    if kind == "boolean":
        return f"`{name}`"
    if kind == "expression":
        inner = value if len(value) <= 40 else value[:39] + "…"
        return f"`{name}={{{inner}}}`"
    if kind == "spread":
        return f"`{{{value}}}`"
    return f'`{name}="{value}"`'
