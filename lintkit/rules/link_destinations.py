"""LK305–LK307: link and image destinations of the source, kept, lost, added or changed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath

from lintkit.analysis.links.destinations import (
    LinkMap,
    has_template,
    is_local,
    locale_names,
    looks_like_domain,
    same_site_name,
    without_locale_host,
)
from lintkit.analysis.links.parity import Difference
from lintkit.analysis.links.shared import LINK_SETTINGS, comparison, link_targets, shown
from lintkit.analysis.links.targets import LinkTargets, split_target
from lintkit.analysis.placeholders import compare_placeholders
from lintkit.config import setting
from lintkit.model import Block, FilePair, Finding, Link, Severity, Span
from lintkit.rules.base import Rule
from lintkit.rules.structure import diverged


def _named(link: Link) -> str:
    """How a translator recognizes a source link: its destination and text."""
    what = "image" if link.kind == "image" else "link"
    text = f' ("{shown(link.text, 40)}")' if link.text.strip() and link.text != link.destination else ""
    return f"{what} to `{shown(link.destination, 80)}`{text}"


def _where_lost(pair: FilePair, link: Link, source_block: Block, target_block: Block) -> Span:
    """Where the lost link was: its text kept as plain text (a brand name, an escaped link), else the target
    line that translates the source line of the link (translations keep line breaks)."""
    text = link.text.strip()
    if len(text) >= 3 and target_block.raw.count(text) == 1:
        start = pair.target.lines.offset(target_block.span.line) + target_block.raw.index(text)
        return pair.target.lines.span(start, start + len(text))
    offset = link.span.line - source_block.span.line
    if offset <= 0 or target_block.span.line + offset > target_block.span.end_line:
        return target_block.span
    return Span.point(target_block.span.line + offset)


def _localized_or_missing(pair: FilePair, targets: LinkTargets, destination: str) -> bool:
    """A local file of the translation's own tree (a localized image or page), or no file at all (LK310)."""
    if not is_local(destination):
        return False
    path, _ = split_target(destination)
    if not path:
        return False
    in_target = targets.find(pair.target.path, path, pair.target.locale)
    in_source = targets.find(pair.source.path, path, pair.source.locale)
    if in_target is None and in_source is None:
        return True
    return isinstance(in_target, str) and in_target != in_source


def translated_fragment(pair: FilePair, difference: Difference) -> bool:
    """Only the fragment changed (`page#how-to-start` → `page#comment-commencer`): a translated anchor.

    Many sites' translators translate heading anchors along with the headings
    (Astro's and MDN's guides ask for it); whether the fragment resolves is LK311's
    question, which it answers wherever the linked page can be read.
    """
    source_path, source_fragment = difference.source.destination.strip().partition("#")[::2]
    target_path, target_fragment = difference.target.destination.strip().partition("#")[::2]
    if not (source_fragment and target_fragment) or source_fragment == target_fragment:
        return False
    if not source_path and not target_path:
        return True
    if not target_path and _names_its_own_page(pair.source.path, source_path):
        return True  # `/en/guides/ghost/#integrating` from ghost.mdx is the translated page's `#integration`
    if not source_path and _names_its_own_page(pair.target.path, target_path):
        return True  # and the other way round: `#passing-components` as `/ja/guides/mdx/#…` from mdx.mdx
    link_map = LinkMap.of(setting(pair, "link-map"), pair.target.locale, pair.source.locale)
    return bool(link_map.source_keys(source_path) & link_map.keys(target_path))


def _names_its_own_page(page: str, destination: str) -> bool:
    """A local destination whose last segment is the page's own file name: a link to the page itself."""
    if not destination.startswith("/") and not destination.startswith("."):
        return False
    stem = PurePosixPath(page).stem
    last = destination.rstrip("/").rsplit("/", 1)[-1]
    return stem not in ("index", "_index", "README") and PurePosixPath(last).stem == stem


def localized_editions(pair: FilePair) -> set[int]:
    """Lost source links and extra target links that are one resource in two language editions, or on
    two hosts of one site.

    `https://en.wikipedia.org/wiki/Link_rot` and `https://fr.wikipedia.org/wiki/Lien_rompu` are
    the same article in the source's and the translation's language: the translator linked the
    reader's edition, which is right everywhere. Ids of both links are returned.
    """

    def compute(pair: FilePair) -> set[int]:
        found: set[int] = set()
        source_locales, target_locales = locale_names(pair.source.locale), locale_names(pair.target.locale)
        extra = [(link, without_locale_host(link.destination, target_locales)) for link, _, _ in comparison(pair).extra]
        for link, _, _ in comparison(pair).lost:
            bare = without_locale_host(link.destination, source_locales)
            site = _site(bare) if bare else None
            match = next(
                (
                    other
                    for other, other_bare in extra
                    if site and other_bare and _site(other_bare) == site and id(other) not in found
                ),
                None,
            )
            if match is None:  # the same page on another host of its site: youtube-nocookie.com for youtube.com
                match = next(
                    (
                        other
                        for other, _ in extra
                        if id(other) not in found and _moved_site(link.destination, other.destination)
                    ),
                    None,
                )
            if match is not None:
                found.update((id(link), id(match)))
        return found

    return pair.memo("links-localized-editions", compute)


