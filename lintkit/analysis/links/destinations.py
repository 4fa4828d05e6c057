"""Link destinations as a translation must keep them: normalized, mapped and classified.

Two destinations are the same link when they differ only in spacing inside a
placeholder, `http` versus `https`, letter case of the host or a trailing
slash. A `link-map` lets a team localize a prefix on purpose.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from lintkit.patterns import on_first_use

# Template expressions, and ERB tags a translation tool mangled to `(%= … %)` (LK104 reports those).
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|%=.*?%")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HOST = re.compile(r"^(https?:)?//([^/?#]*)(.*)$", re.IGNORECASE | re.DOTALL)  # also protocol-relative //host
# Endings that are top-level domains and never file extensions (no `.md`, `.py`, `.sh`, `.pl`).
_DOMAIN_ENDINGS = (
    "com|org|net|edu|gov|io|co|info|dev|app|ly|tv|me|us|uk|ca|au|de|fr|es|it|nl|ru|jp|cn|br|kr|mx|ar|eu|ch|se|be|at"
)


_bare_domain = on_first_use(rf"^(?:www\.[^/\s]+|(?:[a-z0-9-]+\.)+(?:{_DOMAIN_ENDINGS}))(?:[/?#:]|$)", re.IGNORECASE)


def has_template(destination: str) -> bool:
    return bool(_TEMPLATE.search(destination))


_tracking = on_first_use(r"(?<=[?&])utm_[a-z]+=[^&#]*&?", re.IGNORECASE)


def _without_tracking(value: str) -> str:
    """`https://x.com?utm_source=docs` is `https://x.com`: campaign parameters never change the page."""
    if "utm_" not in value.lower():
        return value
    value = _tracking().sub("", value)
    return re.sub(r"[?&]+(?=#|$)", "", value)


_QUERY_VALUE = re.compile(r"([?&][^=&#?]+=)([^&#]*)")
_WORDS_APART = re.compile(r"[^\W\d_][\s+]+[^\W\d_]")


def _without_prose(value: str) -> str:
    """A share link's sentence (`tweet?text=I just finished…`) is the translator's, like the link's text: a
    query value of words is compared as `…`. A value of one word or code (`?tab=billing`) is the page's."""
    if "?" not in value:
        return value
    head, _, query = value.partition("?")
    return f"{head}?" + _QUERY_VALUE.sub(_prose_as_mark, f"?{query}")[1:]


def _prose_as_mark(match: re.Match[str]) -> str:
    text = match.group(2)
    words = _WORDS_APART.search(text) is not None or any(char.isalpha() and not char.isascii() for char in text)
    return match.group(1) + "…" if words else match.group(0)


@lru_cache(maxsize=8192)
def comparable(destination: str) -> str:
    """The form two destinations are compared by (kept: a source's links are compared once per translation)."""
    value = unquote(html.unescape(destination.strip()))
    value = _TEMPLATE.sub(lambda match: "".join(match.group(0).split()), value)
    value = _without_prose(_without_tracking(value))
    host = _HOST.match(value)
    if host:
        rest = host.group(3)
        if rest in ("", "/"):
            rest = ""
        elif rest.endswith("/"):
            rest = rest[:-1]
        value = f"web://{host.group(2).lower()}{rest}"
    elif len(value) > 1 and value.endswith("/"):
        value = value[:-1]
    return value


def is_external(destination: str) -> bool:
    """A destination with a scheme (`https:`, `mailto:`) or protocol-relative (`//host/...`)."""
    value = destination.strip()
    return bool(_SCHEME.match(value)) or value.startswith("//")


def is_local(destination: str) -> bool:
    """A path in the site (relative, root-relative or a fragment), not a template, not a web address."""
    value = destination.strip()
    return bool(value) and not is_external(value) and not has_template(value) and not looks_like_domain(value)


def looks_like_domain(destination: str) -> bool:
    """`google.com` or `www.x.org/page`: a web address without `https://`, which browsers treat as a path."""
    value = destination.strip()
    if not value or value[0] in "/.#?" or is_external(value) or has_template(value):
        return False
    return bool(_bare_domain().match(value))


def site_name(host: str) -> str:
    """The name a host's site goes by: `bun` for `bun.sh` and `www.bun.com`, `hostinger` for `support.hostinger.com`."""
    labels = host.lower().rstrip(".").split(".")
    country = len(labels[-1]) == 2 and _country_second_level().match(labels[-2])
    shared = len(labels) >= 3 and (".".join(labels[-2:]) in _SHARED_SUFFIXES or bool(country))
    return labels[-3] if shared else labels[-2] if len(labels) >= 2 else labels[0]


