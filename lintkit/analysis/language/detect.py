"""Language identification limited to two languages, for short text: is this the source's language?

py3langid is used because, on 2–6-word fragments of the shared corpus, it
decided English against the target language as well as lingua did (2,282 and
2,280 of 2,304) while its model is 4.6 MB instead of 96 MB and it classifies
faster (see `benchmarks/untranslated.py`). The model loads on first use, once
per process, and only when a block has text that needs a decision; after the
first run it is mapped from an unpacked copy (`model_cache.py`) and scored
without numpy (`scorer.py`). py3langid's own classifier is the fallback when
no copy can be unpacked.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from typing import Any, Protocol

# The languages of py3langid 0.4's model, so that asking "is this language known?" loads nothing.
_LANGUAGES = """ace af am an ar ary arz as az ba bcl be bg bn br bs ca crh cs cy da de dz el en eo es et eu ext fa fi fo
    fr fuv fy ga gcf gcr gd gl gom grc gu gug guw ha hbo he hi hr ht hu hy id ig is it ja jv ka kab kik kk km kn
    ko ku ky la lb lg lij ln lo lt ltg lv mg mk ml mn mr ms mt my ne nl nn no nso oc om or pa pcm pl ps pt qu ro
    ru rw sa sdh se si sk sl sn so sq sr st sv sw ta te tg th tk tl tr tt ug uk ur uz uzs vec vi vo wa wuu xh
    yo yue zh zu"""
KNOWN_LANGUAGES = frozenset(_LANGUAGES.split())


@cache
def available() -> bool:
    """Whether the detector can be used at all (its package is installed), without loading its model."""
    return find_spec("py3langid") is not None


def knows(language: str) -> bool:
    return language in KNOWN_LANGUAGES and available()


class TwoLanguageDetector(Protocol):
    """Decides between a source and a target language; knows which languages it can tell apart."""

    def knows(self, language: str) -> bool: ...

    def probability(self, text: str, language: str, other: str) -> float | None: ...


class Detector:
    """py3langid's own classifier (numpy), restricted to the two languages of each question."""

    def __init__(self, identifier: Any) -> None:
        self._identifier = identifier
        self.languages = frozenset(identifier.labels) if identifier is not None else frozenset()
        self._restricted_to: tuple[str, str] | None = None

    def knows(self, language: str) -> bool:
        return language in self.languages

    def probability(self, text: str, language: str, other: str) -> float | None:
        """How likely `text` is in `language` rather than in `other`; None when either is unknown."""
        if not (self.knows(language) and self.knows(other)) or language == other:
            return None
        wanted = (language, other)
        if self._restricted_to != wanted:
            self._identifier.set_languages(list(wanted))
            self._restricted_to = wanted
        found, confidence = self._identifier.classify(text)
        return float(confidence) if found == language else 1.0 - float(confidence)


@cache
def detector() -> TwoLanguageDetector:
    """The process's one detector; without py3langid it knows no language and callers skip it."""
    if not available():
        return Detector(None)
    from lintkit.analysis.language.model_cache import load_identifier, load_scorer

    return load_scorer() or Detector(load_identifier())
