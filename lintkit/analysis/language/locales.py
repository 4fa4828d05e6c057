"""Lenient locale tags: `fr-FR`, `pt_BR`, `zh-Hans`, `es-419`, `fr-FR-x-custom` all name a language.

Only the language subtag and, when written, the script subtag matter here.
Tags that do not start with a language code give no language: callers then
skip what needs one instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[-_.@\s]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_SCRIPT = re.compile(r"[A-Za-z]{4}")

# Deprecated codes still seen in file layouts.
_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}

# Languages whose usual script is not Latin; a script subtag overrides this.
_NON_LATIN_LANGUAGES = (
    "am ar as be bg bn bo dv dz el fa gu he hi hy ja ka kk km kn ko ky lo mk ml mn mr my ne or pa ps ru "
    "sa sd si ta te tg th ti tt ug uk ur yi zh"
)
_NON_LATIN = frozenset(_NON_LATIN_LANGUAGES.split())


@dataclass(frozen=True, slots=True)
class Locale:
    """What a locale tag says about the text: its language and whether it is written in Latin letters."""

    tag: str
    language: str  # "" when the tag names no language
    latin: bool

    @classmethod
    def parse(cls, tag: str) -> Locale:
        parts = [part for part in _SEPARATORS.split(tag.strip()) if part]
        language = parts[0].lower() if parts else ""
        if not _LANGUAGE.fullmatch(language):
            return cls(tag, "", True)
        language = _ALIASES.get(language, language)
        script = next((part.title() for part in parts[1:3] if _SCRIPT.fullmatch(part) and part.lower() != "x"), "")
        latin = script == "Latn" if script else language not in _NON_LATIN
        return cls(tag, language, latin)