# Suffixes under which each name is a different site: hosting platforms and countries' second levels.
_SHARED_SUFFIXES = frozenset(
    [
        "github.io",
        "gitlab.io",
        "netlify.app",
        "vercel.app",
        "pages.dev",
        "web.app",
        "firebaseapp.com",
        "herokuapp.com",
        "blogspot.com",
        "readthedocs.io",
        "surge.sh",
        "glitch.me",
    ]
)


_country_second_level = on_first_use(r"^(?:co|com|org|net|ac|gov|edu|ne|or)$")


def same_site_name(first_host: str, second_host: str) -> bool:
    """Two hosts of one site: the same name, or one name the other's start (`nuxt`, `nuxtjs`)."""
    first, second = sorted((site_name(first_host), site_name(second_host)), key=len)
    return first == second or (len(first) >= 4 and second.startswith(first))


def host_of(destination: str) -> str | None:
    match = _HOST.match(destination.strip())
    return match.group(2).lower() if match else None


_FIRST_SEGMENT = re.compile(r"^((?:https?://[^/?#]*)?/)([^/?#]+)(?=[/?#]|$)", re.IGNORECASE)


def without_locale(destination: str, locales: frozenset[str]) -> str | None:
    """The destination without a leading locale segment (`/fr/docs/x` → `/docs/x`), or None when it has none."""
    match = _FIRST_SEGMENT.match(destination.strip())
    segment = match.group(2).lower().replace("_", "-") if match else ""
    if match and (segment in locales or segment.split("-")[0] in locales):
        return match.group(1) + destination.strip()[match.end() :].lstrip("/")
    return None


def without_locale_host(destination: str, locales: frozenset[str]) -> str | None:
    """The URL without a language subdomain (`https://fr.wikipedia.org/x` → `https://wikipedia.org/x`)."""
    match = _HOST.match(destination.strip())
    if not match:
        return None
    label, dot, rest = match.group(2).partition(".")
    if dot and rest.count(".") >= 1 and label.lower() in locales:
        return f"https://{rest}{match.group(3)}"
    return None


def locale_names(locale: str) -> frozenset[str]:
    """`pt-BR` → {"pt-br", "pt"}: the forms a locale takes in a URL path."""
    normalized = locale.lower().replace("_", "-")
    return frozenset({normalized, normalized.split("-")[0]})


@dataclass(frozen=True)
class LinkMap:
    """What a translation may do to a source destination on purpose.

    A leading locale segment is always fine (`/en-US/docs/x` → `/fr/docs/x`,
    `/docs/x` → `/fr/docs/x`), and so is a language subdomain (`en.wikipedia.org`
    → `fr.wikipedia.org`). Other localized prefixes come from the `link-map`
    table, with `{locale}` and `{language}` filled in.
    """

    prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    target_locales: frozenset[str] = frozenset()
    source_locales: frozenset[str] = frozenset()

    @classmethod
    def of(cls, table: Mapping[str, str] | None, locale: str, source_locale: str = "en") -> LinkMap:
        language = re.split(r"[-_]", locale)[0]
        filled = []
        for source_prefix, target_prefix in (table or {}).items():
            variants = {
                target_prefix.replace("{locale}", value).replace("{language}", language_value)
                for value, language_value in ((locale, language), (locale.lower(), language.lower()))
            }
            filled.append((source_prefix, tuple(sorted(variants))))
        return cls(tuple(filled), locale_names(locale), locale_names(source_locale))

    def source_keys(self, source_destination: str) -> set[str]:
        keys = {comparable(source_destination)}
        for bare in (
            without_locale(source_destination, self.source_locales),
            without_locale_host(source_destination, self.source_locales),
        ):
            if bare is not None:
                keys.add(comparable(bare))
        return keys

    def keys(self, target_destination: str) -> set[str]:
        """Every comparable form the target may stand for: itself, its locale segment and mapped prefixes undone."""
        value = target_destination.strip()
        keys = {comparable(value)}
        for bare in (without_locale(value, self.target_locales), without_locale_host(value, self.target_locales)):
            if bare is not None:
                keys.add(comparable(bare))
        for source_prefix, target_prefixes in self.prefixes:
            for target_prefix in target_prefixes:
                if value.startswith(target_prefix):
                    keys.add(comparable(source_prefix + value[len(target_prefix) :]))
        return keys
