"""URLs damaged by translation: spaces put in, look-alike punctuation, a broken scheme or host.

`mangling(source, target)` says why a target URL is the source's one damaged,
so the finding can name the fault and the fix is a copy and paste.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from lintkit.analysis.links.destinations import comparable, has_template, host_of, looks_like_domain, site_name

MIN_MANGLED_SIMILARITY = 0.75
_LOOKALIKE_PUNCTUATION = str.maketrans({"؟": "?", "。": ".", "、": ",", "،": ",", "٫": "."})


def repaired(destination: str) -> str:
    """A URL with its translation damage undone: no spaces, ASCII punctuation."""
    value = unicodedata.normalize("NFKC", destination).translate(_LOOKALIKE_PUNCTUATION)
    return re.sub(r"\s+", "", value)


def foreign_punctuation(destination: str) -> list[str]:
    return [
        character
        for character in destination
        if ord(character) > 127 and unicodedata.category(character).startswith(("P", "S"))
    ]


def mangling(source: str, target: str) -> str | None:
    """Why `target` is `source` damaged by translation, or None when it is not."""
    if (has_template(source) and has_template(target)) or looks_like_domain(target):
        return None  # placeholder rules and LK308 say more
    source_key, target_key = comparable(source), comparable(repaired(target))
    close = source_key == target_key or (
        difflib.SequenceMatcher(None, _without_scheme(source), _without_scheme(repaired(target))).ratio()
        >= MIN_MANGLED_SIMILARITY
    )
    if not close:
        return None
    reasons = []
    if re.search(r"\s", target.strip()) and not re.search(r"\s", source.strip()):
        reasons.append("has spaces")
    foreign = [character for character in foreign_punctuation(target) if character not in source]
    if foreign:
        reasons.append(f"has the non-ASCII punctuation `{''.join(dict.fromkeys(foreign))}`")
    source_host, target_host = host_of(source), host_of(repaired(target))
    if source_host and not re.match(r"(?:https?:)?//", repaired(target), re.IGNORECASE):
        reasons.append("has a damaged scheme")
    elif (
        source_host
        and target_host
        and source_host != target_host
        and source_key != target_key
        and _same_path(source, repaired(target))
        and site_name(source_host) != site_name(target_host)  # a site that moved, or `www.` left out
    ):
        reasons.append(f"has the host `{target_host}`, not `{source_host}`")
    return " and ".join(reasons) or None


def _without_scheme(value: str) -> str:
    """`https://x.org/a`, `https//x.org/a` and `//x.org/a` all become `x.org/a`."""
    return re.sub(r"^(?:[a-zA-Z][\w+.-]*:?)?/+", "", value.strip())


def _same_path(source: str, target: str) -> bool:
    def path(value: str) -> str:
        return re.sub(r"^https?://[^/?#]*", "", value, flags=re.IGNORECASE)

    return path(source) == path(target)