def same_site_in_two_editions(pair: FilePair, source: str, target: str) -> bool:
    """The reader's language edition of the site the source links, for a French page:
    `fr.wikipedia.org/…` for `en.wikipedia.org/…`, `fr.vite.dev/…` for `vite.dev/…`,
    `developer.mozilla.org/fr/…` for `developer.mozilla.org/en-US/…`, `hostinger.com/fr/support/`
    for `support.hostinger.com/` (the host and path may differ: editions name their pages in
    their language)."""
    target_locales = locale_names(pair.target.locale)
    source_locales = locale_names(pair.source.locale)
    if _segments_swapped(source, target, source_locales, target_locales):
        return True  # …/docs/en/guides/x.mdx → …/docs/fr/guides/x.mdx: the translated file's own address
    target_site, target_marked = _edition(target, target_locales)
    source_site, _ = _edition(source, source_locales)
    return bool(target_marked and target_site and source_site and same_site_name(target_site, source_site))


def _segments_swapped(source: str, target: str, source_locales: frozenset[str], target_locales: frozenset[str]) -> bool:
    source_parts, target_parts = source.strip().split("/"), target.strip().split("/")
    if len(source_parts) != len(target_parts):
        return False
    changed = [(a, b) for a, b in zip(source_parts, target_parts, strict=True) if a != b]
    return len(changed) == 1 and changed[0][0].lower() in source_locales and changed[0][1].lower() in target_locales


def _edition(url: str, locales: frozenset[str]) -> tuple[str, bool]:
    """The URL's host without a language label, and whether it named one of `locales` (subdomain or path)."""
    match = re.match(r"^(?:https?:)?//([^/?#]+)(/[^?#]*)?", url.strip(), re.IGNORECASE)
    if not match:
        return "", False
    host, path = match.group(1).lower(), match.group(2) or ""
    label, dot, rest = host.partition(".")
    if dot and rest.count(".") >= 1 and label in locales:
        return rest, True
    if dot and "." in rest and label == "www":
        host = rest
    first = path.strip("/").split("/", 1)[0].lower()
    query = re.search(r"[?&](?:hl|lang|locale|language)=([\w-]+)", url, re.IGNORECASE)
    return host, first in locales or bool(query and query.group(1).lower().replace("_", "-") in locales)


def _moved_site(source: str, target: str) -> bool:
    """The same path on another host of the same site: `https://bun.sh/docs` and `https://bun.com/docs`,
    `//www.youtube.com/embed/x` and `https://www.youtube-nocookie.com/embed/x`."""
    found = [re.match(r"^(?:https?:)?//([^/?#]+)(.*)$", value.strip(), re.IGNORECASE) for value in (source, target)]
    if not all(found):
        return False
    (source_host, source_path), (target_host, target_path) = (match.groups() for match in found)
    same_path = source_path.rstrip("/") == target_path.rstrip("/")
    return same_path and source_host.lower() != target_host.lower() and same_site_name(source_host, target_host)


def _site(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].lower()


def _placeholder_reported(pair: FilePair, difference: Difference) -> bool:
    """The source destination is a placeholder the translation lacks: LK101 reports it at this link."""
    keys = [p.key for p in difference.source_block.placeholders if p.raw in difference.source.destination]
    if not keys:
        return False
    source_counts = Counter(p.key for p in pair.source.placeholders)
    target_counts = Counter(p.key for p in pair.target.placeholders)
    return any(target_counts[key] < source_counts[key] for key in keys)


class LinkMissing(Rule):
    """
    What it finds:
        A link or image destination of the source that the translation does
        not have: the link was dropped (its text kept or not), or it broke so
        that it is no longer a link.

    Why it matters:
        The page in that language loses a way to the signup form, the video
        or the download, and nobody reading the source notices.

    Example:
        Source: `Post to [Facebook](https://fb.example/x) or [Twitter](https://twitter.com/x).`
        Translation: `Publiez sur [Facebook](https://fb.example/x) ou Twitter.`
        Finding: `link to https://twitter.com/x ("Twitter") is lost (source line 3)`

    Options:
        `link-map` allows localized prefixes (see LK307).
        `optional-placeholders`: placeholder names (globs) a translation may add or leave out, such as glossary_tooltip.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
        `translatable-placeholders`: placeholder syntaxes whose text translators translate (only options and
        numbers must stay).
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
    """

    code = "LK305"
    reads = (*LINK_SETTINGS, "optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "link-missing"
    summary = "A link or image of the source is missing from the translation."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if diverged(pair):
            return  # LK209 reports the file once
        editions = localized_editions(pair)
        for link, source_block, target_block in comparison(pair).lost:
            if id(link) in editions:
                continue  # the translation links the reader's language edition of the same site
            span = (
                _where_lost(pair, link, source_block, target_block)
                if target_block
                else pair.insertion_point(source_block)
            )
            yield self.report(pair, span, f"{_named(link)} is lost (source line {link.span.line})", source=link.span)


class LinkExtra(Rule):
    """
    What it finds:
        A link or image in the translation whose destination the source does
        not have, with no source link left that it could stand for.

    Why it matters:
        An extra link usually comes from an older version of the page or a
        copy from another page; it may lead readers somewhere the source does
        not send them.

    Example:
        Source: `Read the guide.`
        Translation: `Lisez le [guide](https://old.example/guide).`
        Finding: `link to https://old.example/guide is not in the source`

    Options:
        None. A placeholder destination the source lacks is left to LK102.
        `link-map`: link prefixes a translation localizes: source prefix = localized prefix.
        `optional-placeholders`: placeholder names (globs) a translation may add or leave out, such as glossary_tooltip.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
        `translatable-placeholders`: placeholder syntaxes whose text translators translate (only options and
        numbers must stay).
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
    """

    code = "LK306"
    reads = (*LINK_SETTINGS, "optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "link-extra"
    summary = "The translation has a link or image the source does not have."
    severity = Severity.WARNING

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if diverged(pair):
            return  # LK209 reports the file once
        written_out = pair.memo("placeholders", compare_placeholders).written_out
        for link, _, source_block in comparison(pair).extra:
            if has_template(link.destination):
                continue  # LK102 reports the placeholder the source does not have
            if id(link) in written_out:
                continue  # the link a source macro renders, written out by hand
            if id(link) in localized_editions(pair):
                continue  # the reader's language edition of a site the source links
            where = f" (compared with source line {source_block.span.line})" if source_block is not None else ""
            yield self.report(pair, link.span, f"{_named(link)} is not in the source{where}", source=source_block)


class LinkChanged(Rule):
    """
    What it finds:
        A link whose destination differs from the source link it stands for.
        A placeholder replaced by a hard-coded URL is left to LK101, which
        reports it at the URL. A query value of words (a share link's
        `?text=I just built a blog`) is the translator's to translate; a
        value of one word or code (`?tab=billing`) must stay.

    Why it matters:
        A changed destination sends readers to another page, often an old
        or English one, and bypasses the site's localized URLs.

    Example:
        Source: `Join the [forum](https://forum.example.org/c/help).`
        Translation: `Rejoignez le [forum](https://forum.example.org/c/aide).`
        Finding: `destination https://forum.example.org/c/aide differs from the source's https://forum.example.org/c/help`

    Options:
        `link-map`: a table of source prefix = localized prefix that a team
        changes on purpose, with `{locale}` and `{language}` variables, e.g.
        `"https://code.org/" = "https://code.org/{language}/"`. A link whose
        only change is its fragment (a translated heading anchor) is not
        reported here: LK311 checks that the fragment resolves. Nor is a link
        to the reader's language edition of the site the source links
        (`fr.wikipedia.org` for `en.wikipedia.org`), here or by LK305/LK306.
        `optional-placeholders`: placeholder names (globs) a translation may add or leave out, such as glossary_tooltip.
        `site-root`: folder that root-relative links (/files/x.pdf) start from; may hold {locale}.
        `slug-style`: how the site generator makes heading anchors (github, github-ascii).
        `translatable-placeholders`: placeholder syntaxes whose text translators translate (only options and
        numbers must stay).
        `macro-placeholders`: placeholder syntaxes that call macros (MDN's KumaScript `{{jsxref("Array")}}`):
        compared by the macro's name in any case; their arguments (a live sample's id, a link's text) may be translated.
    """

    code = "LK307"
    reads = (*LINK_SETTINGS, "optional-placeholders", "translatable-placeholders", "macro-placeholders")
    name = "link-changed"
    summary = "A link's destination differs from the source's."
    severity = Severity.ERROR

    def check(self, pair: FilePair) -> Iterator[Finding]:
        if diverged(pair):
            return  # LK209 reports the file once
        targets = link_targets(pair)
        for difference in comparison(pair).changed:
            if looks_like_domain(difference.target.destination):
                continue  # LK308 says more
            if targets is not None and _localized_or_missing(pair, targets, difference.target.destination):
                continue
            if _placeholder_reported(pair, difference) or translated_fragment(pair, difference):
                continue
            if same_site_in_two_editions(pair, difference.source.destination, difference.target.destination):
                continue  # the reader's language edition of the page the source links
            if _moved_site(difference.source.destination, difference.target.destination):
                continue  # the same page of a site that moved (`bun.sh` → `bun.com`) or without `www.`
            yield self.report(
                pair,
                difference.target.span,
                f"destination `{shown(difference.target.destination, 80)}` differs from the source's "
                f"`{shown(difference.source.destination, 80)}` (source line {difference.source.span.line})",
                source=difference.source.span,
            )
